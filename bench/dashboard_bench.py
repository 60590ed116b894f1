"""Benchmark of the policy dashboards on PostgreSQL with a synthetic municipality.

Fills its own database 'slim_bench_dashboard' (created when missing; the slim
role has CREATEDB) with 100,000 synthetic clients and about 1,000,000 contacts
through `slim generate-demo`, then times every dashboard table computed live
(its own SQL aggregates), a full recount of all figures (what a snapshot takes,
see insights/models.py), and the whole dashboard page and a CSV download,
rendered through Django's test Client as a policy user: from a snapshot, as
every visit within the maximum age is, and without one, as the first visit after
it. Each figure is the median of 5 runs after one warm-up run.

    SLIM_DATABASE_URL=postgres://slim:slim@127.0.0.1:5432/slim .venv/bin/python bench/dashboard_bench.py
    ... --clients 20000           a smaller municipality
    ... --reuse                   keep the data of an earlier run if it has the same size

The database is kept afterwards, so a second run with --reuse skips the generation.
"""

import argparse
import os
import platform
import statistics
import sys
import time
from urllib.parse import urlsplit, urlunsplit

BENCH_DB = "slim_bench_dashboard"
RUNS = 5
TARGET_SECONDS = 1.0


def bench_url(url):
    parts = urlsplit(url)
    if parts.scheme not in ("postgres", "postgresql"):
        sys.exit("Dit benchmark draait op PostgreSQL: zet SLIM_DATABASE_URL=postgres://gebruiker:wachtwoord@host:poort/db")
    return parts, urlunsplit(parts._replace(path=f"/{BENCH_DB}"))


def ensure_database(parts):
    import psycopg
    from psycopg import sql

    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [BENCH_DB]).fetchone()
        if not exists:
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(BENCH_DB)))
            print(f"database {BENCH_DB} aangemaakt")


def median_seconds(function, runs=RUNS):
    function()  # warm-up: caches, the first connection, template loading
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def _urlconf():
    """The project's URLs, plus the insights app if the project does not include it (yet)."""
    import types

    from django.urls import include, path

    from slim.project.urls import urlpatterns

    module = types.ModuleType("dashboard_bench_urls")
    module.urlpatterns = list(urlpatterns)
    if not any(getattr(pattern, "namespace", None) == "insights" for pattern in urlpatterns):
        module.urlpatterns.append(path("inzicht/", include("slim.insights.urls")))
    return module


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=100_000)
    parser.add_argument("--reuse", action="store_true", help="bestaande synthetische gegevens van dezelfde omvang hergebruiken")
    args = parser.parse_args()

    parts, url = bench_url(os.environ.get("SLIM_DATABASE_URL", ""))
    ensure_database(parts)
    os.environ["SLIM_DATABASE_URL"] = url
    os.environ["SLIM_DEBUG"] = "0"  # no query log while measuring
    os.environ["SLIM_REQUEST_LOG_LEVEL"] = ""  # no JSON request line per page view
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "slim.project.settings")

    import django

    django.setup()

    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import override_settings
    from django.urls import reverse

    from slim.accounts.models import Role, User
    from slim.cases.models import Case, Contact, MemberApproach
    from slim.cases.models import Client as SlimClient
    from slim.insights import demo
    from slim.insights.models import Snapshot
    from slim.insights.queries import Figures
    from slim.insights.tables import TABLES
    from slim.matching.models import Decision

    call_command("migrate", verbosity=0)
    synthetic = SlimClient.objects.filter(created_by__username=demo.CREATOR).count()
    if args.reuse and synthetic == args.clients:
        print(f"bestaande gegevens hergebruikt ({synthetic} cliënten)")
        generation = None
    else:
        started = time.perf_counter()
        call_command("generate_demo", clients=args.clients, reset=True)
        generation = time.perf_counter() - started
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
        cursor.execute("SHOW server_version")
        server = cursor.fetchone()[0]

    counts = {
        "cliënten": SlimClient.objects.count(),
        "casussen": Case.objects.count(),
        "besluiten": Decision.objects.count(),
        "aanpakken": MemberApproach.objects.count(),
        "contacten": Contact.objects.count(),
    }
    print(f"machine: {platform.platform()}, {platform.machine()}, {os.cpu_count()} CPU's, Python {platform.python_version()}")
    print(f"database: PostgreSQL {server}, {BENCH_DB}; load average {os.getloadavg()[0]:.1f} (gedeelde machine?)")
    print("gegevens: " + ", ".join(f"{number:,} {name}".replace(",", ".") for name, number in counts.items()))
    if generation is not None:
        print(f"genereren (generate-demo --reset --clients {args.clients}): {generation:.0f} s")

    results = {}
    for slug, build in TABLES.items():
        results[f"tabel {slug} (live, eigen queries)"] = median_seconds(lambda build=build: build(Figures()))
        connection.close_if_unusable_or_obsolete()
    results["alle cijfers opnieuw tellen (momentopname, live)"] = median_seconds(Snapshot.take)

    policy, _created = User.objects.get_or_create(
        username="bench-beleid", defaults={"role": Role.POLICY, "organisation": "Gemeente"}
    )
    browser = Client()
    browser.force_login(policy)
    with override_settings(ROOT_URLCONF=_urlconf()):
        page = reverse("insights:dashboard")

        def render_page():
            response = browser.get(page)
            assert response.status_code == 200, response.status_code

        def download_csv():
            response = browser.get(reverse("insights:csv", args=["contacten-past-botst"]))
            assert response.status_code == 200, response.status_code

        Snapshot.take()
        results["hele dashboardpagina uit momentopname (testclient)"] = median_seconds(render_page)
        results["CSV contacten-past-botst uit momentopname (testclient)"] = median_seconds(download_csv)

        def render_page_after_expiry():
            Snapshot.objects.all().delete()  # as if the last count were older than the maximum age
            render_page()

        results["hele dashboardpagina zonder momentopname (telt eerst)"] = median_seconds(render_page_after_expiry)

    width = max(len(name) for name in results)
    print(f"\nmediaan van {RUNS} runs (na 1 opwarmrun); doel: elk dashboard onder {TARGET_SECONDS:.0f} s")
    for name, seconds in results.items():
        mark = "" if seconds < TARGET_SECONDS else "  <-- boven het doel"
        print(f"  {name:<{width}}  {seconds * 1000:8.0f} ms{mark}")


if __name__ == "__main__":
    main()
