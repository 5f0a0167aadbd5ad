"""Secrets as open-source Kestra keeps them (io.kestra.core.secret.SecretService): each
environment variable `SECRET_<NAME>` holds the base64 of one secret, found by `<NAME>`
in any case. Nothing else is a secret: not a setting, and not the variables the
project reads as its own settings even though they share the prefix. Values read here
are masked wherever they would be logged."""
import base64
import binascii
import logging
import os
import threading

from expressions import ExpressionError

PREFIX = "SECRET_"
# Read by kestraweb/settings.py (Django's signing key): a flow must never get it back.
SETTINGS_VARIABLES = frozenset({"SECRET_KEY"})

log = logging.getLogger(__name__)


class SecretNotFound(ExpressionError):
    """No `SECRET_<NAME>` variable holds the secret: the render fails with Kestra's words."""


def read_secret(name: str) -> str:
    """The decoded value of secret `name`; raises SecretNotFound with Kestra's message
    when no variable holds it, or only one that is not base64 (Kestra skips those)."""
    key = str(name).upper()
    for variable, raw in os.environ.items():
        if variable.startswith(PREFIX) and variable not in SETTINGS_VARIABLES and variable[len(PREFIX):].upper() == key:
            value = _decode(raw)
            if value is not None:
                return value
            log.error("Could not decode secret '%s', make sure it is Base64-encoded", variable)
    raise SecretNotFound(f"Cannot find secret for key '{name}'.")


def _decode(raw: str) -> str | None:
    """Java's basic Base64 decoder: line breaks dropped, padding optional, any other
    character outside the alphabet refused; the bytes read as UTF-8."""
    text = "".join(raw.splitlines())
    text += "=" * (-len(text.rstrip("=")) % 4) if "=" not in text else ""
    try:
        return base64.b64decode(text, validate=True).decode("utf-8", errors="replace")
    except (binascii.Error, ValueError):
        return None


_known_lock = threading.Lock()
_known: tuple[frozenset, frozenset[str]] = (frozenset(), frozenset())


def every_secret_value() -> frozenset[str]:
    """The decoded value of every secret this process's environment holds. Every process
    of an installation (web, cluster, a second machine) has the same `SECRET_*`
    variables, so a process masks a secret that another process rendered into an output
    or an input it now logs, without any secret ever being stored. Decoded again only
    when the variables change."""
    global _known
    raw = frozenset((name, value) for name, value in os.environ.items()
                    if name.startswith(PREFIX) and name not in SETTINGS_VARIABLES)
    with _known_lock:
        if _known[0] != raw:
            values = (_decode(value) for _, value in raw)
            _known = (raw, frozenset(value for value in values if value))
        return _known[1]
