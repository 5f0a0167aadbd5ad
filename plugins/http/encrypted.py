"""Kestra's EncryptedString output (io.kestra.core.models.tasks.common.EncryptedString):
`{type: io.kestra.datatype:aes_encrypted, value}`, the value sealed with the server's
encryption key (settings.ENCRYPTION_SECRET_KEY, Kestra's kestra.encryption.secret-key).
Downstream tasks do not decrypt it on their own yet: `decrypt(key, value)` reads it."""
from __future__ import annotations

from expressions.encryption import encrypt

ENCRYPTED_TYPE = "io.kestra.datatype:aes_encrypted"


def encrypted_string(plaintext: str | None) -> dict[str, str | None]:
    # read at run time: the key is the server's, not the module's
    from django.conf import settings
    return {"type": ENCRYPTED_TYPE, "value": encrypt(settings.ENCRYPTION_SECRET_KEY, plaintext)}
