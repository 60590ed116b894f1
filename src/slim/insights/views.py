"""The policy dashboards and their CSV downloads.

One page with five parts (slim.md §1: where approach and self-image clash, expect
resistance and dropout): the clients' logics, the offer, the gap between them,
what happens in conversations and cases when approach and logic match or clash,
and the team mirror across teams. Only counts are shown, never a client.
"""


from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from slim.common import safecsv
from slim.common.replica import replica_view

from .access import insights_required
from .charts import Bar, bar_chart
from .models import Snapshot
from .queries import Figures
from slim.common.suppression import MIN_CLIENTS
from .tables import GROUPS, LOGICS, TABLES, group_label, logic_label


@insights_required
@replica_view
def dashboard(request):
    snapshot = Snapshot.fresh()
    figures = Figures(snapshot.figures)
    tables = {slug: build(figures) for slug, build in TABLES.items()}
    context = {
        "snapshot": snapshot,
        "max_age": settings.SLIM_INSIGHTS_MAX_AGE_MINUTES,
        **{slug.replace("-", "_"): table for slug, table in tables.items()},
        "min_clients": MIN_CLIENTS,
        "logic_chart": _logic_chart(tables["logica-per-leefgebied"]),
        "gap_chart": _gap_chart(tables["kloof"]),
        "match_chart": _match_chart(tables["contacten-past-botst"], tables["afhaken-past-botst"]),
    }
    return render(request, "insights/dashboard.html", context)


@insights_required
@replica_view
def table_csv(request, table):
    build = TABLES.get(table)
    if build is None:
        return render(request, "insights/unknown_table.html", {"table": table, "tables": list(TABLES)}, status=404)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="slim-{table}.csv"'
    writer = safecsv.writer(response)
    for row in build(Figures(Snapshot.fresh().figures)).csv_rows():
        writer.writerow(row)
    return response


@insights_required
@require_POST
def refresh(request):
    """Recount now instead of waiting for the next scheduled snapshot."""
    snapshot = Snapshot.take()
    messages.success(request, _("De cijfers zijn opnieuw geteld (%(seconds).1f s).") % {"seconds": snapshot.seconds})
    return redirect("insights:dashboard")


def _logic_chart(table):
    groups = [(row[0], [Bar(index, cell) for index, cell in enumerate(row[5:9])]) for row in table.rows]
    summary = "; ".join(_largest(row[0], zip(LOGICS, row[5:9])) for row in table.rows)
    description = _(
        "Staafdiagram: per leefgebied het aandeel cliënten per logica. Grootste logica per leefgebied: %(summary)s. "
        "De tabel eronder bevat dezelfde cijfers."
    ) % {"summary": summary}
    return bar_chart(groups, [logic_label(code) for code in LOGICS], table.title, description, "logica")


def _largest(label, cells):
    visible = [(code, cell) for code, cell in cells if cell.chart_value is not None]
    if not visible:
        return _("%(label)s: te weinig cliënten") % {"label": label}
    code, cell = max(visible, key=lambda pair: pair[1].value)
    return f"{label}: {logic_label(code)} ({cell.text()})"


def _gap_chart(table):
    groups = [(row[0], [Bar(0, row[1]), Bar(1, row[2]), Bar(2, row[4])]) for row in table.rows]
    summary = "; ".join(
        _("%(logic)s: cliënten %(clients)s, interventies %(offer)s, aanpakken %(approaches)s")
        % {"logic": row[0], "clients": row[1].text(), "offer": row[2].text(), "approaches": row[4].text()}
        for row in table.rows
    )
    description = _("Staafdiagram per logica. %(summary)s. De tabel eronder bevat dezelfde cijfers.") % {"summary": summary}
    series = [_("aandeel cliënten"), _("aandeel interventies"), _("aandeel aanpakken")]
    return bar_chart(groups, series, table.title, description, "kloof")


def _match_chart(contacts, cases):
    stalled = {group: row[4] for group, row in zip(GROUPS, contacts.rows)}
    dropout = {group: row[4] for group, row in zip(GROUPS, cases.rows)}
    groups = [(group_label(group), [Bar(0, stalled[group]), Bar(1, dropout[group])]) for group in GROUPS]
    summary = "; ".join(
        _("%(group)s: gehaperd %(stalled)s, afgehaakt %(dropout)s")
        % {"group": group_label(group), "stalled": stalled[group].text(), "dropout": dropout[group].text()}
        for group in GROUPS
    )
    description = _("Staafdiagram. %(summary)s. De tabellen eronder bevatten dezelfde cijfers.") % {"summary": summary}
    series = [_("aandeel gehaperde gesprekken"), _("aandeel afgehaakt van de gesloten casussen")]
    return bar_chart(groups, series, _("Haperen en afhaken bij passende en botsende aanpak"), description, "past-botst")
