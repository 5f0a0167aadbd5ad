"""The logs page finds lines across executions by level, namespace, flow, text and
time, newest first, each linking to its execution's logs."""
from datetime import timedelta

import pytest
from django.utils import timezone

from kestraweb.models import Preferences
from tests.pages.records import execution, log_line

pytestmark = pytest.mark.django_db


def messages(response) -> list[str]:
    assert response.status_code == 200, response.content[:500]
    return [line.message for line in response.context["window"].rows]


def test_it_shows_lines_of_every_execution_newest_first_with_links(admin_client):
    first, second = execution("company.a", flow_id="one"), execution("company.b", flow_id="two")
    log_line(first, "older", at=timezone.now() - timedelta(minutes=2))
    log_line(second, "newer", at=timezone.now() - timedelta(minutes=1))
    response = admin_client.get("/ui/logs")
    assert messages(response) == ["newer", "older"]
    assert f'href="/ui/executions/company.b/two/{second.id}/logs"' in response.content.decode()


def test_it_filters_by_minimum_level(admin_client):
    run = execution("company.a")
    for level in ("DEBUG", "INFO", "WARN", "ERROR"):
        log_line(run, f"a {level} line", level=level)
    assert sorted(messages(admin_client.get("/ui/logs?minLevel=WARN"))) == ["a ERROR line", "a WARN line"]
    assert len(messages(admin_client.get("/ui/logs?minLevel=TRACE"))) == 4


def test_the_level_starts_at_the_users_preference(admin_client, admin_user):
    Preferences.objects.create(user=admin_user, log_level="ERROR")
    run = execution("company.a")
    log_line(run, "info", level="INFO")
    log_line(run, "error", level="ERROR")
    response = admin_client.get("/ui/logs")
    assert messages(response) == ["error"]
    assert response.context["chosen"]["minLevel"] == "ERROR"


def test_it_filters_by_namespace_prefix_flow_and_text(admin_client):
    log_line(execution("company.team", flow_id="etl"), "loaded 10 rows")
    log_line(execution("company.team.sub", flow_id="etl"), "loaded 20 rows")
    log_line(execution("company.teamx", flow_id="etl"), "loaded 30 rows")
    log_line(execution("company.team", flow_id="report"), "sent the report")
    assert sorted(messages(admin_client.get("/ui/logs?namespace=company.team&flowId=etl"))) == [
        "loaded 10 rows", "loaded 20 rows"]
    assert messages(admin_client.get("/ui/logs?q=REPORT")) == ["sent the report"]


def test_it_filters_by_time(admin_client):
    run = execution("company.a")
    log_line(run, "today", at=timezone.now() - timedelta(hours=1))
    log_line(run, "last week", at=timezone.now() - timedelta(days=5))
    assert messages(admin_client.get("/ui/logs?range=24h")) == ["today"]
    assert messages(admin_client.get("/ui/logs?range=all")) == ["today", "last week"]
    since = timezone.localtime(timezone.now() - timedelta(days=6)).strftime("%Y-%m-%dT%H:%M")
    until = timezone.localtime(timezone.now() - timedelta(days=4)).strftime("%Y-%m-%dT%H:%M")
    assert messages(admin_client.get(f"/ui/logs?range=all&startDate={since}&endDate={until}")) == ["last week"]


def test_it_pages_without_counting(admin_client):
    run = execution("company.a")
    for n in range(5):
        log_line(run, f"line {n}", at=timezone.now() - timedelta(seconds=n))
    first = admin_client.get("/ui/logs?size=2")
    assert messages(first) == ["line 0", "line 1"] and first.context["window"].has_next
    last = admin_client.get("/ui/logs?size=2&page=3")
    assert messages(last) == ["line 4"] and not last.context["window"].has_next


def test_a_bad_date_is_named_not_a_500(admin_client):
    response = admin_client.get("/ui/logs?startDate=yesterday")
    assert response.status_code == 400
    assert "startDate" in response.context["error"]
