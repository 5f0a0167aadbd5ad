"""`/api/v1/me` and the user's API tokens (Kestra's MeController, ApiTokens)."""
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from kestraweb.models import ApiToken
from kestraweb.tokens import create_token

from ..problems import NotFound
from .serializers import ApiTokenSerializer, MePatchSerializer, MeSerializer


class MeView(APIView):
    @extend_schema(responses=MeSerializer)
    def get(self, request):
        return Response(MeSerializer(request.user).data)

    @extend_schema(request=MePatchSerializer, responses=MeSerializer)
    def patch(self, request):
        serializer = MePatchSerializer(request.user, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        return Response(MeSerializer(serializer.save()).data)


class ApiTokensView(APIView):
    @extend_schema(responses=inline_serializer("ApiTokenList", {
        "results": ApiTokenSerializer(many=True), "total": serializers.IntegerField()}))
    def get(self, request):
        tokens = ApiToken.objects.filter(user=request.user)
        return Response({"results": ApiTokenSerializer(tokens, many=True).data, "total": len(tokens)})

    @extend_schema(request=ApiTokenSerializer, responses={201: inline_serializer("CreatedApiToken", {
        "id": serializers.CharField(), "name": serializers.CharField(), "fullToken": serializers.CharField()})})
    def post(self, request):
        serializer = ApiTokenSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        token, full = create_token(request.user, serializer.validated_data["name"],
                                   serializer.validated_data.get("expires_at"))
        return Response({**ApiTokenSerializer(token).data, "fullToken": full}, status=status.HTTP_201_CREATED)


class ApiTokenView(APIView):
    @extend_schema(responses={204: None})
    def delete(self, request, token_id: int):
        deleted, _ = ApiToken.objects.filter(user=request.user, pk=token_id).delete()
        if not deleted:
            raise NotFound(f"API token not found: {token_id}")
        return Response(status=status.HTTP_204_NO_CONTENT)
