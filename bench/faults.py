"""Fault test: two app nodes behind nginx, a PostgreSQL primary with a streaming hot standby, faults mid-run.

    sudo .venv/bin/python bench/faults.py                 # about 3 minutes; needs root, nginx and PostgreSQL 15+
    sudo .venv/bin/python bench/faults.py --duration 90 --writers 12

Everything runs on loopback in a temporary folder and is removed afterwards:

1. A primary cluster made with initdb (its own port, trust on 127.0.0.1 only) and a hot standby made
   from it with `pg_basebackup -R` (streaming replication). Migrations, knowledge, interventions and
   bench users, clients and cases are written to the primary through the app's own models.
2. Two gunicorn nodes (`slim serve --production`), both with SLIM_DATABASE_URL = primary and
   SLIM_REPLICA_DATABASE_URL = standby: the policy dashboards read from the standby while it is usable
   (common/replica.py), everything else from the primary.
3. nginx in front (upstream of both nodes, `proxy_next_upstream error timeout`; a gateway error becomes
   the Dutch 503 page), as in docs/deployment.md.
4. Load through nginx: --writers professionals who each add contacts (every note unique) and open the
   case page, and one policy maker who opens the dashboard and a CSV, all without pauses.
5. Faults, by the clock: at 25% of the run one app node is killed with SIGKILL (and started again 5 s
   later, as systemd's Restart=always would); at 45% PostgreSQL (the primary) restarts; at 70% the
   standby is stopped for good (the dashboards must fall back to the primary).

Asserted at the end (exit status 1 otherwise), not just printed:
- every contact the app acknowledged (302 back to the contact log) is stored: acknowledged minus stored = 0;
- every failed request was a clear 503 (Dutch page or JSON), never a 500, a bare gateway error or a
  dropped connection;
- recovery without manual steps: the last 15% of the run has no failed request;
- the standby served dashboard reads while it was up (its transaction counter grew), and the
  dashboards kept answering 200 after it was stopped.
"""

import argparse
import http.client
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from browser import Session  # bench/browser.py

PG_BIN = Path(sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name))[-1])
PASSWORD = "faults-wachtwoord-2026"
SECRET = "faults-test-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz"
ERROR_PAGE = "SLIM is even niet bereikbaar"


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=60, help="seconds of load (default 60)")
    parser.add_argument("--writers", type=int, default=8, help="professionals adding contacts (default 8)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers per node (default 2)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (logs) afterwards")
    return parser.parse_args()


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def as_postgres(*command, **kwargs):
    return subprocess.run(["runuser", "-u", "postgres", "--", *map(str, command)], check=True, **kwargs)


class Cluster:
    """One PostgreSQL server in a folder of its own, on its own loopback port."""

    def __init__(self, root, name, port):
        self.data = root / name
        self.port = port
        self.log = root / f"{name}.log"

    def url(self, database="slim_faults"):
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def configure(self, socket_dir):
        with open(self.data / "postgresql.conf", "a") as conf:
            conf.write(
                f"\nport = {self.port}\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '{socket_dir}'\n"
                "wal_level = replica\nmax_wal_senders = 4\nhot_standby = on\nmax_connections = 60\n"
            )

    def pg_ctl(self, action, *extra):
        as_postgres(PG_BIN / "pg_ctl", "-D", self.data, "-l", self.log, "-w", "-t", "60", *extra, action,
                    stdout=subprocess.DEVNULL)


def sql(url, statement):
    import psycopg

    with psycopg.connect(url.replace("postgres://", "postgresql://"), autocommit=True, connect_timeout=5) as conn:
        cursor = conn.execute(statement)
        return cursor.fetchall() if cursor.description else []


