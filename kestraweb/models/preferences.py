from django.conf import settings
from django.db import models

from plugins.api.log_levels import LOG_LEVELS


class Preferences(models.Model):
    """What a user chose on the Settings page, kept across sessions and browsers.

    Read by every page (the theme, the date format) through the shell's context
    processor; a user without a row has the defaults."""

    class Theme(models.TextChoices):
        SYSTEM = "system", "As the system"
        LIGHT = "light", "Light"
        DARK = "dark", "Dark"

    class DateFormat(models.TextChoices):
        ISO = "iso", "2026-11-30 14:05:09"
        RELATIVE = "relative", "3 minutes ago"
        US = "us", "11/30/2026, 2:05:09 PM"


    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="preferences")
    theme = models.CharField(max_length=10, choices=Theme.choices, default=Theme.SYSTEM)
    default_namespace = models.CharField(max_length=400, blank=True)
    date_format = models.CharField(max_length=10, choices=DateFormat.choices, default=DateFormat.ISO)
    log_level = models.CharField(max_length=5, choices=[(level, level) for level in LOG_LEVELS], default="INFO",
                                 help_text="the lowest level the Logs pages show at first")
    editor_font_size = models.PositiveSmallIntegerField(default=14)

    class Meta:
        verbose_name_plural = "preferences"

    def __str__(self):
        return f"preferences of {self.user}"

    @classmethod
    def of(cls, user) -> "Preferences":
        """The user's preferences; an unsaved default row for a user who never chose."""
        if not user.is_authenticated:
            return cls()
        cached = getattr(user, "_kestraweb_preferences", None)
        if cached is None:
            cached = cls.objects.filter(user=user).first() or cls(user=user)
            user._kestraweb_preferences = cached
        return cached

    @classmethod
    def stored(cls, user) -> "Preferences":
        """The user's row, created now if missing, for a change to save: two first
        changes at once (the theme toggled twice quickly) both find no row, and
        get_or_create lets the second read the first's instead of failing on the
        one-row-per-user constraint."""
        row, _ = cls.objects.get_or_create(user=user)
        user._kestraweb_preferences = row
        return row
