"""Functions every expression may call, with Kestra's argument names. The engine adds
the runtime ones (kv, secret, read, errorLogs, fileURI ...) per render; those take
precedence over these when names collide."""
from __future__ import annotations

import random
import re
import uuid
from collections.abc import Mapping

from jinja2 import pass_context

from . import encryption
from .dates import zone_or_server
from .errors import ExpressionError
from .filters.dates import format_date
from .filters.json import from_json
from .filters.yaml import from_yaml
from .ion import IonError, read_all, read_first
from .iteration import range_
from .operators import gt, lt
from .output import Now

MAX_RENDERING = 100
_RAW_BLOCK = re.compile(r"(\{%-*\s*raw\s*-*%}(.*?)\{%-*\s*endraw\s*-*%})", re.DOTALL)


def now(format=None, timeZone=None, existingFormat=None, locale=None):  # noqa: A002,N803
    """The current time in the server's zone (or `timeZone`); text when `format` is given."""
    current = Now.now(zone_or_server(timeZone))
    return current if format is None else format_date(current, format, timeZone)


def _variables(context) -> dict:
    return context.get_all()


@pass_context
def render(context, toRender=None, recursive=True):  # noqa: N803 - Kestra's argument name
    """Render a string that holds an expression (a flow variable, a KV value) against the
    current variables; again and again while that changes it, unless recursive=false."""
    if not isinstance(recursive, bool):
        raise ExpressionError("The 'render' function expects an optional argument 'recursive' with type boolean.")
    return render_object(toRender, _variables(context), recursive)


@pass_context
def render_once(context, toRender=None):  # noqa: N803
    return render_object(toRender, _variables(context), False)


def render_object(value, variables, recursive: bool):
    if isinstance(value, str):
        return _render_string(value, variables, recursive)
    if isinstance(value, dict):
        return {_render_string(k, variables, recursive) if isinstance(k, str) else k:
                render_object(v, variables, recursive) for k, v in value.items()}
    if isinstance(value, list):
        return [render_object(v, variables, recursive) for v in value]
    return value


def _render_string(text: str, variables, recursive: bool) -> str:
    """As Kestra's VariableRenderer: raw blocks survive each pass and are unwrapped at the end."""
    result = _render_once_keeping_raw(text, variables)
    attempts = 0
    while recursive and result != text:
        attempts += 1
        if attempts > MAX_RENDERING:
            raise ExpressionError("Too many rendering attempts")
        text, result = result, _render_once_keeping_raw(result, variables)
    return _RAW_BLOCK.sub(lambda m: m.group(2), result)


def _render_once_keeping_raw(text: str, variables) -> str:
    from .render import render as render_text  # render.py compiles with these functions: import late

    blocks = {}

    def hide(match):
        key = f"__kestra_raw_{uuid.uuid4().hex}__"
        blocks[key] = match.group(1)
        return key

    result = render_text(_RAW_BLOCK.sub(hide, text), variables)
    for key, block in blocks.items():
        result = result.replace(key, block)
    return result


@pass_context
def print_context(context):
    """All variables of the expression (printed as JSON), without the functions."""
    return {k: v for k, v in _variables(context).items() if not callable(v) and not k.startswith("_")}


_ABSENT = object()


@pass_context
def current_each_output(context, outputs=_ABSENT):
    """Kestra's CurrentEachOutputFunction: inside ForEach (or EachSequential,
    EachParallel), `outputs.<task>` keyed by the values of the loops around this task,
    from the outermost (the `value` of each parent taskrun that has one) down to this
    taskrun's own value."""
    if outputs is _ABSENT:
        raise ExpressionError("The 'currentEachOutput' function expects an argument 'outputs'.")
    if not isinstance(outputs, Mapping):
        raise ExpressionError("The 'currentEachOutput' function expects an argument 'outputs' with type map.")
    taskrun = context.get("taskrun")
    if not isinstance(taskrun, Mapping):
        raise ExpressionError("The 'currentEachOutput' function is only available inside a task.")
    values = [(parent.get("taskrun") or {}).get("value") for parent in reversed(context.get("parents") or [])]
    for value in (v for v in values if v is not None):
        if not isinstance(outputs.get(value), Mapping):
            raise ExpressionError(f"The 'currentEachOutput' function found no outputs for the loop value '{value}'.")
        outputs = outputs[value]
    return outputs.get(taskrun.get("value"))


