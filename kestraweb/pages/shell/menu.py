"""The left menu, as the seed lists it. An entry is active on its own path and below."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Entry:
    label: str
    path: str
    staff_only: bool = False

    def active(self, request_path: str) -> bool:
        section = request_path.removeprefix("/ui/main").removeprefix("/ui")
        own = self.path.removeprefix("/ui")
        if own == "/":
            return section in ("", "/", "/dashboard") or section.startswith("/dashboard/")
        return section == own or section.startswith(own + "/")


MENU = (
    Entry("Home", "/ui/"),
    Entry("Flows", "/ui/flows"),
    Entry("Templates", "/ui/templates"),
    Entry("Executions", "/ui/executions"),
    Entry("Logs", "/ui/logs"),
    Entry("Namespaces", "/ui/namespaces"),
    Entry("Blueprints", "/ui/blueprints"),
    Entry("Documentation", "/ui/docs"),
    Entry("Settings", "/ui/settings"),
    Entry("Admin", "/admin/", staff_only=True),
)


def menu_for(request) -> list[dict]:
    user = request.user
    return [{"entry": entry, "active": entry.active(request.path)}
            for entry in MENU if not entry.staff_only or user.is_staff]
