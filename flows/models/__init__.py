"""Flows, their revisions, namespaces and Kestra templates: one concept a module."""
from .flow import Flow, FlowRevision
from .namespace import Namespace
from .template import Template

__all__ = ["Flow", "FlowRevision", "Namespace", "Template"]
