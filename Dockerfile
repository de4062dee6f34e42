# Image for web, worker and beat (see docker-compose.yml).
FROM node:20-bookworm-slim AS assets
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
RUN apt-get update && apt-get install -y --no-install-recommends gettext && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY pyproject.toml ./
COPY . .
COPY --from=assets /app/node_modules ./node_modules
RUN pip install --no-cache-dir . \
    && DEBUG=1 python manage.py compilemessages --ignore=node_modules \
    && DEBUG=1 python manage.py collectstatic --noinput
RUN useradd --create-home app && mkdir -p /app/private-media && chown app /app/private-media
USER app
EXPOSE 8000
CMD ["gunicorn", "jobcenter.wsgi", "--bind", "0.0.0.0:8000", "--workers", "2"]
