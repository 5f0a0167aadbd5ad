"""An execution's files (Kestra's ExecutionController#getFile, #getFileMetadatas,
#getFilePreview): `?path=kestra:///...` must lie in that execution's own folder of
internal storage (storage.access.ExecutionRef.owns; no `..`): another path is a 422,
a missing file a 404."""
from __future__ import annotations

from pathlib import PurePosixPath

from django.http import FileResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from api.problems import NotFound, invalid_parameter
from storage import StorageError, internal_storage, layout
from storage.access import ExecutionRef

from .lookup import find

PATH = OpenApiParameter("path", str, required=True, description=f"{layout.SCHEME}/... in the execution's folder")
PREVIEW_MAX_ROWS = 5000  # Kestra's kestra.server.preview.max-rows default


def _checked_uri(request, execution_id: str) -> str:
    execution = find(request, execution_id)
    uri = request.query_params.get("path") or ""
    if not layout.is_uri(uri):
        raise invalid_parameter("path", f"{uri!r} is not a {layout.SCHEME} URI")
    path = layout.path_of(uri)
    if layout.has_parent_segment(path) or \
            not ExecutionRef(execution.namespace, execution.flow_id, execution.id).owns(path):
        raise invalid_parameter("path", f"{uri} is not a file of execution {execution.id}")
    try:
        internal_storage().size(uri)
    except StorageError:
        raise NotFound(f"File not found: {uri}") from None
    return uri


class ExecutionFile(APIView):
    @extend_schema(operation_id="downloadFileFromExecution", parameters=[PATH],
                   responses={(200, "application/octet-stream"): OpenApiTypes.BINARY})
    def get(self, request, execution_id: str):
        uri = _checked_uri(request, execution_id)
        return FileResponse(internal_storage().open(uri), as_attachment=True,
                            filename=PurePosixPath(layout.path_of(uri)).name,
                            content_type="application/octet-stream")


class ExecutionFileMetas(APIView):
    @extend_schema(operation_id="fileMetadatasFromExecution", parameters=[PATH],
                   responses={200: OpenApiTypes.OBJECT})
    def get(self, request, execution_id: str):
        return Response({"size": internal_storage().size(_checked_uri(request, execution_id))})


class ExecutionFilePreview(APIView):
    @extend_schema(operation_id="previewFileFromExecution", parameters=[
        PATH, OpenApiParameter("maxRows", int), OpenApiParameter("encoding", str)],
        responses={200: OpenApiTypes.OBJECT})
    def get(self, request, execution_id: str):
        """Kestra's FileRender for text: the first `maxRows` lines, decoded with `encoding`."""
        uri = _checked_uri(request, execution_id)
        max_rows = request.query_params.get("maxRows") or str(PREVIEW_MAX_ROWS)
        if not max_rows.isdigit() or int(max_rows) < 1:
            raise invalid_parameter("maxRows", f"{max_rows!r} is not a positive whole number")
        encoding = request.query_params.get("encoding") or "utf-8"
        try:
            "".encode(encoding)
        except LookupError:
            raise invalid_parameter("encoding", f"unknown encoding {encoding!r}") from None
        lines, truncated = [], False
        with internal_storage().open(uri) as handle:
            for index, raw in enumerate(handle):
                if index >= min(int(max_rows), PREVIEW_MAX_ROWS):
                    truncated = True
                    break
                lines.append(raw.decode(encoding, errors="replace"))
        extension = PurePosixPath(layout.path_of(uri)).suffix.lstrip(".")
        return Response({"extension": extension, "type": "TEXT", "content": "".join(lines), "truncated": truncated})
