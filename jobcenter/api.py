"""REST API of the shared core: token sign-in and citizens."""

from __future__ import annotations

import django_filters
from django.contrib.auth import authenticate
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.authtoken.models import Token
from rest_framework.exceptions import AuthenticationFailed, PermissionDenied
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView

from jobcenter import cpr as cpr_lib
from jobcenter import services
from jobcenter.api_base import HasCaseRole, VisibleToUserMixin
from jobcenter.audit import audit
from jobcenter.models import AuditAction, Citizen, CitizenStatus, Team, User


class TokenRequestSerializer(serializers.Serializer):
    username = serializers.CharField()
    password = serializers.CharField(style={"input_type": "password"}, trim_whitespace=False)


class ObtainTokenView(APIView):
    """Exchange a username and password for an API token (throttled, locked out by axes)."""

    authentication_classes: list = []
    permission_classes = [AllowAny]
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "auth"

    @extend_schema(
        request=TokenRequestSerializer,
        responses={200: inline_serializer("TokenResponse", {"token": serializers.CharField()})},
    )
    def post(self, request):
        serializer = TokenRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        user = authenticate(
            request=request._request,
            username=serializer.validated_data["username"],
            password=serializer.validated_data["password"],
        )
        if user is None or not user.is_active:
            raise AuthenticationFailed(_("Invalid username or password."))
        token, _created = Token.objects.get_or_create(user=user)
        return Response({"token": token.key})


class CitizenSerializer(serializers.ModelSerializer):
    cpr = serializers.CharField(write_only=True, required=False, allow_blank=True)
    cpr_masked = serializers.CharField(read_only=True)
    team = serializers.PrimaryKeyRelatedField(queryset=Team.objects.all())
    caseworker = serializers.PrimaryKeyRelatedField(
        queryset=User.objects.all(), allow_null=True, required=False
    )

    class Meta:
        model = Citizen
        fields = [
            "id",
            "cpr",
            "cpr_masked",
            "foreign_id",
            "first_name",
            "last_name",
            "email",
            "phone",
            "address",
            "postcode",
            "city",
            "benefit_type",
            "status",
            "first_contact_date",
            "team",
            "caseworker",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["id", "cpr_masked", "created_at", "updated_at"]

    def validate_cpr(self, value: str) -> str:
        if not value:
            return ""
        try:
            return cpr_lib.normalise_cpr(value)
        except DjangoValidationError as exc:
            raise serializers.ValidationError(exc.messages) from exc

    def validate(self, attrs):
        creating = self.instance is None
        if creating and not attrs.get("cpr") and not attrs.get("foreign_id"):
            raise serializers.ValidationError(
                {
                    "foreign_id": _(
                        "Enter a CPR number or, for citizens without one, another identification."
                    )
                }
            )
        if not creating and ("team" in attrs or "caseworker" in attrs):
            raise serializers.ValidationError(
                {"team": _("Team and personal job broker change through reassignment.")}
            )
        return attrs


class CitizenFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_q", label="Name or CPR")
    status = django_filters.ChoiceFilter(choices=CitizenStatus.choices)

    class Meta:
        model = Citizen
        fields = ["caseworker", "team", "status"]

    def filter_q(self, queryset, name, value):
        return queryset.search(value)


class CitizenViewSet(
    VisibleToUserMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    queryset = Citizen.objects.select_related("team", "caseworker").order_by("last_name", "pk")
    serializer_class = CitizenSerializer
    filterset_class = CitizenFilter
    permission_classes = [HasCaseRole]
    http_method_names = ["get", "post", "patch", "head", "options"]

    def list(self, request, *args, **kwargs):
        if request.query_params.get("q"):
            audit(
                action=AuditAction.SEARCH,
                request=request,
                detail={
                    "criteria": {
                        "q": "<CPR>"
                        if cpr_lib.looks_like_cpr(request.query_params["q"])
                        else request.query_params["q"]
                    }
                },
            )
        return super().list(request, *args, **kwargs)

    def retrieve(self, request, *args, **kwargs):
        citizen = self.get_object()
        audit(action=AuditAction.VIEW, request=request, citizen=citizen, obj=citizen)
        return Response(self.get_serializer(citizen).data)

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        team = data.pop("team")
        if team.pk not in self.request.user.team_ids() and not self.request.user.is_superuser:
            raise PermissionDenied
        serializer.instance = services.citizen_create(
            created_by=self.request.user,
            team=team,
            caseworker=data.pop("caseworker", None),
            cpr=data.pop("cpr", ""),
            request=self.request,
            **data,
        )

    def perform_update(self, serializer):
        serializer.instance = services.citizen_update(
            citizen=serializer.instance,
            changed_by=self.request.user,
            request=self.request,
            **serializer.validated_data,
        )

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        self.perform_create(serializer)
        return Response(serializer.data, status=status.HTTP_201_CREATED)
