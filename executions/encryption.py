"""SECRET inputs are kept encrypted in the execution, as Kestra keeps them: the stored
and shown value is `{"type": "io.kestra.datatype:aes_encrypted", "value": ...}` (AES-GCM,
a random nonce before the ciphertext, base64), so neither the database, the JSON of an
execution nor a page shows them. Only a task's run context decrypts them.

The key comes from SECRET_KEY: an execution stored under another key cannot be read,
and says so."""
from __future__ import annotations

import base64
import hashlib
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings

ENCRYPTED_TYPE = "io.kestra.datatype:aes_encrypted"
NONCE_BYTES = 12


def _cipher() -> AESGCM:
    return AESGCM(hashlib.sha256(f"kestraweb secret inputs:{settings.SECRET_KEY}".encode()).digest())


def is_encrypted(value) -> bool:
    return isinstance(value, dict) and value.get("type") == ENCRYPTED_TYPE and isinstance(value.get("value"), str)


def encrypt(text: str) -> dict:
    nonce = os.urandom(NONCE_BYTES)
    sealed = _cipher().encrypt(nonce, text.encode(), None)
    return {"type": ENCRYPTED_TYPE, "value": base64.b64encode(nonce + sealed).decode()}


class SecretInputUnreadable(ValueError):
    """A SECRET input sealed under another SECRET_KEY: no attempt under this key can read
    it, so the task that needs it fails (retrying cannot help)."""


def decrypt(value, input_id: str | None = None):
    """The text of an encrypted value; anything else is returned as it is."""
    if not is_encrypted(value):
        return value
    raw = base64.b64decode(value["value"])
    try:
        return _cipher().decrypt(raw[:NONCE_BYTES], raw[NONCE_BYTES:], None).decode()
    except InvalidTag:
        what = f"SECRET input '{input_id}'" if input_id else "a SECRET input"
        raise SecretInputUnreadable(f"{what} cannot be decrypted: the execution was stored under another "
                                    "SECRET_KEY than this process's") from None


def encrypt_secret_inputs(declared: list[dict], values: dict) -> dict:
    """`values` with those of SECRET inputs encrypted (an absent or empty one stays so)."""
    secret_ids = {d.get("id") for d in declared or [] if isinstance(d, dict) and d.get("type") == "SECRET"}
    return {key: encrypt(str(value)) if key in secret_ids and value not in (None, "") else value
            for key, value in values.items()}


def decrypt_inputs(inputs: dict) -> dict:
    if not any(is_encrypted(value) for value in inputs.values()):
        return inputs
    return {key: decrypt(value, key) for key, value in inputs.items()}
