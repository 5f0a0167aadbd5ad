"""Kestra's truth of a rendered condition (runIf, If, Fail, WaitFor): 0, -0, null, ''
and false are false; anything else is true."""

FALSE_TEXTS = {"", "false", "0", "-0", "0.0", "null"}


def is_truthy(value) -> bool:
    if value is None or value is False:
        return False
    if value is True:
        return True
    if isinstance(value, (int, float)):
        return value != 0
    if isinstance(value, str):
        return value.strip().lower() not in FALSE_TEXTS
    if isinstance(value, (list, dict)):
        return bool(value)
    return True
