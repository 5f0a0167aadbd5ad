"""kestraweb's own models: who may use the API and where (tokens, roles per namespace)."""
from .api_token import ApiToken
from .role_binding import RoleBinding

__all__ = ["ApiToken", "RoleBinding"]
