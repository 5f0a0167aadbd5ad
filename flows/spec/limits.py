"""The bounds on what a flow's text or an input value may hold, read from the
project's settings (section `# Limits`): each error that hits one names its setting.

The spec is also used without a configured Django (its own tests run with
`-p no:django`); it then reads the same values from the settings module itself, so
each default has one home."""
from __future__ import annotations

from dataclasses import dataclass

from expressions.yaml_bounds import YamlBounds


@dataclass(frozen=True)
class Limit:
    setting: str  # the Django setting; the environment variable is KESTRAWEB_<setting>
    value: int

    def __str__(self):
        return f"{self.value} (setting KESTRAWEB_{self.setting})"


def _settings():
    from django.conf import settings

    if settings.configured:
        return settings
    from kestraweb import settings as project_settings

    return project_settings


def limit(setting: str) -> Limit:
    return Limit(setting, int(getattr(_settings(), setting)))


def source_chars() -> Limit:
    """Characters of a flow's text (SnakeYAML's codePointLimit, 3 MB in Kestra)."""
    return limit("FLOW_MAX_SOURCE_CHARS")


def yaml_aliases() -> Limit:
    """Aliases (`*name`) to lists or maps in one YAML document (SnakeYAML's
    maxAliasesForCollections, 50 in Kestra): the billion-laughs guard."""
    return limit("YAML_MAX_ALIASES")


def yaml_values() -> Limit:
    """Values of one YAML document once its aliases are expanded: fewer than 50
    aliases may still nest into millions of values."""
    return limit("YAML_MAX_VALUES")


def nesting_depth() -> Limit:
    """Lists and maps inside each other (SnakeYAML's nestingDepthLimit, 50 in Kestra),
    in a flow and in JSON or YAML input values."""
    return limit("MAX_NESTING_DEPTH")


def yaml_bounds():
    """The bounds of any YAML a user gives: a flow's text, a YAML input value."""
    return YamlBounds(depth=nesting_depth(), aliases=yaml_aliases(), values=yaml_values())
