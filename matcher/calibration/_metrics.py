"""How well scores order candidates against people's grades: rank correlations and tie-aware NDCG.

The same definitions serve ``matcher calibrate`` and ``scripts/evaluate.py ranking``: Spearman's
rho and Kendall's tau-b (0 when either side is constant: a scorer that cannot tell the candidates
apart ranks no better than chance), and NDCG@k with gain = grade - lowest grade and a log2
discount, where candidates tied on the score share their mean gain (McSherry & Najork 2008).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

__all__ = ["kendall_tau_b", "ndcg_at", "spearman"]


def _ranks(values: Sequence[float]) -> list[float]:
    order = sorted(range(len(values)), key=lambda i: values[i])
    ranks = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return ranks


def _pearson(a: Sequence[float], b: Sequence[float]) -> float:
    n = len(a)
    if n < 2:
        return 0.0
    ma, mb = sum(a) / n, sum(b) / n
    cov = sum((x - ma) * (y - mb) for x, y in zip(a, b, strict=True))
    va = sum((x - ma) ** 2 for x in a)
    vb = sum((y - mb) ** 2 for y in b)
    return cov / math.sqrt(va * vb) if va > 0 and vb > 0 else 0.0


def spearman(scores: Sequence[float], grades: Sequence[float]) -> float:
    """Spearman's rho (Pearson on average ranks); 0 when either side is constant.

    Examples
    --------
    >>> spearman([3, 2, 1], [30, 20, 10]), spearman([1, 1, 1], [1, 2, 3])
    (1.0, 0.0)
    """
    return _pearson(_ranks(scores), _ranks(grades))


def kendall_tau_b(scores: Sequence[float], grades: Sequence[float]) -> float:
    """Kendall's tau-b; 0 when either side is constant.

    Examples
    --------
    >>> round(kendall_tau_b([1, 2, 3], [1, 3, 2]), 3)
    0.333
    """
    concordant = discordant = only_scores_tied = only_grades_tied = 0
    n = len(scores)
    for i in range(n):
        for j in range(i + 1, n):
            ds, dg = scores[i] - scores[j], grades[i] - grades[j]
            if ds == 0 and dg == 0:
                continue
            if ds == 0:
                only_scores_tied += 1
            elif dg == 0:
                only_grades_tied += 1
            elif (ds > 0) == (dg > 0):
                concordant += 1
            else:
                discordant += 1
    pairs = concordant + discordant
    denom = math.sqrt((pairs + only_scores_tied) * (pairs + only_grades_tied))
    return (concordant - discordant) / denom if denom else 0.0


def ndcg_at(scores: Sequence[float], grades: Sequence[float], k: int, *, lowest: float = 1.0) -> float:
    """Tie-aware NDCG@k with gain = grade - ``lowest``: candidates tied on the score share their
    mean gain. 0 when every gain is 0.

    Examples
    --------
    >>> ndcg_at([3, 2, 1], [7, 4, 1], 2), ndcg_at([1, 2, 3], [7, 4, 1], 2) < 1
    (1.0, True)
    >>> ndcg_at([1, 1], [7, 1], 1)  # a tie shares its gain: half the best
    0.5
    """
    gains = [g - lowest for g in grades]
    order = sorted(range(len(scores)), key=lambda i: -scores[i])
    dcg = 0.0
    i = 0
    while i < len(order) and i < k:
        j = i
        while j + 1 < len(order) and scores[order[j + 1]] == scores[order[i]]:
            j += 1
        mean_gain = sum(gains[g] for g in order[i : j + 1]) / (j - i + 1)
        dcg += sum(mean_gain / math.log2(rank + 2) for rank in range(i, min(j + 1, k)))
        i = j + 1
    ideal = sorted(gains, reverse=True)[:k]
    idcg = sum(g / math.log2(rank + 2) for rank, g in enumerate(ideal))
    return dcg / idcg if idcg > 0 else 0.0
