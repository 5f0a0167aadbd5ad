"""A namespace's KV tab: its keys with type and expiry; add, edit and delete for who
may write there. The store is the one flows' kv() and the API use (NamespaceKV)."""
from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from executions.kv_store import NamespaceKV
from executions.kv_values import kv_type
from executions.models import KVEntry

from ..access import page
from .kv_form import KVForm, as_text
from .scope import readable, writable


def _entries(namespace: str) -> list[tuple[KVEntry, str]]:
    return [(entry, kv_type(entry.value, entry.value_type)) for entry in NamespaceKV(namespace).entries()]


def _render(request, context: dict, form: KVForm, status: int = 200):
    context.update(tab="kv", entries=_entries(context["namespace"]), form=form)
    return render(request, "namespaces/kv.html", context, status=status)


def _form_for(namespace: str, key: str | None) -> KVForm:
    """An empty form, or one holding the key's current value to edit it."""
    entry = KVEntry.objects.filter(namespace=namespace, key=key).first() if key else None
    if entry is None:
        return KVForm()
    return KVForm(initial={"key": entry.key, "type": kv_type(entry.value, entry.value_type),
                           "value": as_text(entry.value, entry.value_type), "description": entry.description})


@page
def kv_tab(request, namespace: str):
    context = readable(request, namespace)
    form = _form_for(namespace, request.GET.get("edit")) if context["can_write"] else None
    return _render(request, context, form)


@page
@require_POST
def save_key(request, namespace: str):
    context = writable(request, namespace)
    form = KVForm(request.POST)
    if not form.is_valid():
        return _render(request, context, form, status=400)
    value, value_type = form.cleaned_data["typed"]
    NamespaceKV(namespace).set(form.cleaned_data["key"], value, ttl=form.cleaned_data["ttl"],
                               description=form.cleaned_data["description"], value_type=value_type)
    messages.success(request, f"Key {form.cleaned_data['key']} saved.")
    return redirect("namespace-kv", namespace=namespace)


@page
@require_POST
def delete_key(request, namespace: str):
    writable(request, namespace)
    key = request.POST.get("key", "")
    if NamespaceKV(namespace).delete(key):
        messages.success(request, f"Key {key} deleted.")
    else:
        messages.error(request, f"No key {key!r} in namespace {namespace}.")
    return redirect("namespace-kv", namespace=namespace)
