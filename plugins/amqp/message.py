"""A delivered message as Kestra's amqp Message model gives it: its body read by
`serdeType` as `data`, and its properties; absent ones left out, as Kestra's outputs
leave out nulls."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from plugins.api.batches import deserialize
from plugins.api.durations import format_duration


def message_of(body: bytes, properties: Any, serde_type: str) -> dict[str, Any]:
    expiration = properties.expiration
    timestamp = properties.timestamp
    values = {
        "contentType": properties.content_type,
        "contentEncoding": properties.content_encoding,
        "headers": {str(k): str(v) for k, v in properties.headers.items()} if properties.headers else None,
        "deliveryMode": properties.delivery_mode,
        "priority": properties.priority,
        "messageId": properties.message_id,
        "correlationId": properties.correlation_id,
        "replyTo": properties.reply_to,
        "expiration": format_duration(timedelta(milliseconds=int(expiration))) if expiration else None,
        "timestamp": (datetime.fromtimestamp(timestamp, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
                      if timestamp is not None else None),
        "type": properties.type,
        "userId": properties.user_id,
        "appId": properties.app_id,
        "data": deserialize(body, serde_type),
    }
    return {key: value for key, value in values.items() if value is not None}
