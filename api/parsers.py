"""Request bodies as Kestra's clients send them: a flow as raw YAML
(`application/x-yaml`), an expression or a KV value as `text/plain`, models as JSON,
inputs and uploads as multipart. The text parsers give the view the decoded `str`
(request.data), never a parsed document: the flow spec parses YAML itself, with lines.

The JSON and form parsers refuse text no database can store (flows.spec.storable: a
NUL character, a lone surrogate) with a 422 naming where it is, before any view runs:
PostgreSQL failed on it mid-request (a 500) where SQLite stored it. Views name these
classes, never DRF's own, so no body escapes the check. Text bodies are left to their
readers: a flow's YAML refuses such text with its line (flows.spec.yaml_lines), a KV
literal is checked once parsed (its escapes make what the text did not hold)."""
from __future__ import annotations

from django.conf import settings
from rest_framework import parsers
from rest_framework.parsers import BaseParser

from flows.spec.storable import first_unstorable

from .problems import BadRequest, FieldError, TooLarge, Unprocessable


def refuse_unstorable(data, what: str = "body") -> None:
    """A 422 naming the first key or text of `data` the database cannot store."""
    found = first_unstorable(data)
    if found is not None:
        where, problem = found
        pointer = f"{what}.{where}" if where else what
        raise Unprocessable(f"Invalid value at '{pointer}': it {problem}", [FieldError(problem, pointer)])


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


class JSONParser(parsers.JSONParser):
    """JSON, whose `\\u0000` and lone `\\ud800` escapes decode to text no database takes."""

    def parse(self, stream, media_type=None, parser_context=None):
        data = super().parse(stream, media_type, parser_context)
        refuse_unstorable(data)
        return data


def _refuse_unstorable_form(parsed) -> None:
    """Field names and values of a form, and the names of its files."""
    data, files = (parsed.data, parsed.files) if hasattr(parsed, "files") else (parsed, {})
    refuse_unstorable({name: values[0] if len(values) == 1 else values for name, values in data.lists()})
    for name, uploads in (files.lists() if files else ()):
        refuse_unstorable({name: [upload.name for upload in uploads]}, "files")


class MultiPartParser(parsers.MultiPartParser):
    """Multipart inputs and uploads: names, values and file names."""

    def parse(self, stream, media_type=None, parser_context=None):
        parsed = super().parse(stream, media_type, parser_context)
        _refuse_unstorable_form(parsed)
        return parsed


class FormParser(parsers.FormParser):
    def parse(self, stream, media_type=None, parser_context=None):
        parsed = super().parse(stream, media_type, parser_context)
        _refuse_unstorable_form(parsed)
        return parsed


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
