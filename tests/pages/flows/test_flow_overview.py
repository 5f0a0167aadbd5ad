"""A flow's overview: description, labels, inputs, triggers, last executions; enable,
disable and delete for who may write; nothing for who may not read."""
import pytest

from flows.models import Flow
from tests.api.factories import execution

from ..conftest import grant
from .sources import saved_flow

pytestmark = pytest.mark.django_db
URL = "/ui/flows/edit/company.team/hello_world"
EXTRA = """description: Says hello to the team
labels:
  team: data
inputs:
  - id: who
    type: STRING
    defaults: world
triggers:
  - id: nightly
    type: io.kestra.plugin.core.trigger.Schedule
    cron: "0 2 * * *"
"""


@pytest.fixture
def flow():
    return saved_flow(extra=EXTRA)


def test_the_flows_own_address_opens_its_overview(admin_client, flow):
    assert admin_client.get(URL).context["tab"] == "overview"
    assert admin_client.get(URL + "/overview").status_code == 200


def test_it_shows_what_the_flow_is_takes_and_what_starts_it(admin_client, flow):
    response = admin_client.get(URL)
    text = response.content.decode()
    for shown in ("Says hello to the team", "team: data", "who", "STRING", "world", "nightly",
                  "io.kestra.plugin.core.trigger.Schedule", "0 2 * * *"):
        assert shown in text, shown


def test_it_shows_the_last_executions_newest_first(admin_client, flow):
    execution("old1", "company.team", "hello_world", "FAILED", minutes=0)
    execution("new1", "company.team", "hello_world", "SUCCESS", minutes=5)
    execution("else1", "company.team", "other_flow", "SUCCESS", minutes=9)
    shown = [row.id for row, _took in admin_client.get(URL).context["executions"]]
    assert shown == ["new1", "old1"]
    assert "/ui/executions/company.team/hello_world/new1" in admin_client.get(URL).content.decode()


def test_a_writer_gets_execute_disable_and_delete(admin_client, flow):
    text = admin_client.get(URL).content.decode()
    assert f'href="{URL}/execute"' in text and ">Disable</button>" in text and ">Delete</button>" in text


def test_disabling_and_enabling_make_new_revisions(admin_client, flow):
    assert admin_client.post(URL + "/enabled", {"enabled": "false"}).status_code == 302
    flow.refresh_from_db()
    assert flow.disabled and flow.revision == 2 and "disabled: true" in flow.source
    admin_client.post(URL + "/enabled", {"enabled": "true"})
    flow.refresh_from_db()
    assert not flow.disabled and flow.revision == 3


def test_a_bad_switch_value_changes_nothing(admin_client, flow):
    response = admin_client.post(URL + "/enabled", {"enabled": "maybe"}, follow=True)
    assert "maybe" in response.content.decode()
    flow.refresh_from_db()
    assert flow.revision == 1


def test_deleting_hides_the_flow(admin_client, flow):
    response = admin_client.post(URL + "/delete")
    assert response.status_code == 302 and response["Location"] == "/ui/flows"
    assert Flow.objects.get().deleted
    assert admin_client.get(URL).status_code == 404


def test_a_viewer_sees_it_without_any_button_and_cannot_change_it(alice_client, plain_user, flow):
    grant(plain_user, "viewer", "company.team")
    text = alice_client.get(URL).content.decode()
    assert "Says hello" in text
    assert "/execute" not in text and "Delete</button>" not in text and "Disable</button>" not in text
    assert alice_client.post(URL + "/delete").status_code == 403
    assert alice_client.post(URL + "/enabled", {"enabled": "false"}).status_code == 403
    flow.refresh_from_db()
    assert not flow.deleted and not flow.disabled


def test_who_may_not_read_gets_404s(alice_client, plain_user, flow):
    grant(plain_user, "admin", "company.other")
    for url in (URL, URL + "/overview"):
        assert alice_client.get(url).status_code == 404
    assert alice_client.post(URL + "/delete").status_code == 404
