"""Blueprints: a catalog of ready-made flows (kestraweb's own, in `catalog/`), browsed
at /ui/blueprints and opened in the flow editor with `?blueprint=<id>`."""
