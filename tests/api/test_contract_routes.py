"""Every route the API contract lists (../shared/api-contract.md §3) is served here,
with its method, under `/api/v1/main/` and at the tenant-less alias (§4), or is named
below with the reason it is left out.

The routes are read from the contract's text, not copied: a route added to the contract
and served by nobody fails here. A route counts as served when Django resolves it to a
view whose literal segments are the contract's (`/flows/expressions` answered by
`/flows/{namespace}` does not count) and that view accepts the method."""
from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import product
from pathlib import Path

import pytest
from django.urls import Resolver404, resolve

ROOT = Path(__file__).resolve().parents[2]
CONTRACT = ROOT.parent / "shared" / "api-contract.md"

VERBS = ("GET", "POST", "PUT", "PATCH", "DELETE")
VERB_RUN = r"(?:GET|POST|PUT|PATCH|DELETE)(?:/(?:GET|POST|PUT|PATCH|DELETE))*"
PLUGINS_SECTION = "### 3.9"

# Routes of Kestra's Enterprise Edition (contract §3.1, §3.6, §3.10: "EE"), as read
# from the contract: path template -> why it is not served.
EE_ONLY = {
    "/concurrency-limit/search": "EE: flow concurrency limits administration",
    "/concurrency-limit/{ns}/{flowId}": "EE: flow concurrency limits administration",
    "/flows/policies/preview": "EE: flow policies",
    "/flows/source/replace/preview": "EE: source search-and-replace",
    "/flows/source/replace/apply": "EE: source search-and-replace",
    "/flows/source/replace/line": "EE: source search-and-replace",
    "/flows/hashes/by-ids": "EE: Git/promotion hashes",
    "/flows/{ns}/{id}/promote": "EE: flow promotion between tenants",
    "/flows/{ns}/{id}/promotions": "EE: flow promotion between tenants",
    "/flows/promote/by-ids": "EE: flow promotion between tenants",
    "/namespaces/{ns}/secrets": "EE: secrets managers",
    "/namespaces/{ns}/secrets/{key}": "EE: secrets managers",
    "/namespaces/{ns}/inherited-secrets": "EE: secrets managers",
    "/secrets": "EE: secrets managers",
    "/namespaces/{ns}/credentials": "EE: credentials",
    "/api/v1/license-info": "EE: licence",
    "/api/v1/plugins/{cls}/versions/{version}": "EE: versioned plugins (one version installed here)",
    "/api/v1/plugins/{group}/pluginUi/{path}": "EE: plugin UI modules",
    "/api/v1/plugins/auto-install/detect": "EE: plugin auto-install",
    "/api/v1/plugins/install": "EE: plugin installation (plugins ship with the code here)",
    "/api/v1/plugins/pluginUiManifest": "EE: plugin UI modules",
    "/api/v1/plugins/install/{jobId}": "EE: plugin installation (plugins ship with the code here)",
    "/api/v1/auths": "EE: authentication providers (SSO)",
    "/stats/generate-reports": "EE: usage reports",
}

# Under /executions but not served yet: left for the lead to assign (none today).
UNASSIGNED_EXECUTIONS: set[tuple[str, str]] = set()

# Placeholder values that Django's converters accept (digits for `<int:>` ids too); a
# class name for `{cls}`.
SAMPLE = {"cls": "io.kestra.plugin.core.log.Log", "path": "a/b.txt", "type": "STRING"}
GENERIC_SAMPLE = "12"


@dataclass(frozen=True)
class Route:
    method: str
    template: str  # as the contract writes it, query dropped, alternatives expanded

    @property
    def instance_level(self) -> bool:
        return self.template.startswith("/api/v1/")

    def urls(self) -> list[str]:
        """The concrete URLs the route must answer: tenant `main` and the alias."""
        path = re.sub(r"\{(\w+)\}", lambda m: SAMPLE.get(m.group(1), GENERIC_SAMPLE), self.template)
        if self.instance_level:
            return [path]
        return [f"/api/v1/main{path}", f"/api/v1{path}"]


def expand(template: str) -> list[str]:
    """`/flows/{enable|disable}/by-ids` -> both; `[/{taskId}]` -> without and with;
    `[/a|/b]` -> none, a, b; `a|b` as a segment -> either; `[...]` (an open list) -> dropped."""
    template = template.split("?", 1)[0].replace("[...]", "")
    # A bare `promote|promotions` segment is an alternation too.
    template = re.sub(r"(?<![{|\w-])([\w-]+(?:\|[\w-]+)+)(?![}\w-])", r"{\1}", template)
    parts: list[list[str]] = []
    for piece in re.split(r"(\{[^}]*\|[^}]*\}|\[[^\]]*\])", template):
        if piece.startswith("{"):
            parts.append(piece[1:-1].split("|"))
        elif piece.startswith("["):
            parts.append(["", *piece[1:-1].split("|")])
        else:
            parts.append([piece])
    return ["".join(choice) for choice in product(*parts)]


def bullets(section: str) -> list[str]:
    """The section's list items, each joined with its continuation lines."""
    items: list[str] = []
    for line in section.splitlines():
        if line.startswith("- "):
            items.append(line[2:])
        elif line.startswith("  ") and items:
            items[-1] += " " + line.strip()
    return items


