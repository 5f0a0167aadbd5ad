"""The /metrics routes (Kestra's MetricController) over metrics a real run recorded with
`ctx.metric`: an execution's metrics paged and filtered, a flow's metric names and task
ids, a metric aggregated over time; nothing of a namespace the user cannot read."""
from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from executions.models import MetricEntry
from kestraweb.models import RoleBinding
from plugins.api.properties import Property
from plugins.api.registry import register, resolve
from plugins.api.task import RunnableTask
from tests.api.conftest import assert_problem
from tests.flow_runs import run_flow

pytestmark = pytest.mark.django_db(transaction=True)

if resolve("tests.EmitMetrics") is None:
    @register
    class EmitMetrics(RunnableTask):
        """Test-only task: one counter `rows` (its `count`) tagged with the task id, one timer `took`."""

        type = "tests.EmitMetrics"
        internal = True  # kept out of the plugin catalog other tests of the session list
        properties = (Property("count", required=True),)

        def run(self, ctx):
            ctx.metric("counter", "rows", float(ctx.render_property("count")), {"source": "test"})
            ctx.metric("timer", "took", 1.5)
            return {}


FLOW = """
    id: measured
    namespace: {namespace}
    tasks:
      - id: first
        type: tests.EmitMetrics
        count: 3
      - id: second
        type: tests.EmitMetrics
        count: 4
"""


def measured_run(namespace="company.metrics"):
    run = run_flow(FLOW.format(namespace=namespace))
    assert run.state == "SUCCESS"
    return run


def test_an_executions_metrics_are_paged_with_kestras_fields(client):
    """MetricController#searchByExecution: PagedResults<MetricEntry>."""
    run = measured_run()
    body = client.get(f"/api/v1/main/metrics/{run.execution.id}", {"size": 3, "sort": "value:desc"}).json()
    assert body["total"] == 4
    assert [m["value"] for m in body["results"]] == [4.0, 3.0, 1.5]
    top = body["results"][0]
    assert top["name"] == "rows" and top["type"] == "counter" and top["taskId"] == "second"
    assert top["tags"] == {"source": "test"} and top["executionId"] == run.execution.id
    assert top["taskRunId"] == run.one("second").id and top["flowId"] == "measured" and top["deleted"] is False


def test_metrics_filtered_by_task_id_or_task_run_id(client):
    run = measured_run()
    url = f"/api/v1/main/metrics/{run.execution.id}"
    by_task = client.get(url, {"taskId": "first"}).json()["results"]
    assert {(m["name"], m["value"]) for m in by_task} == {("rows", 3.0), ("took", 1.5)}
    by_run = client.get(url, {"taskRunId": run.one("second").id}).json()["results"]
    assert {m["taskId"] for m in by_run} == {"second"} and len(by_run) == 2


def test_a_flows_metric_names_and_tasks(client):
    measured_run()
    assert client.get("/api/v1/main/metrics/names/company.metrics/measured").json() == ["rows", "took"]
    assert client.get("/api/v1/main/metrics/names/company.metrics/measured/first").json() == ["rows", "took"]
    assert client.get("/api/v1/main/metrics/names/company.metrics/measured/absent").json() == []
    assert client.get("/api/v1/main/metrics/tasks/company.metrics/measured").json() == ["first", "second"]


