"""A WorkingDirectory's `cache`: files kept from one run of the directory to the next,
as Kestra's WorkingDirectory.Cache (preExecuteTasks / postExecuteTasks) keeps them.

`cache: {patterns: [...], ttl: PT1H}`. Before the tasks run, the archive kept for this
task of this flow (and this loop value) is unpacked into the folder, unless it is
older than `ttl` (then it is deleted). Once the tasks ended, whatever their state,
the files of the folder matching `patterns` (globs relative to the folder) are zipped
and kept, but only when one of them changed since the archive was unpacked: an
unchanged cache keeps its age, so `ttl` counts from when it was last written. No
`ttl`: the archive never expires. Neither property is rendered, as in Kestra.
"""
from __future__ import annotations

import os
import shutil
import tempfile
import time
import zipfile
from datetime import timedelta
from pathlib import Path
from typing import Any

from plugins.api.context import TaskFailed
from plugins.api.durations import DurationError, parse_duration
from plugins.api.flowable import FlowableRuntime
from plugins.api.folder_files import matching_files
from plugins.api.properties import Property
from plugins.api.taskrun import TaskRunModel

# Kestra's WorkingDirectory.Cache: the one list of its keys, checked when the flow is
# saved (WorkingDirectory declares it on its property) and read here at run time.
CACHE_FIELDS = (
    Property("patterns", "any", required=True, dynamic=False,
             description="Glob patterns (a list, or one) of the files to keep."),
    Property("ttl", "duration", dynamic=False, description="How long the cache is kept (none: no expiry)."),
)
KEYS = tuple(field.name for field in CACHE_FIELDS)


def cache_settings(cache: Any) -> tuple[list[str], timedelta | None]:
    """(patterns, ttl as a timedelta or None) of a `cache` property."""
    if not isinstance(cache, dict):
        raise TaskFailed("cache must be an object with patterns and ttl")
    unknown = sorted(set(cache) - set(KEYS))
    if unknown:
        raise TaskFailed(f"cache: unknown property '{unknown[0]}' (known: {', '.join(KEYS)})")
    patterns = cache.get("patterns")
    if isinstance(patterns, str):
        patterns = [patterns]
    if not patterns or not isinstance(patterns, list) or not all(isinstance(p, str) for p in patterns):
        raise TaskFailed("cache.patterns is required: a list of glob patterns")
    try:
        ttl = parse_duration(cache["ttl"]) if cache.get("ttl") is not None else None
    except DurationError as exc:
        raise TaskFailed(f"cache.ttl: {exc}") from None
    return patterns, ttl


def restore(rt: FlowableRuntime, taskrun: TaskRunModel, folder: Path, cache: dict[str, Any]) -> float:
    """Unpack the fresh archive into `folder`; when it was unpacked (epoch seconds), or
    0 when there was none."""
    _, ttl = cache_settings(cache)
    archive = rt.task_cache(taskrun).fetch(taskrun.value, ttl)
    if archive is None:
        return 0.0
    rt.log(taskrun, "DEBUG", "Cache exist, downloading it")
    root = folder.resolve()
    with zipfile.ZipFile(archive) as entries:
        for entry in entries.infolist():
            target = (folder / entry.filename).resolve()
            if entry.is_dir() or root not in target.parents:
                continue  # only files of the folder were archived
            target.parent.mkdir(parents=True, exist_ok=True)
            with entries.open(entry) as source, target.open("wb") as copy:
                shutil.copyfileobj(source, copy)
    return time.time()


def keep(rt: FlowableRuntime, taskrun: TaskRunModel, folder: Path, cache: dict[str, Any], restored_at: float) -> None:
    """Archive the matching files when one changed since `restored_at`."""
    patterns, _ = cache_settings(cache)
    files = matching_files(folder, patterns)
    if not any(path.stat().st_mtime > restored_at for _, path in files):
        rt.log(taskrun, "DEBUG", "Cache files didn't change, skip updating it")
        return
    handle, name = tempfile.mkstemp(suffix=".zip")  # on disk, not in memory: caches can be large
    os.close(handle)
    try:
        with zipfile.ZipFile(name, "w", zipfile.ZIP_DEFLATED) as archive:
            for relative, path in files:
                archive.write(path, relative)
        uri = rt.task_cache(taskrun).keep(taskrun.value, Path(name))
    finally:
        os.unlink(name)
    rt.log(taskrun, "DEBUG", f"Caching in {uri}")
