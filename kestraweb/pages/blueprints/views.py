"""The blueprint pages: the catalog by category with a search, and one blueprint with
its YAML and a "Use" button that opens the flow editor with it. Blueprints belong to
the instance, not a namespace, so any logged-in user may browse them (as Kestra's
plugin pages); saving the flow in the editor is where the namespace's role counts."""
from __future__ import annotations

from django.http import Http404
from django.shortcuts import render

from ..access import page
from .catalog import CATEGORIES, all_blueprints, by_category, find

EDITOR = "/ui/flows/new?blueprint={id}"


def use_url(blueprint_id: str) -> str:
    return EDITOR.format(id=blueprint_id)


@page
def blueprint_list(request):
    query = request.GET.get("q", "").strip()
    category = request.GET.get("category", "")
    blueprints = [b for b in all_blueprints() if (not query or b.matches(query))
                  and (category not in CATEGORIES or b.category == category)]
    return render(request, "blueprints/list.html", {
        "groups": by_category(blueprints), "query": query, "category": category, "categories": CATEGORIES,
        "count": len(blueprints)})


@page
def blueprint_detail(request, blueprint_id: str):
    blueprint = find(blueprint_id)
    if blueprint is None:
        raise Http404(f"no blueprint {blueprint_id}")
    return render(request, "blueprints/detail.html", {
        "blueprint": blueprint, "use_url": use_url(blueprint.id),
        "calls": [find(other) for other in blueprint.flows]})
