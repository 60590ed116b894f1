"""A draft Algoritmeregister entry and an IAMA-style fact sheet, filled with the live figures.

Both are drafts for the municipality to check and complete; the figures come from `slim evaluate`
on the held-out sets and from the field agreement (suppressed below MIN_CLIENTS clients, since
these documents are meant to be published).
"""

from functools import lru_cache

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from slim.core.evaluate import HELD_OUT, OVERVIEW, measure

from . import sources
from .figures import agreement

DOCUMENTS = ("algoritmeregister", "iama")


@lru_cache(maxsize=1)
def held_out_figures():
    """(split, n, accuracy, accuracy among suggestions, share without suggestion, ECE) per held-out set."""
    rows = []
    for name in OVERVIEW:
        if name in HELD_OUT:
            measured = measure(name)
            rows.append(
                (name, measured.report.n, measured.report.accuracy, measured.accuracy_suggested, measured.no_suggestion,
                 measured.calibration.ece)
            )
    return tuple(rows)


def _pct(value):
    return f"{100 * value:.1f}%".replace(".", ",")


def live_figures():
    field = agreement(sources.decision_rows(), suppress=True)
    return {"held_out": held_out_figures(), "field": field, "date": timezone.localdate()}


def _evaluation_lines(figures):
    lines = [
        "| " + " | ".join([_("set"), _("uitspraken"), _("goed"), _("goed als er een voorstel is"), _("geen voorstel"), "ECE"]) + " |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, n, accuracy, suggested, none, ece in figures["held_out"]:
        lines.append(f"| {name} | {n} | {_pct(accuracy)} | {_pct(suggested)} | {_pct(none)} | {ece:.3f} |")
    field = figures["field"]
    lines += [
        "",
        _("In de praktijk (alle besluiten met een voorstel, %(n)s besluiten): de professional volgde het voorstel in %(share)s; "
          "Cohens kappa tussen SLIM en professional: %(kappa)s. Cijfers die op minder dan %(min)s cliënten berusten, tonen we als '<%(min)s'.")
        % {"n": field.overall.n if not field.overall.hidden else f"<{sources.MIN_CLIENTS}", "share": field.overall.percent(),
           "kappa": field.kappa.number(), "min": sources.MIN_CLIENTS},
    ]
    return lines


def algoritmeregister(figures=None):
    figures = figures or live_figures()
    lines = [
        "# " + _("Concept: registratie in het Algoritmeregister — SLIM"),
        "",
        _("Gegenereerd op %(date)s uit de actuele cijfers. Een concept: de gemeente controleert en vult aan.") % {"date": date_format(figures["date"], "j F Y")},
        "",
        "## " + _("Naam en doel"),
        _("SLIM (Subjectief Logisch Interventie Model) stelt per leefgebied een van vier interventielogica's voor "
          "(kansen, competenties, sturing, ondernemen), op basis van wat de cliënt over zichzelf zegt. Doel: een aanpak die "
          "past bij hoe de cliënt zichzelf ziet."),
        "",
        "## " + _("Type algoritme"),
        _("Regels en woordstatistiek (geen zelflerend systeem in gebruik): een uitlegbare, deterministische classificatie met een "
          "gekalibreerde zekerheid. Bijleren met praktijkgegevens gebeurt alleen als aparte, bewuste stap."),
        "",
        "## " + _("Menselijke tussenkomst"),
        _("SLIM doet alleen een voorstel. De professional beslist per leefgebied en legt bij afwijken een reden vast. "
          "Onder 50% zekerheid doet SLIM geen voorstel en vraagt het om door te vragen."),
        "",
        "## " + _("Gegevens"),
        _("Uitspraken van de cliënt en antwoorden op de draaischijf per leefgebied. Geen persoonskenmerken (leeftijd, geslacht, "
          "afkomst): SLIM slaat ze niet op en gebruikt ze niet. Cliënten worden niet gerangschikt."),
        "",
        "## " + _("Prestaties"),
        *_evaluation_lines(figures),
        "",
        "## " + _("Bezwaar en contact"),
        _("Een cliënt die het niet eens is met een besluit, bespreekt dat met de professional; het besluit is altijd van een mens. "
          "Bezwaar tegen een besluit van de gemeente loopt via de gewone bezwaarprocedure. Inzage in de vastgelegde gegevens: via de privacypagina van de casus."),
    ]
    return "\n".join(lines) + "\n"


def iama(figures=None):
    figures = figures or live_figures()
    lines = [
        "# " + _("Factsheet (IAMA-stijl): SLIM"),
        "",
        _("Gegenereerd op %(date)s uit de actuele cijfers. Dit is een concept voor het gesprek over de impact op mensenrechten, geen volledige IAMA.") % {"date": date_format(figures["date"], "j F Y")},
        "",
        "## " + _("1. Doel"),
        _("Professionals helpen een aanpak te kiezen die aansluit bij hoe de cliënt zichzelf ziet, per leefgebied en in de tijd."),
        "",
        "## " + _("2. Gegevens"),
        _("Wat de cliënt over zichzelf zegt en de keuzes op de draaischijf. Geen persoonskenmerken, geen profilering, geen rangschikking. "
          "Voor kwaliteitsonderzoek alleen gemaskeerde uitspraken van cliënten die daar toestemming voor gaven."),
        "",
        "## " + _("3. De mens beslist"),
        _("Het voorstel is een hulpmiddel. De professional kiest; afwijken kan altijd, met een reden. Teamleiders zien hoe vaak en waarom wordt afgeweken."),
        "",
        "## " + _("4. Hoe goed werkt het?"),
        _("Op achtergehouden sets (nooit gebruikt om af te stellen):"),
        "",
        *_evaluation_lines(figures),
        "",
        "## " + _("5. Bekende grenzen"),
        "- " + _("De testsets zijn grotendeels door het project zelf geschreven; echte uitspraken kunnen anders klinken (zie de set realholdout)."),
        "- " + _("De zekerheid is gekalibreerd op ontwikkelsets; in de praktijk kan ze afwijken. De driftrapportage laat per kwartaal zien of gemiddelde zekerheid en aandeel gevolgde voorstellen uit elkaar lopen."),
        "- " + _("Of het voorstel klopt met hoe de cliënt zichzelf ziet, meten we nog niet: er zijn nog geen zelfbeoordelingen."),
        "- " + _("Vergelijkingen gaan over teams en leefgebieden, nooit over groepen mensen: SLIM kent geen persoonskenmerken."),
        "",
        "## " + _("6. Bezwaar"),
        _("Niet eens met de aanpak? Bespreek het met de professional of diens teamleider. Tegen een besluit van de gemeente kunt u bezwaar maken. "
          "Toestemming voor kwaliteitsonderzoek kunt u altijd intrekken; uw uitspraken verdwijnen dan uit open onderzoeken en uit nieuwe exports."),
    ]
    return "\n".join(lines) + "\n"
