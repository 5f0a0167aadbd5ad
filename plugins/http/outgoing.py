"""The request an HTTP task sends, built from its rendered properties as Kestra's
AbstractHttp#request does: formData (URL-encoded, or multipart when contentType is
multipart/form-data) wins over body; with neither, the contentType is still sent as a
header. A multipart value that is a kestra:// URI, or a {name, content} map, is a file
streamed from internal storage, never read whole."""
from __future__ import annotations

import json
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from storage import layout

from .errors import HttpPropertyInvalid
from .options import HttpOptions

MULTIPART = "multipart/form-data"

Render = Callable[[Any], Any]
OpenFile = Callable[[str], BinaryIO]
MultipartFile = tuple[str, tuple[str, BinaryIO]] | tuple[str, tuple[None, str]]


@dataclass
class Outgoing:
    method: str
    url: str
    headers: list[tuple[str, str]]
    content: bytes | None = None
    form: dict[str, str] | None = None
    files: list[MultipartFile] = field(default_factory=list)
    # What the body holds, for options.logs REQUEST_BODY (files are named, not read).
    described_body: str | None = None


def build(render: Render, spec: dict[str, Any], options: HttpOptions, files: ExitStack,
          open_file: OpenFile | None) -> Outgoing:
    """The request of `spec`; files opened for a multipart body are closed by `files`."""
    url = _required_text(render, spec.get("uri"), "uri").replace(" ", "%20")
    method = (_text(render, spec.get("method")) or "GET").strip().upper()
    if not method.isalpha():
        raise HttpPropertyInvalid("method", f"not an HTTP method: {method!r}")
    content_type = _text(render, spec.get("contentType", "application/json"))
    outgoing = Outgoing(method, url, [])
    form = render(spec["formData"]) if spec.get("formData") is not None else None
    if form:
        if not isinstance(form, dict):
            raise HttpPropertyInvalid("formData", f"must be a map, not {form!r}")
        if content_type == MULTIPART:
            outgoing.files = [_multipart_part(render, str(key), value, files, open_file)
                              for key, value in form.items()]
            outgoing.described_body = f"multipart parts: {', '.join(str(key) for key in form)}"
        else:
            outgoing.form = {str(key): _form_text(value) for key, value in form.items()}
            outgoing.described_body = str(outgoing.form)
    elif spec.get("body") is not None:
        body = _text(render, spec["body"]) or ""
        outgoing.content = body.encode(options.charset)
        outgoing.described_body = body
        if content_type:
            has_charset = "charset=" in content_type.lower()
            outgoing.headers.append(("Content-Type", content_type if has_charset
                                     else f"{content_type}; charset={options.charset}"))
    elif content_type:
        outgoing.headers.append(("Content-Type", content_type))
    headers = render(spec["headers"]) if spec.get("headers") is not None else {}
    if not isinstance(headers, dict):
        raise HttpPropertyInvalid("headers", f"must be a map, not {headers!r}")
    given = {str(name).lower() for name in headers}
    outgoing.headers = [(name, value) for name, value in outgoing.headers if name.lower() not in given]
    outgoing.headers += [(str(name), "" if value is None else str(value)) for name, value in headers.items()]
    return outgoing


def _text(render: Render, value: Any) -> str | None:
    if value is None:
        return None
    rendered = render(value)
    return None if rendered is None else str(rendered)


def _required_text(render: Render, value: Any, name: str) -> str:
    text = _text(render, value)
    if not text or not text.strip():
        raise HttpPropertyInvalid(name, "is required and rendered blank")
    return text.strip()


def _form_text(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value)


def _multipart_part(render: Render, key: str, value: Any, files: ExitStack,
                    open_file: OpenFile | None) -> MultipartFile:
    if layout.is_uri(value):
        return key, (value.rsplit("/", 1)[-1], _open(value, key, files, open_file))
    if isinstance(value, dict) and "name" in value and "content" in value:
        content = str(value["content"])
        return key, (str(value["name"]), _open(content, key, files, open_file))
    return key, (None, value if isinstance(value, str) else json.dumps(value))


def _open(uri: str, key: str, files: ExitStack, open_file: OpenFile | None) -> BinaryIO:
    if open_file is None or not layout.is_uri(uri):
        raise HttpPropertyInvalid(f"formData.{key}", f"cannot send {uri!r} as a file here")
    return files.enter_context(open_file(uri))
