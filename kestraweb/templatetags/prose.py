"""`{{ text|prose }}`: the short Markdown that descriptions are written in (plugin
types', properties', blueprints'), as HTML. Only what they use: paragraphs at blank
lines, `code`, **bold** and [links](https://...). Everything is escaped first, so a
description can never inject markup; no Markdown library is a dependency for this."""
from __future__ import annotations

import re

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

CODE = re.compile(r"`([^`]+)`")
BOLD = re.compile(r"\*\*([^*]+)\*\*")
LINK = re.compile(r"\[([^\]]+)\]\(((?:https?://|/)[^)\s]+)\)")  # absolute URLs or site paths only


def inline(text: str) -> str:
    """One paragraph's escaped text with its inline marks as HTML."""
    html = escape(text)
    html = CODE.sub(r"<code>\1</code>", html)
    html = BOLD.sub(r"<strong>\1</strong>", html)
    return LINK.sub(r'<a href="\2">\1</a>', html)


@register.filter
def prose(text: str | None) -> SafeString:
    paragraphs = [part.strip() for part in re.split(r"\n\s*\n", text or "") if part.strip()]
    return mark_safe("".join(f"<p>{inline(part)}</p>" for part in paragraphs))


@register.filter
def inline_prose(text: str | None) -> SafeString:
    """A one-line text (a type in Markdown: "`array` of `string`") without a paragraph."""
    return mark_safe(inline(text or ""))
