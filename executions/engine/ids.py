"""Kestra-style ids: a random UUID written in base 62 (22 characters, URL-safe)."""
import uuid

_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def new_id() -> str:
    n = uuid.uuid4().int
    chars = []
    while n:
        n, r = divmod(n, 62)
        chars.append(_ALPHABET[r])
    return "".join(reversed(chars)).rjust(22, "0")
