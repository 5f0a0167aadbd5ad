"""Namespace isolation over every route, reads (issue 15): a viewer of `company.team` sees
nothing of `other` nor of the look-alikes `company.teamx` and `company-team` — not by id,
nor in searches, counts, aggregates, distinct values, exports, graphs or dependencies —
and changes nothing anywhere, even in its own namespace; an editor of `company.team`
acting by query or by ids touches nothing outside it.

A read is checked by asking it twice: with the hidden namespaces present, then after
removing every trace of them. A reader that cannot see them gets the same answer both
times, and no answer names anything `secret` (all hidden objects are named so)."""
import io
import json
import zipfile
from datetime import timedelta

import pytest
from asgiref.sync import async_to_sync
from django.utils import timezone

from . import world
from .conftest import API, HIDDEN_RUN
from .world import HIDDEN, VISIBLE

pytestmark = pytest.mark.django_db

OPEN_RUN = world.execution_id(VISIBLE, "SUCCESS")


def hidden_targets(namespace: str) -> list[str]:
    """GET routes naming an object of `namespace` (by namespace, flow or execution id)."""
    run = world.execution_id(namespace, "SUCCESS")
    flow = f"{namespace}/{world.TAG[namespace]}flow"
    tag = world.TAG[namespace]
    uri = world.file_uri(namespace, run)
    return [
        f"flows/{flow}", f"flows/{flow}?source=true", f"flows/{namespace}", f"flows/{flow}/revisions",
        f"flows/{flow}/dependencies", f"flows/{flow}/graph", f"flows/{flow}/tasks/{tag}task",
        f"flows/deprecated?namespace={namespace}",
        f"executions/{run}", f"executions/{run}/graph", f"executions/{run}/flow", f"executions/{run}/file?path={uri}",
        f"executions/{run}/file/metas?path={uri}", f"executions/{run}/file/preview?path={uri}",
        f"executions/flows/{flow}", f"executions/namespaces/{namespace}/flows",
        f"executions/namespaces/{flow.replace('/', '/flows/')}/average-duration",
        f"executions?namespace={namespace}&flowId={tag}flow",
        f"outputs/executions/{run}", f"outputs/tasks/{run}", f"outputs/tasks/{run}/{run}tr", f"outputs/{run}",
        f"outputs/{run}/{run}tr",
        f"logs/{run}", f"logs/{run}/download",
        f"namespaces/{namespace}/kv", f"namespaces/{namespace}/kv/inheritance", f"namespaces/{namespace}/kv/{tag}key",
        f"namespaces/{namespace}", f"namespaces/{namespace}/inherited-variables",
        f"namespaces/{namespace}/dependencies",
        f"namespaces/{namespace}/files?path={tag}dir/{tag}file.txt", f"namespaces/{namespace}/files/directory?path=/",
        f"namespaces/{namespace}/files/directory?path={tag}dir",
        f"namespaces/{namespace}/files/stats?path={tag}dir/{tag}file.txt",
        f"namespaces/{namespace}/files/revisions?path={tag}dir/{tag}file.txt",
        f"namespaces/{namespace}/files/search?q={tag}", f"namespaces/{namespace}/files/export",
        f"triggers/{flow}",
        f"metrics/{run}", f"metrics/names/{flow}", f"metrics/names/{flow}/{tag}task", f"metrics/tasks/{flow}",
        f"metrics/aggregates/{flow}/{tag}metric", f"metrics/aggregates/{flow}/{tag}task/{tag}metric",
        f"templates/{namespace}/{tag}template",
    ]


