"""A private stack for fault scenarios: its own PostgreSQL (initdb into a temporary folder),
Redis, gunicorn and Celery worker on other loopback ports. Scenarios break and restore only
these, never the machine's shared services.
"""

from __future__ import annotations

import contextlib
import glob
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def pg_bin(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if not found:
        raise RuntimeError(f"PostgreSQL's {name} is not installed")
    return found[-1]


def _as_postgres(cmd: list[str]) -> list[str]:
    # PostgreSQL refuses to run as root; CI runs as root.
    return ["runuser", "-u", "postgres", "--", *cmd] if os.geteuid() == 0 else cmd


def wait_for(check, timeout: float = 60, what: str = "service") -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(Exception):
            if check():
                return
        time.sleep(0.3)
    raise TimeoutError(f"{what} did not come up within {timeout} s")


class PrivatePostgres:
    def __init__(self, base: Path):
        self.port = free_port()
        self.data = base / "pgdata"
        self.log = base / "postgres.log"
        base.mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            shutil.chown(base, "postgres")
        subprocess.run(
            _as_postgres([pg_bin("initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres"]),
            check=True,
            capture_output=True,
        )
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/jobcenter"

    def start(self) -> None:
        options = f"-p {self.port} -k {self.data} -c listen_addresses=127.0.0.1 -c fsync=off"
        subprocess.run(
            _as_postgres(
                [
                    pg_bin("pg_ctl"),
                    "-D",
                    str(self.data),
                    "-o",
                    options,
                    "-l",
                    str(self.log),
                    "-w",
                    "start",
                ]
            ),
            check=True,
            capture_output=True,
        )

    def stop(self) -> None:
        subprocess.run(
            _as_postgres([pg_bin("pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop"]),
            capture_output=True,
        )


class PrivateRedis:
    def __init__(self, base: Path):
        self.port = free_port()
        self.base = base
        self.process: subprocess.Popen | None = None
        self.url = f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.base),
            ],
            stdout=subprocess.DEVNULL,
        )
        wait_for(lambda: socket.create_connection(("127.0.0.1", self.port), 1), what="redis")

    def stop(self) -> None:
        if self.process:
            self.process.terminate()
            self.process.wait(10)
            self.process = None


class Stack:
    """PostgreSQL + Redis + gunicorn (2 workers) + a Celery worker, all private."""

    def __init__(self):
        self.base = Path(tempfile.mkdtemp(prefix="jobcenter-fault-"))
        os.chmod(self.base, 0o755)
        self.postgres = PrivatePostgres(self.base / "pg")
        self.redis = PrivateRedis(self.base)
        self.web_port = free_port()
        self.web: subprocess.Popen | None = None
        self.worker: subprocess.Popen | None = None
        self.mail_dir = self.base / "mail"
        self.mail_dir.mkdir()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.web_port}"

    def env(self) -> dict:
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("PYTEST", "DJANGO_ALLOW"))
        }
        env.update(
            DATABASE_URL=self.postgres.url,
            REDIS_URL=self.redis.url,
            TESTING="1",
            DEBUG="0",
            DATABASE_CONNECT_TIMEOUT="2",
            ALLOWED_HOSTS="127.0.0.1",
            EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
            EMAIL_FILE_PATH=str(self.mail_dir),
        )
        return env

    def manage(self, *args: str) -> None:
        subprocess.run(
            [PYTHON, "manage.py", *args], cwd=ROOT, env=self.env(), check=True, capture_output=True
        )

    def start(self) -> Stack:
        self.postgres.start()
        self.redis.start()
        self.manage("preflight")
        self.manage("migrate", "--noinput")
        self.manage(
            "seed_demo",
            "--force",
            "--citizens",
            "20",
            "--employers",
            "3",
            "--vacancies",
            "5",
            "--applications",
            "3",
        )
        self.start_web()
        self.start_worker()
        return self

    def start_web(self) -> None:
        log = open(self.base / "gunicorn.log", "w")  # noqa: SIM115 (lives as long as the process)
        self.web = subprocess.Popen(
            [
                PYTHON,
                "-m",
                "gunicorn",
                "jobcenter.wsgi",
                "--bind",
                f"127.0.0.1:{self.web_port}",
                "--workers",
                "2",
                "--timeout",
                "30",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=self.env(),
            stderr=log,
        )
        wait_for(lambda: self.get("/healthz/")[0] == 200, what="gunicorn")

    def start_worker(self) -> None:
        log = open(self.base / "worker.log", "w")  # noqa: SIM115 (lives as long as the process)
        self.worker = subprocess.Popen(
            [
                PYTHON,
                "-m",
                "celery",
                "-A",
                "jobcenter",
                "worker",
                "--concurrency",
                "1",
                "--loglevel",
                "INFO",
                "--without-gossip",
                "--without-mingle",
            ],
            cwd=ROOT,
            env=self.env(),
            stdout=log,
            stderr=subprocess.STDOUT,
        )

    def kill_worker(self) -> None:
        if self.worker:
            self.worker.send_signal(signal.SIGKILL)
            self.worker.wait(10)
            self.worker = None

    def token(self, username: str = "caseworker1") -> str:
        password = os.environ.get("DEMO_PASSWORD", "demo-password-1")
        body = json.dumps({"username": username, "password": password}).encode()
        status, text, _ = self.request(
            "/api/v1/auth/token/", data=body, headers={"Content-Type": "application/json"}
        )
        assert status == 200, text
        return json.loads(text)["token"]

    def get(self, path: str, headers: dict | None = None) -> tuple[int, str, dict]:
        return self.request(path, headers=headers)

    def request(
        self, path: str, data: bytes | None = None, headers: dict | None = None
    ) -> tuple[int, str, dict]:
        request = urllib.request.Request(self.url + path, data=data, headers=headers or {})
        try:
            with urllib.request.urlopen(request, timeout=15) as response:
                return response.status, response.read().decode(), dict(response.headers)
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(), dict(error.headers)

    def stop(self) -> None:
        for process in (self.web, self.worker):
            if process and process.poll() is None:
                process.terminate()
                with contextlib.suppress(subprocess.TimeoutExpired):
                    process.wait(15)
                if process.poll() is None:
                    process.kill()
        self.redis.stop()
        self.postgres.stop()
        shutil.rmtree(self.base, ignore_errors=True)

    def __enter__(self) -> Stack:
        try:
            return self.start()
        except BaseException:
            self.stop()
            raise

    def __exit__(self, *exc) -> None:
        self.stop()
