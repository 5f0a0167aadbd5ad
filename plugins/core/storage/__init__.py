"""Kestra's io.kestra.plugin.core.storage tasks: files of internal storage concatenated,
split, measured, deleted, filtered and deduplicated line by line, and the deprecated
LocalFiles."""
