"""Home shows the counts by state, the success ratio, the chart's data and the latest
failures, each linking to its execution."""
import json
import re
from datetime import timedelta

import pytest
from django.utils import timezone

from tests.pages.records import execution

pytestmark = pytest.mark.django_db


def chart_of(response) -> dict:
    found = re.search(r'<script id="executions-chart-data" type="application/json">(.*?)</script>',
                      response.content.decode(), re.S)
    return json.loads(found.group(1))


def test_it_counts_executions_by_state_and_gives_the_success_ratio(admin_client):
    for state in ("SUCCESS", "SUCCESS", "SUCCESS", "FAILED"):
        execution("company.team", state=state)
    response = admin_client.get("/ui/")
    assert response.status_code == 200
    assert response.context["counts"] == {"SUCCESS": 3, "FAILED": 1}
    assert response.context["total"] == 4
    assert response.context["success_ratio"] == 75.0
    assert ">75.0%<" in response.content.decode()


def test_it_embeds_the_chart_data_per_day_and_state(admin_client):
    execution("company.team", state="SUCCESS")
    execution("company.team", state="WARNING")
    chart = chart_of(admin_client.get("/ui/dashboard?range=7d"))
    assert len(chart["labels"]) in (7, 8)  # the days the last 7×24 hours touch
    assert {dataset["state"] for dataset in chart["datasets"]} == {"SUCCESS", "WARNING"}
    assert sum(sum(dataset["data"]) for dataset in chart["datasets"]) == 2


def test_it_lists_the_latest_failures_with_links_to_them(admin_client):
    failed = execution("company.team", flow_id="nightly", state="FAILED")
    execution("company.team", flow_id="fine", state="SUCCESS")
    body = admin_client.get("/ui/main/").content.decode()
    assert f'href="/ui/executions/company.team/nightly/{failed.id}"' in body
    assert "/ui/executions/company.team/fine/" not in body


def test_over_the_last_24_hours_it_counts_per_hour(admin_client):
    an_hour_ago = execution("company.team", state="SUCCESS").start_date
    execution("company.team", state="FAILED", started=timezone.now() - timedelta(hours=5))
    chart = chart_of(admin_client.get("/ui/dashboard?range=24h"))
    assert chart["by"] == "hour"
    assert len(chart["labels"]) == 25  # the hours the last 24 hours touch
    assert chart["labels"][-2] == timezone.localtime(an_hour_ago).strftime("%m-%d %H:00")
    by_state = {dataset["state"]: dataset["data"] for dataset in chart["datasets"]}
    assert by_state["SUCCESS"][-2] == 1 and sum(by_state["SUCCESS"]) == 1
    assert by_state["FAILED"][-6] == 1 and sum(by_state["FAILED"]) == 1


def test_the_hours_are_the_server_zones_even_half_an_hour_off_utc(admin_client, settings):
    settings.TIME_ZONE = "Asia/Kolkata"  # UTC+05:30: an hour there starts at :30 in UTC
    two_hours_ago = execution("company.team", state="SUCCESS", started=timezone.now() - timedelta(hours=2)).start_date
    chart = chart_of(admin_client.get("/ui/dashboard?range=24h"))
    with timezone.override("Asia/Kolkata"):
        expected = timezone.localtime(two_hours_ago).strftime("%m-%d %H:00")
    [success] = chart["datasets"]
    assert chart["labels"][success["data"].index(1)] == expected and sum(success["data"]) == 1
