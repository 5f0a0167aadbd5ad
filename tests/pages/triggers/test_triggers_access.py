"""A viewer reads the triggers but changes nothing; a user without a role there does
not see them."""
import pytest

from executions.models import TriggerState
from tests.pages.conftest import grant

from .flows import URL, scheduled

pytestmark = pytest.mark.django_db


def test_it_shows_a_viewer_no_action(alice_client, plain_user):
    scheduled()
    grant(plain_user, "viewer", "company.team")
    html = alice_client.get(URL).content.decode()
    assert 'data-trigger-id="hourly"' in html
    assert ">Disable<" not in html and "/backfill" not in html and "/execute" not in html


@pytest.mark.parametrize("action", ["disable", "enable", "unlock", "pause-backfill", "delete-backfill"])
def test_it_refuses_a_viewers_action(alice_client, plain_user, action):
    scheduled()
    grant(plain_user, "viewer", "company.team")
    assert alice_client.post(f"{URL}/hourly/{action}").status_code == 403
    assert alice_client.post(f"{URL}/hourly/backfill", {"start": "2024-01-01T00:00"}).status_code == 403
    assert not TriggerState.objects.exists()


def test_it_hides_the_triggers_from_a_user_without_a_role(alice_client, plain_user):
    scheduled()
    grant(plain_user, "editor", "other")
    assert alice_client.get(URL).status_code == 404
    assert alice_client.post(f"{URL}/hourly/disable").status_code == 404
