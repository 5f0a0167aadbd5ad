"""The documentation pages. They describe the instance (its plugin types, the
expression language, the API), nothing of a namespace: any logged-in user may read
them, as any authenticated user may read Kestra's plugin routes."""
from __future__ import annotations

from django.http import Http404
from django.shortcuts import redirect, render

from plugins.api.docs import describe, shown_properties

from ..access import page
from . import plugin_index
from .guides import GUIDES


def _page(request, template: str, here: str, context: dict):
    """A documentation page, with what its menu needs: the guides and where it is."""
    return render(request, template, {"docs_guides": GUIDES.values(), "here": here, **context})


@page
def index(request):
    return _page(request, "docs/index.html", "index", {"guides": GUIDES.values(), "families": plugin_index.families()})


@page
def plugin_list(request):
    query = request.GET.get("q", "").strip()
    return _page(request, "docs/plugins.html", "plugins", {"families": plugin_index.families(query), "query": query})


@page
def plugin_type(request, type_name: str):
    cls = plugin_index.find_type(type_name)
    if cls is None:
        raise Http404(f"no plugin type {type_name}")
    if type_name != cls.type:  # an old name: the page lives under the current one
        return redirect("docs-plugin", type_name=cls.type)
    own = shown_properties(cls)
    common = [prop for prop in cls.declared().values() if prop not in own]
    # Fields, not the class: a template calls what is callable, and a type is a class.
    return _page(request, "docs/plugin.html", "plugins", {
        "name": cls.type, "kind": cls.kind, "title": cls.title or plugin_index.short_name(cls.type),
        "description": cls.description, "aliases": cls.aliases, "deprecated": cls.deprecated,
        "examples": cls.examples, "package": cls.type.rsplit(".", 1)[0],
        "properties": [describe(prop) for prop in own], "common": [describe(prop) for prop in common],
        "outputs": getattr(cls, "outputs", ())})


@page
def kestra_plugin_path(request, type_name: str):
    """Kestra's UI shows a type's page at /ui/plugins/<type>: links from there land here."""
    cls = plugin_index.find_type(type_name)
    if cls is None:
        raise Http404(f"no plugin type {type_name}")
    return redirect("docs-plugin", type_name=cls.type)


@page
def guide(request, slug: str):
    found = GUIDES.get(slug)
    if found is None:
        raise Http404(f"no guide {slug}")
    return _page(request, f"docs/guides/{found.slug}.html", found.slug, {"guide": found, **found.context()})
