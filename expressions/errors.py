"""The one exception the engine catches for anything wrong in an expression."""


class ExpressionError(ValueError):
    """An expression that cannot be parsed or rendered; the message names the problem
    (the missing variable, the unknown filter, the bad argument) and the expression."""
