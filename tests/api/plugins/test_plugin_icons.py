"""Plugin icons (Kestra's PluginController#icons, PluginIcon; 2.0's /icons/{cls} and
/icons/{cls}/icon.svg): real SVGs shipped in the repository, one per family, base64 in
JSON as Kestra sends them, never a link elsewhere."""
import base64
import xml.dom.minidom

import pytest

from ..conftest import assert_problem

pytestmark = pytest.mark.django_db

LOG = "io.kestra.plugin.core.log.Log"
JDBC = "io.kestra.plugin.jdbc.postgresql.Trigger"


def decoded(icon: dict) -> bytes:
    return base64.b64decode(icon["icon"], validate=True)


def assert_svg(data: bytes) -> None:
    root = xml.dom.minidom.parseString(data).documentElement
    assert root.tagName == "svg" and root.getAttribute("xmlns") == "http://www.w3.org/2000/svg"
    assert b"://" not in data.replace(b"http://www.w3.org/2000/svg", b"")  # nothing fetched from elsewhere


def test_every_type_and_group_has_a_real_svg_icon(client):
    icons = client.get("/api/v1/plugins/icons").json()
    for icon in icons.values():
        assert_svg(decoded(icon))
    groups = client.get("/api/v1/plugins/icons/groups").json()
    assert groups["io.kestra.plugin.core"]["name"] == "plugin-icon"
    for icon in groups.values():
        assert_svg(decoded(icon))


def test_families_have_their_own_icon(client):
    icons = client.get("/api/v1/plugins/icons").json()
    assert decoded(icons[LOG]) != decoded(icons[JDBC])
    groups = client.get("/api/v1/plugins/icons/groups").json()
    assert decoded(groups["io.kestra.plugin.jdbc"]) == decoded(icons[JDBC])


def test_one_types_icon_as_json_and_as_svg(client):
    icon = client.get(f"/api/v1/plugins/icons/{LOG}").json()
    assert icon["name"] == "Log" and icon["flowable"] is False
    svg = client.get(f"/api/v1/plugins/icons/{LOG}/icon.svg")
    assert svg.status_code == 200 and svg["Content-Type"] == "image/svg+xml"
    assert svg.content == decoded(icon)
    assert_svg(svg.content)
    alias = client.get("/api/v1/plugins/icons/io.kestra.core.tasks.log.Log/icon.svg")
    assert alias.content == svg.content


def test_unknown_type_is_404(client):
    assert_problem(client.get("/api/v1/plugins/icons/io.nope.Task"), 404)
    assert_problem(client.get("/api/v1/plugins/icons/io.nope.Task/icon.svg"), 404)


def test_through_kestrapy(kestra_client):
    assert kestra_client.plugins.plugin_icon(LOG)["name"] == "Log"
    assert kestra_client.plugins.plugin_icon_svg(LOG).startswith("<svg")
