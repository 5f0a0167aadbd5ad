"""The example flows of this folder, saved when a server first starts so that a new
user has flows to open and run (`manage.py loadexamples`, run by `manage.py serve`).

Each example is saved once per database: a marker in the data folder records which
were, so an example a user edited or deleted is not brought back on the next start,
and a flow of the same id the user already had is left as it is. An example that does
not validate (its task types not registered on this server yet) is reported with its
file and line and not marked: it is saved on the first start where it validates."""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import connection

from flows.loading import FlowFileUnreadable, flow_files, located, read_flow_file
from flows.models import Flow
from flows.services import save_flow
from flows.spec import FlowInvalid, parse_flow

EXAMPLES_DIR = Path(__file__).resolve().parent
MARKER_NAME = "examples-loaded.json"


@dataclass
class ExamplesLoaded:
    saved: list[str] = field(default_factory=list)  # namespace.id of each flow saved now
    kept: list[str] = field(default_factory=list)  # examples whose id a flow of the user's already had
    invalid: list[str] = field(default_factory=list)  # `file:line: problem`, one per problem


def _database_key() -> str:
    """Which database the marker's entries are about: a data folder pointed at another
    database (DATABASE_URL changed) loads the examples there too."""
    db = connection.settings_dict
    return f"{connection.vendor}:{db.get('HOST') or ''}:{db.get('PORT') or ''}:{db['NAME']}"


class Marker:
    def __init__(self, path: Path):
        self.path = path
        self.entries: dict[str, list[str]] = json.loads(path.read_text()) if path.exists() else {}
        self.done = set(self.entries.get(_database_key(), []))

    def add(self, key: str) -> None:
        self.done.add(key)
        self.entries[_database_key()] = sorted(self.done)
        partial = self.path.with_suffix(".tmp")
        partial.write_text(json.dumps(self.entries, indent=2) + "\n")
        os.replace(partial, self.path)  # never a half-written marker, which would load everything again


def _shown(path: Path) -> Path:
    try:
        return path.relative_to(Path.cwd())
    except ValueError:
        return path


def load_examples(folder: Path = EXAMPLES_DIR, marker_path: Path | None = None) -> ExamplesLoaded:
    marker = Marker(marker_path or Path(settings.DATA_DIR) / MARKER_NAME)
    result = ExamplesLoaded()
    for path in flow_files([folder]):
        try:
            source = read_flow_file(path)
            spec = parse_flow(source)
        except FlowFileUnreadable as exc:
            result.invalid.append(str(exc))
            continue
        except FlowInvalid as exc:
            result.invalid += located(_shown(path), exc)
            continue
        key = f"{spec.namespace}.{spec.id}"
        if key in marker.done:
            continue
        if Flow.objects.filter(namespace=spec.namespace, flow_id=spec.id).exists():
            result.kept.append(key)
        else:
            save_flow(source)
            result.saved.append(key)
        marker.add(key)
    return result