def test_aggregation_of_a_flow_and_of_a_task_over_days(client):
    """aggregateByFlowId: a range over a day groups by day, empty days are 0."""
    measured_run()
    today = timezone.now().astimezone(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    params = {"startDate": (today - timedelta(days=2)).isoformat(), "endDate": (today + timedelta(days=1)).isoformat()}
    flow = client.get("/api/v1/main/metrics/aggregates/company.metrics/measured/rows", params).json()
    assert flow["groupBy"] == "day"
    assert [a["value"] for a in flow["aggregations"]] == [0.0, 0.0, 7.0]
    assert flow["aggregations"][-1]["date"].startswith(today.date().isoformat())
    most = client.get("/api/v1/main/metrics/aggregates/company.metrics/measured/rows",
                      {**params, "aggregation": "max"}).json()
    assert most["aggregations"][-1]["value"] == 4.0
    task = client.get("/api/v1/main/metrics/aggregates/company.metrics/measured/first/rows",
                      {**params, "aggregation": "avg"}).json()
    assert task["aggregations"][-1]["value"] == 3.0


def test_aggregation_defaults_to_the_sum_of_the_last_30_days(client):
    measured_run()
    body = client.get("/api/v1/main/metrics/aggregates/company.metrics/measured/took").json()
    assert body["groupBy"] == "day" and sum(a["value"] for a in body["aggregations"]) == 3.0


def test_short_ranges_group_by_minute_and_hour():
    """DateUtils#groupByType thresholds."""
    from executions.metric_aggregation import period_of
    start = datetime(2026, 1, 1, tzinfo=UTC)
    assert period_of(start, start + timedelta(hours=6)).name == "minute"
    assert period_of(start, start + timedelta(hours=7)).name == "hour"
    assert period_of(start, start + timedelta(days=2)).name == "day"
    assert period_of(start, start + timedelta(days=181)).name == "week"
    assert period_of(start, start + timedelta(days=366)).name == "month"


def test_bad_aggregation_or_dates_are_named_422(client):
    url = "/api/v1/main/metrics/aggregates/company.metrics/measured/rows"
    assert "aggregation" in str(assert_problem(client.get(url, {"aggregation": "median"}), 422))
    assert "startDate" in str(assert_problem(client.get(url, {"startDate": "yesterday"}), 422))
    late = {"startDate": "2026-02-01T00:00:00Z", "endDate": "2026-01-01T00:00:00Z"}
    assert "startDate" in str(assert_problem(client.get(url, late), 422))
    huge = {"startDate": "0001-01-01T00:00:00Z", "endDate": "9999-01-01T00:00:00Z"}
    assert "KESTRAWEB_METRIC_MAX_PERIODS" in str(assert_problem(client.get(url, huge), 422))


def test_unknown_execution_is_404(client):
    assert_problem(client.get("/api/v1/main/metrics/nope"), 404)


def test_no_metrics_of_a_namespace_the_user_cannot_read(client, alice, plain_user):
    secret = measured_run("secret.team")
    RoleBinding.objects.create(user=plain_user, role="viewer", namespace="company")
    assert_problem(alice.get(f"/api/v1/main/metrics/{secret.execution.id}"), 403)
    assert_problem(alice.get("/api/v1/main/metrics/names/secret.team/measured"), 403)
    assert_problem(alice.get("/api/v1/main/metrics/tasks/secret.team/measured"), 403)
    assert_problem(alice.get("/api/v1/main/metrics/aggregates/secret.team/measured/rows"), 403)
    assert MetricEntry.objects.filter(namespace="secret.team").count() == 4
    mine = measured_run("company.metrics")
    assert alice.get(f"/api/v1/main/metrics/{mine.execution.id}").json()["total"] == 4


def test_kestrapy_reads_metrics(kestra_client):
    """kestrapy 2.0.3's MetricsApi, unchanged."""
    run = measured_run()
    api = kestra_client.metrics
    assert api.execution_metrics(run.execution.id, "main", size=2, task_id="second")["total"] == 2
    assert api.flow_metric_names("company.metrics", "measured", "main") == ["rows", "took"]
    assert api.task_metric_names("company.metrics", "measured", "first", "main") == ["rows", "took"]
    assert api.tasks_with_metrics("company.metrics", "measured", "main") == ["first", "second"]
    body = api.aggregate_flow_metric("company.metrics", "measured", "rows", "main")
    assert sum(a["value"] for a in body["aggregations"]) == 7.0
    task = api.aggregate_task_metric("company.metrics", "measured", "first", "rows", "main", aggregation="max")
    assert max(a["value"] for a in task["aggregations"]) == 3.0


def test_a_page_of_metrics_costs_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    run = measured_run()
    for index in range(30):
        MetricEntry.objects.create(execution_id=run.execution.id, taskrun_id=None, task_id="first",
                                   namespace="company.metrics", flow_id="measured", type="counter", name=f"m{index}",
                                   value=index, tags={}, timestamp=timezone.now())
    client.get(f"/api/v1/main/metrics/{run.execution.id}")  # the Basic password is checked once, then remembered
    with django_assert_max_num_queries(6):
        body = client.get(f"/api/v1/main/metrics/{run.execution.id}", {"size": 25}).json()
    assert len(body["results"]) == 25 and body["total"] == 34
