"""What the Python dependency tests install: a wheel written here (a zip of a module and
its dist-info, PEP 427) of a package this machine has nowhere else, found by name in a
local folder with no index asked (pip's and uv's find-links), so nothing is built or
downloaded; and the flow that imports it."""
from __future__ import annotations

import base64
import hashlib
import json
import uuid
import zipfile
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class TinyWheel:
    module: str  # also the distribution's name, installable as `<module>==0.1`
    token: str  # the value its TOKEN holds
    path: Path

    @property
    def requirement(self) -> str:
        return f"{self.module}==0.1"

    def offline_env(self) -> dict[str, str]:
        """The installers' environment: no index, this wheel's folder as the links."""
        folder = str(self.path.parent)
        return {"PIP_NO_INDEX": "1", "PIP_FIND_LINKS": folder, "UV_NO_INDEX": "1", "UV_FIND_LINKS": folder,
                "UV_CACHE_DIR": str(self.path.parent / "uv-cache")}


def write_wheel(folder: Path) -> TinyWheel:
    name = f"kwtiny_{uuid.uuid4().hex[:8]}"
    token = uuid.uuid4().hex
    info = f"{name}-0.1.dist-info"
    files = {
        f"{name}/__init__.py": f"TOKEN = {token!r}\n",
        f"{info}/METADATA": f"Metadata-Version: 2.1\nName: {name}\nVersion: 0.1\n",
        f"{info}/WHEEL": "Wheel-Version: 1.0\nGenerator: kestraweb-tests\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
    }
    record = [f"{path},sha256={_digest(content)},{len(content.encode())}" for path, content in files.items()]
    files[f"{info}/RECORD"] = "\n".join([*record, f"{info}/RECORD,,"]) + "\n"
    folder.mkdir(parents=True, exist_ok=True)
    wheel = folder / f"{name}-0.1-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        for path, content in files.items():
            archive.writestr(path, content)
    return TinyWheel(name, token, wheel)


def _digest(content: str) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(content.encode()).digest()).rstrip(b"=").decode()


def script_task(task_id: str, module: str, dependencies: list[str], env: dict[str, str], extra: str = "",
                indent: str = "          ") -> str:
    """A Script task (YAML at `indent`) importing `module` (when given) and giving its
    TOKEN, sys.prefix and Python version as outputs, by the output line Kestra.outputs
    prints (an environment of another Python has no `kestra` library)."""
    listed = "".join(f"\n{indent}    - {dependency}" for dependency in dependencies)
    token = f"{module}.TOKEN" if module else "None"
    lines = [
        f"- id: {task_id}",
        "  type: io.kestra.plugin.scripts.python.Script",
        "  taskRunner:",
        "    type: io.kestra.plugin.core.runner.Process",
        f"  env: {json.dumps(env)}",
        f"  dependencies:{listed}" if dependencies else "",
        *(f"  {line}" for line in extra.splitlines() if line.strip()),
        "  script: |",
        "    import json, sys",
        f"    import {module}" if module else "",
        f"    outputs = {{'token': {token}, 'prefix': sys.prefix, 'version': sys.version.split()[0]}}",
        "    print('::' + json.dumps({'outputs': outputs}) + '::')",
    ]
    return "\n".join(f"{indent}{line}" for line in lines if line)


def script_flow(flow_id: str, wheel: TinyWheel | None, dependencies: list[str], extra: str = "",
                module: str | None = None) -> str:
    """A flow of one such task, `py`, its installers kept offline."""
    env = wheel.offline_env() if wheel else {"PIP_NO_INDEX": "1", "UV_NO_INDEX": "1"}
    imported = module if module is not None else (wheel.module if wheel else "")
    return f"""
        id: {flow_id}
        namespace: tests.scripts
        tasks:
{script_task("py", imported, dependencies, env, extra)}
    """
