"""Kestra's log levels (slf4j's), lowest first: a minimum level keeps itself and the
levels after it. The one home of their names: the log model, the engine's logger, the
log queries and the `logLevel`/`level` properties all read this."""
from __future__ import annotations

LOG_LEVELS: tuple[str, ...] = ("TRACE", "DEBUG", "INFO", "WARN", "ERROR")
