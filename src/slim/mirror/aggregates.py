"""Aggregated mirror scores, for the team pages and for policy dashboards.

The database does the arithmetic (Avg, Min, Max, Count). SQLite has no StdDev
aggregate, so the standard deviation is the square root of Avg(x²) − Avg(x)²,
which gives the same answer on SQLite and PostgreSQL. It is the population
standard deviation: the spread among the people who answered, not an estimate
for some larger group.

Both functions leave out too-small groups, so a number can never be one
person's score in disguise.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Avg, Count, F, FloatField, Max, Min, OuterRef, Subquery, Value
from django.db.models.functions import Greatest, Sqrt

from .models import Round, Score

ACROSS_TEAMS_MIN_RESPONDENTS = 3


def team_minimum() -> int:
    """The fewest answers an element needs before the team sees its figures (setting SLIM_MIRROR_MIN_RESPONDENTS, 3)."""
    return max(3, int(getattr(settings, "SLIM_MIRROR_MIN_RESPONDENTS", 3)))


@dataclass(frozen=True)
class ScaleResult:
    mean: float
    sd: float
    low: int
    high: int


@dataclass(frozen=True)
class ElementResult:
    element: str
    respondents: int
    teams: int
    current: ScaleResult
    importance: ScaleResult

    @property
    def gap(self):
        """Importance minus current: the larger, the more room to improve."""
        return self.importance.mean - self.current.mean


def team_results(round, min_respondents=None):
    """{element code: ElementResult} for one round; elements with fewer answers than min_respondents are left out."""
    min_respondents = team_minimum() if min_respondents is None else min_respondents
    _check_minimum(min_respondents)
    return _aggregate(Score.objects.filter(round=round), min_respondents)


def across_teams(min_respondents=ACROSS_TEAMS_MIN_RESPONDENTS):
    """{element code: ElementResult} over the latest closed round of every team, all respondents pooled.

    A team whose latest closed round has fewer than min_respondents respondents is left out entirely.
    """
    _check_minimum(min_respondents)
    latest = Round.objects.filter(team=OuterRef("team"), closed_at__isnull=False).order_by("-closed_at", "-id")
    rounds = (
        Round.objects.filter(pk=Subquery(latest.values("pk")[:1]))
        .annotate(respondents=Count("scores__member", distinct=True))
        .filter(respondents__gte=min_respondents)
    )
    return _aggregate(Score.objects.filter(round__in=rounds.values("pk")), 1)


def _check_minimum(min_respondents):
    if not isinstance(min_respondents, int) or isinstance(min_respondents, bool) or min_respondents < 1:
        raise ValueError("min_respondents moet een geheel getal van minstens 1 zijn")


def _scale_aggregates(field):
    mean = Avg(field, output_field=FloatField())
    mean_of_squares = Avg(F(field) * F(field), output_field=FloatField())
    # Rounding can leave the variance a hair below zero; PostgreSQL refuses the root of a negative number.
    variance = Greatest(mean_of_squares - mean * mean, Value(0.0), output_field=FloatField())
    return {
        f"{field}_mean": mean,
        f"{field}_sd": Sqrt(variance, output_field=FloatField()),
        f"{field}_low": Min(field),
        f"{field}_high": Max(field),
    }


def _scale_result(row, field):
    return ScaleResult(row[f"{field}_mean"], row[f"{field}_sd"], row[f"{field}_low"], row[f"{field}_high"])


def _aggregate(scores, min_respondents):
    rows = (
        scores.order_by()
        .values("element")
        .annotate(
            respondents=Count("pk"),
            teams=Count("round__team", distinct=True),
            **_scale_aggregates("current"),
            **_scale_aggregates("importance"),
        )
        .filter(respondents__gte=min_respondents)
    )
    return {
        row["element"]: ElementResult(
            row["element"], row["respondents"], row["teams"],
            _scale_result(row, "current"), _scale_result(row, "importance"),
        )
        for row in rows
    }
