"""Each input type is drawn with the control it calls for, defaults filled in, required
ones marked, descriptions shown."""
import re

import pytest

from .flows import URL, every_input

pytestmark = pytest.mark.django_db


def _control(html: str, name: str) -> str:
    found = re.search(rf'<(input|select|textarea)[^>]*name="{re.escape(name)}"[^>]*>', html)
    assert found, f"no control named {name}"
    return found.group(0)


@pytest.fixture
def html(admin_client):
    every_input()
    response = admin_client.get(URL)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("name, expected", [
    ("file", 'type="file"'), ("moment", 'type="datetime-local"'), ("day", 'type="date"'), ("clock", 'type="time"'),
    ("token", 'type="password"'), ("site", 'type="url"'), ("mail", 'type="email"'), ("wait", 'type="text"'),
    ("count", 'inputmode="numeric"'), ("ratio", 'inputmode="decimal"'),
])
def test_it_draws_each_input_with_its_own_control(html, name, expected):
    assert expected in _control(html, name)


def test_it_offers_the_values_of_enums_and_selects(html):
    assert _control(html, "colour").startswith("<select")
    assert _control(html, "size").startswith("<select")
    assert "multiple" in _control(html, "tags")
    assert '<option value="green" selected>' in html


def test_it_gives_json_array_and_yaml_a_text_editor(html):
    assert 'data-json="JSON"' in _control(html, "doc") and _control(html, "doc").startswith("<textarea")
    assert 'data-json="ARRAY"' in _control(html, "items")
    assert _control(html, "conf").startswith("<textarea")


def test_it_fills_defaults_marks_required_and_shows_descriptions(html):
    assert 'value="hello"' in _control(html, "text")
    count_row = html[html.index('data-input-id="count"'):html.index('data-input-id="ratio"')]
    assert 'title="required"' in count_row
    ratio_row = html[html.index('data-input-id="ratio"'):html.index('data-input-id="flag"')]
    assert 'title="required"' not in ratio_row
    assert "Some text" in html
    assert "{#" not in html and "{%" not in html  # no template comment shows on the page


def test_it_takes_labels_and_a_schedule_date(html):
    assert _control(html, "run-labels").startswith("<textarea")
    assert 'type="datetime-local"' in _control(html, "run-schedule_date")
