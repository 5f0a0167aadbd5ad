"""A valid submission starts an execution with the typed inputs (a FILE stored in
internal storage) and opens its page."""
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from executions.models import Execution
from storage.backends import internal_storage

from .flows import URL, every_input

pytestmark = pytest.mark.django_db


@override_settings(TIME_ZONE="Europe/Paris")
def test_it_creates_the_execution_with_typed_inputs(admin_client):
    every_input()
    upload = SimpleUploadedFile("data.csv", b"a,b\n1,2\n", content_type="text/csv")
    response = admin_client.post(URL, {
        "count": "42", "ratio": "0.5", "flag": "false", "moment": "2024-01-31T10:00", "day": "2024-02-01",
        "clock": "08:30", "wait": "PT5M", "file": upload, "colour": "red", "tags": ["a", "c"],
        "doc": '{"k": [1, 2]}', "items": "[1, 2]", "site": "https://example.com/x", "token": "s3cret",
        "mail": "me@example.com", "conf": "key: value", "run-labels": "team:data\nenv: test",
    })
    execution = Execution.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/ui/executions/company.team/every_input/{execution.id}"
    inputs = execution.inputs
    assert inputs["count"] == 42 and inputs["ratio"] == 0.5 and inputs["flag"] is False
    assert inputs["moment"] == "2024-01-31T09:00:00Z"  # picked in the server's time zone (Paris, UTC+1)
    assert inputs["day"] == "2024-02-01" and inputs["clock"] == "08:30:00" and inputs["wait"] == "PT5M"
    assert inputs["colour"] == "red" and inputs["tags"] == ["a", "c"] and inputs["text"] == "hello"
    assert inputs["doc"] == {"k": [1, 2]} and inputs["items"] == [1, 2] and inputs["conf"] == {"key": "value"}
    assert inputs["file"].startswith("kestra://") and inputs["file"].endswith("data.csv")
    with internal_storage().open(inputs["file"]) as stored:
        assert stored.read() == b"a,b\n1,2\n"
    assert {"key": "team", "value": "data"} in execution.labels and {"key": "env", "value": "test"} in execution.labels


def test_it_schedules_the_execution_at_the_date_given(admin_client):
    every_input()
    admin_client.post(URL, {"count": "1", "run-schedule_date": "2099-01-01T00:00"})
    execution = Execution.objects.get()
    assert execution.schedule_date is not None and execution.schedule_date.year == 2099
    assert execution.state == "CREATED"
