"""Namespace isolation over every route, writes (issue 15): a viewer of `company.team`
changes nothing anywhere, even in its own namespace; an editor of `company.team`, by
query, by ids or through its own routes, touches nothing outside it. A write is checked
by its answer (refused) and by a snapshot of every row and file before and after."""
import pytest

from . import world
from .conftest import API, HIDDEN_RUN
from .world import HIDDEN, VISIBLE

pytestmark = pytest.mark.django_db


def flow_yaml(namespace: str, flow_id: str = "openflow", message: str = "changed") -> str:
    return (f"id: {flow_id}\nnamespace: {namespace}\ntasks:\n  - id: t\n"
            f"    type: io.kestra.plugin.core.log.Log\n    message: {message}\n")


def template_yaml(namespace: str, template_id: str) -> str:
    return (f"id: {template_id}\nnamespace: {namespace}\ntasks:\n  - id: t\n"
            "    type: io.kestra.plugin.core.log.Log\n    message: changed\n")


def upload(name: str, text: str):
    from django.core.files.uploadedfile import SimpleUploadedFile
    return SimpleUploadedFile(name, text.encode())


def writes(namespace: str) -> list[tuple]:
    """(method, path, body, content type) of every route that changes something of
    `namespace`: its flow, executions, logs, KV, files, triggers, templates, the namespace."""
    tag = world.TAG[namespace]
    flow = f"{namespace}/{tag}flow"
    trigger = {"namespace": namespace, "flowId": f"{tag}flow", "triggerId": f"{tag}trigger"}
    flows = [{"namespace": namespace, "id": f"{tag}flow"}]
    templates = [{"namespace": namespace, "id": f"{tag}template"}]
    yaml, ids = "application/x-yaml", [world.execution_id(namespace, state) for state in world.STATES]
    query = f"?filters[namespace][EQUALS]={namespace}"
    out = [
        ("post", "flows", flow_yaml(namespace, "newflow"), yaml),
        ("put", f"flows/{flow}", flow_yaml(namespace, f"{tag}flow"), yaml),
        ("delete", f"flows/{flow}", None, None), ("delete", f"flows/{flow}/revisions?revisions=1", None, None),
        ("post", f"flows/{namespace}", flow_yaml(namespace, "newflow"), yaml),
        ("post", f"flows/bulk?namespace={namespace}&delete=true", flow_yaml(namespace, "newflow"), yaml),
        ("post", "flows/import", {"fileUpload": upload("flows.yml", flow_yaml(namespace, "newflow"))}, "multipart"),
        ("delete", "flows/delete/by-ids", flows, "json"), ("delete", "flows/delete/by-query" + query, None, None),
        ("post", "flows/disable/by-ids", flows, "json"), ("post", "flows/disable/by-query" + query, None, None),
        ("post", f"executions/{flow}", None, None),
        ("delete", f"logs/{ids[0]}", None, None), ("delete", f"logs/{flow}", None, None),
        ("put", f"namespaces/{namespace}/kv/newkey", '"v"', "text/plain"),
        ("put", f"namespaces/{namespace}/kv/{tag}key", '"v"', "text/plain"),
        ("delete", f"namespaces/{namespace}/kv/{tag}key", None, None),
        ("delete", f"namespaces/{namespace}/kv", {"keys": [f"{tag}key"]}, "json"),
        ("post", "namespaces", {"id": f"{namespace}.sub"}, "json"),
        ("put", f"namespaces/{namespace}", {"id": namespace, "description": "changed"}, "json"),
        ("delete", f"namespaces/{namespace}", None, None),
        ("post", f"namespaces/{namespace}/files?path=new.txt", {"fileContent": upload("file", "x")}, "multipart"),
        ("put", f"namespaces/{namespace}/files?from={tag}dir/{tag}file.txt&to=moved.txt", None, None),
        ("delete", f"namespaces/{namespace}/files?path={tag}dir/{tag}file.txt", None, None),
        ("post", f"namespaces/{namespace}/files/directory?path=newdir", None, None),
        ("delete", f"triggers/{flow}/{tag}trigger", None, None), ("post", f"triggers/{flow}/{tag}trigger/unlock",
                                                                   None, None),
        ("post", f"triggers/{flow}/{tag}trigger/restart", None, None),
        ("put", "triggers/set-disabled", {**trigger, "disabled": True}, "json"),
        ("post", "triggers/set-disabled/by-triggers", {"triggers": [trigger], "disabled": True}, "json"),
        ("post", "triggers/set-disabled/by-query" + query, None, None),
        ("post", "triggers/unlock/by-triggers", [trigger], "json"), ("post", "triggers/unlock/by-query" + query, None,
                                                                     None),
        ("delete", "triggers/delete/by-triggers", [trigger], "json"),
        ("delete", "triggers/delete/by-query" + query, None, None),
        ("put", "triggers/backfill/create", {**trigger, "backfill": {"start": "2026-01-01T00:00:00Z"}}, "json"),
        *[(method, f"triggers/backfill/{name}{by}", [trigger] if by else trigger, "json")
          for name in ("delete", "pause", "unpause") for method, by in (("post", ""), ("post", "/by-triggers"))],
        *[("post", f"triggers/backfill/{name}/by-query" + query, None, None) for name in ("delete", "pause",
                                                                                         "unpause")],
        ("post", "templates", template_yaml(namespace, "newtemplate"), yaml),
        ("put", f"templates/{namespace}/{tag}template", template_yaml(namespace, f"{tag}template"), yaml),
        ("delete", f"templates/{namespace}/{tag}template", None, None),
        ("post", f"templates/{namespace}", template_yaml(namespace, "newtemplate"), yaml),
        ("post", "templates/import", {"fileUpload": upload("t.yml", template_yaml(namespace, "newtemplate"))},
         "multipart"),
        ("delete", "templates/delete/by-query?namespace=" + namespace, None, None),
        ("delete", "templates/delete/by-ids", templates, "json"),
        ("delete", f"executions/{ids[0]}", None, None),
    ]
    for run in ids:
        for name in ("kill", "restart", "pause", "replay", "resume", "force-run", "unqueue", "resume-from-breakpoint"):
            out.append(("delete" if name == "kill" else "post", f"executions/{run}/actions/{name}", None, None))
        out += [("post", f"executions/{run}/actions/labels", [{"key": "k", "value": "v"}], "json"),
                ("post", f"executions/{run}/actions/change-status?status=SUCCESS", None, None),
                ("post", f"executions/{run}/actions/state", {"taskRunId": f"{run}tr", "state": "SUCCESS"}, "json"),
                ("post", f"executions/{run}/restart", None, None)]
    for name, method in (("by", "delete"), ("kill", "delete"), ("restart", "post"), ("resume", "post"),
                         ("pause", "post"), ("replay", "post"), ("force-run", "post"), ("unqueue", "post"),
                         ("change-status", "post")):
        prefix = "executions/by-" if name == "by" else f"executions/{name}/by-"
        status = "?newStatus=SUCCESS" if name == "change-status" else ""
        out.append((method, f"{prefix}ids{status}", ids, "json"))
        out.append((method, f"{prefix}query{status or '?'}&" + query[1:], None, None))
    out += [("post", "executions/labels/by-ids", {"executionsId": ids, "executionLabels": [{"key": "k",
                                                                                            "value": "v"}]}, "json"),
            ("post", "executions/labels/by-query" + query, [{"key": "k", "value": "v"}], "json")]
    return out


