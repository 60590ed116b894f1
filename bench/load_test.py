"""Load test: many professionals at once against SLIM served by gunicorn, on PostgreSQL or SQLite.

    .venv/bin/python bench/load_test.py --database postgres --duration 30 --users 100
    .venv/bin/python bench/load_test.py --database sqlite --duration 30 --users 100
    .venv/bin/python bench/load_test.py --reuse            # keep the database of the previous run

What it does (loopback only, bounded in time: setup, --duration of mix, --ratio-rounds x six ratio phases):

1. Setup (skipped with --reuse): a fresh database (PostgreSQL `slim_load_bench` or a SQLite file),
   migrated, with the knowledge base and the 63 interventions, and bench data through the ORM:
   N professionals (bench001...) in ten teams, each the casusregisseur of --cases-per-user cases and
   a member of five cases of a colleague; per team one shared case that all ten edit the plan of;
   every case with a few contacts already. Users, cases and contacts are made in bulk, past
   Contact.save(), so the dashboard tallies (ContactTally) are then recounted from the contacts.
2. collectstatic into a temporary directory and `slim serve --production` (gunicorn) on a free
   loopback port. Each professional gets a session made with Django's session store (or, with
   --form-login, logs in through the form: Argon2 costs about a CPU-second each).
3. The mix for --duration seconds: search the databank (30%), case list (10%), open a case (20%),
   contact log (15%), add a contact (15%), edit the plan of the team's shared case (10%: open its
   goal, plan/?wijzig=doel, for the version, then save the shared goal; a lost race is the conflict
   message).
4. Ratio phases of --ratio-seconds each with --ratio-users users: one page only, and the baseline:
   the home page for a LOGGED-IN user (session, user and the whole middleware stack, audit
   middleware included; it writes no audit line, since the page holds no client data). They run
   in --ratio-rounds rounds, the baseline and the pages taking turns, so a busy moment of the
   machine falls on all of them alike; each page's p50 and throughput over its rounds are compared
   with the baseline's over its rounds (the ratio per round is printed too), with the CPU per
   request of the app, the database and the clients.
5. Checks, and exit status 1 when one fails: every acknowledged contact (302 back to the log, a
   unique note) is stored, nothing unacknowledged is stored; every acknowledged plan save moved its
   case exactly one version on (no silent overwrite); the ContactTally rows equal a recount of the
   contacts; no request failed.

Prints p50/p95/p99 latency and throughput per action, the conflicts, the checks, the ratios and the
machine (nproc, load average), as Markdown for bench/README.md. The clients are Python threads on
the same machine: they take CPU from the server too.
"""

import argparse
import http.client
import math
import os
import platform
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode, urlparse

from browser import Session  # bench/browser.py

DEFAULT_URL = "postgres://slim:slim@127.0.0.1:5432/slim_load_bench"
SECRET = "load-test-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz"
SEARCH_WORDS = [
    "schulden", "werk", "eenzaamheid", "opvoeding", "jongeren", "huiselijk geweld", "mantelzorg", "armoede",
    "taal", "gezondheid", "ouderen", "wonen", "vrijwilligers", "sport", "budget", "psychische klachten",
    "scheiding", "re-integratie", "buurt", "stress",
]
MIX = [
    ("zoeken", 30), ("casuslijst", 10), ("casus openen", 20), ("contactlog", 15), ("contact toevoegen", 15),
    ("plan bewerken", 10),
]
BASELINE = "ingelogd niets"
RATIO_PAGES = [BASELINE, "zoeken", "casuslijst", "casus openen", "plan", "contactlog"]
CONFLICT = "Iemand anders heeft het plan intussen gewijzigd".encode()


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=30, help="seconds of the mixed workload (default 30)")
    parser.add_argument("--ratio-seconds", type=int, default=5, help="seconds of each ratio phase (default 5)")
    parser.add_argument(
        "--ratio-rounds", type=int, default=3,
        help="rounds of the ratio phases, the pages taking turns, so a busy moment of the machine falls on all alike (default 3)",
    )
    parser.add_argument("--ratio-users", type=int, default=10, help="concurrent users in each ratio phase (default 10)")
    parser.add_argument("--users", type=int, default=100, help="concurrent professionals (default 100)")
    parser.add_argument(
        "--think", type=float, default=0.0,
        help="mean pause in seconds between two actions of one professional in the mix (exponential; default 0: none)",
    )
    parser.add_argument("--cases-per-user", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2 * os.cpu_count() + 1, help="gunicorn workers")
    parser.add_argument("--threads", type=int, default=1, help="gunicorn threads per worker")
    parser.add_argument("--database", choices=["postgres", "sqlite"], default="postgres")
    parser.add_argument("--database-url", help=f"PostgreSQL only (default {DEFAULT_URL})")
    parser.add_argument("--sqlite-file", default=str(Path(tempfile.gettempdir()) / "slim-load-bench.sqlite3"))
    parser.add_argument("--form-login", action="store_true", help="log in through the form (Argon2) instead of a made session")
    parser.add_argument("--reuse", action="store_true", help="use the database of the previous run as it is")
    parser.add_argument("--seed", type=int, default=2026)
    return parser.parse_args()


