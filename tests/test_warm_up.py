"""A parse worker loads everything a parse needs before it says it is ready, so a file's time
limit (``--timeout``) is spent on the file, not on loading the taxonomy and the word lists (the
first file on a fresh helper took 0.25-0.5 s more than the next, and timed out under a 1 s cap on a
busy machine)."""

from __future__ import annotations

import json
import subprocess
import sys

PROBE = r"""
import functools, gc, json, sys
from matcher.batch._parsing import warm_up
warm_up()
def loaders():
    out = {}
    for obj in gc.get_objects():
        if isinstance(obj, functools._lru_cache_wrapper):
            module = getattr(obj, "__module__", "") or ""
            maxsize = obj.cache_parameters()["maxsize"]
            if module.startswith("matcher") and maxsize is not None and maxsize <= 8:
                out[f"{module}.{obj.__qualname__}"] = obj.cache_info().misses
    return out
before = loaders()
from matcher.resume import parse_resume_text
parse_resume_text(sys.argv[1])
after = loaders()
print(json.dumps({k: after[k] - before.get(k, 0) for k in after if after[k] != before.get(k, 0)}))
"""

RESUME = (
    "Jane Roe\njane@example.org  (555) 123-4567\nSUMMARY\nCurrently pursuing an MBA.\n"
    "EXPERIENCE\nSenior Accountant  Acme Corp  Jan 2015 - Present\nReconciled bank accounts and "
    "prepared journal entries in QuickBooks.\nProduction Experience\nMarch 2010 to Dec 2014\n"
    "Company Name  City , State  Staff Accountant\nEDUCATION\nB.S. Accounting, Ohio State University, "
    "2009\nSKILLS\nExcel, SAP, payroll\nCERTIFICATIONS\nCPA, 2012\n"
)


def test_after_warm_up_a_parse_loads_nothing_more() -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, RESUME], capture_output=True, text=True, check=True, timeout=300
    )
    assert json.loads(done.stdout.strip().splitlines()[-1]) == {}
