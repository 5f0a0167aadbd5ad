"""Kestra's NamespaceFileController: a namespace's files read, uploaded (multipart part
`fileContent`), moved, deleted, listed by folder, stat'ed, searched and exported.
Paths stay inside the namespace's files (storage.namespace_file_tree)."""
from __future__ import annotations

from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from flows.namespaces import BadNamespace, check_id
from storage.namespace_file_tree import FileAttributes, NamespaceFileTree, clean
from storage.namespace_files import BadNamespaceFilePath, NamespaceFileNotFound

from ..access import READ, WRITE
from ..access import require as require_role
from ..problems import NotFound, invalid_parameter

FileAttributesSerializer = inline_serializer("FileAttributes", {
    "fileName": serializers.CharField(), "lastModifiedTime": serializers.IntegerField(),
    "creationTime": serializers.IntegerField(), "type": serializers.ChoiceField(choices=["File", "Directory"]),
    "size": serializers.IntegerField(), "metadata": serializers.DictField(child=serializers.CharField())})
PATH = OpenApiParameter("path", str)
STRINGS = {200: {"type": "array", "items": {"type": "string"}}}


def attributes_json(attributes: FileAttributes) -> dict:
    return {"fileName": attributes.file_name, "lastModifiedTime": attributes.last_modified_ms,
            "creationTime": attributes.creation_ms, "type": "Directory" if attributes.is_directory else "File",
            "size": attributes.size, "metadata": {}}


def require(request, action: str, namespace: str) -> None:
    """The role check, after the namespace id itself (it names the folder the files are in)."""
    try:
        check_id(namespace)
    except BadNamespace as exc:
        raise invalid_parameter("namespace", str(exc)) from None
    require_role(request, action, namespace)


def _tree_call(param: str, call, *args):
    """Run a tree operation; a bad path is a 422 on `param`, a missing one a 404."""
    try:
        return call(*args)
    except BadNamespaceFilePath as exc:
        raise invalid_parameter(param, str(exc)) from None
    except NamespaceFileNotFound as exc:
        raise NotFound(str(exc)) from None


def _required(request, name: str) -> str:
    value = request.query_params.get(name)
    if not value:
        raise invalid_parameter(name, f"the query parameter {name!r} is required")
    return value


class FilesView(APIView):
    @extend_schema(parameters=[PATH, OpenApiParameter("revision", int)],
                   responses={(200, "application/octet-stream"): OpenApiTypes.BINARY})
    def get(self, request, namespace: str):
        require(request, READ, namespace)
        data = _tree_call("path", NamespaceFileTree(namespace).read, _required(request, "path"))
        response = HttpResponse(data, content_type="application/octet-stream")
        response["Cache-Control"] = "no-cache"
        return response

    @extend_schema(parameters=[PATH], request={"multipart/form-data": {
        "type": "object", "properties": {"fileContent": {"type": "string", "format": "binary"}}}},
        responses={200: None})
    def post(self, request, namespace: str):
        require(request, WRITE, namespace)
        path = _required(request, "path")
        upload = request.FILES.get("fileContent")
        tree = NamespaceFileTree(namespace)
        if upload is None and path.endswith("/"):
            _tree_call("path", tree.make_directory, path)
        else:
            _tree_call("path", tree.write, path, upload.read() if upload else b"")
        return Response()

    @extend_schema(parameters=[OpenApiParameter("from", str), OpenApiParameter("to", str)], request=None,
                   responses={200: None})
    def put(self, request, namespace: str):
        require(request, WRITE, namespace)
        source, target = _required(request, "from"), _required(request, "to")
        _tree_call("to", clean, target)  # checked apart, so a bad target is not reported as 'from'
        _tree_call("from", NamespaceFileTree(namespace).move, source, target)
        return Response()

    @extend_schema(parameters=[PATH], responses={200: None})
    def delete(self, request, namespace: str):
        require(request, WRITE, namespace)
        _tree_call("path", NamespaceFileTree(namespace).delete, _required(request, "path"))
        return Response()


class DirectoryView(APIView):
    @extend_schema(parameters=[PATH], responses=FileAttributesSerializer.__class__(many=True))
    def get(self, request, namespace: str):
        require(request, READ, namespace)
        children = _tree_call("path", NamespaceFileTree(namespace).children, request.query_params.get("path"))
        return Response([attributes_json(child) for child in children])

    @extend_schema(parameters=[PATH], request=None, responses={200: None})
    def post(self, request, namespace: str):
        require(request, WRITE, namespace)
        _tree_call("path", NamespaceFileTree(namespace).make_directory, request.query_params.get("path"))
        return Response()


class StatsView(APIView):
    @extend_schema(parameters=[PATH], responses=FileAttributesSerializer)
    def get(self, request, namespace: str):
        require(request, READ, namespace)
        return Response(attributes_json(_tree_call("path", NamespaceFileTree(namespace).stat,
                                                   request.query_params.get("path"))))


class RevisionsView(APIView):
    @extend_schema(parameters=[PATH], responses=inline_serializer("NamespaceFileRevision", {
        "revision": serializers.IntegerField()}, many=True))
    def get(self, request, namespace: str):
        """Files keep no history here: an existing file has its one revision."""
        require(request, READ, namespace)
        _tree_call("path", NamespaceFileTree(namespace).read, _required(request, "path"))
        return Response([{"revision": 1}])


class SearchView(APIView):
    @extend_schema(parameters=[OpenApiParameter("q", str)], responses=STRINGS)
    def get(self, request, namespace: str):
        require(request, READ, namespace)
        return Response(NamespaceFileTree(namespace).search(request.query_params.get("q") or ""))


class ExportView(APIView):
    @extend_schema(responses={(200, "application/octet-stream"): OpenApiTypes.BINARY})
    def get(self, request, namespace: str):
        require(request, READ, namespace)
        response = HttpResponse(NamespaceFileTree(namespace).export_zip(), content_type="application/octet-stream")
        response["Content-Disposition"] = f'attachment; filename="{namespace}_files.zip"'
        return response
