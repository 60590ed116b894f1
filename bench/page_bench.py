"""The main pages in-process, one at a time: median time per page and its ratio to the logged-in no-op.

    .venv/bin/python bench/page_bench.py --database postgres --database-url postgres://.../slim_x
    .venv/bin/python bench/page_bench.py --database sqlite --sqlite-file /tmp/x.sqlite3
    .venv/bin/python bench/page_bench.py --reuse --profile casus      # cProfile of one page, top 40

The same data as load_test.py (bench_people.py: 100 professionals in ten teams, 20 cases each,
2-8 earlier contacts per case), the same settings as production (SLIM_PRODUCTION=1, collected
static files), and Django's test client as professional bench001 on a case they lead: every request
goes through the whole middleware stack, audit trail included, but not through gunicorn or HTTP.
Each page is asked --warmup times first, then --repeat times, the pages taking turns; the figures
are medians of wall-clock time and of this thread's CPU time (Python's share: without the
database server's work on PostgreSQL, with SQLite's inside it). One thread, so it measures the cost of a page, not the queueing of the load test.
"""

import argparse
import cProfile
import os
import pstats
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse

parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
parser.add_argument("--database", choices=["postgres", "sqlite"], default="postgres")
parser.add_argument("--database-url", default="postgres://slim:slim@127.0.0.1:5432/slim_page_bench")
parser.add_argument("--sqlite-file", default=str(Path(tempfile.gettempdir()) / "slim-page-bench.sqlite3"))
parser.add_argument("--reuse", action="store_true", help="keep the database of the previous run")
parser.add_argument("--users", type=int, default=100)
parser.add_argument("--cases-per-user", type=int, default=20)
parser.add_argument("--repeat", type=int, default=60)
parser.add_argument("--warmup", type=int, default=10)
parser.add_argument("--profile", help="profile this page (one of the names printed) instead of timing all")
parser.add_argument("--sql", help="print the SQL of one request to this page (one of the names printed)")
parser.add_argument(
    "--rotate", action="store_true",
    help="open every case of the user in turn (as the load test does: led, member of, and the team's shared case) "
    "instead of one case they lead",
)
parser.add_argument("--seed", type=int, default=2026)
ARGS = parser.parse_args()

if ARGS.database == "sqlite":
    ARGS.database_url = f"sqlite:///{ARGS.sqlite_file}"
    if not ARGS.reuse:
        for suffix in ("", "-wal", "-shm"):
            Path(ARGS.sqlite_file + suffix).unlink(missing_ok=True)
