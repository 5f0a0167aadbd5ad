"""Where each file lives in internal storage: the one home of Kestra's layout
(`io.kestra.core.storages.StorageContext`) and of the `kestra://` scheme.

    /<namespace as folders>/<flow>/executions/<execution>/tasks/<task>/<taskrun>/<file>
    /<namespace as folders>/<flow>/executions/<execution>/inputs/<input>/<file>
    /<namespace as folders>/<flow>/executions/<execution>/trigger/<trigger>/<file>
    /<namespace as folders>/_files/<path>                      (namespace files)
    /<namespace as folders>/<flow slug>/<task slug>/cache/[<value hash>/]cache.zip   (task caches)

A URI is the scheme, then that path: `kestra:///company/team/my_flow/executions/...`.
"""
from __future__ import annotations

SCHEME = "kestra://"
EXECUTIONS = "executions"
NAMESPACE_FILES = "_files"
CACHE = "cache"
CACHE_ARCHIVE = "cache.zip"
# What may follow an execution's folder: files of a taskrun, of an input, of a trigger.
EXECUTION_FILE_KINDS = ("tasks", "inputs", "trigger")


def is_uri(value: object) -> bool:
    return isinstance(value, str) and value.startswith(SCHEME)


def uri(path: str) -> str:
    """The URI of a storage path (`/a/b` -> `kestra:///a/b`)."""
    return SCHEME + "/" + path.lstrip("/")


def path_of(value: str) -> str:
    """The storage path of a URI, with its leading slash (`kestra:///a/b` -> `/a/b`)."""
    return "/" + value[len(SCHEME):].lstrip("/")


def namespace_folder(namespace: str) -> str:
    return "/" + namespace.replace(".", "/")


def execution_folder(namespace: str, flow_id: str, execution_id: str) -> str:
    return f"{namespace_folder(namespace)}/{flow_id}/{EXECUTIONS}/{execution_id}"


def taskrun_file(namespace: str, flow_id: str, execution_id: str, task_id: str, taskrun_id: str,
                 name: str) -> str:
    """URI of a file a taskrun keeps (`name` may hold folders; empty gives the folder)."""
    return uri(f"{execution_folder(namespace, flow_id, execution_id)}/tasks/{task_id}/{taskrun_id}/{name}")


def input_file(namespace: str, flow_id: str, execution_id: str, input_id: str, name: str) -> str:
    """URI of a FILE input's file."""
    return uri(f"{execution_folder(namespace, flow_id, execution_id)}/inputs/{input_id}/{name}")


def trigger_file(namespace: str, flow_id: str, execution_id: str, trigger_id: str, name: str) -> str:
    """URI of a file a trigger stored for the execution it starts (a batch of messages)."""
    return uri(f"{execution_folder(namespace, flow_id, execution_id)}/trigger/{trigger_id}/{name}")


def namespace_files_folder(namespace: str) -> str:
    return f"{namespace_folder(namespace)}/{NAMESPACE_FILES}"


def namespace_file(namespace: str, path: str) -> str:
    """URI of a namespace file, `path` being relative to the namespace's files."""
    return uri(f"{namespace_files_folder(namespace)}/{path.lstrip('/')}")


def task_cache_file(namespace: str, flow_slug: str, task_slug: str, value_hash: str | None = None) -> str:
    """URI of a task's cache archive (Kestra's StorageContext.getCacheURI); with a
    value (a task inside a loop), each value's own archive."""
    folder = f"{namespace_folder(namespace)}/{flow_slug}/{task_slug}/{CACHE}"
    return uri(f"{folder}/{value_hash}/{CACHE_ARCHIVE}" if value_hash else f"{folder}/{CACHE_ARCHIVE}")


def has_parent_segment(path: str) -> bool:
    """Whether a path climbs up (`..` as a segment): a storage path must be written in full."""
    return ".." in path.replace("\\", "/").split("/")


def is_namespace_entry(path: str, namespace: str) -> bool:
    """Whether a storage path is an execution file of a flow of `namespace` (not of a
    sub-namespace) or one of its namespace files.

    The layout alone is ambiguous (namespace `a.b` with flow `c` and namespace `a` with
    flow `b` share `/a/b/`), so the path is read as `namespace` would lay it out: one
    segment for the flow, then `executions/<id>/<kind>/`, kind being one of
    EXECUTION_FILE_KINDS."""
    prefix = namespace_folder(namespace) + "/"
    if not path.startswith(prefix) or has_parent_segment(path):
        return False
    rest = path[len(prefix):].split("/")
    if rest[0] == NAMESPACE_FILES:
        return len(rest) > 1
    return (len(rest) > 4 and rest[1] == EXECUTIONS and rest[2] not in ("", EXECUTIONS)
            and rest[3] in EXECUTION_FILE_KINDS)


# Kestra's StorageContext#getStateStorePrefix: the deprecated state tasks' JSON files.
STATES = "states"
TASK_STATES = "tasks-states"


def task_state_file(namespace: str, flow_id: str | None, name: str, value_key: str | None) -> str:
    """URI of a state file of the deprecated state tasks: of a flow (or, with no
    `flow_id`, of its whole namespace), in a folder of its own per taskrun value
    (`value_key`, a hash of the value) when kept apart by value."""
    parts = [namespace_folder(namespace)] + ([flow_id] if flow_id else []) + [STATES, TASK_STATES]
    parts += ([value_key] if value_key else []) + [name]
    return uri("/".join(parts))
