"""The role component's reading of a resume's own title."""

from __future__ import annotations


def test_a_resumes_first_line_is_the_first_of_its_lines_not_blank() -> None:
    import random

    from matcher.scoring._role import _first_line

    def reference(text: str) -> str:
        return next((line.strip() for line in text.splitlines() if line.strip()), "")

    # every character str.splitlines breaks at, other white space, and words
    alphabet = ["a", "b", " ", "\t", "\n", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85"]
    alphabet += ["\u2028", "\u2029", "\u00a0", "\u3000"]
    draw = random.Random(7)
    for _ in range(20_000):
        text = "".join(draw.choice(alphabet) for _ in range(draw.randint(0, 12)))
        assert _first_line(text) == reference(text), repr(text)