ARGS = parse_args()
if ARGS.database == "sqlite":
    ARGS.database_url = f"sqlite:///{ARGS.sqlite_file}"
    if not ARGS.reuse:
        for suffix in ("", "-wal", "-shm"):
            Path(ARGS.sqlite_file + suffix).unlink(missing_ok=True)
else:
    ARGS.database_url = ARGS.database_url or os.environ.get("SLIM_LOAD_DATABASE_URL", DEFAULT_URL)
WORKDIR = Path(tempfile.mkdtemp(prefix="slim-load-"))
os.environ["DJANGO_SETTINGS_MODULE"] = "slim.project.settings"
os.environ["SLIM_DATABASE_URL"] = ARGS.database_url
os.environ["SLIM_SECRET_KEY"] = SECRET  # the sessions made here must be valid for the server
os.environ["SLIM_AUDIT_KEY"] = "load-test-audit-key-0123456789abcdef0123"  # production refuses to start without one
os.environ["SLIM_DEBUG"] = "0"
os.environ["SLIM_DATA_DIR"] = str(WORKDIR)
os.environ.pop("SLIM_PRODUCTION", None)


def recreate_database(url):
    import psycopg

    parts = urlparse(url)
    name = parts.path.lstrip("/")
    admin = parts._replace(scheme="postgresql", path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


if not ARGS.reuse and ARGS.database_url.startswith("postgres"):
    recreate_database(ARGS.database_url)

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402

from bench_people import PASSWORD, create_bench_data, recount, tallies  # noqa: E402  (bench/bench_people.py)
from slim.accounts.models import User  # noqa: E402
from slim.cases.models import Case, CaseMember, Contact, Event, EventKind  # noqa: E402


def make_session(user):
    """A logged-in session as django.contrib.auth.login leaves it, without paying Argon2."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return session.session_key


def setup_database(rng):
    started = time.monotonic()
    call_command("migrate", verbosity=0)
    call_command("load_knowledge", verbosity=0)
    call_command("import_interventions", verbosity=0)
    create_bench_data(ARGS.users, ARGS.cases_per_user, rng)
    return time.monotonic() - started


# -- the server -----------------------------------------------------------------------------


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(port):
    env = dict(os.environ)
    env.update(
        SLIM_PRODUCTION="1", SLIM_SECRET_KEY=SECRET, SLIM_ALLOWED_HOSTS="127.0.0.1",
        SLIM_STATIC_ROOT=str(WORKDIR / "static"), SLIM_WORKERS=str(ARGS.workers), SLIM_THREADS=str(ARGS.threads),
        SLIM_ACCESS_LOG="", SLIM_REQUEST_LOG_LEVEL="", SLIM_LOCKOUT_ATTEMPTS="1000", SLIM_MAX_REQUESTS="1000000",
    )
    slim = [sys.executable, "-m", "slim.cli"]
    subprocess.run([*slim, "collectstatic", "--noinput", "-v0"], env=env, check=True)
    process = subprocess.Popen(
        [*slim, "serve", "--production", f"127.0.0.1:{port}"], env=env, start_new_session=True,
        stdout=subprocess.DEVNULL, stderr=open(WORKDIR / "gunicorn.log", "w"),
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            status, _, _ = Session(port).get("/gezond/database/")
            if status == 200:
                return process
        except OSError:
            time.sleep(0.2)
    stop_server(process)
    raise SystemExit(f"gunicorn did not start:\n{(WORKDIR / 'gunicorn.log').read_text()[-3000:]}")


def stop_server(process):
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)


def cpu_seconds(server):
    """CPU time used so far by gunicorn (master and workers), by the PostgreSQL backends serving
    this database, and by this script (the clients). Read from /proc; Linux only."""
    ticks = os.sysconf("SC_CLK_TCK")

    def of(pid):
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return 0.0
        return (int(fields[11]) + int(fields[12])) / ticks  # utime + stime

    app = sum(of(pid) for pid in os.listdir("/proc") if pid.isdigit() and _group(pid) == server.pid)
    backends = []
    if connection.vendor == "postgresql":  # SQLite runs inside the app's processes
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
            backends = [row[0] for row in cursor.fetchall()]
    own = os.times()
    return {"app": app, "database": {pid: of(pid) for pid in backends}, "clients": own.user + own.system}


def cpu_used(before, after):
    """CPU seconds between two cpu_seconds() readings. Per database backend: a backend that ended in
    between is left out (its time is gone from /proc), one that started counts from zero."""
    used = {part: after[part] - before[part] for part in ("app", "clients")}
    used["database"] = sum(seconds - before["database"].get(pid, 0.0) for pid, seconds in after["database"].items())
    return {"app": used["app"], "database": used["database"], "clients": used["clients"]}


def _group(pid):
    try:
        return os.getpgid(int(pid))
    except OSError:
        return None


# -- one professional -------------------------------------------------------------------------


class Professional(threading.Thread):
    def __init__(self, number, user_id, cases, shared, session_key, port, run_id, clock):
        super().__init__(daemon=True)
        self.number, self.user_id, self.cases, self.shared = number, user_id, cases, shared
        self.session = Session(port)
        self.session_key = session_key
        self.run_id, self.clock = run_id, clock
        self.rng = random.Random(ARGS.seed + number)
        self.samples = []  # (phase, action, started, finished, ok), perf_counter seconds
        self.busy = False
        self.acknowledged = []  # notes of contacts the server confirmed
        self.plan_saved = []  # shared goals the server confirmed (302)
        self.conflicts = 0  # plan saves refused with the conflict message
        self.login_error = None
        self.sequence = 0

    def login(self):
        if self.session_key:
            self.session.cookies["sessionid"] = self.session_key
        else:
            self.form_login()
        # A page with a form sets the CSRF cookie that the posts carry.
        status, _, _ = self.session.get(f"/casussen/{self.cases[0]}/contacten/")
        if status != 200 or "csrftoken" not in self.session.cookies:
            raise RuntimeError(f"not logged in: {status}")

    def form_login(self):
        status, _, page = self.session.get("/account/inloggen/")
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1).decode()
        fields = {"username": f"bench{self.number:03d}", "password": PASSWORD, "csrfmiddlewaretoken": token}
        status, location, _ = self.session.post("/account/inloggen/", fields)
        if status != 302 or "inloggen" in location:
            raise RuntimeError(f"login failed: {status} {location}")

    def run(self):
        with self.clock.login_slots:
            started = time.perf_counter()
            try:
                self.login()
            except Exception as error:  # reported, and the run counts it as an error
                self.login_error = repr(error)
            self.login_seconds = time.perf_counter() - started
        self.clock.ready.wait()
        while not self.clock.stopped():
            phase, page = self.clock.work_for(self.number)
            if phase is None:
                continue
            if phase == "mix":
                action = self.rng.choices([name for name, _ in MIX], weights=[weight for _, weight in MIX])[0]
            else:
                action = page
            self.busy = True
            started = time.perf_counter()
            try:
                ok = self.act(action)
            except (OSError, http.client.HTTPException, RuntimeError):
                ok = False
            self.samples.append((phase, action, started, time.perf_counter(), ok))
            self.busy = False
            if phase == "mix" and ARGS.think > 0:
                pause_until = time.perf_counter() + min(self.rng.expovariate(1 / ARGS.think), 3 * ARGS.think)
                while time.perf_counter() < pause_until and self.clock.phase == "mix":
                    time.sleep(0.05)

    def act(self, action):
        case = self.rng.choice(self.cases)
        if action == "zoeken":
            query = {"q": self.rng.choice(SEARCH_WORDS)}
            if self.rng.random() < 0.3:
                query["page"] = "2"
            status, _, _ = self.session.get(f"/interventies/?{urlencode(query)}")
            return status == 200
        if action == "casuslijst":
            return self.session.get("/casussen/")[0] == 200
        if action == "casus openen":
            return self.session.get(f"/casussen/{case}/")[0] == 200
        if action == "contactlog":
            return self.session.get(f"/casussen/{case}/contacten/")[0] == 200
        if action == "plan":
            return self.session.get(f"/casussen/{case}/plan/")[0] == 200
        if action == BASELINE:
            status, _, page = self.session.get("/")
            # The home page answers 200 to anyone: only the logout button shows the session still holds.
            return status == 200 and b'class="logout-form"' in page
        if action == "plan bewerken":
            return self.edit_plan()
        # contact toevoegen: the form is on the contact log; the CSRF cookie is the token.
        self.sequence += 1
        note = f"{self.run_id}-{self.number}-{self.sequence}"
        flowed = self.rng.random() < 0.7
        fields = {
            "held_on": timezone.localdate().isoformat(), "user": self.user_id,
            "conversation_type": self.rng.randint(1, 7), "flowed": "ja" if flowed else "nee",
            "stall_reason": "" if flowed else "afspraken", "note": note,
            "csrfmiddlewaretoken": self.session.cookies.get("csrftoken", ""),
        }
        status, location, _ = self.session.post(f"/casussen/{case}/contacten/", fields)
        # Only the redirect back to the contact log acknowledges; one to the login page does not.
        if status == 302 and location == f"/casussen/{case}/contacten/":
            self.acknowledged.append(note)
            return True
        return False

    def edit_plan(self):
        """Open the shared goal of the team's plan, then save it on the version read; a lost race is reported."""
        status, _, page = self.session.get(f"/casussen/{self.shared}/plan/?wijzig=doel")
        if status != 200:
            return False
        version = re.search(rb'name="version" value="(\d+)"', page).group(1).decode()
        self.sequence += 1
        goal = f"{self.run_id}-{self.number}-{self.sequence}"
        fields = {
            "version": version, "shared_goal": goal, "client_words": "",
            "csrfmiddlewaretoken": self.session.cookies.get("csrftoken", ""),
        }
        status, location, page = self.session.post(f"/casussen/{self.shared}/plan/doel/", fields)
        if status == 302 and location.startswith(f"/casussen/{self.shared}/plan/"):
            self.plan_saved.append(goal)
            return True
        if status == 200 and CONFLICT in page:
            self.conflicts += 1  # the user sees the message and keeps their input
            return True
        return False


class Clock:
    """The phase everyone works in. Who has no work in it (a pause, or a ratio phase for the first
    --ratio-users only) waits on a condition instead of polling: 90 idle threads waking up 50 times
    a second would take the CPU of the server they measure."""

    def __init__(self):
        self.ready = threading.Event()
        # Argon2 makes a login cost about a CPU-second; a hundred at once would only queue up.
        self.login_slots = threading.Semaphore(4)
        self.phase, self.page = "pauze", None
        self._changed = threading.Condition()
        self._stop = threading.Event()

    def set_phase(self, phase, page=None):
        with self._changed:
            self.phase, self.page = phase, page
            self._changed.notify_all()

    def work_for(self, number):
        """(phase, page) when professional `number` has work now; else waits for a change and gives (None, None)."""
        with self._changed:
            if self.phase == "mix" or (self.phase != "pauze" and number <= ARGS.ratio_users):
                return self.phase, self.page
            self._changed.wait(timeout=1)
            return None, None

    def stopped(self):
        return self._stop.is_set()

    def stop(self):
        self._stop.set()
        self.set_phase("pauze")


# -- figures --------------------------------------------------------------------------------


def percentile(values, fraction):
    """Nearest rank: the smallest value with at least `fraction` of the values at or below it."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, math.ceil(fraction * len(ordered)) - 1))
    return ordered[index]


def machine():
    load = os.getloadavg()
    with connection.cursor() as cursor:
        cursor.execute("SELECT version()" if connection.vendor == "postgresql" else "SELECT 'SQLite ' || sqlite_version()")
        database = cursor.fetchone()[0].split(" on ")[0].split(",")[0]
    return (
        f"{platform.system()} {platform.release()} {platform.machine()}, nproc={os.cpu_count()}, "
        f"Python {platform.python_version()}, {database}, load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}"
    )


def main():
    rng = random.Random(ARGS.seed)
    print(f"machine at start: {machine()}")
    if not ARGS.reuse:
        print(f"setup: {setup_database(rng):.0f} s")
    people = list(User.objects.filter(username__startswith="bench").order_by("username")[: ARGS.users])
    if len(people) < ARGS.users:
        raise SystemExit("not enough bench users in the database; run without --reuse")
    cases_of = {person.pk: [] for person in people}
    shared_of = {}
    for case_id, user_id, name in CaseMember.objects.filter(user__in=people).values_list(
        "case_id", "user_id", "case__client__name"
    ):
        if name.startswith("Gedeelde cliënt"):
            shared_of[user_id] = case_id
        else:
            cases_of[user_id].append(case_id)
    shared_cases = sorted(set(shared_of.values()))
    versions_before = dict(Case.objects.filter(pk__in=shared_cases).values_list("pk", "version"))
    sessions = {person.pk: None if ARGS.form_login else make_session(person) for person in people}
    run_id = f"last-{int(time.time())}"
    contacts_before = Contact.objects.count()
    port = free_port()
    server = start_server(port)
    clock = Clock()
    try:
        threads = [
            Professional(
                int(person.username[5:]), person.pk, sorted(cases_of[person.pk]), shared_of[person.pk],
                sessions[person.pk], port, run_id, clock,
            )
            for person in people
        ]
        login_started = time.monotonic()
        for thread in threads:
            thread.start()
        while any(thread.is_alive() and not hasattr(thread, "login_seconds") for thread in threads):
            time.sleep(0.1)
        login_seconds = time.monotonic() - login_started
        # The mix, then the ratio phases in rounds: each page (and the baseline) once per round, taking turns.
        phases = [("mix", None, ARGS.duration)] + [
            (f"{page} ({number + 1})", page, ARGS.ratio_seconds) for number in range(ARGS.ratio_rounds) for page in RATIO_PAGES
        ]
        windows, cpu = {}, {}
        clock.ready.set()
        for name, page, seconds in phases:
            # Start every phase on an idle server: requests of the phase before must not spill over.
            clock.set_phase("pauze")
            while any(thread.busy for thread in threads):
                time.sleep(0.05)
            before = cpu_seconds(server)
            clock.set_phase(name, page)
            start = time.perf_counter()
            time.sleep(seconds)
            windows[name] = (start, time.perf_counter())
            after = cpu_seconds(server)
            cpu[name] = cpu_used(before, after)
        clock.stop()
        for thread in threads:
            thread.join(timeout=90)
    finally:
        stop_server(server)
    end_machine = machine()
    failures = report(threads, phases, windows, cpu, login_seconds, run_id, contacts_before, end_machine)
    failures += check_plans(threads, shared_cases, versions_before, run_id)
    failures += check_tallies()
    if failures:
        print("\nFAILED:\n- " + "\n- ".join(failures))
        raise SystemExit(1)
    print("\nall checks passed")


def check_plans(threads, shared_cases, versions_before, run_id):
    """Every acknowledged plan save moved its case one version on, and was recorded once."""
    saved = [goal for thread in threads for goal in thread.plan_saved]
    conflicts = sum(thread.conflicts for thread in threads)
    versions_after = dict(Case.objects.filter(pk__in=shared_cases).values_list("pk", "version"))
    moved = sum(versions_after[pk] - versions_before[pk] for pk in shared_cases)
    recorded = list(
        Event.objects.filter(kind=EventKind.GOAL, case__in=shared_cases, detail__startswith=f"{run_id}-")
        .values_list("detail", flat=True)
    )
    print(
        f"\nplan edits on {len(shared_cases)} shared cases: saves acknowledged {len(saved)}, versions moved on {moved}, "
        f"recorded in the timeline {len(recorded)}, lost races shown as a conflict {conflicts} "
        f"({conflicts / max(1, conflicts + len(saved)):.0%} of the attempts)"
    )
    failures = []
    if moved != len(saved) or sorted(recorded) != sorted(saved):
        failures.append(f"plan: {len(saved)} saves acknowledged, {moved} versions, {len(recorded)} recorded")
    latest = {
        case.pk: case.shared_goal for case in Case.objects.filter(pk__in=shared_cases)
    }
    for pk in shared_cases:
        last = Event.objects.filter(kind=EventKind.GOAL, case_id=pk).order_by("-id").values_list("detail", flat=True).first()
        if last is not None and latest[pk] != last:
            failures.append(f"plan of case {pk}: goal {latest[pk]!r} is not the last saved {last!r}")
    return failures


def check_tallies():
    counted, kept = recount(), tallies()
    wrong = {key for key in counted.keys() | kept.keys() if counted.get(key) != kept.get(key)}
    print(f"contact tallies: {len(kept)} rows kept, {len(counted)} in a recount, {len(wrong)} differ")
    return [f"tallies differ for {len(wrong)} (client, alignment) pairs"] if wrong else []


def report(threads, phases, windows, cpu, login_seconds, run_id, contacts_before, end_machine):
    samples = [sample for thread in threads for sample in thread.samples]
    login_errors = [thread.login_error for thread in threads if thread.login_error]
    logins = [thread.login_seconds * 1000 for thread in threads]
    how = "through the form, 4 at a time" if ARGS.form_login else "made sessions, then one page for the CSRF cookie"
    print(
        f"\nlogins ({how}): {len(logins)} in {login_seconds:.1f} s, "
        f"p50 {percentile(logins, 0.5):.0f} ms, p95 {percentile(logins, 0.95):.0f} ms, errors {len(login_errors)}"
    )
    print(
        f"\n{connection.vendor}: {ARGS.users} professionals in the mix (think time {ARGS.think:g} s), "
        f"{ARGS.ratio_users} in the ratio phases, gunicorn {ARGS.workers} workers x {ARGS.threads} threads"
    )
    print("\n| fase | actie | verzoeken | per seconde | p50 | p95 | p99 | fouten |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    throughput, median, requests = {}, {}, {}
    errors_total = 0
    # The mix per action; each ratio page over all its rounds (the phases named "<page> (<round>)").
    groups = [("mix", action, ["mix"]) for action in [name for name, _ in MIX] + ["alles"]]
    groups += [(page, page, [name for name, of_page, _ in phases if of_page == page]) for page in RATIO_PAGES]
    for group, action, names in groups:
        of_action = [s for s in samples if s[0] in names and (action == "alles" or s[1] == action)]
        # Throughput and latency over the requests finished inside their phase; errors over all of them.
        chosen = [s for s in of_action if s[3] <= windows[s[0]][1]]
        times = [(s[3] - s[2]) * 1000 for s in chosen]
        errors = sum(1 for s in of_action if not s[4])
        if action != "alles":
            errors_total += errors
        rate = len(chosen) / sum(windows[name][1] - windows[name][0] for name in names)
        throughput[group], median[group], requests[group] = rate, percentile(times, 0.5), len(chosen)
        label = "alleen deze pagina" if group != "mix" else group
        print(
            f"| {label} | {action} | {len(chosen)} | {rate:.1f} | {percentile(times, 0.5):.0f} ms | "
            f"{percentile(times, 0.95):.0f} ms | {percentile(times, 0.99):.0f} ms | {errors} |"
        )
    print(
        "\n| pagina | per seconde | ten opzichte van ingelogd niets (doorvoer) | p50 ten opzichte van ingelogd niets "
        "| p50 per ronde ten opzichte van ingelogd niets in die ronde | CPU per verzoek: app, database, clients |"
    )
    print("|---|---:|---:|---:|---|---|")
    per_round = {}
    for name, page, _ in phases:
        if page is not None:
            chosen = [s for s in samples if s[0] == name and s[3] <= windows[name][1]]
            per_round[name] = percentile([(s[3] - s[2]) * 1000 for s in chosen], 0.5)
    for page in RATIO_PAGES:
        names = [name for name, of_page, _ in phases if of_page == page]
        baselines = [name for name, of_page, _ in phases if of_page == BASELINE]
        rounds = ", ".join(f"{per_round[name] / per_round[base]:.1f}x" for name, base in zip(names, baselines))
        used = {part: sum(cpu[name][part] for name in names) for part in cpu[names[0]]}
        spent = ", ".join(f"{1000 * value / max(requests[page], 1):.1f}" for value in used.values()) + " ms"
        print(
            f"| {page} | {throughput[page]:.1f} | {throughput[BASELINE] / throughput[page]:.1f}x kostbaarder | "
            f"{median[page] / median[BASELINE]:.1f}x | {rounds} | {spent} |"
        )
    acknowledged = {note for thread in threads for note in thread.acknowledged}
    stored = set(Contact.objects.filter(note__startswith=f"{run_id}-").values_list("note", flat=True))
    contacts_after = Contact.objects.count()
    print(
        f"\ncontacts acknowledged: {len(acknowledged)}, stored with those notes: {len(stored & acknowledged)}, "
        f"lost (acknowledged, not stored): {len(acknowledged - stored)}, "
        f"stored without acknowledgement: {len(stored - acknowledged)}; "
        f"in the database {contacts_before} before, {contacts_after} after"
    )
    failures = []
    if acknowledged != stored:
        failures.append(f"contacts: {len(acknowledged)} acknowledged, {len(stored)} stored")
    if contacts_after - contacts_before != len(acknowledged):
        failures.append(f"contacts: {contacts_after - contacts_before} new rows for {len(acknowledged)} acknowledged")
    if errors_total or login_errors:
        failures.append(f"{errors_total} failed requests, {len(login_errors)} failed logins")
    if "mix" in cpu:
        mix_requests = sum(1 for s in samples if s[0] == "mix" and s[3] <= windows["mix"][1])
        seconds = windows["mix"][1] - windows["mix"][0]
        parts = ", ".join(f"{part} {value:.1f} s ({1000 * value / mix_requests:.0f} ms per request)" for part, value in cpu["mix"].items())
        print(f"CPU during the mix ({seconds:.0f} s, {mix_requests} requests): {parts}")
    if login_errors:
        print(f"login errors: {len(login_errors)}, first: {login_errors[0]}")
    print(f"machine at end: {end_machine}")
    return failures


if __name__ == "__main__":
    try:
        main()
    finally:
        shutil.rmtree(WORKDIR, ignore_errors=True)  # collected static files and the gunicorn log
