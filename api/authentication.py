"""Who is calling: HTTP Basic (Django users; first, so a 401 says `WWW-Authenticate:
Basic`), Bearer API tokens (kestraweb.tokens), and the pages' session (with its CSRF
check)."""
import hashlib
import hmac

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from rest_framework.authentication import BaseAuthentication, BasicAuthentication, get_authorization_header
from rest_framework.exceptions import AuthenticationFailed

from kestraweb.tokens import user_of

BASIC_CACHE_SECONDS = 300


class BasicAuth(BasicAuthentication):
    """Django users by HTTP Basic, as Kestra OSS and kestrapy's username/password.

    Checking a password costs a deliberately slow hash (PBKDF2, ~0.3 s); a script
    calling the API in a loop would pay it per request. A good pair is remembered for
    a few minutes under an HMAC of it (never the password), with the user's stored
    password hash: a changed password or a deactivated user no longer matches."""

    www_authenticate_realm = "kestraweb"

    def authenticate_credentials(self, userid, password, request=None):
        key = "api-basic:" + hmac.new(settings.SECRET_KEY.encode(), f"{userid}\0{password}".encode(),
                                      hashlib.sha256).hexdigest()
        remembered = cache.get(key)
        if remembered is not None:
            user = get_user_model().objects.filter(pk=remembered[0], is_active=True).first()
            if user is not None and user.password == remembered[1]:
                return user, None
        user, auth = super().authenticate_credentials(userid, password, request)
        cache.set(key, (user.pk, user.password), BASIC_CACHE_SECONDS)
        return user, auth


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
