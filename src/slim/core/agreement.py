"""Agreement between raters: Cohen's kappa, Fleiss' kappa and Krippendorff's alpha (nominal).

Pure Python, no web framework. Used by the quality pages (issue 19): how often professionals and the
engine read a client's statement the same way, beyond what chance alone would give.
A label of None means "no label" (a rater skipped the item, or the engine gave no suggestion)
and counts as missing wherever the measure allows missing values.
"""

from collections import Counter
from itertools import combinations


def _pairs(first, second):
    if len(first) != len(second):
        raise ValueError("both raters need one label per item")
    return [(a, b) for a, b in zip(first, second) if a is not None and b is not None]


def observed_agreement(first, second) -> float | None:
    pairs = _pairs(first, second)
    return sum(a == b for a, b in pairs) / len(pairs) if pairs else None


def cohen_kappa(first, second) -> float | None:
    """Cohen's kappa of two raters over the items both labelled; None without any such item.

    When both raters always use one and the same label, chance agreement is 1 and kappa is
    undefined; we then return 1.0 if they agree on everything (our convention).
    """
    pairs = _pairs(first, second)
    if not pairs:
        return None
    n = len(pairs)
    observed = sum(a == b for a, b in pairs) / n
    left, right = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    expected = sum(left[label] * right[label] for label in left) / (n * n)
    if expected == 1:
        return 1.0 if observed == 1 else 0.0
    return (observed - expected) / (1 - expected)


def fleiss_kappa(ratings) -> float | None:
    """Fleiss' kappa; `ratings` holds per item the list of labels it got (None entries are skipped).

    Items with fewer than two labels are left out. With the same number of raters per item this is
    Fleiss (1971); with unequal numbers each item's agreement is taken over its own raters.
    """
    items = [[label for label in item if label is not None] for item in ratings]
    items = [item for item in items if len(item) >= 2]
    if not items:
        return None
    totals = Counter(label for item in items for label in item)
    all_labels = sum(totals.values())
    agreement = 0.0
    for item in items:
        n = len(item)
        agreement += sum(count * (count - 1) for count in Counter(item).values()) / (n * (n - 1))
    observed = agreement / len(items)
    expected = sum((count / all_labels) ** 2 for count in totals.values())
    if expected == 1:
        return 1.0 if observed == 1 else 0.0
    return (observed - expected) / (1 - expected)


def krippendorff_alpha(ratings) -> float | None:
    """Krippendorff's alpha for nominal data; `ratings` holds per item (unit) the labels it got, None = missing.

    Built on the coincidence matrix: units with fewer than two labels are not pairable and left out.
    """
    units = [[label for label in unit if label is not None] for unit in ratings]
    units = [unit for unit in units if len(unit) >= 2]
    if not units:
        return None
    coincidences: Counter = Counter()
    for unit in units:
        m = len(unit)
        for (i, a), (j, b) in ((x, y) for x in enumerate(unit) for y in enumerate(unit)):
            if i != j:
                coincidences[(a, b)] += 1 / (m - 1)
    n_c: Counter = Counter()
    for (a, _), value in coincidences.items():
        n_c[a] += value
    n = sum(n_c.values())
    disagreement_observed = sum(value for (a, b), value in coincidences.items() if a != b)
    disagreement_expected = sum(n_c[a] * n_c[b] for a in n_c for b in n_c if a != b) / (n - 1)
    if disagreement_expected == 0:
        return 1.0 if disagreement_observed == 0 else 0.0
    return 1 - disagreement_observed / disagreement_expected


def pairwise_cohen(raters: dict) -> dict:
    """Cohen's kappa for every pair of raters; `raters` maps a name to its labels (one per item, None = none)."""
    return {(a, b): cohen_kappa(raters[a], raters[b]) for a, b in combinations(sorted(raters), 2)}


def three_way(engine, professional, client) -> dict:
    """Agreement of engine, professional and client on the same items (three label lists).

    Returns the kappa of each pair, Fleiss' kappa of the three together, the share of items where
    all three agree and the number of items all three labelled. The client's own self-assessment
    comes from Mijn plan (slim.portal): the engine reads their two answers as an intake.
    """
    if not (len(engine) == len(professional) == len(client)):
        raise ValueError("three label lists of the same length are needed")
    complete = [(e, p, c) for e, p, c in zip(engine, professional, client) if None not in (e, p, c)]
    return {
        "n": len(complete),
        "engine_professional": cohen_kappa(engine, professional),
        "engine_client": cohen_kappa(engine, client),
        "professional_client": cohen_kappa(professional, client),
        "fleiss": fleiss_kappa([list(item) for item in complete]),
        "all_agree": sum(e == p == c for e, p, c in complete) / len(complete) if complete else None,
    }
