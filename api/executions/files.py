"""An execution's files (Kestra's ExecutionController#getFile, #getFileMetadatas,
#getFilePreview): `?path=kestra:///...` must lie in that execution's own folder of
internal storage (storage.access.ExecutionRef.owns; no `..`): another path is a 422,
a missing file a 404."""
from __future__ import annotations

from django.http import FileResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from api.problems import NotFound, invalid_parameter
from storage import internal_storage, layout
from storage.access import ExecutionRef
from storage.execution_files import (
    PREVIEW_MAX_ROWS,
    ExecutionFileMissing,
    NotAnExecutionFile,
    UnknownEncoding,
    checked_file,
    file_name,
    preview,
)

from .lookup import find

PATH = OpenApiParameter("path", str, required=True, description=f"{layout.SCHEME}/... in the execution's folder")


def _checked_uri(request, execution_id: str) -> str:
    execution = find(request, execution_id)
    uri = request.query_params.get("path") or ""
    try:
        return checked_file(ExecutionRef(execution.namespace, execution.flow_id, execution.id), uri)
    except NotAnExecutionFile as exc:
        raise invalid_parameter("path", str(exc)) from None
    except ExecutionFileMissing as exc:
        raise NotFound(str(exc)) from None


class ExecutionFile(APIView):
    @extend_schema(operation_id="downloadFileFromExecution", parameters=[PATH],
                   responses={(200, "application/octet-stream"): OpenApiTypes.BINARY})
    def get(self, request, execution_id: str):
        uri = _checked_uri(request, execution_id)
        return FileResponse(internal_storage().open(uri), as_attachment=True, filename=file_name(uri),
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
        try:
            return Response(preview(uri, int(max_rows), request.query_params.get("encoding") or "utf-8"))
        except UnknownEncoding as exc:
            raise invalid_parameter("encoding", str(exc)) from None
