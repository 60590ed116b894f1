"""The container delivery (Dockerfile, docker-compose.yml, deploy/nginx.conf), checked without a Docker engine.

There is no Docker engine on the test machines, so the files are read and checked here: the
image runs as a user without privileges and starts gunicorn through `slim serve --production`
with static files collected at build time; compose wires app, PostgreSQL and nginx with only
nginx published; and nginx itself accepts the configuration (`nginx -t`, when nginx is installed).
"""

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]


def dockerfile():
    text = (ROOT / "Dockerfile").read_text()
    return [line.strip() for line in re.sub(r"\\\n\s*", " ", text).splitlines() if line.strip() and not line.startswith("#")]


def test_image_runs_unprivileged_gunicorn_with_static_collected_at_build():
    lines = dockerfile()
    users = [line for line in lines if line.startswith("USER ")]
    assert users and users[-1] != "USER root"
    user_at = lines.index(users[-1])
    assert lines[-1] == 'CMD ["slim", "serve", "--production"]'
    assert user_at < len(lines) - 1
    collect = [n for n, line in enumerate(lines) if line.startswith("RUN") and "collectstatic" in line]
    assert collect and collect[0] < user_at  # at build time, owned by root, read-only for the app
    assert any(line.startswith("HEALTHCHECK") and "/gezond/" in line for line in lines)
    assert "ENV SLIM_PRODUCTION=1" in " ".join(lines)


def compose():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_compose_has_app_postgres_and_nginx_with_only_nginx_published():
    services = compose()["services"]
    assert {"app", "db", "nginx", "migrate"} <= services.keys()
    assert services["app"]["command"] == ["slim", "serve", "--production"]
    assert services["db"]["image"].startswith("postgres:")
    assert services["nginx"]["image"].startswith("nginx:")
    published = {name for name, service in services.items() if service.get("ports")}
    assert published == {"nginx"}
    env = services["app"]["environment"]
    assert env["SLIM_DATABASE_URL"].startswith("postgres://slim:") and "@db:5432/" in env["SLIM_DATABASE_URL"]
    assert "${SLIM_SECRET_KEY:?" in env["SLIM_SECRET_KEY"]  # no default secret in the file
    assert services["app"]["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    mounted = [volume.split(":")[0] for volume in services["nginx"]["volumes"]]
    assert "./deploy/nginx.conf" in mounted and (ROOT / "deploy/nginx.conf").exists()


def test_every_setting_compose_sets_is_read_by_slim():
    names = set()
    for service in compose()["services"].values():
        names |= {name for name in service.get("environment", {}) if name.startswith("SLIM_")}
    code = " ".join(path.read_text() for path in (ROOT / "src/slim").rglob("*.py"))
    assert names and all(f'"{name}"' in code for name in names), names


def test_nginx_config_is_the_documented_one():
    ours = (ROOT / "deploy/nginx.conf").read_text()
    documented = (ROOT / "docs/deployment.md").read_text()
    for line in ("proxy_set_header X-Forwarded-For $remote_addr;", "proxy_set_header X-Forwarded-Proto $scheme;",
                 "proxy_buffering on;", "client_max_body_size 10m;", "location /gezond/",
                 "return 301 https://$host$request_uri;"):
        assert line in ours and line in documented
    assert "server app:8000;" in ours and "proxy_set_header X-Request-ID $request_id;" in ours


@pytest.mark.skipif(not shutil.which("nginx") or not shutil.which("openssl"), reason="nginx or openssl not installed")
def test_nginx_accepts_the_config(tmp_path):
    (tmp_path / "certs").mkdir()
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=slim.test",
         "-keyout", tmp_path / "certs/privkey.pem", "-out", tmp_path / "certs/fullchain.pem"],
        check=True, capture_output=True,
    )
    server = (ROOT / "deploy/nginx.conf").read_text()
    server = server.replace("server app:8000;", "server 127.0.0.1:8000;")  # no compose network here
    server = server.replace("/etc/nginx/certs/", f"{tmp_path}/certs/")
    version = subprocess.run(["nginx", "-v"], capture_output=True, text=True).stderr
    if tuple(int(part) for part in re.search(r"(\d+)\.(\d+)", version).groups()) < (1, 25):
        server = server.replace("http2 on;", "")  # the image has nginx 1.27; older nginx spells it on 'listen'
    (tmp_path / "slim.conf").write_text(server)
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid; error_log {tmp_path}/error.log;\n"
        f"events {{}}\nhttp {{ access_log off; include {tmp_path}/slim.conf; }}\n"
    )
    result = subprocess.run(["nginx", "-t", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
