"""The paired design: outlets compared within the stories both cover, not across everything.

A folder comparison (``framing compare outletA/ outletB/``) pools each outlet's articles, so its
difference mixes two things: which events each outlet chose to cover, and how it covered them. Here
each story that outlets A and B both cover gives one difference, B's mean over its articles in that
story minus A's, so a story's own subject (a shooting is reported with more quotations than a budget
vote) cancels out. The differences are then aggregated over stories: their mean, a percentile
bootstrap interval that resamples stories (``framing.compare.stats.summarise``), the exact two-sided
sign test, and the two-sided sign-flip permutation test of the mean (under no difference, each
story's difference is as likely positive as negative).

Stories, not articles, are the unit: two articles of one outlet on one story are one side of one
difference, so an outlet that runs five pieces on a story does not count five times.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations, product

import numpy as np

from framing.compare import stats

PERMUTATIONS = 10000
EXACT_PERMUTATION = 16  # up to this many stories the sign-flip test enumerates all 2**n flips


@dataclass(frozen=True)
class PairedDifference:
    """Outlet B against outlet A over the stories both cover (B - A per story).

    ``differences[k]`` belongs to ``stories[k]``; each side of a story is the mean of that outlet's
    articles in it. The interval is a percentile bootstrap over stories (None below two stories);
    ``p_sign`` is the two-sided exact sign test (zero differences dropped), ``p_permutation`` the
    two-sided sign-flip permutation test of the mean (exact up to ``EXACT_PERMUTATION`` stories).
    """

    outlet_a: str
    outlet_b: str
    stories: tuple[str, ...]
    differences: tuple[float, ...]
    mean: float | None
    mean_a: float | None  # outlet A's per-story means, averaged over the shared stories
    mean_b: float | None
    ci_low: float | None
    ci_high: float | None
    p_sign: float | None
    p_permutation: float | None


def paired_differences(
    values: Mapping[str, float],
    story_of: Mapping[str, str],
    outlet_of: Mapping[str, str],
    seed: int = 0,
    key: str = "",
    resamples: int = stats.BOOTSTRAP_RESAMPLES,
    permutations: int = PERMUTATIONS,
) -> list[PairedDifference]:
    """One :class:`PairedDifference` per pair of outlets (A before B in sorted order).

    ``values``: article id -> the metric's value (articles without one are left out);
    ``story_of`` and ``outlet_of``: article id -> story id, outlet. Draws come from a generator
    seeded by ``seed``, ``key`` (the metric) and the outlet pair, so adding a metric or an outlet
    does not change the other figures.
    """
    by_story: dict[str, dict[str, list[float]]] = {}
    for article, value in values.items():
        if article in story_of and article in outlet_of and value is not None and not (
                math.isnan(value)):
            sides = by_story.setdefault(story_of[article], {})
            sides.setdefault(outlet_of[article], []).append(float(value))
    outlets = sorted({o for sides in by_story.values() for o in sides})
    results = []
    for a, b in combinations(outlets, 2):
        shared = sorted((s for s, sides in by_story.items() if a in sides and b in sides),
                        key=lambda s: (len(s), s))  # S2 before S10
        side_a = [float(np.mean(by_story[s][a])) for s in shared]
        side_b = [float(np.mean(by_story[s][b])) for s in shared]
        differences = [y - x for x, y in zip(side_a, side_b, strict=True)]
        rng = stats.rng_for(seed, f"{key}\0{a}\0{b}")
        interval = stats.summarise(differences, rng, resamples)
        results.append(PairedDifference(
            a, b, tuple(shared), tuple(differences), interval.mean,
            float(np.mean(side_a)) if shared else None, float(np.mean(side_b)) if shared else None,
            interval.ci_low, interval.ci_high,
            sign_test(differences), sign_flip_p(differences, rng, permutations)))
    return results


def sign_test(differences: Sequence[float]) -> float | None:
    """Two-sided exact sign test: zero differences dropped; None without any difference."""
    if not differences:
        return None
    positive = sum(1 for d in differences if d > 0)
    negative = sum(1 for d in differences if d < 0)
    n = positive + negative
    if n == 0:
        return 1.0
    tail = sum(math.comb(n, k) for k in range(min(positive, negative) + 1)) / 2**n
    return min(1.0, 2.0 * float(tail))


def sign_flip_p(differences: Sequence[float], rng: np.random.Generator | None = None,
                permutations: int = PERMUTATIONS) -> float | None:
    """Two-sided permutation p-value of the mean difference under random signs (the paired
    permutation test): exact over all 2**n flips up to ``EXACT_PERMUTATION`` stories, else
    ``(k + 1) / (permutations + 1)`` from random flips."""
    if not differences:
        return None
    magnitudes = np.abs(np.asarray(differences, dtype=float))
    observed = abs(float(np.sum(differences)))
    tolerance = 1e-12 * max(1.0, observed)
    if len(magnitudes) <= EXACT_PERMUTATION:
        signs = np.array(list(product((1.0, -1.0), repeat=len(magnitudes))))
        sums = np.abs(signs @ magnitudes)
        return float(np.count_nonzero(sums >= observed - tolerance)) / len(sums)
    rng = rng or np.random.default_rng(0)
    signs = rng.choice((-1.0, 1.0), size=(permutations, len(magnitudes)))
    extreme = int(np.count_nonzero(np.abs(signs @ magnitudes) >= observed - tolerance))
    return (extreme + 1) / (permutations + 1)
