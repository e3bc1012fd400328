"""``calibrate``: fit the score's component weights to past decisions; ranking-quality metrics."""

from __future__ import annotations

from matcher.calibration._calibrate import (
    Calibration,
    Decision,
    Quality,
    calibrate,
    fit_weights,
    read_decisions,
    weighted_total,
)
from matcher.calibration._metrics import kendall_tau_b, ndcg_at, spearman

__all__ = [
    "Calibration",
    "Decision",
    "Quality",
    "calibrate",
    "fit_weights",
    "kendall_tau_b",
    "ndcg_at",
    "read_decisions",
    "spearman",
    "weighted_total",
]
