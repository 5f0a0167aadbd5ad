"""Settings: the user's preferences (theme, default namespace, date format, log level,
editor font size) and their API tokens (created, shown once, revoked)."""
