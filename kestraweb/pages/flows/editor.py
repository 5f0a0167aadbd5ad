"""The YAML editor page shared by flows and templates: the source, the problems the
server found at their lines, and whether it may be saved. One template
(flows/_editor.html) and one script (static/js/flow-editor.js) serve both."""
from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.urls import reverse

from kestraweb.models import Preferences

from .problems import problems_json

# The status of a page shown again after a refused save: 200, as Django's forms do (a
# browser logs any 4xx page load as an error, and the page says what was wrong).
REFUSED = 200

# Where a new flow or template goes when the user chose no default namespace (Kestra's example).
EXAMPLE_NAMESPACE = "company.team"


def starting_namespace(user) -> str:
    """The namespace a new flow or template is written in at first: the user's default."""
    return Preferences.of(user).default_namespace or EXAMPLE_NAMESPACE


def posted_source(request) -> str:
    """The YAML of the editor's form. Browsers send a textarea's line ends as CRLF (the
    HTML rule); stored as typed they would make every save of an unchanged flow a new
    revision and every diff line a change, so they become LF again."""
    return request.POST.get("source", "").replace("\r\n", "\n")


@dataclass
class Editor:
    """What `flows/_editor.html` needs: `kind` is flow or template (what the live
    validation checks the text as)."""

    source: str
    kind: str = "flow"
    read_only: bool = False
    why_read_only: str = "your role in this namespace does not allow changes"
    problems: list[dict] = field(default_factory=list)
    editing: tuple[str, str] | None = None  # (namespace, id) of the flow or template being changed

    @property
    def validate_url(self) -> str:
        """The live validation's URL; editing, it names what is edited, so a change of
        its namespace or id (which saving refuses) is flagged while typing."""
        query = {"kind": self.kind}
        if self.editing:
            query.update(namespace=self.editing[0], id=self.editing[1])
        return f"{reverse('flow-validate')}?{urlencode(query)}"

    @property
    def completion_url(self) -> str:
        return reverse("flow-completion")

    @classmethod
    def refused(cls, source: str, kind: str, errors, editing: tuple[str, str] | None = None) -> Editor:
        """The editor again after a refused save: the text as typed, each problem at its line."""
        return cls(source, kind, problems=problems_json(errors, source), editing=editing)
