"""The label filter of the executions and flows lists holds several labels in one field,
values with spaces included; it reads back what it was given."""
import re

import pytest
from django.http import QueryDict

from kestraweb.pages.label_filter import labels_text, parse_labels, split_labels
from tests.pages.executions.conftest import execution

from .flows.sources import saved_flow


@pytest.mark.parametrize(("text", "labels"), [
    ("env:prod", ["env:prod"]),
    ("team:data eng", ["team:data eng"]),
    ("team:data eng env:prod", ["team:data eng", "env:prod"]),
    ("  env:prod   team:a b  c ", ["env:prod", "team:a b c"]),
    ('note:"at 10:30" env:prod', ["note:at 10:30", "env:prod"]),
    ('"note:at  10:30"', ["note:at  10:30"]),
    ("url:http://x.org/a", ["url:http://x.org/a"]),
    ("nocolon env:prod", ["nocolon", "env:prod"]),
    ("", []),
])
def test_it_parses_the_fields_text(text, labels):
    assert parse_labels(text) == labels


@pytest.mark.parametrize("text", ["team:data eng env:prod", 'note:"at 10:30" team:a', 'gap:"x  y"'])
def test_it_writes_back_what_reads_the_same(text):
    params = split_labels(QueryDict.fromkeys(["labels"], text))
    assert split_labels(QueryDict.fromkeys(["labels"], labels_text(params))).getlist("labels") \
        == params.getlist("labels")


@pytest.mark.django_db
def test_the_executions_list_filters_on_a_value_with_spaces(admin_client):
    execution("a1", namespace="company.team", flow_id="hello", state="SUCCESS", minutes=1,
              labels=[{"key": "team", "value": "data eng"}, {"key": "env", "value": "prod"}])
    execution("a2", namespace="company.team", flow_id="hello", state="SUCCESS", minutes=2,
              labels=[{"key": "team", "value": "data"}, {"key": "env", "value": "prod"}])
    response = admin_client.get("/ui/executions", {"labels": "team:data eng env:prod"})
    assert [e.id for e in response.context["executions"]] == ["a1"] and response.context["error"] is None
    assert 'value="team:data eng env:prod"' in response.content.decode()


@pytest.mark.django_db
def test_the_flows_list_filters_on_a_value_with_spaces(admin_client):
    saved_flow("alpha", "company.team", extra="labels:\n  team: data eng\n  env: prod")
    saved_flow("beta", "company.team", extra="labels:\n  team: data\n  env: prod")
    response = admin_client.get("/ui/flows", {"labels": "team:data eng env:prod"})
    assert [flow.flow_id for flow in response.context["page"].object_list] == ["alpha"]
    assert 'value="team:data eng env:prod"' in response.content.decode()


@pytest.mark.django_db
def test_a_flows_label_links_to_a_filter_that_finds_it_again(admin_client):
    saved_flow("alpha", "company.team", extra='labels:\n  note: "at 10:30"')
    saved_flow("beta", "company.team", extra='labels:\n  note: "at"')
    html = admin_client.get("/ui/flows").content.decode()
    [link] = [href for href in re.findall(r'class="label-chip" href="([^"]*)"', html) if "10" in href]
    response = admin_client.get("/ui/flows" + link.replace("&amp;", "&"))
    assert [flow.flow_id for flow in response.context["page"].object_list] == ["alpha"]
