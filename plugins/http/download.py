"""Kestra's io.kestra.plugin.core.http.Download (formerly io.kestra.plugin.fs.http.Download):
the response body streamed into internal storage, chunk by chunk, so a file of any size
goes through in bounded memory; a failed or killed download leaves no file behind."""
from __future__ import annotations

import posixpath
import re
from contextlib import ExitStack
from typing import Any
from urllib.parse import quote, unquote, urlsplit

from plugins.api.properties import Example, Output, Property
from plugins.api.registry import register
from plugins.api.task import RunnableTask

from .client import exchange, headers_output
from .errors import HttpFailed
from .options import read_options
from .outgoing import build
from .properties import HTTP_PROPERTIES, nested_problems

CHUNK_BYTES = 64 * 1024
# The name a download is stored under when neither the response nor the URI gives one.
FALLBACK_NAME = "download"
# Content-Disposition's filename*=charset'lang'name (RFC 5987), then its plain filename=.
EXTENDED_FILENAME = re.compile(r"filename\*\s*=\s*[^']*'[^']*'([^;]+)", re.IGNORECASE)
PLAIN_FILENAME = re.compile(r"filename\s*=\s*(\"[^\"]*\"|[^;]+)", re.IGNORECASE)


def stored_name(content_disposition: str | None, url: str) -> str:
    """The file's name: Content-Disposition's filename when given, else the URI's last
    segment. Only the last path segment is kept, as Kestra does, so a name cannot climb
    out of the taskrun's folder."""
    name = None
    if content_disposition:
        extended = EXTENDED_FILENAME.search(content_disposition)
        plain = PLAIN_FILENAME.search(content_disposition)
        if extended:
            name = unquote(extended.group(1).strip().strip('"'))
        elif plain:
            name = plain.group(1).strip().strip('"')
    if not name:
        name = unquote(posixpath.basename(urlsplit(url).path))
    name = name.replace("\\", "/").rsplit("/", 1)[-1].strip()
    if name in ("", ".", ".."):
        return FALLBACK_NAME
    return quote(name, safe=" .-_()[]~+,=@")


@register
class Download(RunnableTask):
    type = "io.kestra.plugin.core.http.Download"
    aliases = ("io.kestra.plugin.fs.http.Download",)
    title = "Download a file from an HTTP server."
    description = "Connects to an HTTP server and copies the response body to Kestra's internal storage."
    properties = (
        *HTTP_PROPERTIES,
        Property("failOnEmptyResponse", "boolean", default=True,
                 description="Fail when the response body is empty (unless allowFailed)."),
    )
    outputs = (
        Output("uri", "string", "The URL of the downloaded file on Kestra's internal storage."),
        Output("code", "integer", "The status code of the response."),
        Output("length", "integer", "The length of the downloaded body, in bytes."),
        Output("headers", "object", "The headers of the response: each name with the list of its values."),
    )
    examples = (
        Example("Download a CSV file.", full=True, code="""\
id: download
namespace: company.team

tasks:
  - id: extract
    type: io.kestra.plugin.core.http.Download
    uri: https://huggingface.co/datasets/kestra/datasets/raw/main/csv/orders.csv
""", services=("internet",)),
    )

    @classmethod
    def check(cls, spec: dict[str, Any]) -> list[tuple[str, str]]:
        return nested_problems(spec)

    def run(self, ctx: Any) -> dict[str, Any]:
        options = read_options(ctx.render, self.spec)
        fail_on_empty = ctx.render(self.get("failOnEmptyResponse")) in (True, "true")
        with ExitStack() as files:
            outgoing = build(ctx.render, self.spec, options, files, ctx.open_file)
            with exchange(outgoing, options, ctx.logger, ctx.cancellation) as response:
                name = stored_name(response.headers.get("content-disposition"), outgoing.url)
                with ctx.new_file(name) as out:
                    size = 0
                    for chunk in response.iter_bytes(CHUNK_BYTES):
                        ctx.cancellation.check()
                        out.write(chunk)
                        size += len(chunk)
                    _check_complete(response, size, outgoing.url)
                    if size == 0 and fail_on_empty and not options.allow_failed:
                        raise HttpFailed(f"{outgoing.url}: No response from server (an empty body, and "
                                         f"failOnEmptyResponse is true)")
                if size == 0:
                    ctx.logger.warn(f"File '{outgoing.url}' is empty")
                ctx.logger.debug(f"File '{outgoing.url}' downloaded with size '{size}'")
                ctx.metric("counter", "response.length", size)
                return {"uri": out.uri, "code": response.status_code, "length": size,
                        "headers": headers_output(response)}


def _check_complete(response: Any, size: int, url: str) -> None:
    """Kestra's check that the body is as long as its Content-Length said (a compressed
    body is compared after decompression, so it is left out)."""
    declared = response.headers.get("content-length")
    if declared is None or response.headers.get("content-encoding") or response.request.method == "HEAD":
        return
    if declared.strip().isdigit() and int(declared) != size:
        raise HttpFailed(f"{url}: Invalid size, got {size}, expected {declared}", retryable=True)
