"""Kestra's official client reads the misc routes unchanged (kestrapy 2.0.x `client.misc.*`)."""
import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_client_reads_pebble_names_login_and_setup(kestra_client):
    assert "toJson" in kestra_client.misc.pebble_filters()
    assert "now" in kestra_client.misc.pebble_functions()
    assert kestra_client.misc.login_configuration().is_basic_auth_initialized is True
    assert kestra_client.misc.basic_auth_validation_errors() == []
    assert kestra_client.misc.setup_configuration().done is True
    assert kestra_client.misc.worker_selector_tags("main").tags == []
