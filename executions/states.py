"""The states, defined with the plugin interface (plugins.states) and used here by name."""
from plugins.states import CHOICES, FAILING, SUCCESSFUL, TERMINAL, State, is_terminal, worst  # noqa: F401
