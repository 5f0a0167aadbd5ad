"""Strict undefined values, as Pebble's strictVariables: using one fails, naming the
first missing part. Reading further into one (`a.b.c` with `a` missing) gives the same
undefined back, so `??`, `is defined` and `default` still see "undefined"."""
from __future__ import annotations

from jinja2 import StrictUndefined, Undefined
from jinja2.exceptions import UndefinedError
from jinja2.utils import missing


class MissingVariableError(UndefinedError):
    """Using an undefined value; `name` is the first missing variable or key."""

    def __init__(self, name, message):
        super().__init__(message)
        self.name = name


class KestraUndefined(StrictUndefined):
    __slots__ = ()

    def _fail_with_undefined_error(self, *args, **kwargs):
        raise MissingVariableError(self._undefined_name, self._undefined_message)

    @property
    def _undefined_message(self) -> str:
        if self._undefined_hint:
            return self._undefined_hint
        if self._undefined_obj is missing:
            return f"Missing variable: '{self._undefined_name}'"
        return f"Missing variable: '{self._undefined_name}' (not a key of the value it is read from)"

    def __getattr__(self, name):
        if name[:2] == "__":
            raise AttributeError(name)
        return self

    def __getitem__(self, key):
        return self

    def __call__(self, *args, **kwargs):
        raise MissingVariableError(self._undefined_name,
                                   f"Function or Macro [{self._undefined_name}] does not exist")

    __iter__ = __str__ = __len__ = __bool__ = __hash__ = _fail_with_undefined_error
    __eq__ = __ne__ = __contains__ = _fail_with_undefined_error


def fail_if_undefined(*values) -> None:
    """Pebble fails as soon as an undefined value is passed on (to a filter, a function,
    an operator); Python code receiving one calls this first."""
    for value in values:
        if isinstance(value, Undefined):
            value._fail_with_undefined_error()


# Every operator Jinja's Undefined refuses (`__add__`, `__lt__`, ...) fails with the name too.
for _name, _value in list(vars(StrictUndefined).items()) + list(vars(Undefined).items()):
    if _value is Undefined._fail_with_undefined_error and _name.startswith("__") and _name not in vars(KestraUndefined):
        setattr(KestraUndefined, _name, KestraUndefined._fail_with_undefined_error)
