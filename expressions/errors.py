class ExpressionError(ValueError):
    """An expression that cannot be parsed or rendered; the message names the problem."""