# Routes over all namespaces: searches, counts, aggregates, distinct values, exports.
FILTERED = "filters[namespace][{op}]={value}"
SEARCHES = [
    "flows/search", "flows/search?" + FILTERED.format(op="EQUALS", value="other"),
    "flows/search?" + FILTERED.format(op="STARTS_WITH", value="company"), "flows/search?q=secret",
    "flows/source?q=hi", "flows/source?q=secret", "flows/distinct-namespaces", "flows/distinct-namespaces?q=o",
    "flows/export/by-query", "flows/export/by-query/csv", "flows/deprecated",
    "executions/search", "executions/search?" + FILTERED.format(op="EQUALS", value="other"),
    "executions/search?" + FILTERED.format(op="CONTAINS", value="team"), "executions/search?q=secret",
    "executions?namespace=company&flowId=secretflow", "executions/namespaces",
    *[f"executions/distinct-field-values?field={field}" for field in ("namespace", "flowId", "labels", "state")],
    "executions/export/by-query/csv",
    "logs/search", "logs/search?q=secret", "logs/search?" + FILTERED.format(op="EQUALS", value="other"),
    "kv", "kv?" + FILTERED.format(op="EQUALS", value="other"),
    "namespaces/search", "namespaces/search?existing=true", "namespaces/search?q=company",
    "triggers/search", "triggers/search?" + FILTERED.format(op="EQUALS", value="other"),
    "triggers/export/by-query/csv",
    "templates/search", "templates/search?q=secret", "templates/distinct-namespaces", "templates/export/by-query",
    "worker-selectors/tags",
]
STATS_BODY = {"startDate": (timezone.now() - timedelta(days=2)).isoformat()}
HIDDEN_FLOWS = [{"namespace": namespace, "id": "secretflow"} for namespace in HIDDEN]
ALL_FLOWS = [{"namespace": VISIBLE, "id": "openflow"}, *HIDDEN_FLOWS]
# Reads that are POSTs (a body naming what to read).
POSTED_READS = [
    ("stats/executions/daily", STATS_BODY), ("stats/taskruns/daily", STATS_BODY),
    ("stats/executions/daily/group-by-flow", STATS_BODY),
    ("stats/executions/daily/group-by-flow", {**STATS_BODY, "namespaceOnly": True}),
    ("stats/executions/daily/group-by-flow", {**STATS_BODY, "flows": ALL_FLOWS}),
    ("stats/executions/latest/group-by-flow", {}), ("stats/executions/latest/group-by-flow", {"flows": ALL_FLOWS}),
    ("executions/latest", ALL_FLOWS), ("namespaces/autocomplete", {"q": ""}),
    ("namespaces/autocomplete", {"q": "company"}), ("flows/export/by-ids", ALL_FLOWS),
    ("templates/export/by-ids", [{"namespace": f["namespace"], "id": f["id"].replace("flow", "template")}
                                 for f in ALL_FLOWS]),
]


def streamed(response) -> bytes:
    if response.is_async:
        async def read():
            return b"".join([chunk async for chunk in response.streaming_content])
        return async_to_sync(read)()
    return b"".join(response.streaming_content)


