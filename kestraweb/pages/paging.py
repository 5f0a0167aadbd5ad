"""Lists on pages: `?page=N` (1-based) of `size` rows, the total counted once."""
from __future__ import annotations

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator

DEFAULT_SIZE = 25
MAX_SIZE = 200


def page_of(request, rows, size: int | None = None):
    """The requested page of `rows` (a sliced queryset: only that page is read). A page
    number past the end gives the last page, a word gives the first."""
    try:
        size = min(max(int(request.GET.get("size") or size or DEFAULT_SIZE), 1), MAX_SIZE)
    except ValueError:
        size = DEFAULT_SIZE
    paginator = Paginator(rows, size)
    try:
        return paginator.page(request.GET.get("page") or 1)
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)