def encrypt_function(key=_ABSENT, plaintext=_ABSENT):
    """Kestra's EncryptFunction: AES-GCM under the base64 `key` (see encryption.py)."""
    if key is _ABSENT or plaintext is _ABSENT:
        raise ExpressionError("The 'encrypt' function expects two arguments 'key' and 'plaintext'.")
    return _sealed(encryption.encrypt, key, plaintext, "plaintext")


def decrypt_function(key=_ABSENT, encrypted=_ABSENT):
    """Kestra's DecryptFunction: the plaintext of what `encrypt` (here or in Kestra) gave."""
    if key is _ABSENT or encrypted is _ABSENT:
        raise ExpressionError("The 'decrypt' function expects two arguments 'key' and 'encrypted'.")
    return _sealed(encryption.decrypt, key, encrypted, "encrypted")


def _sealed(operation, key, text, name: str):
    if text is not None and not isinstance(text, str):
        raise ExpressionError(f"The '{operation.__name__}' function expects an argument '{name}' with type string.")
    try:
        return operation(key, text)
    except encryption.EncryptionError as exc:
        raise ExpressionError(f"The '{operation.__name__}' function failed: {exc}") from None


def from_ion(ion=_ABSENT, allRows=False):  # noqa: N803 - Kestra's argument name
    """Kestra's FromIonFunction: the first value of the Ion text, or with allRows=true
    the list of all its values."""
    if ion is _ABSENT:
        raise ExpressionError("The 'fromIon' function expects an argument 'ion'.")
    if ion is None:
        return None
    if not isinstance(ion, str):
        raise ExpressionError("The 'fromIon' function expects an argument 'ion' with type string.")
    if not isinstance(allRows, bool):
        raise ExpressionError("The 'fromIon' function expects an argument 'allRows' with type boolean.")
    try:
        return read_all(ion) if allRows else read_first(ion)
    except IonError as exc:
        raise ExpressionError(f"Invalid ion: {exc}") from None


def max_(*values):
    return _extreme(values, gt)


def min_(*values):
    return _extreme(values, lt)


def _extreme(values, better):
    result = None
    for candidate in values:
        if result is None or better(candidate, result):
            result = candidate
    return result


def random_int(lower=None, upper=None):
    if lower is None or upper is None:
        raise ExpressionError("The 'randomInt' function expects the arguments 'lower' and 'upper'.")
    low, high = int(lower), int(upper)
    if high < low:
        raise ExpressionError("In 'randomInt' upper is less than lower")
    return low if high == low else random.randrange(low, high)


_BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def id_():
    """A Kestra id: a random UUID written in base 62 (22 characters at most)."""
    number, out = uuid.uuid4().int, []
    while number:
        number, digit = divmod(number, 62)
        out.append(_BASE62[digit])
    return "".join(reversed(out)) or "0"


def range_function(start=None, end=None, increment=1):
    return range_(start, end, increment)


def from_json_function(json=None):  # noqa: A002 - Kestra's argument name
    return from_json(json)


def yaml_function(yaml=None):
    return from_yaml(yaml)


FUNCTIONS = {
    "now": now, "render": render, "renderOnce": render_once, "fromJson": from_json_function,
    "json": from_json_function, "yaml": yaml_function, "range": range_function, "max": max_, "min": min_,
    "printContext": print_context, "fetchContext": print_context, "randomInt": random_int,
    "uuid": lambda: str(uuid.uuid4()), "id": id_, "currentEachOutput": current_each_output,
    "encrypt": encrypt_function, "decrypt": decrypt_function, "fromIon": from_ion,
}
