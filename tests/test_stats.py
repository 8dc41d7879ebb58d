"""Group statistics on constructed data whose answers are known."""

from __future__ import annotations

import numpy as np

from framing import stats


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
