"""Every blueprint is a flow that works as written: each parses and validates with the
flow spec, and each that needs no outside service runs to the state its header
expects. The HTTP ones take their URL as an input, so they run against a local API."""
from __future__ import annotations

import pytest

from executions.engine.create import create_execution
from executions.engine.runner import run_to_end
from executions.models import LogEntry
from flows.services import save_flow
from flows.spec import validate_source
from kestraweb.pages.blueprints.catalog import CATEGORIES, all_blueprints, find

from .local_api import local_api

# Paths of the local API each HTTP blueprint's `url` input is pointed at.
LOCAL_PATHS = {"http-get-json": "/products/1", "http-post-json": "/products/add",
               "http-download-file": "/orders.csv"}


def blueprint_params(ids=None):
    return [pytest.param(b, id=b.id) for b in all_blueprints() if ids is None or b.id in ids]


def test_the_catalog_has_enough_blueprints_in_every_category():
    blueprints = all_blueprints()
    assert len(blueprints) >= 25
    assert {b.category for b in blueprints} == set(CATEGORIES)


@pytest.mark.parametrize("blueprint", blueprint_params())
def test_each_blueprint_is_a_valid_flow(blueprint):
    assert validate_source(blueprint.source) == [], blueprint.source
    assert blueprint.description and blueprint.title
    assert not blueprint.source.startswith("#"), "the catalog header is not part of the flow"
    for other in blueprint.flows:
        assert find(other) is not None, f"{blueprint.id} calls unknown blueprint {other}"


def run(blueprint, inputs=None):
    for other in blueprint.flows:  # the flows it calls
        save_flow(find(other).source)
    flow, _ = save_flow(blueprint.source)
    execution = run_to_end(create_execution(flow, inputs or {}).id, timeout=60)
    logs = list(LogEntry.objects.filter(execution_id=execution.id).values_list("message", flat=True))
    assert execution.state == blueprint.expect, f"{blueprint.id}: {execution.state}: {logs}"
    return logs


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("blueprint", [p for p in blueprint_params() if not p.values[0].needs])
def test_each_blueprint_that_needs_no_service_runs(blueprint):
    run(blueprint)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("blueprint", blueprint_params(LOCAL_PATHS))
def test_each_http_blueprint_runs_against_a_local_api(blueprint):
    assert blueprint.needs == ["internet"]
    with local_api() as base:
        logs = run(blueprint, {"url": base + LOCAL_PATHS[blueprint.id]})
    assert any(word in line for line in logs for word in ("Local product", "Kestra Pen", "bytes")), logs
