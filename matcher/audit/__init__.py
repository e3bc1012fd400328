"""Fairness and accountability on top of a ranking: the adverse-impact audit (scoring or
selection rates and impact ratios by group, NYC Local Law 144 and the four-fifths rule) and the
run log (one JSON line per ranking, so a decision can be explained later)."""

from __future__ import annotations

from matcher.audit._impact import (
    FOUR_FIFTHS,
    MIN_SHARE,
    AuditReport,
    CharacteristicRates,
    GroupRate,
    audit,
    read_groups,
    read_selected,
)
from matcher.audit._report import audit_csv, audit_html, format_audit
from matcher.audit._runlog import RUN_LOG_ENV, read_run_log, run_log_path, run_record, write_run_record

__all__ = [
    "FOUR_FIFTHS",
    "MIN_SHARE",
    "RUN_LOG_ENV",
    "AuditReport",
    "CharacteristicRates",
    "GroupRate",
    "audit",
    "audit_csv",
    "audit_html",
    "format_audit",
    "read_groups",
    "read_run_log",
    "read_selected",
    "run_log_path",
    "run_record",
    "write_run_record",
]