class Browser(Session):
    """A browser through nginx (which sets X-Forwarded-Proto), that logs in and retries while a node starts."""

    def __init__(self, port):
        super().__init__(port, forwarded=False, timeout=60)

    def login(self, username):
        for _attempt in range(20):
            try:
                _status, _, page = self.request("GET", "/account/inloggen/")
                token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1).decode()
                status, location, _ = self.request(
                    "POST", "/account/inloggen/",
                    {"username": username, "password": PASSWORD, "csrfmiddlewaretoken": token},
                )
                if status == 302 and "inloggen" not in location:
                    return
            except (OSError, http.client.HTTPException, AttributeError):
                pass
            time.sleep(0.5)
        raise RuntimeError(f"login failed for {username}")


class Recorder:
    def __init__(self):
        self.lock = threading.Lock()
        self.samples = []  # (at, who, action, outcome, seconds)
        self.acknowledged = []
        self.start = time.monotonic()

    def add(self, who, action, outcome, seconds):
        with self.lock:
            self.samples.append((time.monotonic() - self.start, who, action, outcome, seconds))


def outcome_of(status, content):
    if status in (200, 302):
        return "ok"
    if status == 503 and (ERROR_PAGE.encode() in content or b'"unavailable"' in content):
        return "503 duidelijk"
    return f"{status}"


def writer(number, port, cases, user_id, recorder, stop, run_id):
    session = Browser(port)
    session.login(f"fault{number:02d}")
    sequence = 0
    while not stop.is_set():
        case = cases[sequence % len(cases)]
        sequence += 1
        note = f"{run_id}-{number}-{sequence}"
        fields = {
            "held_on": time.strftime("%Y-%m-%d"), "user": user_id, "conversation_type": 3, "flowed": "ja",
            "stall_reason": "", "note": note, "csrfmiddlewaretoken": session.cookies.get("csrftoken", ""),
        }
        started = time.monotonic()
        try:
            status, location, content = session.request("POST", f"/casussen/{case}/contacten/", fields)
            outcome = outcome_of(status, content)
            if status == 302 and location == f"/casussen/{case}/contacten/":
                with recorder.lock:
                    recorder.acknowledged.append(note)
            elif status == 302:
                outcome = f"302 naar {location}"
        except (OSError, http.client.HTTPException) as error:
            outcome = f"verbinding: {error.__class__.__name__}"
        recorder.add(number, "contact toevoegen", outcome, time.monotonic() - started)
        started = time.monotonic()
        try:
            status, _, content = session.request("GET", f"/casussen/{case}/")
            outcome = outcome_of(status, content)
        except (OSError, http.client.HTTPException) as error:
            outcome = f"verbinding: {error.__class__.__name__}"
        recorder.add(number, "casus openen", outcome, time.monotonic() - started)


def policy_reader(port, recorder, stop):
    session = Browser(port)
    session.login("faultbeleid")
    while not stop.is_set():
        for action, path in (("dashboard", "/inzicht/"), ("csv", "/inzicht/csv/logica-per-leefgebied/")):
            started = time.monotonic()
            try:
                status, _, content = session.request("GET", path)
                outcome = outcome_of(status, content)
            except (OSError, http.client.HTTPException) as error:
                outcome = f"verbinding: {error.__class__.__name__}"
            recorder.add("beleid", action, outcome, time.monotonic() - started)


NGINX_CONF = """
worker_processes 1;
pid {root}/nginx.pid;
error_log {root}/nginx-error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {root}/nginx-body;
    proxy_temp_path {root}/nginx-proxy;
    upstream slim_app {{
        server 127.0.0.1:{node_a} max_fails=1 fail_timeout=3s;
        server 127.0.0.1:{node_b} max_fails=1 fail_timeout=3s;
        keepalive 16;
    }}
    server {{
        listen 127.0.0.1:{port};
        error_page 502 504 =503 /503.html;
        location = /503.html {{ root {root}/errors; internal; }}
        location / {{
            proxy_pass http://slim_app;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-For $remote_addr;
            proxy_set_header X-Forwarded-Proto https;
            proxy_next_upstream error timeout;
            proxy_read_timeout 70s;
        }}
    }}
}}
"""


