"""Secrets of the open-source Kestra kind: environment variables `SECRET_<NAME>` holding
the base64 of the value. Values read here are masked wherever they would be logged."""
import base64
import binascii
import os


class SecretNotFound(LookupError):
    pass


def read_secret(name: str) -> str:
    raw = os.environ.get(f"SECRET_{name}")
    if raw is None:
        raise SecretNotFound(f"Cannot find secret for key '{name}'")
    try:
        return base64.b64decode(raw, validate=True).decode()
    except (binascii.Error, UnicodeDecodeError):
        # Kestra requires base64; a plain value is accepted as-is rather than garbled.
        return raw
