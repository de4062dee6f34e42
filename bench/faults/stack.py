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
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar
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
        # Extra environment of every process started from now on (a scenario's knobs).
        self.extra_env: dict[str, str] = {}

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
            # Django settings read no EMAIL_FILE_PATH; this file backend takes it from the
            # environment (and can be slowed down with SLOW_MAIL_SECONDS).
            EMAIL_BACKEND="tests.jobcenter.slow_mail.EmailBackend",
            EMAIL_FILE_PATH=str(self.mail_dir),
        )
        env.update(self.extra_env)
        return env

    def manage(self, *args: str, timeout: float = 120) -> str:
        result = subprocess.run(
            [PYTHON, "manage.py", *args],
            cwd=ROOT,
            env=self.env(),
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if result.returncode != 0:
            raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stderr[-3000:]}")
        return result.stdout

    def shell(self, code: str, timeout: float = 120) -> str:
        """Run Python in the stack's Django (``manage.py shell -c``); returns its output."""
        return self.manage("shell", "-c", code, timeout=timeout)

    def mails(self) -> list[str]:
        """The Message-ID of every mail written to the stack's mail directory."""
        ids = []
        for path in sorted(self.mail_dir.glob("*.log")):
            for line in path.read_text(errors="replace").splitlines():
                if line.startswith("Message-ID:"):
                    ids.append(line.split(":", 1)[1].strip())
        return ids

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
            start_new_session=True,  # its own process group: kill_worker kills the pool too
        )

    def worker_log(self) -> str:
        return (self.base / "worker.log").read_text(errors="replace")

    def wait_worker_ready(self, timeout: float = 60) -> None:
        wait_for(lambda: " ready." in self.worker_log(), timeout=timeout, what="celery worker")

    def kill_worker(self) -> None:
        """kill -9 of the worker and its pool processes: no warm shutdown, no ack."""
        if self.worker:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.worker.pid, signal.SIGKILL)
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

    def session(self, username: str = "caseworker1") -> urllib.request.OpenerDirector:
        """A signed-in browser-like opener (session cookie, CSRF token from the login page)."""
        return login(self.url, username)

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
        if self.worker and self.worker.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.worker.pid, signal.SIGTERM)
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


def login(base_url: str, username: str) -> urllib.request.OpenerDirector:
    """Sign in through the login page; the opener then carries the session cookie."""
    password = os.environ.get("DEMO_PASSWORD", "demo-password-1")
    jar = CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    opener.open(base_url + "/accounts/login/", timeout=15).read()
    csrf = next(cookie.value for cookie in jar if cookie.name == "csrftoken")
    body = urllib.parse.urlencode(
        {"username": username, "password": password, "csrfmiddlewaretoken": csrf}
    ).encode()
    request = urllib.request.Request(
        base_url + "/accounts/login/", data=body, headers={"Referer": base_url + "/"}
    )
    with opener.open(request, timeout=15) as response:
        response.read()
    if not any(cookie.name == "sessionid" for cookie in jar):
        raise RuntimeError(f"{username} could not sign in")
    return opener


# --- Reminder helpers shared by the scenarios (run inside the stack's Django) -----------------

_CREATE_DEADLINES = """
import datetime as dt, json
from django.db import connection
from django.utils import timezone
from jobcenter import reminders, services
from jobcenter.models import Citizen, Deadline, DeadlineKind, User
owner = User.objects.get(username="caseworker1")
citizens = list(Citizen.objects.filter(caseworker=owner).order_by("pk")[:20])
today = timezone.localdate()
for i in range(COUNT):
    citizen = citizens[i % len(citizens)]
    due = services.date_to_deadline(today - dt.timedelta(days=1 + i % 4))
    Deadline.objects.create(team=citizen.team, citizen=citizen, owner=owner,
        kind=DeadlineKind.FOLLOW_UP, title=f"Fault scenario {i}", due_at=due)
sql, params = reminders.find_sql(reminders.stage_windows(timezone.now()))
with connection.cursor() as cursor:
    cursor.execute(f"SELECT count(*) FROM ({sql}) f", params)
    print(json.dumps({"expected": cursor.fetchone()[0]}))
"""

_REMINDER_STATE = """
import json
from django.db.models import Count
from jobcenter.models import Reminder
statuses = dict(Reminder.objects.order_by().values_list("status").annotate(n=Count("pk")))
print(json.dumps({"total": Reminder.objects.count(), "statuses": statuses,
    "emailed": Reminder.objects.filter(emailed=True).count()}))
"""


def create_due_deadlines(stack: Stack, count: int) -> int:
    """Deadlines already in a reminder stage; returns how many reminders a pass must create."""
    output = stack.shell(_CREATE_DEADLINES.replace("COUNT", str(int(count))))
    return json.loads(output.strip().splitlines()[-1])["expected"]


def reminder_state(stack: Stack) -> dict:
    return json.loads(stack.shell(_REMINDER_STATE).strip().splitlines()[-1])
