"""Bad input to the flow endpoints is a named 4xx problem and changes nothing, never a
500 (issue 15: "No user input causes a 500")."""
import pytest

from flows.models import Flow

from ..conftest import assert_problem
from .sources import flow_yaml

pytestmark = pytest.mark.django_db

YAML = "application/x-yaml"


@pytest.mark.parametrize("body", ["- just\n- a list\n", "plain text", "id: x\n", "tasks: 3\n", "\x00\x01"])
def test_a_body_that_is_not_a_flow_is_422(client, body):
    assert_problem(client.post("/api/v1/main/flows", body, content_type=YAML), 422)
    assert_problem(client.post("/api/v1/main/flows/graph", body, content_type=YAML), 422)
    assert client.post("/api/v1/main/flows/validate", body, content_type=YAML).status_code == 200
    assert not Flow.objects.exists()


def test_odd_names_and_params_are_404_or_422(client):
    client.post("/api/v1/main/flows", flow_yaml(), content_type=YAML)
    assert_problem(client.get("/api/v1/main/flows/caf%C3%A9/%20"), 404)
    assert_problem(client.get("/api/v1/main/flows/company.team/hello", {"revision": "-1"}), 422)
    assert_problem(client.get("/api/v1/main/flows/search", {"size": "100000"}), 422)
    assert_problem(client.get("/api/v1/main/flows/search", {"sort": "nope:asc"}), 422)
    assert_problem(client.get("/api/v1/main/flows/search", {"filters[state][EQUALS]": "x"}), 422)
    assert_problem(client.post("/api/v1/main/flows/disable/by-ids", {"not": "a list"}, format="json"), 422)
    assert_problem(client.post("/api/v1/main/flows/company.team", "- 1\n", content_type=YAML), 422)
    assert Flow.objects.get().revision == 1
