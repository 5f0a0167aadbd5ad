"""Request bodies as Kestra's clients send them: a flow as raw YAML
(`application/x-yaml`), an expression or a KV value as `text/plain`, models as JSON,
inputs and uploads as multipart. The text parsers give the view the decoded `str`
(request.data), never a parsed document: the flow spec parses YAML itself, with lines."""
from __future__ import annotations

from django.conf import settings
from rest_framework.parsers import BaseParser

from .problems import BadRequest, TooLarge


def read_text(stream, media_type: str, parser_context) -> str:
    """The whole body as text, at most API_MAX_TEXT_BODY bytes, decoded with the
    request's charset (UTF-8 by default)."""
    limit = settings.API_MAX_TEXT_BODY
    raw = stream.read(limit + 1) if stream is not None else b""
    if len(raw) > limit:
        raise TooLarge(f"The {media_type} body is larger than {limit} bytes (KESTRAWEB_API_MAX_TEXT_BODY)")
    encoding = (parser_context or {}).get("encoding") or "utf-8"
    try:
        return raw.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise BadRequest(f"The {media_type} body is not valid {encoding}: {exc}") from exc


class YamlSourceParser(BaseParser):
    """A flow's YAML source, kept as text (`application/x-yaml`, as kestrapy sends it)."""

    media_type = "application/x-yaml"

    def parse(self, stream, media_type=None, parser_context=None):
        return read_text(stream, self.media_type, parser_context)


class YamlParser(YamlSourceParser):
    """The registered YAML type (`application/yaml`), read the same way."""

    media_type = "application/yaml"


class PlainTextParser(BaseParser):
    """`text/plain`: a Pebble expression, a KV value literal, YAML to detect plugins in."""

    media_type = "text/plain"

    def parse(self, stream, media_type=None, parser_context=None):
        return read_text(stream, self.media_type, parser_context)
