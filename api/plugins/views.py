"""Kestra's plugins API (PluginController), instance-level: the plugin groups and their
types, each type's documentation and JSON schema, the flow's JSON schema, input types,
the trigger catalog and icons. Any authenticated user may read them."""
from __future__ import annotations

from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from flows.flow_schema import input_class, input_definition
from flows.spec.input_types import TYPES as INPUT_TYPES
from plugins.api import catalog, docs
from plugins.api.json_schema import outputs_schema, properties_schema, stub_definitions
from plugins.api.registry import resolve_plugin

from ..problems import NotFound, invalid_parameter
from . import icons as icons_
from . import schemas

CACHE = "public, max-age=3600"
JSON = OpenApiTypes.OBJECT
LIST = list[dict]


def _cached(body) -> Response:
    response = Response(body)
    response["Cache-Control"] = CACHE
    return response


def _flag(request, name: str) -> bool:
    raw = request.query_params.get(name, "false").lower()
    if raw not in ("true", "false"):
        raise invalid_parameter(name, "must be true or false")
    return raw == "true"


class PluginsView(APIView):
    @extend_schema(responses=LIST, operation_id="list_plugins")
    def get(self, request):
        return Response(catalog.groups())


class SubgroupsView(APIView):
    @extend_schema(responses=LIST)
    def get(self, request):
        return Response(catalog.groups(with_subgroups=True))


class SchemaView(APIView):
    @extend_schema(parameters=[OpenApiParameter("arrayOf", bool, required=False)], responses=JSON)
    def get(self, request, schema_type):
        if schema_type not in schemas.SCHEMA_TYPES:
            raise NotFound(f"No schema for type '{schema_type}'; known: {', '.join(schemas.SCHEMA_TYPES)}")
        return _cached(schemas.document(schema_type, _flag(request, "arrayOf")))


class PropertiesView(APIView):
    @extend_schema(responses=JSON)
    def get(self, request, schema_type):
        if schema_type not in schemas.SCHEMA_TYPES:
            raise NotFound(f"No schema for type '{schema_type}'; known: {', '.join(schemas.SCHEMA_TYPES)}")
        return _cached(schemas.properties(schema_type))


class InputTypesView(APIView):
    @extend_schema(responses=LIST, operation_id="plugin_input_types")
    def get(self, request):
        return Response([{"type": name, "cls": input_class(name)} for name in INPUT_TYPES])


class InputTypeView(APIView):
    @extend_schema(responses=JSON, operation_id="plugin_input_schema")
    def get(self, request, input_type):
        if input_type.upper() not in INPUT_TYPES:
            raise NotFound(f"Unknown input type '{input_type}'; known: {', '.join(INPUT_TYPES)}")
        name = input_type.upper()
        return _cached({"markdown": f"# {name.title()} input\n\n```yaml\ntype: \"{name}\"\n```\n",
                        "schema": {"properties": input_definition(name), "outputs": None, "definitions": {}}})


def _category(cls) -> str:
    """Kestra's TriggerPluginCategory: core, realtime or app (polling)."""
    if getattr(cls, "realtime", False):
        return "realtime"
    return "app" if getattr(cls, "polling", False) and catalog.family(cls) != "core" else "core"


class TriggersView(APIView):
    @extend_schema(responses=JSON)
    def get(self, request):
        types = [(name, cls) for name, cls in catalog.visible_types().items() if cls.kind == "trigger"]
        order = {"core": 0, "realtime": 1, "app": 2}
        found = sorted(({"type": name, "name": cls.title or name.rsplit(".", 1)[-1],
                         "description": cls.description or None, "group": _category(cls), "ee": False,
                         "icon": name, "deprecated": True if cls.deprecated else None} for name, cls in types),
                       key=lambda item: (order[item["group"]], item["name"].lower()))
        return Response({"results": found, "total": len(found)})


class IconsView(APIView):
    """Type (and each alias) -> PluginIcon {name, icon (base64 SVG), flowable}."""

    @extend_schema(responses=JSON)
    def get(self, request):
        icons = {}
        for cls in catalog.visible_types().values():
            for alias in cls.names():
                icons[alias] = icons_.plugin_icon(alias, cls)
        return _cached(icons)


class GroupIconsView(APIView):
    @extend_schema(responses=JSON)
    def get(self, request):
        return _cached(icons_.group_icons())


def _type(cls_name: str):
    cls = resolve_plugin(cls_name)
    if cls is None or getattr(cls, "internal", False):
        raise NotFound(f"Plugin type not found: {cls_name}")
    return cls


class DocumentationView(APIView):
    @extend_schema(parameters=[OpenApiParameter("all", bool, required=False)], responses=JSON,
                   operation_id="plugin_documentation")
    def get(self, request, cls_name):
        cls = _type(cls_name)
        return _cached({"markdown": docs.markdown(cls, _flag(request, "all")), "schema": {
            "properties": properties_schema(cls), "outputs": outputs_schema(cls), "definitions": stub_definitions()}})


class VersionsView(APIView):
    @extend_schema(responses=JSON)
    def get(self, request, cls_name):
        return Response({"type": _type(cls_name).type, "versions": []})


class IconView(APIView):
    """One type's PluginIcon (404 for an unknown type)."""

    @extend_schema(operation_id="plugin_icon", responses=JSON)
    def get(self, request, cls_name):
        return _cached(icons_.plugin_icon(cls_name, _type(cls_name)))


class IconSvgView(APIView):
    """One type's icon as the SVG itself (`image/svg+xml`)."""

    @extend_schema(operation_id="plugin_icon_svg", responses={(200, "image/svg+xml"): OpenApiTypes.STR})
    def get(self, request, cls_name):
        response = HttpResponse(icons_.svg(icons_.family_of(_type(cls_name))), content_type="image/svg+xml")
        response["Cache-Control"] = CACHE
        return response
