"""LogEntry as Kestra writes it (executions.serializers.log_json), declared for the
OpenAPI schema."""
from drf_spectacular.utils import inline_serializer
from rest_framework import serializers

from executions.log_queries import LEVELS

LogEntrySerializer = inline_serializer("LogEntry", {
    "namespace": serializers.CharField(),
    "flowId": serializers.CharField(),
    "taskId": serializers.CharField(required=False),
    "executionId": serializers.CharField(required=False),
    "taskRunId": serializers.CharField(required=False),
    "attemptNumber": serializers.IntegerField(allow_null=True),
    "triggerId": serializers.CharField(required=False),
    "timestamp": serializers.DateTimeField(),
    "level": serializers.ChoiceField(choices=LEVELS),
    "message": serializers.CharField(allow_blank=True),
    "deleted": serializers.BooleanField(),
})

LogSearchSerializer = inline_serializer("LogSearchResults", {
    "results": LogEntrySerializer.__class__(many=True),
    "type": serializers.ChoiceField(choices=["OFFSET", "CURSOR"]),
    "total": serializers.IntegerField(),
    "nextCursor": serializers.CharField(allow_null=True),
})