def send(api, method, path, body, kind):
    call = getattr(api, method)
    if kind == "json":
        return call(API + path, body, format="json")
    if kind == "multipart":
        return call(API + path, body, format="multipart")
    if kind:
        return call(API + path, body, content_type=kind)
    return call(API + path)


def refused(response) -> bool:
    """403/404, or a bulk answer that acted on nothing."""
    if response.status_code in (403, 404):
        return True
    try:
        return response.status_code == 200 and response.json() == {"count": 0}
    except (ValueError, TypeError):
        return False


EVERYWHERE = (VISIBLE, *HIDDEN)


def assert_no_write_lands(client, namespaces):
    """Every write route of `namespaces` is refused, and no row or file changed."""
    before = world.snapshot(namespaces)
    accepted = []
    for namespace in namespaces:
        for method, path, body, kind in writes(namespace):
            response = send(client, method, path, body, kind)
            if not refused(response):
                accepted.append(f"{method} {path}: {response.status_code} {response.content[:200]!r}")
    assert not accepted, "\n".join(accepted)
    assert world.snapshot(namespaces) == before


def test_a_viewer_changes_nothing_even_in_its_namespace(viewer):
    assert_no_write_lands(viewer, EVERYWHERE)


def test_an_editor_changes_nothing_outside_its_namespace(editor):
    assert_no_write_lands(editor, HIDDEN)



