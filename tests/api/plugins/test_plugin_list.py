"""GET /api/v1/plugins and /plugins/groups/subgroups (Kestra's PluginController#listPlugins
and getPluginBySubgroups: one entry per plugin group, then per subgroup, each listing
its tasks, triggers and conditions)."""
import pytest

from tests.api.conftest import assert_problem

pytestmark = pytest.mark.django_db


def classes(plugin, key):
    return {item["cls"] for item in plugin[key]}


def test_it_lists_plugin_groups_with_their_types(client):
    plugins = {plugin["group"]: plugin for plugin in client.get("/api/v1/plugins").json()}
    core = plugins["io.kestra.plugin.core"]
    assert "io.kestra.plugin.core.log.Log" in classes(core, "tasks")
    assert "io.kestra.plugin.core.trigger.Schedule" in classes(core, "triggers")
    assert "io.kestra.plugin.core.condition.DayWeek" in classes(core, "conditions")
    assert core["taskRunners"] == [] and core["subGroup"] is None
    assert "io.kestra.plugin.jdbc.postgresql.Trigger" in classes(plugins["io.kestra.plugin.jdbc"], "triggers")


def test_it_leaves_internal_types_out(client):
    every = {cls for plugin in client.get("/api/v1/plugins").json() for cls in classes(plugin, "tasks")}
    assert "io.kestra.plugin.core.flow.ForEachItem" in every
    assert not any("$" in cls for cls in every)


def test_subgroups_narrow_the_types_to_their_package(client):
    plugins = client.get("/api/v1/plugins/groups/subgroups").json()
    flow = next(p for p in plugins if p["subGroup"] == "io.kestra.plugin.core.flow")
    assert flow["group"] == "io.kestra.plugin.core" and flow["title"] == "flow"
    assert classes(flow, "tasks") and all(cls.startswith("io.kestra.plugin.core.flow.") for cls in
                                          classes(flow, "tasks"))
    assert any(p["subGroup"] is None and p["group"] == "io.kestra.plugin.core" for p in plugins)


def test_it_needs_authentication(db):
    from rest_framework.test import APIClient
    assert_problem(APIClient().get("/api/v1/plugins"), 401)


def test_any_user_may_read_it(alice):
    assert alice.get("/api/v1/plugins").status_code == 200
