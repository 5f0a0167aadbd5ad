"""A bad value re-renders the form with the message beside the input it names; nothing
is created."""
import pytest

from executions.models import Execution

from .flows import URL, every_input

pytestmark = pytest.mark.django_db


def _row(html: str, input_id: str) -> str:
    start = html.index(f'data-input-id="{input_id}"')
    return html[start:html.index('class="input-row', start + 1)]


def test_it_names_the_bad_input_beside_it(admin_client):
    every_input()
    response = admin_client.post(URL, {"count": "forty-two", "doc": "{not json"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Invalid input for `count`" in _row(html, "count")
    assert "Invalid input for `doc`" in _row(html, "doc")
    assert 'value="forty-two"' in html  # what was typed stays there to fix
    assert not Execution.objects.exists()


def test_it_reports_a_missing_required_input(admin_client):
    every_input()
    html = admin_client.post(URL, {}).content.decode()
    assert "Invalid input for `count`" in _row(html, "count")
    assert not Execution.objects.exists()


def test_it_refuses_a_label_that_is_not_key_value(admin_client):
    every_input()
    html = admin_client.post(URL, {"count": "1", "run-labels": "no colon here"}).content.decode()
    assert "is not key:value" in html
    assert not Execution.objects.exists()
