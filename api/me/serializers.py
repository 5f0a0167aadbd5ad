"""The current user and their API tokens, with Kestra's (camelCase) field names."""
from django.utils import timezone
from rest_framework import serializers

from expressions.java_duration import DurationError, parse_java_duration
from kestraweb.models import ApiToken


class MeSerializer(serializers.Serializer):
    id = serializers.CharField(source="pk", read_only=True)
    username = serializers.CharField(read_only=True)
    email = serializers.EmailField(required=False, allow_blank=True)
    firstName = serializers.CharField(source="first_name", required=False, allow_blank=True, max_length=150)
    lastName = serializers.CharField(source="last_name", required=False, allow_blank=True, max_length=150)
    name = serializers.SerializerMethodField()
    superAdmin = serializers.BooleanField(source="is_superuser", read_only=True)

    def get_name(self, user) -> str:
        return user.get_full_name() or user.get_username()

    def update(self, user, validated_data):
        for attribute, value in validated_data.items():
            setattr(user, attribute, value)
        user.save(update_fields=list(validated_data))
        return user


class MePatchSerializer(MeSerializer):
    """PATCH takes `name` too, split into first and last name."""

    name = serializers.CharField(required=False, allow_blank=True, max_length=301)

    def validate(self, attrs):
        name = self.initial_data.get("name") if isinstance(self.initial_data, dict) else None
        if isinstance(name, str):
            first, _, last = name.strip().partition(" ")
            attrs.update(first_name=first[:150], last_name=last.strip()[:150])
        attrs.pop("name", None)
        return attrs


class ApiTokenSerializer(serializers.ModelSerializer):
    id = serializers.CharField(source="pk", read_only=True)
    createdDate = serializers.DateTimeField(source="created", read_only=True)
    lastUsedDate = serializers.DateTimeField(source="last_used", read_only=True)
    expiresAt = serializers.DateTimeField(source="expires_at", required=False, allow_null=True)
    maxAge = serializers.CharField(write_only=True, required=False, allow_null=True,
                                   help_text="ISO-8601 duration (Kestra's CreateApiTokenRequest.maxAge), e.g. P30D")

    class Meta:
        model = ApiToken
        fields = ["id", "name", "prefix", "createdDate", "lastUsedDate", "expiresAt", "maxAge"]
        read_only_fields = ["prefix"]

    def validate_maxAge(self, value):  # noqa: N802 - DRF's validate_<field name>
        if value is None:
            return None
        try:
            age = parse_java_duration(value)
            if age.total_seconds() <= 0:
                raise serializers.ValidationError("must be a positive duration")
            return timezone.now() + age
        except (DurationError, OverflowError) as exc:
            raise serializers.ValidationError(str(exc)) from None

    def validate(self, attrs):
        expires_at = attrs.pop("maxAge", None)
        if expires_at is not None:
            attrs["expires_at"] = expires_at
        return attrs
