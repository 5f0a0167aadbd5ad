"""Kestra 0.x's templates API (TemplateController): `/api/v1/{tenant}/templates/...`."""
