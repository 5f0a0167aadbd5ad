"""SECRET inputs are kept encrypted in the execution, as Kestra keeps them: the stored
and shown value is `{"type": "io.kestra.datatype:aes_encrypted", "value": ...}`, the
value being Kestra's EncryptionService text (expressions/encryption.py) under
settings.ENCRYPTION_SECRET_KEY, Kestra's `kestra.encryption.secret-key`. So neither the
database, the JSON of an execution nor a page shows them; only a task's run context
decrypts them. An execution stored under another key cannot be read, and says so."""
from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from expressions import encryption

ENCRYPTED_TYPE = "io.kestra.datatype:aes_encrypted"


def is_encrypted(value) -> bool:
    return isinstance(value, dict) and value.get("type") == ENCRYPTED_TYPE and isinstance(value.get("value"), str)


def encrypt(text: str) -> dict:
    try:
        return {"type": ENCRYPTED_TYPE, "value": encryption.encrypt(_key(), text)}
    except encryption.EncryptionError as exc:  # only the configured key can be wrong here
        raise ImproperlyConfigured(f"KESTRAWEB_ENCRYPTION_SECRET_KEY: {exc}") from None


class SecretInputUnreadable(ValueError):
    """A SECRET input sealed under another key than the configured one: no attempt under
    this key can read it, so the task that needs it fails (retrying cannot help)."""


def decrypt(value, input_id: str | None = None):
    """The text of an encrypted value; anything else is returned as it is."""
    if not is_encrypted(value):
        return value
    try:
        return encryption.decrypt(_key(), value["value"])
    except encryption.EncryptionError:
        what = f"SECRET input '{input_id}'" if input_id else "a SECRET input"
        raise SecretInputUnreadable(f"{what} cannot be decrypted: the execution was stored under another "
                                    "SECRET_KEY (or KESTRAWEB_ENCRYPTION_SECRET_KEY) than this process's") from None


def _key() -> str:
    return settings.ENCRYPTION_SECRET_KEY


def encrypt_secret_inputs(declared: list[dict], values: dict) -> dict:
    """`values` with those of SECRET inputs encrypted (an absent or empty one stays so)."""
    secret_ids = {d.get("id") for d in declared or [] if isinstance(d, dict) and d.get("type") == "SECRET"}
    return {key: encrypt(str(value)) if key in secret_ids and value not in (None, "") else value
            for key, value in values.items()}


def decrypt_inputs(inputs: dict) -> dict:
    if not any(is_encrypted(value) for value in inputs.values()):
        return inputs
    return {key: decrypt(value, key) for key, value in inputs.items()}
