"""Which editor mode a namespace file opens in, by its extension: the modes
static/vendor/editor.js has (window.kestraEditor.languages); any other file is plain
text. The one list of them, which the file page also hands to the browser so a new
file's mode follows the path being typed."""
from __future__ import annotations

BY_EXTENSION = {
    "yml": "yaml", "yaml": "yaml",
    "json": "json",
    "py": "python",
    "sql": "sql",
    "sh": "shell", "bash": "shell",
}


def language_of(path: str) -> str:
    """The mode's name, or "" for plain text."""
    name = path.rpartition("/")[2]
    extension = name.rpartition(".")[2].lower() if "." in name else ""
    return BY_EXTENSION.get(extension, "")
