"""What the results page of a closed round shows: one row per element, the largest gaps and the radar.

Rows follow the knowledge base's element order, like the radar's axes, so the
table and the chart can be read side by side.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from slim.knowledge.models import KnowledgeItem
from slim.ui.templatetags.slim_text import loc

from .aggregates import ElementResult, team_results
from .radar import Series, radar_svg

# A gap of a whole point or more between importance and current practice is highlighted.
GAP_HIGHLIGHT = 1.0
LARGEST_GAPS = 3


@dataclass(frozen=True)
class Row:
    element: KnowledgeItem
    result: ElementResult | None
    previous: ElementResult | None

    @property
    def highlight(self):
        return self.result is not None and self.result.gap >= GAP_HIGHLIGHT

    @property
    def current_change(self):
        return self._change("current")

    @property
    def importance_change(self):
        return self._change("importance")

    def _change(self, scale):
        if self.result is None or self.previous is None:
            return None
        return getattr(self.result, scale).mean - getattr(self.previous, scale).mean


def result_rows(elements, round, previous=None):
    results = team_results(round)
    earlier = team_results(previous) if previous is not None else {}
    return [Row(element, results.get(element.code), earlier.get(element.code)) for element in elements]


def largest_gaps(rows):
    """The elements with the most room to improve: a positive gap, largest first."""
    candidates = [row for row in rows if row.result is not None and row.result.gap > 0]
    return sorted(candidates, key=lambda row: -row.result.gap)[:LARGEST_GAPS]


def round_radar(rows, round, previous=None):
    series = [
        Series(_("Praktijk: hoe goed we het nu doen"), "radar-current", [_mean(row.result, "current") for row in rows]),
        Series(
            _("Belang: hoe belangrijk het voor ons is"), "radar-importance",
            [_mean(row.result, "importance") for row in rows],
        ),
    ]
    if previous is not None:
        series.append(
            Series(
                _("Praktijk in %(round)s") % {"round": previous.title},
                "radar-previous",
                [_mean(row.previous, "current") for row in rows],
            )
        )
    description = _(
        "Gemiddelde teamscores per werkzaam element op een schaal van 1 tot en met 5. "
        "De tabel 'Resultaten per element' hieronder bevat dezelfde cijfers."
    )
    missing = [loc(row.element.title) for row in rows if row.result is None]
    if missing:
        description += " " + _("Te weinig antwoorden voor: %(elements)s.") % {"elements": ", ".join(missing)}
    title = _("Teamspiegel %(team)s, %(round)s") % {"team": round.team.name, "round": round.title}
    return radar_svg([loc(row.element.title) for row in rows], series, title, description)


def _mean(result, scale):
    return getattr(result, scale).mean if result is not None else None
