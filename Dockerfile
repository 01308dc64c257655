# Verstas: build the virtual environment in one stage, run it as a non-root user in another.
FROM python:3.11-slim AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1
WORKDIR /src
COPY pyproject.toml README.md ./
COPY bot bot
COPY handlers handlers
COPY storage storage
COPY config config
RUN python -m venv /venv && /venv/bin/pip install .

FROM python:3.11-slim
RUN useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin verstas \
    && mkdir -p /app/data && chown verstas /app/data
COPY --from=build /venv /venv
WORKDIR /app
ENV PATH=/venv/bin:$PATH PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1
USER verstas
# The SQLite default lives here; with PostgreSQL (DATABASE_URL) nothing is written.
VOLUME /app/data
# The web server of `run --listen` or `--webhook` (health, metrics, webhook, calendar feeds).
EXPOSE 8080
CMD ["python", "-m", "bot", "run"]
