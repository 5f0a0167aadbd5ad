"""The states, defined with the plugin interface (plugins.api.states) and used here by name."""
from plugins.api.states import CHOICES, FAILING, SUCCESSFUL, TERMINAL, State, is_terminal, worst  # noqa: F401
