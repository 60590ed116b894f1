"""The dashboard tables, built once and used for the page, the charts and the CSV export.

Every builder takes the queries.Figures to read: live ones, or those of a snapshot.

Because the page and the CSV render the very same Cell objects, a number that is
suppressed on screen is suppressed in the download too.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from slim.cases.models import Alignment
from slim.core import Logic
from slim.core.knowledge import life_domains, logic_title
from slim.ui.templatetags.slim_text import loc
from slim.mirror.aggregates import ACROSS_TEAMS_MIN_RESPONDENTS, across_teams
from slim.mirror.elements import werkzame_elementen

from . import queries
from slim.common.suppression import Cell, count, protect_parts, share

LOGICS = [logic.value for logic in Logic]
GROUPS = queries.GROUPS


def logic_label(code):
    return loc(logic_title(Logic(code)))


def domain_label(code):
    domains = life_domains()
    return loc(domains[code]) if code in domains else code


def group_label(group):
    return Alignment(group).label


@dataclass
class Table:
    slug: str
    title: str
    caption: str
    columns: list  # header texts; the first is the row header
    rows: list = field(default_factory=list)  # [row header text, Cell, Cell, ...]

    def csv_rows(self):
        yield self.columns
        for header, *cells in self.rows:
            yield [header, *(cell.csv() for cell in cells)]


def client_logics_table(figures):
    cells, totals = figures.get(queries.client_logics)
    table = Table(
        "logica-per-leefgebied",
        _("Logica van cliënten per leefgebied"),
        _("Aantal cliënten per leefgebied naar hun logica (het laatste besluit per cliënt en leefgebied), "
          "met het aandeel binnen het leefgebied."),
        [_("Leefgebied"), *(logic_label(code) for code in LOGICS),
         *(_("%(logic)s (aandeel)") % {"logic": logic_label(code)} for code in LOGICS), _("Totaal")],
    )
    for domain in life_domains():
        total = count(totals.get(domain, 0), totals.get(domain, 0))
        parts = protect_parts([count(cells.get((domain, code), 0), cells.get((domain, code), 0)) for code in LOGICS], total)
        table.rows.append([domain_label(domain), *parts, *(share(part, total) for part in parts), total])
    return table


def offer_table(figures):
    interventions = figures.get(queries.interventions_per_logic)
    approaches = figures.get(queries.approaches_per_logic)
    table = Table(
        "aanbod-per-logica",
        _("Aanbod per logica"),
        _("Interventies in de databank naar de logica die ze veronderstellen (een interventie kan bij meer "
          "logica's horen), en de aanpakken die professionals in open casussen vastleggen."),
        [_("Logica"), _("Interventies in de databank"), _("Vastgelegde aanpakken"), _("Cliënten met zo'n aanpak")],
    )
    for code in LOGICS:
        number, clients = approaches.get(code, (0, 0))
        table.rows.append([logic_label(code), Cell(interventions.get(code, 0)), count(number, clients), count(clients, clients)])
    return table


def approaches_table(figures):
    approaches = figures.get(queries.approaches_per_domain_logic)
    table = Table(
        "aanpak-per-leefgebied",
        _("Aanpakken per leefgebied en logica"),
        _("Aantal vastgelegde aanpakken van professionals in open casussen, per leefgebied en logica."),
        [_("Leefgebied"), *(logic_label(code) for code in LOGICS)],
    )
    for domain in life_domains():
        table.rows.append([domain_label(domain), *(count(*approaches.get((domain, code), (0, 0))) for code in LOGICS)])
    return table


def gap_table(figures):
    clients = figures.get(queries.client_logics_overall)
    interventions = figures.get(queries.interventions_per_logic)
    approaches = figures.get(queries.approaches_per_logic)
    all_pairs = sum(pairs for pairs, _c in clients.values())
    all_clients = Cell(all_pairs, sum(c for _p, c in clients.values()))
    all_interventions = Cell(sum(interventions.values()))
    all_approaches = Cell(sum(n for n, _c in approaches.values()), sum(c for _n, c in approaches.values()))
    table = Table(
        "kloof",
        _("Kloof tussen cliënten en aanbod"),
        _("Per logica: het aandeel van de cliënten (alle leefgebieden samen) tegenover het aandeel van de "
          "interventies in de databank en van de vastgelegde aanpakken. Verschil in procentpunten: "
          "positief betekent meer aanbod dan vraag."),
        [_("Logica"), _("Aandeel cliënten"), _("Aandeel interventies"), _("Verschil interventies − cliënten"),
         _("Aandeel aanpakken"), _("Verschil aanpakken − cliënten")],
    )
    for code in LOGICS:
        pairs, distinct = clients.get(code, (0, 0))
        client_share = share(Cell(pairs, distinct), all_clients)
        offer_share = share(Cell(interventions.get(code, 0)), all_interventions)
        number, approach_clients = approaches.get(code, (0, 0))
        approach_share = share(Cell(number, approach_clients), all_approaches)
        table.rows.append([
            logic_label(code), client_share, offer_share, _difference(offer_share, client_share),
            approach_share, _difference(approach_share, client_share),
        ])
    return table


def _difference(a, b):
    if a.value is None or b.value is None:
        return Cell(None, percent=True, hidden=a.suppressed or b.suppressed)
    return Cell(a.value - b.value, percent=True, hidden=a.suppressed or b.suppressed)


def contacts_table(figures):
    groups = figures.get(queries.contacts_by_match)
    table = Table(
        "contacten-past-botst",
        _("Gesprekken die stroomden of haperden"),
        _("Contacten naar de vraag of de aanpak van de professional past bij de logica van de cliënt."),
        [_("Aanpak en logica"), _("Contacten"), _("Gestroomd"), _("Gehaperd"), _("Aandeel gehaperd"), _("Cliënten")],
    )
    for group in GROUPS:
        row = groups[group]
        total = count(row["contacts"], row["clients"])
        flowed, stalled = protect_parts(
            [count(row["flowed_contacts"], row["flowed_clients"]), count(row["stalled_contacts"], row["stalled_clients"])], total
        )
        table.rows.append([group_label(group), total, flowed, stalled, share(stalled, total), count(row["clients"], row["clients"])])
    return table


def dropout_table(figures):
    groups = figures.get(queries.cases_by_match)
    table = Table(
        "afhaken-past-botst",
        _("Afhaken bij passende en botsende aanpak"),
        _("Casussen naar de vraag of de aanpakken in de casus passen bij de logica van de cliënt; afhaken is een "
          "gesloten casus met de uitkomst 'cliënt haakte af'."),
        [_("Aanpak en logica"), _("Casussen"), _("Gesloten"), _("Cliënt haakte af"), _("Aandeel afgehaakt van gesloten")],
    )
    for group in GROUPS:
        row = groups[group]
        closed = count(row["closed"], row["closed_clients"])
        dropout = count(row["dropout"], row["dropout_clients"])
        table.rows.append([group_label(group), count(row["cases"], row["clients"]), closed, dropout, share(dropout, closed)])
    return table


def mirror_table(_figures):  # the mirror has its own, small aggregate
    results = across_teams()
    table = Table(
        "teamspiegel",
        _("Teamspiegel over alle teams"),
        _("Gemiddelde scores (1 tot en met 5) per werkzaam element over de laatste gesloten ronde van elk team. "
          "Teams met minder dan %(minimum)s antwoorden in die ronde tellen niet mee.")
        % {"minimum": ACROSS_TEAMS_MIN_RESPONDENTS},
        [_("Werkzaam element"), _("Praktijk (gemiddeld)"), _("Belang (gemiddeld)"), _("Verschil"), _("Antwoorden"), _("Teams")],
    )
    for element in werkzame_elementen():
        result = results.get(element.code)
        if result is None:
            table.rows.append([loc(element.title), Cell(None), Cell(None), Cell(None), Cell(0), Cell(0)])
            continue
        table.rows.append([
            loc(element.title), Cell(result.current.mean, decimals=2), Cell(result.importance.mean, decimals=2),
            Cell(result.gap, decimals=2), Cell(result.respondents), Cell(result.teams),
        ])
    return table


TABLES = {
    "logica-per-leefgebied": client_logics_table,
    "aanbod-per-logica": offer_table,
    "aanpak-per-leefgebied": approaches_table,
    "kloof": gap_table,
    "contacten-past-botst": contacts_table,
    "afhaken-past-botst": dropout_table,
    "teamspiegel": mirror_table,
}
