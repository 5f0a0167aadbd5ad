"""kestraweb's own models: who may use the API and where (tokens, roles per namespace),
and what each user chose for the pages (preferences)."""
from .api_token import ApiToken
from .preferences import Preferences
from .role_binding import RoleBinding

__all__ = ["ApiToken", "Preferences", "RoleBinding"]
