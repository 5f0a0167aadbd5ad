import pytest

from expressions import is_truthy


@pytest.mark.parametrize("value", [None, False, "", "false", "FALSE", "0", "-0", 0, 0.0, " false "])
def test_falsy(value):
    assert not is_truthy(value)


@pytest.mark.parametrize("value", [True, "true", "yes", "1", 1, "anything", [1]])
def test_truthy(value):
    assert is_truthy(value)
