# Verstas: build the virtual environment in one stage, run it as a non-root user in another.
# The base is pinned to an exact release so that two builds start from the same Python and
# Debian; the packages come from uv.lock (versions and hashes).
ARG PYTHON_IMAGE=python:3.11.14-slim-bookworm

FROM ${PYTHON_IMAGE} AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1 \
    UV_PROJECT_ENVIRONMENT=/venv UV_PYTHON_DOWNLOADS=never UV_COMPILE_BYTECODE=1 \
    UV_LINK_MODE=copy UV_NO_CACHE=1
# The same uv as scripts/uv.
RUN pip install uv==0.13.9
WORKDIR /src
# The dependencies first, in a layer of their own that a change of code does not rebuild.
COPY pyproject.toml uv.lock ./
RUN uv sync --locked --no-dev --no-install-project
COPY README.md ./
COPY bot bot
COPY handlers handlers
COPY storage storage
COPY config config
RUN uv sync --locked --no-dev --no-editable

FROM ${PYTHON_IMAGE}
# Voikko, so that Finnish inflection is analysed fully rather than by the built-in fallback;
# the start log says which one runs.
RUN apt-get update \
    && apt-get install --yes --no-install-recommends libvoikko1=4.3.1-1+b1 voikko-fi=2.5-1 \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin verstas \
    && mkdir -p /app/data && chown verstas /app/data
COPY --from=build /venv /venv
WORKDIR /app
ENV PATH=/venv/bin:$PATH PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1
USER verstas
# The SQLite default lives here; with PostgreSQL (DATABASE_URL) nothing is written.
VOLUME /app/data
# The web server (health, metrics, webhook, calendar feeds).
EXPOSE 8080
# /healthz answers 200 when the bot runs and its database answers, else 503.
HEALTHCHECK --interval=30s --timeout=10s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8080/healthz', timeout=8)"]
CMD ["python", "-m", "bot", "run", "--listen", "0.0.0.0:8080"]