elif not ARGS.reuse:
    import psycopg

    parts = urlparse(ARGS.database_url)
    admin = parts._replace(scheme="postgresql", path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{parts.path.lstrip("/")}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{parts.path.lstrip("/")}"')

WORKDIR = Path(tempfile.mkdtemp(prefix="slim-page-bench-"))
os.environ.update(
    DJANGO_SETTINGS_MODULE="slim.project.settings", SLIM_DATABASE_URL=ARGS.database_url, SLIM_PRODUCTION="1",
    SLIM_SECRET_KEY="page-bench-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
    SLIM_AUDIT_KEY="page-bench-audit-key-0123456789abcdef0123", SLIM_DEBUG="0", SLIM_DATA_DIR=str(WORKDIR),
    SLIM_STATIC_ROOT=str(WORKDIR / "static"), SLIM_ALLOWED_HOSTS="testserver", SLIM_REQUEST_LOG_LEVEL="",
)
subprocess.run([sys.executable, "-m", "slim.cli", "collectstatic", "--noinput", "-v0"], check=True)

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from bench_people import create_bench_data  # noqa: E402
from slim.accounts.models import User  # noqa: E402
from slim.cases.models import CaseMember, CaseRole  # noqa: E402


def main():
    if not ARGS.reuse:
        started = time.monotonic()
        call_command("migrate", verbosity=0)
        call_command("load_knowledge", verbosity=0)
        call_command("import_interventions", verbosity=0)
        create_bench_data(ARGS.users, ARGS.cases_per_user, random.Random(ARGS.seed))
        print(f"setup: {time.monotonic() - started:.0f} s")
    user = User.objects.get(username="bench001")
    case = CaseMember.objects.filter(user=user, role=CaseRole.DIRECTOR).order_by("case_id").values_list("case_id", flat=True)[3]
    http = Client(headers={"X-Forwarded-Proto": "https"})  # as nginx sends it; production redirects plain HTTP
    http.force_login(user)
    cases = [case]
    if ARGS.rotate:
        cases = list(CaseMember.objects.filter(user=user).order_by("case_id").values_list("case_id", flat=True))
    pages = {
        "ingelogd niets": ["/"],
        "zoeken": ["/interventies/?q=schulden"],
        "casuslijst": ["/casussen/"],
        "casus": [f"/casussen/{case}/" for case in cases],
        "plan": [f"/casussen/{case}/plan/" for case in cases],
        "contactlog": [f"/casussen/{case}/contacten/" for case in cases],
    }
    if ARGS.sql:
        http.get(pages[ARGS.sql][0])
        with CaptureQueriesContext(connection) as queries:
            http.get(pages[ARGS.sql][0])
        for number, query in enumerate(queries.captured_queries, 1):
            print(f"{number:2}. [{query['time']} s] {query['sql']}\n")
        return
    if ARGS.profile:
        urls = pages[ARGS.profile]
        for number in range(ARGS.warmup):
            http.get(urls[number % len(urls)])
        profiler = cProfile.Profile()
        profiler.enable()
        for number in range(ARGS.repeat):
            http.get(urls[number % len(urls)])
        profiler.disable()
        stats = pstats.Stats(profiler).strip_dirs().sort_stats("cumulative")
        stats.print_stats(60)
        stats.sort_stats("tottime").print_stats(30)
        stats.dump_stats(str(Path(tempfile.gettempdir()) / f"slim-page-bench-{ARGS.profile}.prof"))
        return
    counts, sizes = {}, {}
    for name, urls in pages.items():
        for url in urls:
            for _ in range(ARGS.warmup):
                response = http.get(url)
                assert response.status_code == 200, (name, url, response.status_code)
        with CaptureQueriesContext(connection) as queries:
            response = http.get(urls[0])
        counts[name], sizes[name] = len(queries), len(response.content)  # read now: the next request resets the log
    # The pages take turns, so a busy moment of the machine falls on all of them alike.
    times, cpu = {name: [] for name in pages}, {name: [] for name in pages}
    for number in range(ARGS.repeat):
        for name, urls in pages.items():
            url = urls[number % len(urls)]
            started, started_cpu = time.perf_counter(), time.thread_time()
            http.get(url)
            times[name].append((time.perf_counter() - started) * 1000)
            cpu[name].append((time.thread_time() - started_cpu) * 1000)
    medians = {name: statistics.median(values) for name, values in times.items()}
    cpu_medians = {name: statistics.median(values) for name, values in cpu.items()}
    print(f"\n{connection.vendor}, {ARGS.repeat} requests per page (taking turns) after {ARGS.warmup} to warm up, one thread\n")
    print("| pagina | mediaan | p90 | CPU van Python (mediaan) | query's | bytes | mediaan / ingelogd niets | CPU / ingelogd niets |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name in pages:
        p90 = statistics.quantiles(times[name], n=10)[-1]
        print(
            f"| {name} | {medians[name]:.1f} ms | {p90:.1f} ms | {cpu_medians[name]:.1f} ms | {counts[name]} | {sizes[name]} | "
            f"{medians[name] / medians['ingelogd niets']:.1f}x | {cpu_medians[name] / cpu_medians['ingelogd niets']:.1f}x |"
        )
    print(f"\nload average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
