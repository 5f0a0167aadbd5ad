"""The left menu marks the section a page belongs to, under either path."""
from types import SimpleNamespace

from kestraweb.pages.shell.menu import MENU, menu_for


def entry(label):
    return next(item for item in MENU if item.label == label)


def test_a_section_is_active_on_its_pages_and_below_under_either_path():
    flows = entry("Flows")
    assert flows.active("/ui/flows") and flows.active("/ui/main/flows/edit/company/hello")
    assert not flows.active("/ui/flowsx") and not flows.active("/ui/executions")


def test_home_is_active_on_the_dashboard_only():
    home = entry("Home")
    assert home.active("/ui/") and home.active("/ui/main/") and home.active("/ui/dashboard")
    assert not home.active("/ui/flows")


def test_the_admin_entry_is_for_staff_only():
    def labels(is_staff):
        request = SimpleNamespace(path="/ui/", user=SimpleNamespace(is_staff=is_staff))
        return [item["entry"].label for item in menu_for(request)]

    assert "Admin" in labels(True) and "Admin" not in labels(False)