def start_node(port, env, root, name):
    log = open(root / f"{name}.log", "a")
    process = subprocess.Popen(
        [sys.executable, "-m", "slim.cli", "serve", "--production", f"127.0.0.1:{port}"],
        env=env, start_new_session=True, stdout=log, stderr=log,
    )
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", "/gezond/", headers={"Host": "127.0.0.1", "X-Forwarded-Proto": "https"})
            if connection.getresponse().status == 200:
                return process
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"{name} did not start; see {root / (name + '.log')}")


def main():
    args = parse_args()
    if os.geteuid() != 0:
        raise SystemExit("Draai dit als root: het maakt PostgreSQL-clusters als gebruiker postgres en start nginx.")
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(nginx).exists():
        raise SystemExit("nginx ontbreekt: apt-get install nginx-light")
    root = Path(tempfile.mkdtemp(prefix="slim-faults-"))
    root.chmod(0o755)
    shutil.chown(root, "postgres", "postgres")
    primary = Cluster(root, "primary", free_port())
    standby = Cluster(root, "standby", free_port())
    processes = {}
    nginx_process = None
    load_before = os.getloadavg()
    try:
        # -- databases --------------------------------------------------------------------------
        as_postgres(PG_BIN / "initdb", "-D", primary.data, "-U", "postgres", "--auth=trust", "-E", "UTF8",
                    stdout=subprocess.DEVNULL)
        primary.configure(root)
        primary.pg_ctl("start")
        sql(primary.url("postgres"), "CREATE DATABASE slim_faults")
        os.environ.update(
            DJANGO_SETTINGS_MODULE="slim.project.settings", SLIM_DATABASE_URL=primary.url(), SLIM_DEBUG="0",
            SLIM_DATA_DIR=str(root / "data"), SLIM_DB_CONN_MAX_AGE="0",
        )
        import django

        django.setup()
        from django.contrib.auth.hashers import make_password
        from django.core.management import call_command
        from django.db import connection

        from slim.accounts.models import Role, User
        from slim.cases.models import Case, CaseMember, CaseRole, Client, Contact

        call_command("migrate", verbosity=0)
        call_command("load_knowledge", verbosity=0)
        call_command("import_interventions", verbosity=0)
        password = make_password(PASSWORD)
        people, cases_of = [], {}
        for number in range(1, args.writers + 1):
            person = User.objects.create(
                username=f"fault{number:02d}", password=password, role=Role.PROFESSIONAL, organisation="Wijkteam Noord"
            )
            people.append(person)
            for index in range(3):
                client = Client.objects.create(name=f"Cliënt {number}-{index}", created_by=person)
                case = Case.objects.create(client=client, shared_goal="Rust in de geldzaken.", created_by=person)
                CaseMember.objects.create(case=case, user=person, role=CaseRole.DIRECTOR, added_by=person)
                cases_of.setdefault(person.pk, []).append(case.pk)
        User.objects.create(username="faultbeleid", password=password, role=Role.POLICY, organisation="Gemeente")
        connection.close()

        as_postgres(PG_BIN / "pg_basebackup", "-h", "127.0.0.1", "-p", primary.port, "-U", "postgres",
                    "-D", standby.data, "-R", "-X", "stream", "-c", "fast")
        with open(standby.data / "postgresql.conf", "a") as conf:
            conf.write(f"\nport = {standby.port}\n")
        standby.pg_ctl("start")
        assert sql(standby.url(), "SELECT pg_is_in_recovery()")[0][0], "the standby is not in recovery"

        # -- app nodes and nginx ----------------------------------------------------------------------
        env = dict(os.environ)
        env.update(
            SLIM_PRODUCTION="1", SLIM_SECRET_KEY=SECRET, SLIM_ALLOWED_HOSTS="127.0.0.1",
            SLIM_REPLICA_DATABASE_URL=standby.url(), SLIM_REPLICA_CHECK_SECONDS="1",
            SLIM_STATIC_ROOT=str(root / "static"), SLIM_WORKERS=str(args.workers), SLIM_ACCESS_LOG="",
            SLIM_DB_CONN_MAX_AGE="60", SLIM_AUDIT_KEY="faults-test-audit-key-0123456789abcdef",
            SLIM_LOCKOUT_ATTEMPTS="1000", SLIM_MAX_REQUESTS="1000000",
        )
        subprocess.run([sys.executable, "-m", "slim.cli", "collectstatic", "--noinput", "-v0"], env=env, check=True)
        ports = {"node-a": free_port(), "node-b": free_port()}
        for name, port in ports.items():
            processes[name] = start_node(port, env, root, name)
        (root / "errors").mkdir()
        shutil.copy(Path(__file__).resolve().parent.parent / "src/slim/templates/503.html", root / "errors/503.html")
        for path in [root / "errors", root / "errors/503.html"]:
            path.chmod(0o755 if path.is_dir() else 0o644)
        nginx_port = free_port()
        (root / "nginx.conf").write_text(
            NGINX_CONF.format(root=root, node_a=ports["node-a"], node_b=ports["node-b"], port=nginx_port)
        )
        nginx_process = subprocess.Popen([nginx, "-c", str(root / "nginx.conf"), "-g", "daemon off;"],
                                         stderr=open(root / "nginx.out", "w"))
        time.sleep(1)

        # -- load with faults ----------------------------------------------------------------------
        run_id = f"fault{int(time.time())}"
        recorder = Recorder()
        stop = threading.Event()
        threads = [
            threading.Thread(target=writer, args=(number, nginx_port, cases_of[person.pk], person.pk, recorder, stop, run_id),
                             daemon=True)
            for number, person in enumerate(people, start=1)
        ]
        threads.append(threading.Thread(target=policy_reader, args=(nginx_port, recorder, stop), daemon=True))
        for thread in threads:
            thread.start()
        recorder.start = time.monotonic()
        events = []

        def at(fraction):
            remaining = recorder.start + fraction * args.duration - time.monotonic()
            if remaining > 0:
                time.sleep(remaining)
            return time.monotonic() - recorder.start

        replica_reads = {}
        replica_reads["begin"] = sql(standby.url(), "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")[0][0]
        events.append((at(0.25), "SIGKILL node-a (master en workers)"))
        os.killpg(processes["node-a"].pid, signal.SIGKILL)
        processes["node-a"].wait()
        time.sleep(5)
        events.append((time.monotonic() - recorder.start, "node-a opnieuw gestart"))
        processes["node-a"] = start_node(ports["node-a"], env, root, "node-a")
        events.append((time.monotonic() - recorder.start, "node-a antwoordt weer"))
        events.append((at(0.45), "PostgreSQL (primary) herstart: pg_ctl restart -m fast"))
        primary.pg_ctl("restart", "-m", "fast")
        events.append((time.monotonic() - recorder.start, "primary antwoordt weer"))
        at(0.69)
        replica_reads["before stop"] = sql(standby.url(), "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")[0][0]
        events.append((at(0.70), "standby gestopt (blijft uit)"))
        standby.pg_ctl("stop", "-m", "fast")
        at(1.0)
        stop.set()
        for thread in threads:
            thread.join(timeout=70)
        elapsed = time.monotonic() - recorder.start

        # -- checks -------------------------------------------------------------------------------
        connection.close()
        stored = set(Contact.objects.filter(note__startswith=run_id + "-").values_list("note", flat=True))
        acknowledged = set(recorder.acknowledged)
        lost = acknowledged - stored
        unacknowledged_stored = stored - acknowledged
        samples = recorder.samples
        failures = [s for s in samples if s[3] != "ok"]
        unclear = [s for s in failures if s[3] != "503 duidelijk"]
        tail = [s for s in samples if s[0] >= 0.85 * args.duration and s[3] != "ok"]
        after_standby_stop = [s for s in samples if s[2] == "dashboard" and s[0] >= 0.72 * args.duration]
        dashboards_after_ok = [s for s in after_standby_stop if s[3] == "ok"]

        print(f"machine: nproc={os.cpu_count()}, load average at start {load_before[0]:.2f}, at end {os.getloadavg()[0]:.2f}")
        print(f"PostgreSQL {sql(primary.url(), 'SHOW server_version')[0][0]} primary :{primary.port} + streaming standby :{standby.port}; "
              f"2 gunicorn nodes × {args.workers} workers behind nginx; {args.writers} writers + 1 policy reader; {elapsed:.0f} s")
        print("\nfaults (seconds since start):")
        for moment, text in events:
            print(f"  {moment:6.1f}  {text}")
        print("\nwhat the users saw, per action:")
        by_action = {}
        for sample in samples:
            by_action.setdefault(sample[2], []).append(sample)
        for action, rows in by_action.items():
            outcomes = {}
            for row in rows:
                outcomes[row[3]] = outcomes.get(row[3], 0) + 1
            seconds = sorted(row[4] for row in rows if row[3] == "ok")
            p50 = statistics.median(seconds) * 1000 if seconds else float("nan")
            p95 = seconds[int(0.95 * (len(seconds) - 1))] * 1000 if seconds else float("nan")
            print(f"  {action:<18} {len(rows):5d} requests  p50 {p50:6.0f} ms  p95 {p95:6.0f} ms  " + ", ".join(
                f"{name}: {count}" for name, count in sorted(outcomes.items())))
        print("\nfailed requests by second (t: outcomes):")
        per_second = {}
        for sample in failures:
            per_second.setdefault(int(sample[0]), []).append(sample[3])
        for second, outcomes in sorted(per_second.items()):
            print(f"  {second:4d}: {len(outcomes)} × " + ", ".join(sorted(set(outcomes))))
        reads_up = replica_reads["before stop"] - replica_reads["begin"]
        print(f"\nacknowledged contacts {len(acknowledged)}, stored {len(stored)}, lost {len(lost)}, "
              f"stored without acknowledgement {len(unacknowledged_stored)}")
        print(f"standby transactions while up (dashboard reads): {reads_up}; "
              f"dashboards after the standby stopped: {len(dashboards_after_ok)}/{len(after_standby_stop)} ok")

        problems = []
        if lost:
            problems.append(f"{len(lost)} acknowledged contacts were not stored")
        if unclear:
            problems.append(f"{len(unclear)} failed requests were not a clear 503: {sorted({s[3] for s in unclear})}")
        if tail:
            problems.append(f"{len(tail)} failures in the last 15% of the run (no recovery)")
        if reads_up <= 0:
            problems.append("the standby served no reads")
        if not after_standby_stop or len(dashboards_after_ok) != len(after_standby_stop):
            problems.append("dashboards failed after the standby stopped")
        if not acknowledged:
            problems.append("no contact was acknowledged at all")
        print("\nRESULT: " + ("ok" if not problems else "FAILED: " + "; ".join(problems)))
        return 1 if problems else 0
    finally:
        if nginx_process is not None:
            nginx_process.terminate()
            nginx_process.wait(timeout=10)
        for process in processes.values():
            try:
                os.killpg(process.pid, signal.SIGTERM)
                process.wait(timeout=20)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                pass
        for cluster in (standby, primary):
            if (cluster.data / "postmaster.pid").exists():
                subprocess.run(["runuser", "-u", "postgres", "--", str(PG_BIN / "pg_ctl"), "-D", str(cluster.data),
                                "-m", "immediate", "stop"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if args.keep:
            print(f"kept: {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
