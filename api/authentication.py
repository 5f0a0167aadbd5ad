"""Who is calling: HTTP Basic (Django users; first, so a 401 says `WWW-Authenticate:
Basic`), Bearer API tokens (kestraweb.tokens), and the pages' session (with its CSRF
check)."""
from rest_framework.authentication import BaseAuthentication, BasicAuthentication, get_authorization_header
from rest_framework.exceptions import AuthenticationFailed

from kestraweb.tokens import user_of


class BasicAuth(BasicAuthentication):
    www_authenticate_realm = "kestraweb"


class BearerTokenAuthentication(BaseAuthentication):
    """`Authorization: Bearer <token>`, as kestrapy sends a token."""

    keyword = b"bearer"

    def authenticate(self, request):
        parts = get_authorization_header(request).split()
        if not parts or parts[0].lower() != self.keyword:
            return None
        if len(parts) != 2:
            raise AuthenticationFailed("Invalid Bearer header: expected 'Bearer <token>'")
        try:
            token = parts[1].decode("ascii")
        except UnicodeDecodeError as exc:
            raise AuthenticationFailed("Invalid Bearer token") from exc
        user = user_of(token)
        if user is None:
            raise AuthenticationFailed("Invalid, expired or revoked API token")
        return user, None

    def authenticate_header(self, request):
        return 'Bearer realm="kestraweb"'
