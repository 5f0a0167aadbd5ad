"""API tokens: made once, shown once, found again by their hash."""
from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.utils import timezone

from .models import ApiToken

PREFIX = "kw_"  # tells a kestraweb token apart in a script or a secret scanner
_PREFIX_SHOWN = 10  # characters of the token kept in clear, to tell tokens apart
_LAST_USED_EVERY = timedelta(minutes=1)  # writes of last_used at most this often per token


def digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_token(user, name: str, expires_at=None) -> tuple[ApiToken, str]:
    """The stored token and the full token, which is not kept anywhere."""
    full = PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(user=user, name=name, prefix=full[:_PREFIX_SHOWN], token_hash=digest(full),
                                    expires_at=expires_at)
    return token, full


def user_of(full: str):
    """The active user a token belongs to, or None for an unknown, expired or inactive one."""
    token = ApiToken.objects.select_related("user").filter(token_hash=digest(full)).first()
    now = timezone.now()
    if token is None or not token.user.is_active or (token.expires_at and token.expires_at <= now):
        return None
    if token.last_used is None or now - token.last_used > _LAST_USED_EVERY:
        ApiToken.objects.filter(pk=token.pk).update(last_used=now)
    return token.user
