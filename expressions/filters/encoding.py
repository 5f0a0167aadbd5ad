"""Encoding filters: base64, hex digests and URL encoding, over the UTF-8 bytes of the
value's text, as Java's Base64, MessageDigest and URLEncoder (`+` for a space)."""
from __future__ import annotations

import base64
import binascii
import hashlib
from urllib.parse import quote_plus, unquote_plus

from ..errors import ExpressionError
from ..output import java_string


def base64encode(value):
    return None if value is None else base64.b64encode(java_string(value).encode()).decode()


def base64decode(value):
    if value is None:
        return None
    try:
        return base64.b64decode(java_string(value), validate=True).decode()
    except (binascii.Error, UnicodeDecodeError) as exc:
        raise ExpressionError(f"base64decode: invalid base64 input: {exc}") from None


def _digest(algorithm: str):
    def digest(value):
        return None if value is None else hashlib.new(algorithm, java_string(value).encode()).hexdigest()

    digest.__name__ = algorithm
    return digest


def urlencode(value):
    """java.net.URLEncoder: letters, digits and `.-*_` kept, space as `+`."""
    return None if value is None else quote_plus(java_string(value), safe="*").replace("~", "%7E")


def urldecode(value):
    return None if value is None else unquote_plus(java_string(value))


FILTERS = {
    "base64encode": base64encode, "base64decode": base64decode,
    "md5": _digest("md5"), "sha1": _digest("sha1"), "sha256": _digest("sha256"), "sha512": _digest("sha512"),
    "urlencode": urlencode, "urldecode": urldecode,
}
