"""Editing a flow in the admin is editing its YAML, as in Kestra's flow editor: the
other fields are read from it, an invalid source is refused with its lines, each change
is a new revision, and the id and namespace of a saved flow cannot change (Kestra's
Flow#validateUpdate: "Illegal flow id update", "Illegal namespace update")."""
import html

import pytest
from django.urls import reverse

from flows.models import Flow, FlowRevision
from flows.services import save_flow

pytestmark = pytest.mark.django_db

SOURCE = """id: edited
namespace: tests.admin
description: first
tasks:
  - id: hello
    type: io.kestra.plugin.core.log.Log
    message: one
"""


def test_a_flow_added_in_the_admin_is_read_from_its_source(admin_client):
    form = admin_client.get(reverse("admin:flows_flow_add")).content.decode()
    assert 'name="source"' in form and 'name="flow_id"' not in form
    response = admin_client.post(reverse("admin:flows_flow_add"), {"source": SOURCE, **_no_inlines()})
    assert response.status_code == 302
    flow = Flow.objects.get()
    assert (flow.namespace, flow.flow_id, flow.description, flow.revision) == ("tests.admin", "edited", "first", 1)
    assert FlowRevision.objects.get(flow=flow).source == SOURCE


def test_an_invalid_source_is_refused_with_its_line(admin_client):
    bad = SOURCE.replace("io.kestra.plugin.core.log.Log", "io.kestra.plugin.core.log.Nope")
    response = admin_client.post(reverse("admin:flows_flow_add"), {"source": bad, **_no_inlines()})
    assert response.status_code == 200
    assert "line 6: tasks[0].type: unknown type io.kestra.plugin.core.log.Nope (task &#x27;hello&#x27;)" in \
        response.content.decode()
    assert not Flow.objects.exists()


def test_a_change_is_a_new_revision_and_an_unchanged_save_is_not(admin_client):
    flow = save_flow(SOURCE)[0]
    url = reverse("admin:flows_flow_change", args=[flow.pk])
    changed = SOURCE.replace("message: one", "message: two").replace("description: first", "description: second")
    assert admin_client.post(url, {"source": changed, **_no_inlines(flow)}).status_code == 302
    flow.refresh_from_db()
    assert (flow.revision, flow.description, flow.source) == (2, "second", changed)
    assert list(FlowRevision.objects.filter(flow=flow).values_list("revision", flat=True)) == [2, 1]
    as_a_browser_sends_it = changed.replace("\n", "\r\n")
    assert admin_client.post(url, {"source": as_a_browser_sends_it, **_no_inlines(flow)}).status_code == 302
    flow.refresh_from_db()
    assert flow.revision == 2


def test_the_id_and_namespace_of_a_saved_flow_cannot_change(admin_client):
    flow = save_flow(SOURCE)[0]
    url = reverse("admin:flows_flow_change", args=[flow.pk])
    moved = SOURCE.replace("id: edited", "id: other").replace("namespace: tests.admin", "namespace: tests.elsewhere")
    page = html.unescape(admin_client.post(url, {"source": moved, **_no_inlines(flow)}).content.decode())
    assert "line 2: namespace: Illegal namespace update: 'tests.admin' cannot become 'tests.elsewhere'" in page
    assert "line 1: id: Illegal flow id update: 'edited' cannot become 'other'" in page
    flow.refresh_from_db()
    assert flow.source == SOURCE and not Flow.objects.filter(flow_id="other").exists()


def test_adding_a_flow_that_exists_is_refused(admin_client):
    save_flow(SOURCE)
    page = admin_client.post(reverse("admin:flows_flow_add"), {"source": SOURCE, **_no_inlines()}).content.decode()
    assert "Flow id already exists: tests.admin.edited" in page


def _no_inlines(flow=None) -> dict:
    """The management form of the revisions inline, which lists existing revisions only."""
    count = FlowRevision.objects.filter(flow=flow).count() if flow else 0
    data = {"revisions-TOTAL_FORMS": str(count), "revisions-INITIAL_FORMS": str(count),
            "revisions-MIN_NUM_FORMS": "0", "revisions-MAX_NUM_FORMS": "1000"}
    for index, revision in enumerate(FlowRevision.objects.filter(flow=flow) if flow else []):
        data[f"revisions-{index}-id"] = str(revision.pk)
        data[f"revisions-{index}-flow"] = str(flow.pk)
    return data
