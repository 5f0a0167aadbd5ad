"""The current user and their API tokens, with Kestra's (camelCase) field names."""
from rest_framework import serializers

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

    class Meta:
        model = ApiToken
        fields = ["id", "name", "prefix", "createdDate", "lastUsedDate", "expiresAt"]
        read_only_fields = ["prefix"]
