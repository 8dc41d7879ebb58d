"""Group statistics on constructed data whose answers are known."""

from __future__ import annotations

import numpy as np

from framing.compare import stats


def test_known_mean_difference_is_recovered_with_small_p_and_large_effect():
    rng = np.random.default_rng(1)
    a = rng.normal(10.0, 1.0, 40)
    b = a + 3.0  # every B article scores exactly 3 more than its A counterpart
    difference = stats.compare(a, b, stats.rng_for(7, "metric"))
    assert abs(difference.mean_difference - 3.0) < 1e-9
    assert difference.p_value is not None and difference.p_value < 0.01
    assert difference.cliffs_delta is not None and difference.cliffs_delta > 0.9
    assert stats.delta_size(difference.cliffs_delta) == "large"


def test_identical_groups_have_a_large_p_value_and_no_effect():
    values = [0.1, 0.4, 0.2, 0.8, 0.3, 0.5]
    difference = stats.compare(values, list(values), stats.rng_for(0, "m"))
    assert difference.mean_difference == 0
    assert difference.cliffs_delta == 0
    assert difference.p_value is not None and difference.p_value > 0.9


def test_p_value_is_never_zero():
    p = stats.permutation_p([0, 0, 0, 0, 0], [9, 9, 9, 9, 9], stats.rng_for(0, "m"), 999)
    assert p is not None and 0 < p <= 0.01


def test_bootstrap_interval_brackets_the_mean_and_narrows_with_more_data():
    rng = np.random.default_rng(3)
    small = rng.normal(5.0, 2.0, 10)
    large = rng.normal(5.0, 2.0, 400)
    s = stats.summarise(small, stats.rng_for(1, "x"))
    big = stats.summarise(large, stats.rng_for(1, "x"))
    assert s.ci_low < s.mean < s.ci_high
    assert big.ci_low < 5.0 < big.ci_high
    assert (big.ci_high - big.ci_low) < (s.ci_high - s.ci_low)
    assert s.median == float(np.median(small)) and s.n == 10


def test_same_seed_same_numbers_other_seed_other_numbers():
    a, b = [1.0, 2.0, 2.5, 3.0, 4.0], [2.0, 3.5, 3.0, 5.0, 4.5]
    first = stats.compare(a, b, stats.rng_for(42, "readability.words"))
    again = stats.compare(a, b, stats.rng_for(42, "readability.words"))
    other = stats.compare(a, b, stats.rng_for(43, "readability.words"))
    assert first == again
    assert first.p_value != other.p_value
    assert stats.summarise(a, stats.rng_for(42, "k")) == stats.summarise(a, stats.rng_for(42, "k"))


def test_cliffs_delta_counts_dominance_and_small_groups_have_no_interval():
    assert stats.cliffs_delta([1, 2], [3, 4]) == 1.0
    assert stats.cliffs_delta([3, 4], [1, 2]) == -1.0
    assert stats.cliffs_delta([1, 3], [2, 2]) == 0.0
    one = stats.summarise([5.0], stats.rng_for(0, "k"))
    assert (one.n, one.mean, one.ci_low, one.ci_high) == (1, 5.0, None, None)
    assert stats.summarise([], stats.rng_for(0, "k")).mean is None
    assert stats.compare([], [1.0], stats.rng_for(0, "k")).p_value is None


def test_cliffs_delta_by_sorting_equals_the_all_pairs_definition():
    rng = np.random.default_rng(3)
    for size_a, size_b in ((1, 1), (7, 3), (40, 55)):
        a = rng.integers(0, 5, size_a).astype(float)  # many ties
        b = rng.integers(0, 6, size_b).astype(float)
        pairs = [np.sign(y - x) for x in a for y in b]
        assert stats.cliffs_delta(a, b) == sum(pairs) / len(pairs)


def test_large_groups_use_normal_forms_that_agree_with_resampling(monkeypatch):
    """From stats.LARGE values on, the interval and p-value are the normal approximations; on
    skewed count data of that size they agree with the bootstrap and permutation figures."""
    rng = np.random.default_rng(5)
    a = rng.poisson(0.6, 700).astype(float)  # counts with many zeros
    b = rng.poisson(0.7, 600).astype(float)
    fast_p = stats.permutation_p(a, b, stats.rng_for(0, "m"))
    fast_ci = stats.summarise(a, stats.rng_for(0, "m"))
    far = stats.permutation_p(a, b + 0.5, stats.rng_for(0, "m"))
    same = stats.permutation_p(a, a[:600], stats.rng_for(0, "m"))
    assert len(a) < stats.LARGE <= len(a) + len(b)
    monkeypatch.setattr(stats, "LARGE", 10**9)  # the resampling forms, for reference
    slow_p = stats.permutation_p(a, b, stats.rng_for(0, "m"))
    assert abs(fast_p - slow_p) < 0.02 and 0.001 < slow_p < 0.5  # a real, borderline difference
    assert far < 1e-6  # an obvious difference gets a tiny p, not the permutation floor 1/5001
    assert same > 0.5  # samples of one group: no difference
    bigger = rng.poisson(0.6, 1500).astype(float)
    monkeypatch.setattr(stats, "LARGE", 1000)
    normal = stats.summarise(bigger, stats.rng_for(0, "m"))
    monkeypatch.setattr(stats, "LARGE", 10**9)
    boot = stats.summarise(bigger, stats.rng_for(0, "m"))
    assert abs(normal.ci_low - boot.ci_low) < 0.01 and abs(normal.ci_high - boot.ci_high) < 0.01
    assert fast_ci.ci_low is not None  # 700 values: still the bootstrap
