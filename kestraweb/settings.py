"""Settings for kestraweb, read from the environment in this one place.

DATABASE_URL       database (default: SQLite in KESTRAWEB_DATA_DIR)
KESTRAWEB_DATA_DIR database and internal storage files (default: ./var)
KESTRAWEB_STORAGE_BACKEND  internal storage backend (default: local; storage/backends.py)
REDIS_URL          optional django-q2 broker (default: the ORM broker)
SECRET_KEY, DEBUG, ALLOWED_HOSTS as usual for Django.
KESTRAWEB_ENCRYPTION_SECRET_KEY  Kestra's `kestra.encryption.secret-key` (see below)
KESTRAWEB_<LIMIT>  the limits (section `# Limits` below)
"""
import base64
import hashlib
import os
from pathlib import Path

import dj_database_url

from expressions.limits import Limits as _ExpressionLimits  # their defaults (expressions/ reads no settings)

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(os.environ.get("KESTRAWEB_DATA_DIR", BASE_DIR / "var")).resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)
STORAGE_DIR = DATA_DIR / "storage"
# The internal storage backend (storage/backends.py): "local" keeps files under
# STORAGE_DIR; an S3-compatible backend is the next step.
STORAGE_BACKEND = os.environ.get("KESTRAWEB_STORAGE_BACKEND", "local")

SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-change-me")
# Kestra's `kestra.encryption.secret-key`: a base64 AES key (16, 24 or 32 bytes) that
# SECRET inputs are encrypted with. The same key as a Kestra server's reads what it
# encrypted. Unset, one is derived from SECRET_KEY (changing SECRET_KEY then makes
# stored SECRET inputs unreadable).
ENCRYPTION_SECRET_KEY = os.environ.get("KESTRAWEB_ENCRYPTION_SECRET_KEY") or base64.b64encode(
    hashlib.sha256(f"kestraweb secret inputs:{SECRET_KEY}".encode()).digest()).decode()
DEBUG = os.environ.get("DEBUG", "1").lower() in ("1", "true", "yes")
ALLOWED_HOSTS = [h for h in os.environ.get("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]").split(",") if h]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_q",
    "kestraweb",
    "flows",
    "executions",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "api.problem_json.ProblemMiddleware",
    "kestraweb.static_files.StaticFilesMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "kestraweb.sync_chain.SyncChainMiddleware",  # last: see why there
]

ROOT_URLCONF = "kestraweb.urls"
WSGI_APPLICATION = "kestraweb.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "kestraweb.pages.shell.context.shell",
            ],
        },
    },
]


# WAL lets the web server read while the engine writes; IMMEDIATE transactions make
# concurrent writers queue on the lock instead of failing with "database is locked"
# (a deferred transaction that reads, then writes after another process wrote, fails
# at once). A connection is kept (CONN_MAX_AGE, kestraweb.asgi_threads), so its page
# cache is too: 32 MB rather than SQLite's 2 MB holds the indexes a search walks (a
# count of 100,000 executions: 1.9 ms from the OS's cache, 0.1 ms from its own). For
# every SQLite database, the default one or a DATABASE_URL's.
SQLITE_OPTIONS = {
    "timeout": 30,
    "transaction_mode": "IMMEDIATE",
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-32768;",
}


def _database():
    url = os.environ.get("DATABASE_URL")
    if url:
        parsed = dj_database_url.parse(url, conn_max_age=60)
        if parsed["ENGINE"] == "django.db.backends.sqlite3":
            parsed["OPTIONS"] = {**SQLITE_OPTIONS, **parsed.get("OPTIONS", {})}
        return parsed
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": DATA_DIR / "kestraweb.sqlite3",
        # A file, not shared-cache memory, even for tests: worker threads need real
        # WAL locking rather than shared-cache table locks.
        "TEST": {"NAME": str(DATA_DIR / "test-kestraweb.sqlite3")},
        "OPTIONS": dict(SQLITE_OPTIONS),
        # Kept open, as a DATABASE_URL's are: django-q2 closes old connections around
        # each task, and a new SQLite connection (open, WAL pragmas) per step cost
        # more than the step's own queries.
        "CONN_MAX_AGE": 60,
    }


