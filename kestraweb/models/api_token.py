from django.conf import settings
from django.db import models


class ApiToken(models.Model):
    """A user's token for scripts (`Authorization: Bearer <token>`).

    Only the SHA-256 of the token is kept: the full token is shown once, when it is
    created (kestraweb.tokens.create_token), and a leaked database gives no usable token.
    `prefix` (its first characters) lets a user tell their tokens apart."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=200)
    prefix = models.CharField(max_length=16, editable=False)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created = models.DateTimeField(auto_now_add=True)
    last_used = models.DateTimeField(null=True, blank=True, editable=False)
    expires_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["user", "-created"]
        verbose_name = "API token"

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"
