"""What the flows list shows: the live flows of visible namespaces, filtered as the API
filters them (`q`, `namespace` as a prefix, `labels=key:value`), and the namespace
tree beside it."""
from __future__ import annotations

from dataclasses import dataclass

from api.filters import legacy_conditions, to_q
from api.flows.views_search import FIELDS
from api.problems import Problem
from flows.models import Flow
from kestraweb.access import visible_namespaces_filter
from kestraweb.models import Preferences

FILTERS = ("q", "namespace", "labels")


class BadFilter(Exception):
    """A filter of the list's query string that cannot be used (a label without `:`)."""


def live_flows(user):
    return Flow.objects.filter(deleted=False).filter(visible_namespaces_filter(user, "namespace"))


def wanted_filters(request) -> dict:
    """The filters in the query string; with none at all, the user's default namespace
    (Settings) filters the list, as Kestra's UI opens on it. An explicit empty
    `namespace=` (the tree's "all") turns that default off."""
    params = request.GET.copy()
    if not any(name in params for name in FILTERS):
        default = Preferences.of(request.user).default_namespace
        if default:
            params["namespace"] = default
    return params


def filtered_flows(user, params):
    """The visible live flows that match `params`; BadFilter names a bad parameter."""
    try:
        condition = to_q(legacy_conditions(params, FIELDS), FIELDS)
    except Problem as exc:
        raise BadFilter(str(exc.detail)) from None
    return live_flows(user).filter(condition).order_by("namespace", "flow_id")


@dataclass
class NamespaceNode:
    name: str  # the whole dotted name
    label: str  # its last part
    depth: int


def namespace_tree(names) -> list[NamespaceNode]:
    """The namespaces as a flat, ordered tree (each node after its parent, with its
    depth), every ancestor level included so `company` is there for `company.team`."""
    every = set()
    for name in names:
        parts = name.split(".")
        every.update(".".join(parts[:depth]) for depth in range(1, len(parts) + 1))
    ordered = sorted(every, key=lambda name: name.split("."))  # `a.b` right after `a`, before `a-c`
    return [NamespaceNode(name, name.rsplit(".", 1)[-1], name.count(".")) for name in ordered]


def visible_namespaces(user) -> list[str]:
    """The distinct namespaces of the flows the user may read."""
    return list(live_flows(user).order_by("namespace").values_list("namespace", flat=True).distinct())
