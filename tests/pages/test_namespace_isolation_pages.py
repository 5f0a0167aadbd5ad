"""The pages under /ui/ for a viewer of `company.team` (issue 15): dashboards, lists and
pickers show nothing of `other` nor of the look-alikes `company.teamx` and
`company-team`; their objects' pages are 404, even under a visible namespace's path; no
form changes anything, in the viewer's namespace or elsewhere."""
import re

import pytest
from django.test import Client

from tests.api.isolation import world
from tests.api.isolation.world import HIDDEN, VISIBLE

from .conftest import grant

pytestmark = pytest.mark.django_db

# What a page would show of a hidden namespace: its objects' names, or its own name.
HIDDEN_TEXT = re.compile(r"secret(flow|task|trigger|template|key|label|message|metric|output|dir|file|content|"
                         r"description|\d)|company\.teamx|company-team|[>\"']other[<\"'.]")


@pytest.fixture
def viewer(plain_user):
    world.build()
    grant(plain_user, "viewer", VISIBLE)
    client = Client()
    client.force_login(plain_user)
    return client


LISTS = ["/ui/", "/ui/dashboard", "/ui/flows", "/ui/flows?q=secret", "/ui/templates", "/ui/executions",
         "/ui/executions?q=secret", "/ui/executions?namespace=other", "/ui/logs", "/ui/logs?q=secret",
         "/ui/namespaces", "/ui/flows/new", "/ui/templates/new", f"/ui/namespaces/edit/{VISIBLE}",
         f"/ui/namespaces/edit/{VISIBLE}/kv", f"/ui/namespaces/edit/{VISIBLE}/files",
         f"/ui/flows/edit/{VISIBLE}/openflow/topology", f"/ui/flows/edit/{VISIBLE}/openflow"]


def text(response) -> str:
    raw = b"".join(response.streaming_content) if response.streaming else response.content
    return raw.decode(errors="replace")


CSRF = re.compile(r'("X-CSRFToken": |name="csrfmiddlewaretoken" value=)"[^"]*"')


def page_text(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return CSRF.sub("", text(response))


def test_lists_and_dashboards_show_nothing_hidden(viewer):
    """Nothing named, and nothing counted: each page reads the same once every trace of
    the hidden namespaces is gone."""
    before = {url: page_text(viewer, url) for url in LISTS}
    shown = {url: sorted(set(map(str, found))) for url, page in before.items()
             if (found := HIDDEN_TEXT.findall(page.replace('name="namespace" value="other"', "")))}  # typed filter
    assert shown == {}
    world.purge_hidden()
    assert [url for url in LISTS if page_text(viewer, url) != before[url]] == []


def hidden_pages(namespace: str) -> list[str]:
    run = world.execution_id(namespace, "SUCCESS")
    flow = f"{namespace}/secretflow"
    return [
        f"/ui/flows/edit/{flow}", f"/ui/flows/edit/{flow}/source", f"/ui/flows/edit/{flow}/revisions",
        f"/ui/flows/edit/{flow}/topology", f"/ui/flows/edit/{flow}/execute", f"/ui/flows/edit/{flow}/triggers",
        f"/ui/templates/edit/{namespace}/secrettemplate", f"/ui/executions/{flow}/{run}",
        f"/ui/executions/{flow}/{run}/logs", f"/ui/executions/{flow}/{run}/outputs",
        f"/ui/executions/{flow}/{run}/gantt",
        f"/ui/executions/{flow}/{run}/topology",
        f"/ui/executions/{flow}/{run}/file?path={world.file_uri(namespace, run)}",
        f"/ui/executions/{flow}/{run}/logs/download",
        # a hidden execution under a visible flow's path
        f"/ui/executions/{VISIBLE}/openflow/{run}", f"/ui/executions/{VISIBLE}/openflow/{run}/logs",
        f"/ui/namespaces/edit/{namespace}", f"/ui/namespaces/edit/{namespace}/kv",
        f"/ui/namespaces/edit/{namespace}/files",
        f"/ui/namespaces/edit/{namespace}/files/download?path=secretdir/secretfile.txt",
    ]


def test_a_hidden_objects_page_is_not_found(viewer):
    answered = {url: response.status_code for namespace in HIDDEN for url in hidden_pages(namespace)
                if (response := viewer.get(url)).status_code != 404}
    assert answered == {}


def forms(namespace: str) -> list[tuple[str, dict]]:
    tag = world.TAG[namespace]
    flow = f"/ui/flows/edit/{namespace}/{tag}flow"
    run = world.execution_id(namespace, "FAILED")
    source = f"id: newflow\nnamespace: {namespace}\ntasks:\n  - id: t\n    type: io.kestra.plugin.core.log.Log\n" \
             "    message: hi\n"
    return [
        ("/ui/flows/new", {"source": source}), (f"{flow}/source", {"source": source.replace("newflow",
                                                                                              f"{tag}flow")}),
        (f"{flow}/delete", {}), (f"{flow}/enabled", {"enabled": "false"}), (f"{flow}/revisions/1/restore", {}),
        (f"{flow}/execute", {}), (f"{flow}/triggers/{tag}trigger/disable", {}),
        (f"{flow}/triggers/{tag}trigger/unlock", {}),
        (f"{flow}/triggers/{tag}trigger/backfill", {"start": "2026-01-01T00:00"}),
        ("/ui/templates/new", {"source": source.replace("newflow", "newtemplate")}),
        (f"/ui/templates/edit/{namespace}/{tag}template", {"source": source.replace("newflow", f"{tag}template")}),
        (f"/ui/templates/edit/{namespace}/{tag}template/delete", {}),
        ("/ui/executions/bulk", {"action": "delete", "ids": [run]}),
        ("/ui/executions/bulk", {"action": "restart", "ids": [run]}),
        *[(f"/ui/executions/{namespace}/{tag}flow/{run}/actions/{action}", {})
          for action in ("kill", "restart", "replay", "delete", "pause", "resume")],
        (f"/ui/namespaces/edit/{namespace}/kv/save", {"key": "newkey", "type": "STRING", "value": "v"}),
        (f"/ui/namespaces/edit/{namespace}/kv/delete", {"key": f"{tag}key"}),
        (f"/ui/namespaces/edit/{namespace}/files/save", {"path": "new.txt", "content": "x"}),
        (f"/ui/namespaces/edit/{namespace}/files/delete", {"path": f"{tag}dir"}),
    ]


def test_no_form_changes_anything_for_a_viewer(viewer):
    everywhere = (VISIBLE, *HIDDEN)
    before = world.snapshot(everywhere)
    accepted = {url: response.status_code for namespace in everywhere for url, data in forms(namespace)
                if (response := viewer.post(url, data)).status_code not in (403, 404)
                and not (url.endswith("/bulk") and response.status_code == 302)}
    assert accepted == {}
    assert world.snapshot(everywhere) == before
