"""``python -m matcher``: the command line, as the ``matcher`` script runs it."""

from matcher.cli import main

if __name__ == "__main__":
    main()