def content(response) -> object:
    """What a response says, comparable: JSON parsed, a zip's members read, the rest as bytes."""
    raw = streamed(response) if response.streaming else response.content
    if raw[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            return {name: archive.read(name).decode() for name in sorted(archive.namelist())}
    try:
        body = json.loads(raw)
    except ValueError:
        return raw.decode(errors="replace")
    if isinstance(body, dict):
        body.pop("traceId", None)
    return body


def answers(api, reads) -> dict:
    out = {}
    for read in reads:
        response = api.get(API + read) if isinstance(read, str) else api.post(API + read[0], read[1], format="json")
        out[repr(read)] = (response.status_code, content(response))
    return out


def leaks(before: dict, after: dict) -> list[str]:
    """The reads whose answer named a hidden object or changed when they were removed;
    403/404 on a hidden object is a right answer."""
    found = []
    for read, (status, body) in before.items():
        if status in (403, 404) and read.count("secret") + sum(ns in read for ns in HIDDEN):
            continue
        if status >= 400:
            found.append(f"{read}: {status} {str(body)[:200]}")
        elif "secret" in json.dumps(body) or before[read] != after[read]:
            found.append(f"{read}: {str(body)[:300]}")
    return found


def test_a_viewer_reads_nothing_of_a_hidden_namespace(viewer):
    reads = [target for namespace in HIDDEN for target in hidden_targets(namespace)]
    reads += SEARCHES + POSTED_READS
    before = answers(viewer, reads)
    world.purge_hidden()
    found = leaks(before, answers(viewer, reads))
    assert not found, "\n".join(found)


def test_the_viewer_reads_its_own_namespace(viewer):
    """The probe above is not vacuous: the same routes answer for the visible namespace."""
    refused = {read: status for read, (status, _body) in answers(viewer, hidden_targets(VISIBLE)).items()
               if status != 200}
    assert refused == {}

@pytest.mark.django_db(transaction=True)  # the streams check access in a thread of their own
def test_no_follow_stream_opens_on_a_hidden_execution(viewer):
    """The server-sent event streams answer 403/404 before streaming anything."""
    opened = []
    for namespace in HIDDEN:
        run = world.execution_id(namespace, "RUNNING")
        for path in (f"executions/{run}/follow", f"executions/{run}/follow-dependencies", f"logs/{run}/follow"):
            response = viewer.get(API + path)
            if response.status_code not in (403, 404):
                opened.append(f"{path}: {response.status_code}")
            response.close()
    assert not opened


CALLER = """
id: opencaller
namespace: company.team
tasks:
  - id: call
    type: io.kestra.plugin.core.flow.Subflow
    namespace: other
    flowId: secretflow
"""


def cross_reads() -> list:
    """Reads of visible objects that name a hidden one: a taskrun of another execution,
    another namespace's file, key or flow reached from a visible flow or execution."""
    from storage.namespace_files import NamespaceFiles
    hidden_file = NamespaceFiles("other").uri("secretdir/secretfile.txt")
    run_file = world.file_uri("other", HIDDEN_RUN)
    expressions = ["{{ kv('secretkey', 'other') }}", "{{ kv('secretkey', namespace='other') }}",
                   f"{{{{ read('{hidden_file}') }}}}", f"{{{{ read('{run_file}') }}}}",
                   "{{ fileURI('secretdir/secretfile.txt') }}"]
    return [
        f"outputs/tasks/{OPEN_RUN}/{HIDDEN_RUN}tr", f"outputs/{OPEN_RUN}/{HIDDEN_RUN}tr",
        f"executions/{OPEN_RUN}/file?path={run_file}", f"executions/{OPEN_RUN}/file/metas?path={run_file}",
        f"executions/{OPEN_RUN}/file/preview?path={run_file}",
        f"logs/{OPEN_RUN}?taskRunId={HIDDEN_RUN}tr", f"metrics/{OPEN_RUN}?taskRunId={HIDDEN_RUN}tr",
        "flows/company.team/opencaller/graph?subflows=other.secretflow",
        "flows/company.team/opencaller/dependencies?expandAll=true", "flows/company.team/openflow/dependencies",
        "flows/company.team/openflow/dependencies?expandAll=true", "namespaces/company.team/dependencies",
        "namespaces/company.team/dependencies?expandAll=true",
        f"executions/{OPEN_RUN}/graph?subflows=other.secretflow",
        *[f"namespaces/company.team/files?path={path}" for path in (
            "../other/secretdir/secretfile.txt", "../../other/_files/secretdir/secretfile.txt",
            "..%2Fother%2Fsecretdir%2Fsecretfile.txt")],
        "namespaces/company.team/files/directory?path=../other", "namespaces/company.team/files/search?q=../",
        ("executions/" + OPEN_RUN + "/actions/eval/" + HIDDEN_RUN + "tr", "{{ outputs }}"),
        ("executions/" + OPEN_RUN + "/eval/" + HIDDEN_RUN + "tr", "{{ taskrun.id }}"),
        *[("executions/" + OPEN_RUN + "/actions/eval", expression) for expression in expressions],
        ("flows/graph?subflows=other.secretflow", CALLER),
    ]


def test_a_visible_object_leads_to_nothing_hidden(viewer):
    from flows.services import save_flow
    save_flow(CALLER)
    found = []
    for read in cross_reads():
        if isinstance(read, str):
            response = viewer.get(API + read)
        else:
            response = viewer.post(API + read[0], read[1], content_type="text/plain" if "eval" in read[0]
                                   else "application/x-yaml")
        body = content(response)
        if response.status_code >= 500 or "secret" in json.dumps(body).replace("secretflow", "").replace(
                "secretkey", "").replace("secretfile", "").replace("secretdir", "").replace(HIDDEN_RUN, ""):
            found.append(f"{read}: {response.status_code} {str(body)[:300]}")
    assert not found, "\n".join(found)


def scoped_to_visible() -> list:
    """Reads narrowed to `company.team` by a parameter: its children are in, the
    look-alikes `company.teamx` and `company-team` are not."""
    namespace = f"filters[namespace][PREFIX]={VISIBLE}"
    return [
        f"flows/search?{namespace}", f"flows/search?namespace={VISIBLE}", f"flows/source?q=hi&namespace={VISIBLE}",
        f"flows/distinct-namespaces?q={VISIBLE}", f"flows/export/by-query?{namespace}",
        f"flows/export/by-query/csv?{namespace}", f"flows/deprecated?namespace={VISIBLE}",
        f"executions/search?{namespace}", f"executions/search?namespace={VISIBLE}",
        f"executions/distinct-field-values?field=namespace&{namespace}", f"executions/export/by-query/csv?{namespace}",
        f"executions?namespace={VISIBLE}&flowId=secretflow", f"executions/namespaces/{VISIBLE}/flows",
        f"logs/search?{namespace}", f"logs/search?namespace={VISIBLE}", f"kv?{namespace}",
        f"namespaces/search?q={VISIBLE}", f"namespaces/search?{namespace}", f"namespaces/{VISIBLE}/kv/inheritance",
        f"triggers/search?{namespace}", f"triggers/search?namespace={VISIBLE}",
        f"triggers/export/by-query/csv?{namespace}", f"templates/search?namespace={VISIBLE}",
        f"templates/search?{namespace}", f"templates/export/by-query?namespace={VISIBLE}",
        *[(path, {**STATS_BODY, "namespace": VISIBLE}) for path in (
            "stats/executions/daily", "stats/taskruns/daily", "stats/executions/daily/group-by-flow")],
        ("namespaces/autocomplete", {"q": VISIBLE}),
    ]


def test_a_namespace_parameter_stops_at_namespace_boundaries(client, built):
    """Even for a superuser, who may see everything, `company.team` means it and its
    children, never `company.teamx` nor `company-team`."""
    crossed = [f"{read}: {str(body)[:300]}" for read, (status, body) in answers(client, scoped_to_visible()).items()
               if status != 200 or "secret" in json.dumps(body)]
    assert not crossed, "\n".join(crossed)
