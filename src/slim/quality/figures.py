"""The figures of the quality pages, from plain decision rows (see sources.decision_rows).

`suppress=True` (the policy maker's view) hides every figure that rests on fewer than
MIN_CLIENTS distinct clients, as the dashboards do, and never passes on a reason text.
"""

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from slim.core.agreement import cohen_kappa, three_way

from .sources import MIN_CLIENTS, SUPPRESSED

LOGICS = ("kansen", "competenties", "sturing", "ondernemen")


@dataclass
class Figure:
    """A share (0..1) or number resting on `clients` distinct clients and `n` decisions."""

    value: float | None
    n: int
    clients: int
    hidden: bool = False

    def percent(self):
        if self.hidden:
            return SUPPRESSED
        return "–" if self.value is None else f"{100 * self.value:.1f}%".replace(".", ",")

    def number(self, decimals=2):
        if self.hidden:
            return SUPPRESSED
        return "–" if self.value is None else f"{self.value:.{decimals}f}".replace(".", ",")

    def whole(self):
        return self.number(0)

    def csv(self, decimals=None):
        """The page's rounded figure as a number (a percentage for a share: 45,3), '<10' or ''.

        A number, so the CSV writer never mistakes a negative figure for a formula; safecsv writes its decimal comma."""
        if self.hidden:
            return SUPPRESSED
        if self.value is None:
            return ""
        if decimals == 0:
            return int(self.whole())
        return Decimal(f"{100 * self.value:.1f}")


def _figure(rows, value, suppress):
    clients = len({row["client_id"] for row in rows})
    return Figure(value, len(rows), clients, hidden=suppress and clients < MIN_CLIENTS)


def acceptance(rows, suppress):
    followed = sum(row["chosen_logic"] == row["suggested_logic"] for row in rows)
    return _figure(rows, followed / len(rows) if rows else None, suppress)


def kappa(rows, suppress):
    value = cohen_kappa([row["suggested_logic"] for row in rows], [row["chosen_logic"] for row in rows]) if rows else None
    return _figure(rows, value, suppress)


def period_of(moment, by="quarter"):
    if by == "month":
        return f"{moment.year}-{moment.month:02d}"
    return f"{moment.year}-K{(moment.month - 1) // 3 + 1}"


def grouped(rows, key):
    groups = defaultdict(list)
    for row in rows:
        groups[key(row)].append(row)
    return dict(sorted(groups.items()))


def normalise_reason(text):
    """A reason reduced to lower case words without punctuation, at most eight words ('' if none)."""
    words = re.findall(r"[a-zà-ÿ]+", (text or "").lower())
    return " ".join(words[:8])


@dataclass
class Agreement:
    overall: Figure
    kappa: Figure
    per_logic: dict
    per_domain: dict
    per_team: dict
    per_period: dict
    reasons: list  # (normalised reason, count, [original texts] or None)
    three_way: dict | None = None
    by: str = "quarter"
    extra: dict = field(default_factory=dict)


def agreement(rows, suppress, by="quarter", self_assessments=None):
    """The agreement page. `self_assessments` holds the client's own reading per decision row (slim.portal),
    None where the client gave none; without any, the three-way part stays empty."""
    overrides = [row for row in rows if row["chosen_logic"] != row["suggested_logic"]]
    reasons = defaultdict(list)
    for row in overrides:
        reasons[normalise_reason(row["reason"])].append(row)
    reason_rows = []
    for reason, members in sorted(reasons.items(), key=lambda pair: -len(pair[1])):
        clients = len({row["client_id"] for row in members})
        if suppress and clients < MIN_CLIENTS:
            continue
        texts = None if suppress else sorted({row["reason"] for row in members if row["reason"]})[:5]
        reason_rows.append((reason or "(geen reden)", len(members), texts))
    three = None
    if self_assessments and any(self_assessments):
        three = three_way(
            [row["suggested_logic"] for row in rows], [row["chosen_logic"] for row in rows], list(self_assessments)
        )
        # Client and professional: the share of domains where the client's own reading is the decided logic.
        paired = [{**row, "suggested_logic": own} for row, own in zip(rows, self_assessments) if own]
        three["clients"] = len({row["client_id"] for row in paired})
        three["hidden"] = suppress and three["clients"] < MIN_CLIENTS
        three["overall"] = acceptance(paired, suppress)
        three["per_logic"] = {logic: acceptance(group, suppress) for logic, group in grouped(paired, lambda r: r["chosen_logic"]).items()}
        three["per_team"] = {
            team or "–": acceptance(group, suppress) for team, group in grouped(paired, lambda r: r["decided_by__organisation"]).items()
        }
        three["all_agree"] = Figure(three["all_agree"], three["n"], three["clients"], hidden=three["hidden"])
    return Agreement(
        overall=acceptance(rows, suppress),
        kappa=kappa(rows, suppress),
        per_logic={logic: acceptance(group, suppress) for logic, group in grouped(rows, lambda r: r["suggested_logic"]).items()},
        per_domain={domain: acceptance(group, suppress) for domain, group in grouped(rows, lambda r: r["domain"]).items()},
        per_team={
            team or "–": (acceptance(group, suppress), kappa(group, suppress))
            for team, group in grouped(rows, lambda r: r["decided_by__organisation"]).items()
        },
        per_period={
            period: (acceptance(group, suppress), kappa(group, suppress))
            for period, group in grouped(rows, lambda r: period_of(r["decided_at"], by)).items()
        },
        reasons=reason_rows[:10],
        three_way=three,
        by=by,
    )


@dataclass
class DriftRow:
    period: str
    decisions: Figure
    suggested: dict  # logic -> share of the suggestions
    accepted: Figure
    certainty: Figure  # mean shown certainty
    gap: Figure  # mean certainty minus share followed: above 0, SLIM is surer than practice bears out


def drift(rows, suppress):
    """Per quarter: distribution of suggestions, acceptance rate and mean shown certainty."""
    result = []
    for period, group in grouped(rows, lambda r: period_of(r["decided_at"])).items():
        counts = Counter(row["suggested_logic"] for row in group)
        certainties = [row["confidence"] for row in group if row["confidence"] is not None]
        accepted = acceptance(group, suppress)
        mean = sum(certainties) / len(certainties) if certainties else None
        result.append(
            DriftRow(
                period=period,
                decisions=_figure(group, len(group), suppress),
                suggested={logic: _figure(group, counts[logic] / len(group), suppress) for logic in LOGICS},
                accepted=accepted,
                certainty=_figure(group, mean, suppress),
                gap=_figure(group, None if mean is None else mean - accepted.value, suppress),
            )
        )
    return result


def drift_csv_rows(rows, suppress):
    yield [
        "kwartaal", "besluiten", *[f"voorstel {logic} (%)" for logic in LOGICS], "voorstel gevolgd (%)", "gemiddelde zekerheid (%)",
        "zekerheid min gevolgd (procentpunt)",
    ]
    for row in drift(rows, suppress):
        yield [
            row.period, row.decisions.csv(0), *[row.suggested[logic].csv() for logic in LOGICS], row.accepted.csv(), row.certainty.csv(),
            row.gap.csv(),
        ]
