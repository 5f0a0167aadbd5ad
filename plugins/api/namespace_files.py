"""Kestra's `namespaceFiles` property (NamespaceFiles, NamespaceFilesUtils.loadNamespaceFiles):
the namespace's files copied into a working directory before its tasks run, that of a
WorkingDirectory or that of a script task.

Every property is rendered:
- `enabled` (default true);
- `include` / `exclude`: glob (or `regex:`) patterns over the file paths, which start
  with `/` (Kestra's PathMatcherPredicate; a pattern starting with a word character
  matches at any depth); no `include` keeps every file;
- `namespaces` (default the flow's namespace): files of each, in order, so a file of a
  later namespace replaces an earlier one's under the default `ifExists`;
- `folderPerNamespace` (default false): files go under a folder named by their
  namespace instead of the root of the working directory;
- `ifExists`: what to do with a file already in the folder (restored from the cache,
  or from an earlier namespace): OVERWRITE (default), FAIL, WARN (keep it, log a
  warning) or IGNORE (keep it).
"""
from __future__ import annotations

import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

from .context import TaskFailed
from .durations import format_hms
from .folder_files import inside
from .properties import Property, string_or_list

IF_EXISTS = ("OVERWRITE", "FAIL", "WARN", "IGNORE")
# Kestra's NamespaceFiles: the one list of its keys, checked when the flow is saved
# (WorkingDirectory declares it on its property) and read here at run time.
NAMESPACE_FILES_FIELDS = (
    Property("enabled", "boolean", default=True, description="Load the namespace files (default true)."),
    string_or_list("include", "Glob patterns (a list, or one) of the files to load; none: all."),
    string_or_list("exclude", "Glob patterns (a list, or one) of the files to leave out."),
    string_or_list("namespaces", "The namespaces whose files are loaded (default the flow's)."),
    Property("folderPerNamespace", "boolean", default=False,
             description="Put each namespace's files in a folder named after it."),
    Property("ifExists", "enum", default="OVERWRITE", values=IF_EXISTS,
             description="What to do with a file already in the folder."),
)
KEYS = tuple(field.name for field in NAMESPACE_FILES_FIELDS)


# The properties' description, for the types that declare `namespaceFiles`.
DESCRIPTION = ("Copy the namespace's files into the working directory first: `enabled` (default true), "
               "`include` and `exclude` globs, `namespaces` (default the flow's), `folderPerNamespace`, "
               "`ifExists` (OVERWRITE, FAIL, WARN or IGNORE).")


def namespace_files_property() -> Property:
    return Property("namespaceFiles", "object", dynamic=False, description=DESCRIPTION, fields=NAMESPACE_FILES_FIELDS)


def load_namespace_files(settings: Any, folder: Path, *, render: Callable[[Any], Any],
                         log: Callable[[str, str], None], files_of: Callable[[str], Any],
                         flow_namespace: str) -> None:
    """Copy the selected namespace files into `folder`; TaskFailed names what is wrong.
    `render` renders a value, `log(level, message)` logs, `files_of(namespace)` gives a
    storage.namespace_files.NamespaceFiles."""
    if not isinstance(settings, dict):
        raise TaskFailed("namespaceFiles must be an object with enabled, include, exclude, namespaces, "
                         "folderPerNamespace and ifExists")
    unknown = sorted(set(settings) - set(KEYS))
    if unknown:
        raise TaskFailed(f"namespaceFiles: unknown property '{unknown[0]}' (known: {', '.join(KEYS)})")

    def rendered(key: str, default: Any = None) -> Any:
        return render(settings[key]) if key in settings else default

    if not _flag(rendered("enabled", True), "enabled"):
        return
    include, exclude = _patterns(rendered("include"), "include"), _patterns(rendered("exclude"), "exclude")
    namespaces = _patterns(rendered("namespaces"), "namespaces") or [flow_namespace]
    per_namespace = _flag(rendered("folderPerNamespace", False), "folderPerNamespace")
    if_exists = str(rendered("ifExists", "OVERWRITE")).upper()
    if if_exists not in IF_EXISTS:
        raise TaskFailed(f"namespaceFiles.ifExists must be one of {', '.join(IF_EXISTS)}, got '{if_exists}'")

    started, count = time.monotonic(), 0
    for namespace in namespaces:
        files = files_of(namespace)
        for path in files.list(include=include, exclude=exclude):
            relative = f"{namespace}/{path}" if per_namespace else path
            _put(log, folder, relative, files.read(path), if_exists)
            count += 1
    elapsed = format_hms(timedelta(seconds=time.monotonic() - started))
    log("INFO", f"Loaded {count} namespace files from '{', '.join(namespaces)}' in {elapsed}")


def _put(log: Callable[[str, str], None], folder: Path, relative: str, content: bytes, if_exists: str) -> None:
    """Kestra's WorkingDir.putFile with its FileExistComportment."""
    target = inside(folder, relative, "namespaceFiles")
    if target.exists():
        if if_exists == "FAIL":
            raise TaskFailed(f"File {relative} already exist")
        if if_exists == "WARN":
            log("WARN", f"File {relative} already exist. It will be ignore")
        if if_exists != "OVERWRITE":
            return
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content)


def _patterns(value: Any, key: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return value
    raise TaskFailed(f"namespaceFiles.{key} must be a list of strings")


def _flag(value: Any, key: str) -> bool:
    if isinstance(value, bool):
        return value
    if str(value).strip().lower() in ("true", "false"):
        return str(value).strip().lower() == "true"
    raise TaskFailed(f"namespaceFiles.{key} must be true or false, got '{value}'")
