"""What a ranking or a resume becomes: a table, JSON, CSV, a self-contained HTML report, JSON Resume;
files written atomically."""

from __future__ import annotations

from matcher.outputs._jsonresume import to_json_resume
from matcher.outputs._report import (
    check_output_path,
    format_table,
    iter_json,
    to_csv,
    to_html,
    to_json,
    write_atomic,
)
from matcher.outputs._safe import csv_cell, json_safe, printable, terminal_text
from matcher.outputs._summary import format_posting, format_resume

__all__ = [
    "check_output_path",
    "csv_cell",
    "format_posting",
    "format_resume",
    "format_table",
    "iter_json",
    "json_safe",
    "printable",
    "terminal_text",
    "to_csv",
    "to_html",
    "to_json",
    "to_json_resume",
    "write_atomic",
]
