"""The documentation describes the instance, not a namespace: any logged-in user reads
it (anonymous visitors go to the login page: test_every_page_needs_login); an unknown
guide is a 404."""
import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/ui/docs", "/ui/docs/plugins", "/ui/docs/expressions",
                                  "/ui/docs/plugins/io.kestra.plugin.core.log.Log", "/ui/main/docs/concepts"])
def test_a_user_without_any_role_reads_the_documentation(alice_client, path):
    assert alice_client.get(path).status_code == 200


def test_an_unknown_guide_is_404(admin_client):
    assert admin_client.get("/ui/docs/no-such-guide").status_code == 404
