"""Kestra's official client (kestrapy 2.0.x) reaches this server unchanged: HTTP Basic,
then an API token it creates and uses as Bearer (../shared/api-contract.md §1, §3.10)."""
import pytest


@pytest.mark.django_db(transaction=True)
def test_it_reads_the_configuration_through_kestras_client(kestra_client):
    assert kestra_client.misc.configuration().version


@pytest.mark.django_db(transaction=True)
def test_a_token_the_client_creates_logs_the_client_in_as_bearer(kestra_client, live_server, admin_user):
    from kestrapy import KestraClient
    from kestrapy.models.create_api_token_request import CreateApiTokenRequest

    assert kestra_client.me.current_user()["username"] == admin_user.username
    created = kestra_client.me.create_api_token(CreateApiTokenRequest(name="ci", maxAge="PT1H"))
    with_token = KestraClient(host=live_server.url, token=created.full_token)
    assert with_token.me.current_user()["username"] == admin_user.username
    assert [token.name for token in with_token.me.list_api_tokens().results] == ["ci"]
