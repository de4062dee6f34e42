#!/usr/bin/env bash
# Serve the app on 127.0.0.1:8000 with a Celery worker and beat beside it.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=.venv/bin
trap 'kill 0' EXIT INT TERM
$VENV/celery -A jobcenter worker --loglevel=INFO --concurrency=2 &
$VENV/celery -A jobcenter beat --loglevel=INFO --schedule=/tmp/jobcenter-celerybeat-schedule &
cat <<MSG

  Jobcenter is running at http://127.0.0.1:8000/

  Demo logins (password: ${DEMO_PASSWORD:-demo-password-1}):
    caseworker1, caseworker2  caseworkers in team 1
    consultant1               company consultant
    lead1                     team lead of team 1
    lead2                     team lead of team 2
    admin                     administrator (Django admin at /admin/)

  Stop with Ctrl+C.

MSG
$VENV/python manage.py runserver 127.0.0.1:8000
