"""Kestra's core plugin family: log, debug, flow, execution, kv, output, storage, http."""
