"""Every module at the top of `plugins/` is plugin API, and the import-linter contract
that keeps the plugin families out of the API (pyproject.toml, checked by `make lint`)
names the API's modules one by one: a new module must join that list, or nothing would
stop it from importing a family."""
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONTRACT = "The plugin API knows no plugin family: the families build on it"
NOT_API = {"__init__", "conftest"}  # the package itself, pytest's fixtures for the families' tests


def test_every_plugin_api_module_is_held_by_the_contract():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    contract = next(c for c in config["tool"]["importlinter"]["contracts"] if c["name"] == CONTRACT)
    api = {f"plugins.{path.stem}" for path in (ROOT / "plugins").glob("*.py") if path.stem not in NOT_API}
    assert api - set(contract["source_modules"]) == set()
