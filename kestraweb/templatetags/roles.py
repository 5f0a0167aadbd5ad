"""`{% may_write namespace as writable %}`: whether the page's user may change things in
a namespace, for templates shared by pages whose views do not all say it (a flow's tab
bar labels its source tab Edit only for who may edit)."""
from __future__ import annotations

from django import template

from kestraweb.access import WRITE, can

register = template.Library()


@register.simple_tag(takes_context=True)
def may_write(context, namespace: str) -> bool:
    request = context.get("request")
    return bool(request is not None and can(request.user, WRITE, namespace))
