"""`{% load topology %}{% topology graph states %}`: a flow's graph as nested boxes on
any page (a flow's Topology tab, an execution's), coloured by `states` when given
(task id -> kestraweb.pages.topology.layout.TaskState, see states.task_states)."""
from __future__ import annotations

from django import template

from kestraweb.pages.topology.layout import topology as read_topology

register = template.Library()


@register.inclusion_tag("topology/_graph.html")
def topology(graph: dict, states=None):
    return {"topology": read_topology(graph, states), "coloured": states is not None}
