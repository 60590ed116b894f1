"""Search benchmark for the interventions databank.

Creates a fresh database with 10,000 synthetic interventions (Dutch text put
together from word lists), runs about 200 searches through the API and prints
median and p95 latency next to the time the database needs for the very same
SQL statements, replayed on a plain cursor. The ratio shows what Django, the
search module and DRF add on top of the database work. Each search runs
--repeat times and the fastest run counts, which keeps the figures usable on a
machine shared with other work.

    .venv/bin/python bench/search_bench.py                      # temporary SQLite file
    SLIM_DATABASE_URL=postgres://slim:slim@127.0.0.1:5432/slim .venv/bin/python bench/search_bench.py

The PostgreSQL run creates (and afterwards drops) its own database '<name>_search_bench'.
"""

import argparse
import os
import platform
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

WORKDIR = Path(tempfile.mkdtemp(prefix="slim-bench-"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "slim.project.settings")
os.environ["SLIM_DEBUG"] = "0"  # no query logging while measuring
os.environ["SLIM_DATA_DIR"] = str(WORKDIR)  # never touch ./var
os.environ["SLIM_REQUEST_LOG_LEVEL"] = ""  # no JSON request line per search (like gunicorn without access log)

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from slim.interventions.exchange import Row  # noqa: E402
from slim.interventions.search import PAGE_SIZE  # noqa: E402
from slim.interventions.store import import_rows  # noqa: E402
from slim.interventions.vocabulary import DELIVERY, ELEMENT, LEVEL, LOGIC, RECOGNITION, SCHEME, TARGET_GROUP, THEME  # noqa: E402

# Word lists for the synthetic descriptions.
NAME_FIRST = "Samen Sterk Thuis Buurt Wijk Stap Kracht Maatje Vitaal Open Eigen Vrij Groen Actief Welkom Helder".split()
NAME_SECOND = "Verder Vooruit Dichtbij Samen Centraal Verbonden Zelf Plus Team Netwerk Kompas Route Basis Lijn".split()
GROUPS = [
    "ouderen die alleen wonen", "jongeren zonder startkwalificatie", "mantelzorgers van mensen met dementie",
    "ouders met opgroeiende kinderen", "buurtbewoners in een achterstandswijk", "nieuwkomers met een verblijfsvergunning",
    "mensen met problematische schulden", "volwassenen met een licht verstandelijke beperking",
    "dak- en thuisloze jongvolwassenen", "vrijwilligers in de zorg", "kinderen in armoede", "gezinnen in een scheiding",
    "tienermoeders", "mensen met een psychische kwetsbaarheid", "werkzoekenden boven de vijftig", "statushouders",
    "slachtoffers van huiselijk geweld", "jonge mantelzorgers", "eenoudergezinnen", "laaggeletterde volwassenen",
    "mensen met niet-aangeboren hersenletsel", "lhbti-jongeren", "ex-gedetineerden", "zzp'ers met geldzorgen",
]
WORKERS = [
    "een sociaal werker", "een getrainde vrijwilliger", "een ervaringsdeskundige", "de wijkverpleegkundige",
    "een jongerenwerker", "een schuldhulpverlener", "een buurtcoach", "een maatje uit de buurt", "een gezinscoach",
    "de praktijkondersteuner van de huisarts", "een consulent werk en inkomen", "een cliëntondersteuner",
    "een opbouwwerker", "een thuisadministrateur", "een sportcoach", "een taalcoach",
]
ACTIVITIES = [
    "een gesprek aan de keukentafel", "een wekelijkse groepsbijeenkomst", "een training in kleine stappen",
    "samen koken en eten", "hulp bij de administratie", "een wandeling door de wijk", "een cursus over opvoeden",
    "lotgenotencontact", "een sollicitatietraining", "een gezamenlijk plan voor alle leefgebieden",
    "een budgetcursus", "huiswerkbegeleiding", "een moestuin in de buurt", "een taalcafé", "sporten in de buitenlucht",
    "een netwerkberaad met familie en vrienden", "creatieve workshops", "een spreekuur in het buurthuis",
    "voorlezen aan jonge kinderen", "een telefoonlijn voor een luisterend oor", "een weerbaarheidstraining",
    "bemiddeling bij burenruzies", "een maatjesproject", "een eetgroep voor ouderen", "een digitaal inloopspreekuur",
]
GOALS = [
    "minder eenzaam zijn", "schulden voorkomen en aflossen", "zelfredzamer worden", "een sterker sociaal netwerk opbouwen",
    "betaald werk vinden", "overbelasting voorkomen", "veilig opgroeien", "meedoen in de buurt",
    "weer regie krijgen over het eigen leven", "een stabiele woonsituatie bereiken", "gezonder leven",
    "beter Nederlands spreken", "rust in het gezin brengen", "een opleiding afmaken", "vrijwilligerswerk vinden",
    "de administratie op orde krijgen", "langer thuis blijven wonen", "conflicten zelf oplossen",
    "digitale vaardigheden leren", "weer plezier in bewegen krijgen",
]
ORGANISATIONS = [
    "welzijnsorganisaties", "wijkteams", "vrijwilligersorganisaties", "gemeenten", "ggz-instellingen", "scholen",
    "sportverenigingen", "woningcorporaties", "bibliotheken", "maatschappelijke opvang", "huisartsenpraktijken",
    "kerken en moskeeën", "buurthuizen", "jeugdgezondheidszorg", "thuiszorgorganisaties", "werkgevers",
]
RESULTS = [
    "Deelnemers voelen zich na afloop minder eenzaam.", "Het aantal huisuitzettingen daalt.",
    "Ouders voelen zich zekerder in de opvoeding.", "Meer deelnemers vinden vrijwilligerswerk of betaald werk.",
    "Mantelzorgers houden het langer vol.", "De schulden worden kleiner en de stress neemt af.",
]
# Query mix: frequent and rare words, inflected forms, pairs, phrases, typos, and filters.
WORDS = [
    "ouderen", "jongeren", "schulden", "schuld", "vrijwilligers", "mantelzorgers", "eenzaamheid", "eenzaam",
    "buurt", "wijk", "opvoeding", "training", "dementie", "werk", "administratie", "koken", "wandeling",
    "sollicitatietraining", "netwerk", "regie", "ervaringsdeskundige", "woningcorporaties", "lotgenotencontact",
    "taalcafé", "moestuin", "huisarts", "statushouders", "scheiding", "budgetcursus", "weerbaarheid", "bewegen",
]
PHRASES = ['"aan de keukentafel"', '"sociaal netwerk"', '"in kleine stappen"', '"licht verstandelijke beperking"', '"luisterend oor"']
TYPOS = ["eenzaamhied", "vrijwiligers", "mantelzorgres", "schuldn", "opvoedng", "dementei"]


ELEMENT_SENTENCES = [
    "Aansluiten bij wat de deelnemer zelf wil.", "Een vast gezicht dat bereikbaar blijft.", "Snel iets regelen wat dringend is.",
    "Oefenen in kleine, haalbare stappen.", "Contact dichtbij huis.", "Samen met het netwerk zoeken naar oplossingen.",
    "Gelijkwaardig contact met ervaringsdeskundigen.", "Duidelijke afspraken over wie wat doet.",
]
SUMMARIES = [
    "In {name} werken {organisation} samen met {group}. {worker} helpt hen om {goal}.",
    "{name} is bedoeld voor {group}. Met steun van {worker} leren deelnemers {goal}.",
    "{worker} zoekt {group} thuis op. Samen maken zij een plan om {goal}.",
    "Een laagdrempelige aanpak van {organisation} voor {group}, gericht op {goal}.",
]
APPROACHES = [
    "{worker} begint met {first}. Daarna volgen {number} bijeenkomsten met {second}.",
    "De deelnemers kiezen zelf tussen {first} en {second}. {worker} sluit aan bij hun eigen wensen.",
    "Eerst is er {first}; wie dat wil, gaat daarna door met {second}. Het traject duurt {number} weken.",
    "In kleine groepen staat {first} centraal, aangevuld met {second} onder leiding van {worker}.",
]


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def synthetic_record(number: int, rng: random.Random) -> dict:
    name = f"{rng.choice(NAME_FIRST)} {rng.choice(NAME_SECOND)} {number}"
    group, worker = rng.choice(GROUPS), rng.choice(WORKERS)
    goal, other_goal = rng.sample(GOALS, 2)
    first, second, third = rng.sample(ACTIVITIES, 3)
    organisations = rng.sample(ORGANISATIONS, 2)
    words = {"name": name, "group": group, "worker": worker, "goal": goal, "organisation": organisations[0],
             "first": first, "second": second, "number": rng.randint(4, 12)}
    recognitions = [
        {"scheme": scheme, "level": rng.choice(list(RECOGNITION.terms)[:5]), "date": f"{rng.randint(2012, 2025)}", "note": None}
        for scheme in rng.sample(list(SCHEME.terms), rng.choice([0, 0, 1, 1, 2]))
    ]
    return {
        "slug": f"synthetisch-{number}",
        "name": name,
        "aliases": [],
        "summary": _sentence(rng.choice(SUMMARIES).format(**words)),
        "goal": f"De deelnemers willen {goal}. Daarnaast helpt de aanpak hen om {other_goal}.",
        "target_groups": [group],
        "target_group_codes": rng.sample(list(TARGET_GROUP.terms), 2),
        "approach": _sentence(rng.choice(APPROACHES).format(**words)) + f" Tot slot is er {third}.",
        "themes": rng.sample(list(THEME.terms), rng.randint(1, 3)),
        "executing_organisations": organisations,
        "werkzame_elementen": rng.sample(ELEMENT_SENTENCES, 2),
        "element_codes": rng.sample(list(ELEMENT.terms), rng.randint(0, 3)),
        "research": rng.choice([None, rng.choice(RESULTS)]),
        "recognitions": recognitions,
        "developer": rng.choice([None, f"Stichting {rng.choice(NAME_FIRST)}"]),
        "contact": None,
        "handbook": None,
        "source_url": f"https://example.org/interventies/{number}",
        "logics": rng.sample(list(LOGIC.terms), rng.randint(1, 2)),
        "logic_reason": "",
        "levels": rng.sample(list(LEVEL.terms), rng.randint(1, 2)),
        "delivery": rng.sample(list(DELIVERY), 1),
        "volunteers": rng.choice([True, False, None]),
    }


def queries(count: int, rng: random.Random) -> list[dict]:
    made = []
    for _ in range(count):
        kind = rng.random()
        if kind < 0.35:
            params = {"q": rng.choice(WORDS)}
        elif kind < 0.55:
            params = {"q": " ".join(rng.sample(WORDS, 2))}
        elif kind < 0.65:
            params = {"q": rng.choice(PHRASES)}
        elif kind < 0.72:
            params = {"q": rng.choice(TYPOS)}
        elif kind < 0.87:
            params = {"q": rng.choice(WORDS), "theme": rng.choice(list(THEME.terms)), "level": rng.choice(list(LEVEL.terms))}
        elif kind < 0.95:
            params = {"q": rng.choice(WORDS), "fit": f"werk:{rng.choice(list(LOGIC.terms))}"}
        else:
            params = {"theme": rng.choice(list(THEME.terms)), "sort": "recognition"}
        made.append(params)
    return made


class Recorder:
    """Collects the SQL statements (with parameters) the API runs, to replay them raw."""

    def __init__(self):
        self.statements = []

    def __call__(self, execute, sql, params, many, context):
        self.statements.append((sql, params))
        return execute(sql, params, many, context)


def raw_replay(statements) -> float:
    start = time.perf_counter()
    with connection.cursor() as cursor:
        for sql, params in statements:
            cursor.execute(sql, params)
            cursor.fetchall()
    return time.perf_counter() - start


RAW_TEXT_SQL = {
    "postgresql": (
        "SELECT i.id, ts_rank(f.interventions_fts, q) AS r "
        "FROM interventions_fts f JOIN interventions_intervention i ON i.id = f.rowid, "
        "websearch_to_tsquery('dutch'::regconfig, %s) q "
        "WHERE f.interventions_fts @@ q ORDER BY r DESC, i.name LIMIT %s"
    ),
    "sqlite": (
        "SELECT i.id, -bm25(interventions_fts) AS r FROM interventions_fts "
        "JOIN interventions_intervention i ON i.id = interventions_fts.rowid "
        "WHERE interventions_fts MATCH %s ORDER BY r DESC, i.name LIMIT %s"
    ),
}


# The floor: the fastest ranked full-text query that gives the ids of the first page, straight on
# the full-text table (no join, no facets, no count). Each candidate is timed and the fastest counts.
FLOOR_SQL = {
    "postgresql": [
        "SELECT f.rowid, ts_rank(f.interventions_fts, q) AS r FROM interventions_fts f, "
        "websearch_to_tsquery('dutch'::regconfig, %s) q WHERE f.interventions_fts @@ q ORDER BY r DESC LIMIT %s",
        RAW_TEXT_SQL["postgresql"],
    ],
    "sqlite": [
        "SELECT rowid FROM interventions_fts WHERE interventions_fts MATCH %s ORDER BY rank LIMIT %s",
        RAW_TEXT_SQL["sqlite"],
    ],
}


def _argument(text):
    from slim.interventions.query import parse

    query = parse(text)
    return query.websearch() if connection.vendor == "postgresql" else query.fts5()


def _timed(sql, argument):
    start = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(sql, [argument, PAGE_SIZE])
        cursor.fetchall()
    return time.perf_counter() - start


def raw_text_query(text: str) -> float:
    """One hand-written full-text query (first page only), for scale."""
    return _timed(RAW_TEXT_SQL[connection.vendor], _argument(text))


def floor_query(text: str) -> float:
    """The fastest ranked full-text query for the first page (see FLOOR_SQL)."""
    argument = _argument(text)
    return min(_timed(sql, argument) for sql in FLOOR_SQL[connection.vendor])


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def ms(seconds):
    return f"{seconds * 1000:7.1f} ms"


def database_version():
    with connection.cursor() as cursor:
        cursor.execute("SELECT version()" if connection.vendor == "postgresql" else "SELECT 'SQLite ' || sqlite_version()")
        return cursor.fetchone()[0].split(" on ")[0]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000, help="aantal synthetische interventies")
    parser.add_argument("--queries", type=int, default=200, help="aantal zoekvragen")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--repeat", type=int, default=3, help="keer per zoekvraag; de snelste telt (gedeelde machines)")
    parser.add_argument("--no-vacuum", action="store_true", help="PostgreSQL: meten direct na de import, zonder VACUUM")
    args = parser.parse_args(argv)

    test_settings = connection.settings_dict.setdefault("TEST", {})
    # PostgreSQL: a database named after the configured one, so runs of different people do not collide.
    own = f"{connection.settings_dict['NAME']}_search_bench"
    test_settings["NAME"] = str(WORKDIR / "bench.sqlite3") if connection.vendor == "sqlite" else own
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False, serialize=False)
    try:
        run(args)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        shutil.rmtree(WORKDIR, ignore_errors=True)