DATABASES = {"default": _database()}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LANGUAGE_CODE = "en-us"
TIME_ZONE = os.environ.get("TZ", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
# The pages' login (kestraweb/pages/shell); the admin keeps its own.
LOGIN_URL = "/ui/login"
LOGIN_REDIRECT_URL = "/ui/"
LOGOUT_REDIRECT_URL = "/ui/login"
STATIC_ROOT = DATA_DIR / "staticfiles"  # filled by collectstatic (`manage.py serve` runs it); whitenoise serves it
STATIC_ROOT.mkdir(exist_ok=True)  # so a process started before any collectstatic has a folder to watch
STATICFILES_DIRS = [BASE_DIR / "static"]

REDIS_URL = os.environ.get("REDIS_URL")

# The API's conventions (api/README.md): Basic first, so a 401 says `WWW-Authenticate: Basic`.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "api.authentication.BasicAuth",
        "api.authentication.BearerTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PARSER_CLASSES": [
        "api.parsers.JSONParser",
        "api.parsers.YamlSourceParser",
        "api.parsers.YamlParser",
        "api.parsers.PlainTextParser",
        "api.parsers.MultiPartParser",
        "api.parsers.FormParser",
    ],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_CONTENT_NEGOTIATION_CLASS": "api.negotiation.LenientContentNegotiation",
    "EXCEPTION_HANDLER": "api.problem_json.exception_handler",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "kestraweb API",
    "DESCRIPTION": "Kestra's REST API (/api/v1/main/... and the tenant-less alias /api/v1/...)",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # Request bodies are documented as JSON unless a view names its media types (a flow's
    # YAML, a KV value's text, a namespace file's multipart): the YAML/text/form parsers
    # accept other bodies, but a JSON array or object sent as a form or as YAML text is not
    # what those endpoints read.
    "PARSER_WHITELIST": ["api.parsers.JSONParser"],
    "PREPROCESSING_HOOKS": ["api.openapi.schema.drop_tenant_aliases"],
    "POSTPROCESSING_HOOKS": ["drf_spectacular.hooks.postprocess_schema_enums",
                             "api.openapi.problems_doc.document_problems"],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Limits
# Each is env-overridable as KESTRAWEB_<NAME>, and the error that hits one names it.
# The API: rows one page may hold (`size`; Kestra refuses more than 1000 with a 422),
API_MAX_PAGE_SIZE = int(os.environ.get("KESTRAWEB_API_MAX_PAGE_SIZE", "1000"))
# bytes of a text body (a flow's YAML, a text/plain value) the API reads.
API_MAX_TEXT_BODY = int(os.environ.get("KESTRAWEB_API_MAX_TEXT_BODY", 4 * 1024 * 1024))
# periods (minutes, hours, days, weeks, months) one metric aggregation answers; a range
# needing more is a 422 naming the dates (Kestra would build them all).
METRIC_MAX_PERIODS = int(os.environ.get("KESTRAWEB_METRIC_MAX_PERIODS", "2000"))
# days of ended runs a flow's average duration is taken over (Kestra's progress bar looks
# back 30 days).
AVERAGE_DURATION_DAYS = int(os.environ.get("KESTRAWEB_AVERAGE_DURATION_DAYS", "30"))
# days one dashboard statistics request may span (one entry per day is answered).
API_STATS_MAX_DAYS = int(os.environ.get("KESTRAWEB_API_STATS_MAX_DAYS", "1000"))
# What a flow's YAML may hold, as Kestra's YAML reader (SnakeYAML's LoaderOptions) bounds it;
# the alias, value and nesting bounds hold for any YAML a user gives (inputs, the yaml() function).
FLOW_MAX_SOURCE_CHARS = int(os.environ.get("KESTRAWEB_FLOW_MAX_SOURCE_CHARS", 3 * 1024 * 1024))
YAML_MAX_ALIASES = int(os.environ.get("KESTRAWEB_YAML_MAX_ALIASES", _ExpressionLimits.yaml_aliases))
YAML_MAX_VALUES = int(os.environ.get("KESTRAWEB_YAML_MAX_VALUES", _ExpressionLimits.yaml_values))
MAX_NESTING_DEPTH = int(os.environ.get("KESTRAWEB_MAX_NESTING_DEPTH", _ExpressionLimits.nesting_depth))
# A render of a flow author's expression: characters of any string it builds (items of a list),
EXPRESSION_MAX_OUTPUT = int(os.environ.get("KESTRAWEB_EXPRESSION_MAX_OUTPUT", _ExpressionLimits.max_output))
# items of a range() or `..`,
EXPRESSION_MAX_RANGE = int(os.environ.get("KESTRAWEB_EXPRESSION_MAX_RANGE", _ExpressionLimits.max_range))
# seconds it may run (a task's own timeout stops it earlier),
EXPRESSION_TIMEOUT = float(os.environ.get("KESTRAWEB_EXPRESSION_TIMEOUT", _ExpressionLimits.timeout))
# seconds one regular expression may run (`matches`, `replace`, `split`, input validators).
REGEX_TIMEOUT = float(os.environ.get("KESTRAWEB_REGEX_TIMEOUT", _ExpressionLimits.regex_timeout))
# Values one ForEach (EachSequential, EachParallel) may take.
LOOP_MAX_VALUES = int(os.environ.get("KESTRAWEB_LOOP_MAX_VALUES", "100000"))
# Bytes of a response body the HTTP Request task keeps as its `body` output (Kestra's
# default maxContentLength, 10 MB); the Download task streams any size into storage.
HTTP_REQUEST_MAX_BODY = int(os.environ.get("KESTRAWEB_HTTP_REQUEST_MAX_BODY", 10 * 1024 * 1024))
# Log lines (the newest) and taskruns (the first, in tree order) an execution's admin
# page and its UI tabs show; the log and taskrun lists have them all.
EXECUTION_PAGE_MAX_LOGS = int(os.environ.get("KESTRAWEB_EXECUTION_PAGE_MAX_LOGS", "1000"))
EXECUTION_PAGE_MAX_TASKRUNS = int(os.environ.get("KESTRAWEB_EXECUTION_PAGE_MAX_TASKRUNS", "2000"))
# Bytes of an output file the execution page's Outputs tab previews (the download has it all).
OUTPUT_PREVIEW_BYTES = int(os.environ.get("KESTRAWEB_OUTPUT_PREVIEW_BYTES", 64 * 1024))
# The largest namespace file the Namespaces page opens as text to edit (bytes); a
# larger one is offered for download.
NAMESPACE_FILE_EDIT_MAX_BYTES = int(os.environ.get("KESTRAWEB_NAMESPACE_FILE_EDIT_MAX_BYTES", 1024 * 1024))
# The cluster's workers (executions/engine/watchdog.py, sweeper.py): seconds between
# the heartbeats of a running task,
WORKER_HEARTBEAT_EVERY = float(os.environ.get("KESTRAWEB_WORKER_HEARTBEAT_EVERY", "5"))
# seconds without one before a worker on another machine is presumed dead,
WORKER_HEARTBEAT_TIMEOUT = float(os.environ.get("KESTRAWEB_WORKER_HEARTBEAT_TIMEOUT", "60"))
# seconds between a worker's looks at the database for a kill of its tasks' executions,
WORKER_KILL_POLL = float(os.environ.get("KESTRAWEB_WORKER_KILL_POLL", "0.5"))
# django-q2 worker processes of one cluster (each runs executor rounds and hands
# attempts to its threads; one per core, at most two unless raised: a round is short
# and a task waits on its thread, and each process is memory),
Q_WORKERS = int(os.environ.get("KESTRAWEB_Q_WORKERS", min(os.cpu_count() or 1, 2)))
# seconds an idle ORM broker's pusher waits before it looks at the queue again, and
# right after work (executions/engine/orm_broker.py; a step queued on this machine
# wakes it at once, the look finds those queued elsewhere or whose call was lost),
Q_POLL = float(os.environ.get("KESTRAWEB_Q_POLL", "1"))
Q_POLL_MIN = float(os.environ.get("KESTRAWEB_Q_POLL_MIN", "0.05"))
# attempts one cluster worker process runs at once (on threads of its own),
WORKER_THREADS = int(os.environ.get("KESTRAWEB_WORKER_THREADS", "8"))
# times a taskrun whose worker died is run again before it fails,
ORPHAN_MAX_RESUBMITS = int(os.environ.get("KESTRAWEB_ORPHAN_MAX_RESUBMITS", "3"))
# seconds between the sweeper's looks for due waits, orphans and queued executions.
SWEEP_EVERY = float(os.environ.get("KESTRAWEB_SWEEP_EVERY", "1"))
# seconds between the clusters' housekeeping rounds (plugins/api/housekeeping.py: what the
# plugin families leave on a worker's disk),
HOUSEKEEPING_EVERY = float(os.environ.get("KESTRAWEB_HOUSEKEEPING_EVERY", "3600"))
# days a Python tasks' dependency environment may go unused before it is removed
# (plugins/scripts/dependency_cache.py; one a task runs in never is).
PYTHON_ENV_MAX_AGE = float(os.environ.get("KESTRAWEB_PYTHON_ENV_MAX_AGE", "30"))
# The scheduler (`manage.py scheduler`): seconds between its rounds (a withSeconds
# schedule fires at most this late), dates and polls one round fires at most (a backlog
# is worked off round after round), and seconds a poll may hold a trigger before
# another scheduler may take it over.
SCHEDULER_TICK_SECONDS = float(os.environ.get("KESTRAWEB_SCHEDULER_TICK_SECONDS", "0.5"))
SCHEDULER_MAX_FIRES_PER_TICK = int(os.environ.get("KESTRAWEB_SCHEDULER_MAX_FIRES_PER_TICK", "100"))
SCHEDULER_EVALUATION_LEASE = float(os.environ.get("KESTRAWEB_SCHEDULER_EVALUATION_LEASE", "300"))
# Seconds between two looks at SQLite's planner statistics by the scheduler
# (kestraweb.planner_statistics): a table grown by a quarter since is analyzed again.
PLANNER_STATISTICS_SECONDS = float(os.environ.get("KESTRAWEB_PLANNER_STATISTICS_SECONDS", "600"))
# Seconds a webhook request with `wait: true` waits for its execution's end before it is
# answered 504 with the execution as it is then (it goes on running).
WEBHOOK_WAIT_TIMEOUT = float(os.environ.get("KESTRAWEB_WEBHOOK_WAIT_TIMEOUT", "300"))
# Seconds a follow stream (SSE: `GET /executions/{id}/follow`, `/logs/{id}/follow`) stays
# open at most (it closes earlier when the execution ends; the client may follow again),
# how often it looks for news, and after how many seconds without news it sends a
# keep-alive comment (0: never) so that proxies do not close it as idle.
API_FOLLOW_TIMEOUT = float(os.environ.get("KESTRAWEB_API_FOLLOW_TIMEOUT", "3600"))
API_FOLLOW_POLL = float(os.environ.get("KESTRAWEB_API_FOLLOW_POLL", "0.25"))
API_FOLLOW_KEEPALIVE = float(os.environ.get("KESTRAWEB_API_FOLLOW_KEEPALIVE", "15"))

# Scripts (plugins.api.process): a subprocess's log lines are written in batches of at
# most this many lines, or what came in this many seconds, whichever is first;
SCRIPT_LOG_BATCH_LINES = int(os.environ.get("KESTRAWEB_SCRIPT_LOG_BATCH_LINES", "1000"))
SCRIPT_LOG_BATCH_SECONDS = float(os.environ.get("KESTRAWEB_SCRIPT_LOG_BATCH_SECONDS", "0.5"))
# lines of stderr a failed command's error message ends with,
SCRIPT_STDERR_TAIL_LINES = int(os.environ.get("KESTRAWEB_SCRIPT_STDERR_TAIL_LINES", "20"))
# seconds a killed command's process group has between SIGTERM and SIGKILL,
SCRIPT_KILL_GRACE = float(os.environ.get("KESTRAWEB_SCRIPT_KILL_GRACE", "2"))
# and the task runner of a script task that names none: PROCESS (the worker's host) or
# DOCKER (Kestra's default, which needs a Docker daemon).
SCRIPT_DEFAULT_RUNNER = os.environ.get("KESTRAWEB_SCRIPT_DEFAULT_RUNNER", "PROCESS")

Q_CLUSTER = {
    "name": "kestraweb",
    "workers": Q_WORKERS,
    "timeout": 3600,
    "retry": 3700,
    "catch_up": False,
    "poll": Q_POLL,
    # No task's result is kept: the rows the engine writes are the record. (With a
    # positive limit, each saved result also locked and read the whole Success table.)
    "save_limit": -1,
    # The ORM broker's pusher woken by whoever queues (executions/engine/orm_broker.py).
    **({"redis": REDIS_URL} if REDIS_URL else {"orm": "default",
                                               "broker_class": "executions.engine.orm_broker.WakeableORM"}),
}
