"""The ★ flow operations driven through Kestra's official client (kestrapy 2.0.x) as a
CI script would: create (YAML and object), read, update, validate, list revisions,
delete (../shared/api-contract.md §3.1)."""
import pytest

from .sources import INVALID, flow_yaml

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_script_manages_a_flow_through_kestras_client(kestra_client):
    from kestrapy.exceptions import NotFoundException, UnprocessableEntityException

    flows = kestra_client.flows
    created = flows.create_flow("main", flow_yaml())
    assert (created.id, created.namespace, created.revision) == ("hello", "company.team", 1)
    assert created.source == flow_yaml()
    assert created.tasks[0].id == "log"

    updated = flows.update_flow("company.team", "hello", "main", flow_yaml(message="bye"))
    assert updated.revision == 2
    read = flows.flow("company.team", "hello", "main", source=True)
    assert (read.revision, read.disabled, read.deleted) == (2, False, False)
    assert read.source == flow_yaml(message="bye")
    assert [r.revision for r in flows.list_flow_revisions("company.team", "hello", "main")] == [1, 2]

    verdicts = flows.validate_flows("main", flow_yaml() + "---\n" + INVALID)
    assert [v.constraints is None for v in verdicts] == [True, False]
    with pytest.raises(UnprocessableEntityException):
        flows.create_flow("main", INVALID)

    flows.delete_flow("company.team", "hello", "main")
    with pytest.raises(NotFoundException):
        flows.flow("company.team", "hello", "main")


def test_a_script_creates_a_flow_from_an_object(kestra_client):
    flow = {"id": "from_object", "namespace": "company.team", "labels": [{"key": "env", "value": "ci"}],
            "tasks": [{"id": "log", "type": "io.kestra.plugin.core.log.Log", "message": "hi"}]}
    created = kestra_client.flows.create_flow_from_object("main", flow, draft=False)
    assert created.id == "from_object" and created.labels[0].key == "env"
    search = kestra_client.flows.search_flows("main", filters=None)
    assert [f.id for f in search.results] == ["from_object"] and search.total == 1


def test_a_script_moves_flows_in_bulk_through_kestras_client(kestra_client):
    from kestrapy.models.id_with_namespace import IdWithNamespace

    flows = kestra_client.flows
    text = flow_yaml("a") + "---\n" + flow_yaml("b")
    saved = flows.update_flows_in_namespace("company.team", "main", text)
    assert sorted(f.id for f in saved) == ["a", "b"]
    assert [f.id for f in flows.list_flows_by_namespace("company.team", "main")] == ["a", "b"]
    assert flows.list_distinct_namespaces("main") == ["company.team"]

    ids = [IdWithNamespace(namespace="company.team", id="a")]
    assert flows.disable_flows_by_ids("main", ids).count == 1
    assert flows.flow("company.team", "a", "main").disabled is True
    archive = flows.export_flows_by_ids("main", ids)
    assert flows.delete_flows_by_ids("main", ids).count == 1
    assert flows.import_flows("main", file_content=archive) == []
    assert flows.flow("company.team", "a", "main").revision == 3

    graph = flows.generate_flow_graph("company.team", "b", "main")
    assert {(e.source, e.target) for e in graph.edges} == {("root.root", "log"), ("log", "root.end")}
