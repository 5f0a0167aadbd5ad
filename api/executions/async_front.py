"""An async view in front of a DRF view: the DRF view does authentication, access and
the answer; the async part then waits (create with `wait`) or streams (follow) without
holding a thread of the ASGI server."""
from __future__ import annotations

from asgiref.sync import sync_to_async


def rendered_caller(view_class):
    """A coroutine function calling `view_class` and returning its rendered response."""
    view = view_class.as_view()

    def call(request, **kwargs):
        response = view(request, **kwargs)
        if hasattr(response, "render"):  # a DRF Response; problems come rendered
            response.render()
        return response

    return sync_to_async(call)


def documented_as(async_view, view_class):
    """drf-spectacular documents `async_view` as the DRF view behind it."""
    async_view.cls = view_class
    async_view.initkwargs = {}
    return async_view
