"""Kestra's io.kestra.plugin.core.storage tasks: files of internal storage written,
concatenated, split, reversed, measured, deleted, filtered and deduplicated line by line,
and the deprecated LocalFiles."""
