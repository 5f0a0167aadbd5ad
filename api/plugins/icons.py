"""Plugin icons, as Kestra serves them (PluginController#icons, PluginIcon): SVGs shipped
in api/plugins/icons/, one per plugin family (`jdbc.svg`, `core.svg`...), `generic.svg`
for a family without its own. JSON carries them base64-encoded, as Kestra's `icon`."""
from __future__ import annotations

import base64
from functools import cache
from pathlib import Path

from plugins.api import catalog

FOLDER = Path(__file__).with_name("icons")
GENERIC = "generic"


@cache
def svg(family: str) -> bytes:
    path = FOLDER / f"{family}.svg"
    return (path if path.is_file() else FOLDER / f"{GENERIC}.svg").read_bytes()


@cache
def encoded(family: str) -> str:
    return base64.b64encode(svg(family)).decode()


def family_of(cls) -> str:
    return catalog.family(cls)


def plugin_icon(name: str, cls) -> dict:
    """Kestra's PluginIcon of a type: its simple name, its icon, whether it is flowable."""
    return {"name": name.rsplit(".", 1)[-1], "icon": encoded(family_of(cls)),
            "flowable": bool(getattr(cls, "flowable", False))}


def group_icons() -> dict[str, dict]:
    """Group and subgroup package -> PluginIcon named `plugin-icon`, as Kestra names them;
    the icon of the family whose types live in that package."""
    families = {name: family_of(cls) for name, cls in catalog.visible_types().items()}
    icons = {}
    for plugin in catalog.groups(with_subgroups=True):
        package = plugin["subGroup"] or plugin["group"]
        family = next((f for name, f in families.items() if name.startswith(package + ".")), GENERIC)
        icons[package] = {"name": "plugin-icon", "icon": encoded(family), "flowable": False}
    return dict(sorted(icons.items()))
