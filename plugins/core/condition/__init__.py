"""Kestra's core conditions (io.kestra.plugin.core.condition), each registered under
its name, its old `io.kestra.core.models.conditions.types.*Condition` name and its
`*Condition` suffixed name, each with a pure `test(context)`."""


def condition_names(name: str, old: str | None = None) -> tuple[str, tuple[str, ...]]:
    """The Kestra type name of core condition `name` and its aliases."""
    old = old or f"{name}Condition"
    return f"io.kestra.plugin.core.condition.{name}", (
        f"io.kestra.core.models.conditions.types.{old}", f"io.kestra.plugin.core.condition.{name}Condition")