def run(args):
    rng = random.Random(args.seed)
    records = [synthetic_record(number, rng) for number in range(1, args.count + 1)]
    start = time.perf_counter()
    import_rows(Row(number, record) for number, record in enumerate(records, start=1))
    imported = time.perf_counter() - start
    if connection.vendor == "postgresql" and not args.no_vacuum:
        # What autovacuum does by itself shortly after a bulk import (PostgreSQL 13+ also vacuums
        # tables that only got inserts): it marks the pages all-visible, so index-only scans can
        # skip the table. Measure the state users meet, not the minute after the import.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")

    client = Client()
    plan = queries(args.queries, rng)
    for params in plan:  # warm up caches and connections
        client.get("/api/v1/interventions", params)

    api_times, raw_times, text_times, ratios, counts = [], [], [], [], []
    text_api_times, floor_times = [], []  # only the searches with words: those have a full-text floor
    for params in plan:
        url = "/api/v1/interventions?" + urlencode(params)
        best = None
        for _ in range(args.repeat):
            recorder = Recorder()
            with connection.execute_wrapper(recorder):
                start = time.perf_counter()
                response = client.get(url)
                elapsed = time.perf_counter() - start
            best = elapsed if best is None else min(best, elapsed)
        assert response.status_code == 200, response.content
        counts.append(response.json()["count"])
        api_times.append(best)
        raw_times.append(min(raw_replay(recorder.statements) for _ in range(args.repeat)))
        ratios.append(api_times[-1] / raw_times[-1])
        if "q" in params:
            text_times.append(min(raw_text_query(params["q"]) for _ in range(args.repeat)))
            floor_times.append(min(floor_query(params["q"]) for _ in range(args.repeat)))
            text_api_times.append(best)

    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"machine:  {platform.platform()}; cpu_count={os.cpu_count()}; load average {load}; Python {platform.python_version()}")
    print(f"database: {database_version()}; {args.count} interventions (import {imported:.1f} s)")
    print(
        f"queries:  {len(plan)}, fastest of {args.repeat} runs each; "
        f"results per query: median {statistics.median(counts):.0f}, p95 {percentile(counts, 0.95)}"
    )
    print(f"{'':34}{'median':>10}{'p95':>10}")
    rows = [
        ("API (Django test client, JSON)", api_times),
        ("same SQL replayed on a cursor", raw_times),
        ("one raw full-text query (page 1)", text_times),
    ]
    for label, values in rows:
        print(f"{label:34}{ms(statistics.median(values)):>10}{ms(percentile(values, 0.95)):>10}")
    print(
        f"{'ratio API / replayed SQL':34}{statistics.median(api_times) / statistics.median(raw_times):>9.2f}x"
        f"{percentile(api_times, 0.95) / percentile(raw_times, 0.95):>9.2f}x"
        f"   (median of per-query ratios {statistics.median(ratios):.2f}x)"
    )
    print(f"\nagainst the floor, the {len(floor_times)} searches with words:")
    for label, values in (("API", text_api_times), ("floor: fastest ranked FTS query", floor_times)):
        print(f"{label:34}{ms(statistics.median(values)):>10}{ms(percentile(values, 0.95)):>10}")
    print(
        f"{'ratio API / floor':34}{statistics.median(text_api_times) / statistics.median(floor_times):>9.2f}x"
        f"{percentile(text_api_times, 0.95) / percentile(floor_times, 0.95):>9.2f}x"
    )
    p95 = percentile(api_times, 0.95) * 1000
    print(f"API p95 {p95:.1f} ms: {'within' if p95 < 50 else 'ABOVE'} the 50 ms target")


if __name__ == "__main__":
    sys.exit(main())
