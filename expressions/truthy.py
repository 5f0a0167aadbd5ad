"""Kestra's truth of a rendered condition (runIf, If, Fail, WaitFor), as its TruthUtils:
after trimming, "false", "0", "-0" and "" are false, any other text is true ("null" and
"0.0" too); null is false. "false" is read in any case (Kestra compares exactly; the
rendered booleans are lower case either way). Booleans and numbers count by value."""
from __future__ import annotations

from decimal import Decimal

from .output import text

FALSE_TEXTS = frozenset({"false", "0", "-0", ""})


def is_truthy(rendered) -> bool:
    if rendered is None:
        return False
    if rendered is True or rendered is False:
        return rendered
    if isinstance(rendered, (int, float, Decimal)):
        return rendered != 0
    return (rendered if isinstance(rendered, str) else text(rendered)).strip().lower() not in FALSE_TEXTS
