"""Agreement statistics against textbook values (issue 19, part 3)."""

import pytest

from slim.core.agreement import cohen_kappa, fleiss_kappa, krippendorff_alpha, pairwise_cohen, three_way


def test_cohen_kappa_textbook_two_by_two():
    # 50 items: both yes 20, A yes/B no 5, A no/B yes 10, both no 15 -> po 0.7, pe 0.5, kappa 0.4.
    a = ["ja"] * 25 + ["nee"] * 25
    b = ["ja"] * 20 + ["nee"] * 5 + ["ja"] * 10 + ["nee"] * 15
    assert cohen_kappa(a, b) == pytest.approx(0.4)


def test_cohen_kappa_skips_missing_and_handles_perfect_agreement():
    assert cohen_kappa(["a", None, "b"], ["a", "b", "b"]) == pytest.approx(1.0)
    assert cohen_kappa(["a", "a"], ["a", "a"]) == 1.0
    assert cohen_kappa([None], ["a"]) is None


FLEISS_1971 = [  # counts per category for 10 subjects rated by 14 raters (the standard worked example)
    [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
    [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
]


def test_fleiss_kappa_textbook_example():
    ratings = [[category for category, count in enumerate(row) for _ in range(count)] for row in FLEISS_1971]
    assert fleiss_kappa(ratings) == pytest.approx(0.210, abs=0.0005)


# Krippendorff (2011), "Computing Krippendorff's alpha-reliability": 4 observers, 12 units, nominal alpha 0.743.
K = None
KRIPPENDORFF_2011 = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, K, K, K],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, K, 3],
    [K, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, K],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, K],
]


def test_krippendorff_alpha_nominal_textbook_example():
    units = [list(unit) for unit in zip(*KRIPPENDORFF_2011)]
    assert krippendorff_alpha(units) == pytest.approx(0.743, abs=0.0005)


def test_krippendorff_equals_perfect_and_none():
    assert krippendorff_alpha([["a", "a"], ["b", "b"]]) == 1.0
    assert krippendorff_alpha([["a"], [None, "b"]]) is None


def test_pairwise_and_three_way():
    raters = {"p1": ["a", "b", "a"], "p2": ["a", "b", "b"]}
    assert set(pairwise_cohen(raters)) == {("p1", "p2")}
    result = three_way(["a", "b", "a", None], ["a", "b", "b", "a"], ["a", "b", "a", "a"])
    assert result["n"] == 3
    assert result["all_agree"] == pytest.approx(2 / 3)
    assert result["engine_client"] == pytest.approx(1.0)
    with pytest.raises(ValueError):
        three_way(["a"], ["a"], [])
