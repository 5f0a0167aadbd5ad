"""Kestra's EncryptionService (io.kestra.core.encryption): AES/GCM/NoPadding under a
base64 key of 16, 24 or 32 bytes, a random 12-byte IV before the ciphertext and its
128-bit tag, all base64. A value Kestra encrypted with a key decrypts here with the same
key, and the other way round.

The `encrypt` and `decrypt` functions of expressions use it with the key they are
given; the engine uses it with the configured key for SECRET inputs
(executions/encryption.py)."""
from __future__ import annotations

import base64
import binascii
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

IV_BYTES = 12


class EncryptionError(ValueError):
    """A key that is no AES key, or a text that this key did not encrypt."""


def encrypt(key: str, plaintext: str | None) -> str | None:
    """EncryptionService.encrypt(key, plainText): null and "" are returned as they are."""
    if not plaintext:
        return plaintext
    iv = os.urandom(IV_BYTES)
    return base64.b64encode(iv + _cipher(key).encrypt(iv, plaintext.encode(), None)).decode()


def decrypt(key: str, encrypted: str | None) -> str | None:
    """EncryptionService.decrypt(key, cipherText): null and "" are returned as they are."""
    if not encrypted:
        return encrypted
    raw = _base64(encrypted, "the encrypted text")
    try:
        return _cipher(key).decrypt(raw[:IV_BYTES], raw[IV_BYTES:], None).decode()
    except (InvalidTag, ValueError):
        raise EncryptionError("Tag mismatch: the text was not encrypted with this key") from None


def _cipher(key: str) -> AESGCM:
    key_bytes = _base64(key, "the key")
    if len(key_bytes) not in (16, 24, 32):
        raise EncryptionError(f"Invalid AES key length: {len(key_bytes)} bytes (a base64 key of 16, 24 or 32 bytes "
                              "is needed)")
    return AESGCM(key_bytes)


def _base64(text: str, what: str) -> bytes:
    """Java's Base64.getDecoder(): the standard alphabet, padding optional."""
    if not isinstance(text, str):
        raise EncryptionError(f"{what} must be base64 text")
    try:
        return base64.b64decode(text + "=" * (-len(text) % 4), validate=True)
    except binascii.Error:
        raise EncryptionError(f"{what} is not base64 text") from None
