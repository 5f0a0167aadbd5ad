"""Strict undefined values that still chain: `a.b.c` with `a` missing is undefined
(so `??` and `is defined` work) and using it fails with the first missing name."""
from jinja2 import StrictUndefined
from jinja2.utils import missing


class KestraUndefined(StrictUndefined):
    __slots__ = ()

    def _chained(self):
        return KestraUndefined(hint=self._undefined_hint, obj=self._undefined_obj, name=self._undefined_name,
                               exc=self._undefined_exception)

    def __getattr__(self, name):
        if name[:2] == "__":
            raise AttributeError(name)
        return self._chained()

    def __getitem__(self, key):
        return self._chained()

    @property
    def _undefined_message(self) -> str:
        if self._undefined_hint:
            return self._undefined_hint
        if self._undefined_obj is missing:
            return f"Missing variable: '{self._undefined_name}'"
        return f"Missing variable: '{self._undefined_name}' (not a key of the value it is read from)"