def routes_of(item: str, plugins: bool) -> list[tuple[str, str]]:
    """(method, template) pairs of one list item. A path takes the verbs written before
    it (`GET/PUT/DELETE \\`/x\\``), else verbs written just after it in parentheses
    (`\\`/api/v1/me\\` (GET/PATCH)`), else the item's last verbs, else GET."""
    found: list[tuple[str, str]] = []
    verbs: list[str] = []
    last_path: str | None = None
    token = re.compile(rf"(?P<same>(?P<sverbs>{VERB_RUN}) same path)|(?:(?P<verbs>{VERB_RUN})\s+)?"
                       r"`(?P<path>(?:\.\.\.)?/[^`]*)`(?:\s*\((?P<after>[^)]*)\))?")
    for match in token.finditer(item):
        if match.group("same"):
            if last_path is not None:
                found += [(verb, last_path) for verb in match.group("sverbs").split("/")]
            continue
        raw = relative_to(match.group("path"), last_path).replace("/api/v1/{tenant}", "")
        last_path = expand(raw)[0]
        if raw in ("/api/v1", "/health"):
            continue  # the prefix itself; Kestra's health on the management port
        after = re.findall(r"\b(GET|POST|PUT|PATCH|DELETE)\b", match.group("after") or "")
        if match.group("verbs"):
            verbs = match.group("verbs").split("/")
            these = verbs
        else:
            these = after or verbs or ["GET"]
        for template in expand(raw):
            if plugins and not template.startswith("/api/v1"):
                template = "/api/v1" + template
            found += [(verb, template) for verb in these]
    return found


def relative_to(raw: str, previous: str | None) -> str:
    """A path the contract writes relative to the one before it: `.../files/stats` after
    `/namespaces/{ns}/files/directory`, `/file/metas` after `/executions/{id}/file`."""
    if previous is None:
        return raw
    segments = previous.removeprefix("/api/v1").strip("/").split("/")
    first = raw.removeprefix(".../").lstrip("/").split("/")[0]
    if raw.startswith(".../") and first in segments:
        return "/" + "/".join(segments[:segments.index(first)]) + raw[3:]
    if first in segments[1:]:
        return "/" + "/".join(segments[:segments.index(first, 1)]) + raw
    return raw


def contract_routes() -> list[Route]:
    text = CONTRACT.read_text()
    endpoints = text.split("## 3. Endpoints", 1)[1].split("## 4.", 1)[0]
    routes: set[Route] = set()
    for section in re.split(r"(?m)^(?=### )", endpoints):
        plugins = section.startswith(PLUGINS_SECTION)
        for item in bullets(section):
            routes |= {Route(method, template) for method, template in routes_of(item, plugins)}
    return sorted(routes, key=lambda r: (r.template, r.method))


def ee_reason(route: Route) -> str | None:
    return EE_ONLY.get(route.template)


def literal_mismatch(url: str, django_route: str) -> str | None:
    """The first literal segment of `url` that the resolved pattern takes as a parameter."""
    wanted = url.strip("/").split("/")
    served = django_route.strip("/").split("/")
    for index, segment in enumerate(served):
        if segment.startswith("<path:"):
            return None
        if index >= len(wanted):
            return "pattern longer than the URL"
        if "<" in segment and wanted[index] not in (GENERIC_SAMPLE, *SAMPLE.values()):
            return f"literal '{wanted[index]}' taken by the parameter {segment}"
    return None


def serving_problem(client, route: Route, url: str) -> str | None:
    try:
        match = resolve(url)
    except Resolver404:
        return "no route"
    mismatch = literal_mismatch(url, match.route)
    if mismatch:
        return f"resolved to {match.route}: {mismatch}"
    view_class = getattr(match.func, "cls", None) or getattr(match.func, "view_class", None)
    if view_class is not None:
        if not hasattr(view_class, route.method.lower()):
            return f"{view_class.__name__} does not accept {route.method}"
        return None
    # A plain function view: ask it (405 = method refused).
    response = client.generic(route.method, url)
    return f"{route.method} answered 405" if response.status_code == 405 else None


ROUTES = contract_routes()


def test_the_contract_is_read_and_lists_known_routes():
    """The parser finds the contract's routes (a broken parser would pass everything)."""
    listed = {(r.method, r.template) for r in ROUTES}
    assert len(ROUTES) > 150
    assert {("POST", "/flows"), ("GET", "/flows/{ns}/{id}"), ("DELETE", "/namespaces/{ns}/kv/{key}"),
            ("POST", "/flows/enable/by-query"), ("GET", "/metrics/names/{ns}/{flowId}/{taskId}"),
            ("GET", "/api/v1/plugins/icons/{cls}/icon.svg"), ("PATCH", "/api/v1/me"),
            ("DELETE", "/flows/{ns}/{id}/revisions"), ("POST", "/triggers/backfill/delete/by-query")} <= listed


def test_left_out_routes_are_all_in_the_contract():
    """EE_ONLY and UNASSIGNED_EXECUTIONS name only routes the contract lists (no stale entries)."""
    templates = {r.template for r in ROUTES}
    assert set(EE_ONLY) - templates == set()
    assert UNASSIGNED_EXECUTIONS - {(r.method, r.template) for r in ROUTES} == set()


@pytest.mark.django_db
@pytest.mark.parametrize("route", ROUTES, ids=lambda r: f"{r.method} {r.template}")
def test_contract_route_is_served(route, client):
    reason = ee_reason(route)
    if reason:
        pytest.skip(reason)
    if (route.method, route.template) in UNASSIGNED_EXECUTIONS:
        pytest.skip("under /executions, not assigned to a helper yet")
    problems = {url: serving_problem(client, route, url) for url in route.urls()}
    assert {url: p for url, p in problems.items() if p} == {}