def smuggled() -> list[tuple]:
    """Writes through a route of the editor's namespace whose body or parameters name a
    hidden one: a source declaring `other`, a taskrun of a hidden execution, a path
    climbing out of the namespace's files, a parent namespace's scope."""
    yaml = "application/x-yaml"
    other_flow, other_template = flow_yaml("other", "secretflow"), template_yaml("other", "secrettemplate")
    hidden_taskrun = {"taskRunId": f"{HIDDEN_RUN}tr", "state": "SUCCESS"}
    visible_failed = world.execution_id(VISIBLE, "FAILED")
    return [
        ("put", f"flows/{VISIBLE}/openflow", other_flow.replace("secretflow", "openflow"), yaml),
        ("put", f"flows/{VISIBLE}/openflow", other_flow, yaml),
        ("post", f"flows/{VISIBLE}", other_flow, yaml), ("post", f"flows/{VISIBLE}?delete=true", other_flow, yaml),
        ("post", f"flows/bulk?namespace={VISIBLE}", other_flow, yaml),
        ("post", "flows/bulk?namespace=company&allowNamespaceChild=true&delete=true", flow_yaml(VISIBLE), yaml),
        ("post", "flows/bulk?delete=true", flow_yaml(VISIBLE), yaml),
        ("post", "flows/import", {"fileUpload": upload("flows.yml", flow_yaml(VISIBLE, "x") + "---\n" + other_flow)},
         "multipart"),
        ("post", "flows/import?failOnError=true", {"fileUpload": upload("flows.yml", other_flow)}, "multipart"),
        ("put", f"templates/{VISIBLE}/opentemplate", other_template.replace("secrettemplate", "opentemplate"), yaml),
        ("post", f"templates/{VISIBLE}", other_template, yaml),
        ("post", "templates/import", {"fileUpload": upload("t.yml", template_yaml(VISIBLE, "x") + "---\n"
                                                            + other_template)}, "multipart"),
        ("post", f"executions/{visible_failed}/actions/state", hidden_taskrun, "json"),
        ("post", f"executions/{visible_failed}/actions/restart?revision=1", None, None),
        ("post", f"executions/{visible_failed}/actions/replay?taskRunId={HIDDEN_RUN}tr", None, None),
        ("put", f"namespaces/{VISIBLE}/files?from=opendir/openfile.txt&to=../other/secretdir/secretfile.txt", None,
         None),
        ("put", f"namespaces/{VISIBLE}/files?from=../other/secretdir/secretfile.txt&to=stolen.txt", None, None),
        ("post", f"namespaces/{VISIBLE}/files?path=../other/secretdir/secretfile.txt",
         {"fileContent": upload("file", "x")}, "multipart"),
        ("delete", f"namespaces/{VISIBLE}/files?path=../other", None, None),
        ("delete", f"logs/{VISIBLE}/secretflow", None, None),
        ("post", "namespaces", {"id": "company.teamx"}, "json"), ("post", "namespaces", {"id": "company"}, "json"),
        ("put", "triggers/set-disabled", {"namespace": VISIBLE, "flowId": "secretflow", "triggerId": "secrettrigger",
                                          "disabled": True}, "json"),
    ]


def test_an_editor_cannot_reach_a_hidden_namespace_through_its_own(editor):
    before = world.snapshot(HIDDEN)
    failed = []
    for method, path, body, kind in smuggled():
        response = send(editor, method, path, body, kind)
        if response.status_code >= 500:
            failed.append(f"{method} {path}: {response.status_code}")
        if world.snapshot(HIDDEN) != before:
            failed.append(f"{method} {path}: changed a hidden namespace ({response.status_code})")
            before = world.snapshot(HIDDEN)
    assert not failed, "\n".join(failed)


def test_validating_a_flow_does_not_tell_whether_a_hidden_one_exists(viewer):
    """`outdated` compares a document's revision with the stored flow's: for a namespace
    the user cannot read, the answer is the same whether the flow is there or not."""
    documents = "\n---\n".join(flow_yaml(namespace, "secretflow") + f"revision: {revision}\n"
                               for namespace in HIDDEN for revision in (1, 2))
    before = viewer.post(API + "flows/validate", documents, content_type="application/x-yaml").json()
    world.purge_hidden()
    assert viewer.post(API + "flows/validate", documents, content_type="application/x-yaml").json() == before
