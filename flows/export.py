"""Flows written out as Kestra exports them: a zip of `<namespace>.<id>.yml` sources
(which `POST /flows/import` reads back), or a CSV listing."""
from __future__ import annotations

import csv
import io
import zipfile

from flows.documents import split_documents
from flows.spec import limits

CSV_COLUMNS = ("namespace", "id", "revision", "description", "disabled", "labels", "updated")


def sources_zip(flows) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for flow in flows:
            archive.writestr(f"{flow.namespace}.{flow.flow_id}.yml", flow.source)
    return buffer.getvalue()


def flows_csv(flows) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for flow in flows:
        labels = ",".join(f"{item['key']}:{item['value']}" for item in flow.labels or [])
        writer.writerow([flow.namespace, flow.flow_id, flow.revision, flow.description, str(flow.disabled).lower(),
                         labels, flow.updated.isoformat()])
    return out.getvalue()


class BadArchive(ValueError):
    """An import that is neither a readable zip nor UTF-8 YAML."""


def import_sources(name: str, content: bytes) -> list[str]:
    """The flow documents of an uploaded file: each `.yml`/`.yaml` entry of a zip (in
    name order), or the `---`-separated documents of a YAML file."""
    if name.lower().endswith(".zip") or content[:4] == b"PK\x03\x04":
        try:
            with zipfile.ZipFile(io.BytesIO(content)) as archive:
                entries = sorted((i for i in archive.infolist() if i.filename.lower().endswith((".yml", ".yaml"))),
                                 key=lambda i: i.filename)
                biggest = limits.source_chars()
                for entry in entries:
                    if entry.file_size > biggest.value:
                        raise BadArchive(f"{name}: {entry.filename} is larger than a flow may be ({biggest})")
                names = [entry.filename for entry in entries]
                texts = [(n, archive.read(n)) for n in names]
        except (zipfile.BadZipFile, zipfile.LargeZipFile) as exc:
            raise BadArchive(f"{name}: not a readable zip ({exc})") from None
        return [_text(n, data) for n, data in texts]
    return split_documents(_text(name, content))


def _text(name: str, data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise BadArchive(f"{name}: not UTF-8 text") from None
