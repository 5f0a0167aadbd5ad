"""The namespaces list (`/ui/namespaces`) and a namespace's overview tab."""
from __future__ import annotations

from django.shortcuts import render

from api.namespaces.views import visible_names
from executions.kv_store import NamespaceKV
from flows.models import Flow

from ..access import page
from ..paging import page_of
from .scope import readable


@page
def namespace_list(request):
    q = request.GET.get("q", "").strip()
    names = visible_names(request, q or None)
    return render(request, "namespaces/list.html", {"q": q, "page": page_of(request, names, size=50)})


@page
def overview(request, namespace: str):
    context = readable(request, namespace)
    context.update(tab="overview", flows=Flow.objects.filter(namespace=namespace, deleted=False).count(),
                   keys=len(NamespaceKV(namespace).entries()))
    return render(request, "namespaces/overview.html", context)
