"""REST API of API.md for schemes, applications, the queue and grants (same services as pages)."""

from __future__ import annotations

import django_filters
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response

from compensation import grants as grant_services
from compensation import selectors, services
from compensation.limits import DetailsInvalid
from compensation.models import (
    Application,
    ApplicationStatus,
    Grant,
    GrantStatus,
    Payee,
    Scheme,
)
from jobcenter.api_base import VisibleToUserMixin
from jobcenter.models import Citizen


class SchemeSerializer(serializers.ModelSerializer):
    name = serializers.CharField(read_only=True)
    legal_basis = serializers.SerializerMethodField()

    class Meta:
        model = Scheme
        fields = [
            "id",
            "code",
            "name",
            "name_da",
            "name_en",
            "description_da",
            "description_en",
            "legal_basis",
            "who_applies",
            "paid_to",
            "checklist",
            "limits",
            "has_employer",
            "fast_track_eligible",
            "fast_track_days",
            "decision_days",
            "follow_up_rule",
            "follow_up_text",
        ]

    def get_legal_basis(self, scheme) -> list[dict]:
        return [
            {
                "law": basis.law,
                "paragraph": basis.paragraph,
                "valid_from": basis.valid_from,
                "valid_to": basis.valid_to,
            }
            for basis in scheme.legal_bases.all()
        ]


class SchemeViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Scheme.objects.filter(active=True).prefetch_related("legal_bases")
    serializer_class = SchemeSerializer
    lookup_field = "code"
    pagination_class = None


def _raise_as_drf(error: DjangoValidationError):
    if isinstance(error, DetailsInvalid):
        raise serializers.ValidationError({"details": error.by_field}) from error
    raise serializers.ValidationError(
        error.message_dict if hasattr(error, "error_dict") else {"detail": error.messages}
    ) from error


class ApplicationSerializer(serializers.ModelSerializer):
    scheme = serializers.SlugRelatedField(slug_field="code", queryset=Scheme.objects.all())
    citizen = serializers.PrimaryKeyRelatedField(queryset=Citizen.objects.all())
    grant = serializers.PrimaryKeyRelatedField(read_only=True)

    class Meta:
        model = Application
        fields = [
            "id",
            "citizen",
            "scheme",
            "fast_track",
            "fast_track_reason",
            "employer",
            "details",
            "justification",
            "status",
            "submitted_at",
            "decision_due",
            "claimed_by",
            "claimed_at",
            "decided_by",
            "decided_at",
            "decision_reason",
            "return_reason",
            "grant",
            "created_by",
            "created_at",
            "updated_at",
        ]
        read_only_fields = [
            "status",
            "submitted_at",
            "decision_due",
            "claimed_by",
            "claimed_at",
            "decided_by",
            "decided_at",
            "decision_reason",
            "return_reason",
            "created_by",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        writing = request is not None and request.method in ("POST", "PATCH")
        if writing and request.user.is_authenticated:
            self.fields["citizen"].queryset = Citizen.objects.visible_to(request.user)
        if self.instance is not None and not isinstance(self.instance, list):
            self.fields["citizen"].read_only = True
            self.fields["scheme"].read_only = True


class QueueSerializer(ApplicationSerializer):
    citizen_name = serializers.CharField(source="citizen.full_name", read_only=True)
    working_days_left = serializers.SerializerMethodField()
    overdue = serializers.SerializerMethodField()
    due_today = serializers.SerializerMethodField()

    class Meta(ApplicationSerializer.Meta):
        fields = [f for f in ApplicationSerializer.Meta.fields if f != "grant"] + [
            "citizen_name",
            "working_days_left",
            "overdue",
            "due_today",
        ]

    def get_working_days_left(self, obj) -> int:
        return selectors.urgency(obj).working_days_left

    def get_overdue(self, obj) -> bool:
        return selectors.urgency(obj).overdue

    def get_due_today(self, obj) -> bool:
        return selectors.urgency(obj).due_today


class ApplicationFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=ApplicationStatus.choices)
    scheme = django_filters.CharFilter(field_name="scheme__code")

    class Meta:
        model = Application
        fields = ["status", "scheme", "fast_track", "citizen"]


class ReasonSerializer(serializers.Serializer):
    reason = serializers.CharField(required=True, allow_blank=False)


class GrantTermsSerializer(serializers.Serializer):
    start = serializers.DateField()
    end = serializers.DateField(required=False, allow_null=True)
    hours_per_week = serializers.DecimalField(
        max_digits=5, decimal_places=2, required=False, allow_null=True
    )
    amount = serializers.DecimalField(
        max_digits=12, decimal_places=2, required=False, allow_null=True
    )
    payee = serializers.ChoiceField(choices=Payee.choices, default=Payee.CITIZEN)
    terms = serializers.CharField(required=False, allow_blank=True)


class ApproveSerializer(serializers.Serializer):
    grant = GrantTermsSerializer()
    reason = serializers.CharField(required=False, allow_blank=True, default="")


def _call(fn, **kwargs):
    """Run a service: Django validation → 400, permission → 403, domain errors → 409."""
    try:
        return fn(**kwargs)
    except DetailsInvalid as error:
        _raise_as_drf(error)
    except DjangoValidationError as error:
        _raise_as_drf(error)
    except DjangoPermissionDenied as error:
        raise PermissionDenied(str(error) or None) from error


class ApplicationViewSet(
    VisibleToUserMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    queryset = Application.objects.select_related("citizen", "scheme", "grant").order_by(
        "-created_at", "-pk"
    )
    serializer_class = ApplicationSerializer
    filterset_class = ApplicationFilter
    http_method_names = ["get", "post", "patch", "head", "options"]

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        application = _call(
            services.application_create,
            created_by=request.user,
            citizen=data["citizen"],
            scheme=data["scheme"],
            fast_track=data.get("fast_track", False),
            fast_track_reason=data.get("fast_track_reason", ""),
            employer=data.get("employer"),
            details=data.get("details") or {},
            justification=data.get("justification", ""),
            request=request._request,
        )
        return Response(self.get_serializer(application).data, status=status.HTTP_201_CREATED)

    def update(self, request, *args, **kwargs):
        application = self.get_object()
        serializer = self.get_serializer(application, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        application = _call(
            services.application_update,
            application=application,
            changed_by=request.user,
            request=request._request,
            **serializer.validated_data,
        )
        return Response(self.get_serializer(application).data)

    def _respond(self, application):
        application.refresh_from_db()
        return Response(self.get_serializer(application).data)

    @extend_schema(request=None)
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        application = _call(
            services.application_submit,
            application=self.get_object(),
            submitted_by=request.user,
            request=request._request,
        )
        return self._respond(application)

    @extend_schema(request=None)
    @action(detail=True, methods=["post"])
    def withdraw(self, request, pk=None):
        application = _call(
            services.application_withdraw,
            application=self.get_object(),
            withdrawn_by=request.user,
            request=request._request,
        )
        return self._respond(application)

    @extend_schema(request=None)
    @action(detail=True, methods=["post"])
    def claim(self, request, pk=None):
        application = _call(
            services.application_claim,
            application=self.get_object(),
            lead=request.user,
            request=request._request,
        )
        return self._respond(application)

    @extend_schema(request=ApproveSerializer)
    @action(detail=True, methods=["post"])
    def approve(self, request, pk=None):
        application = self.get_object()
        payload = ApproveSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        _call(
            services.application_approve,
            application=application,
            decided_by=request.user,
            grant_terms=dict(payload.validated_data["grant"]),
            reason=payload.validated_data["reason"],
            request=request._request,
        )
        return self._respond(application)

    @extend_schema(request=ReasonSerializer)
    @action(detail=True, methods=["post"])
    def reject(self, request, pk=None):
        application = self.get_object()
        payload = ReasonSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        _call(
            services.application_reject,
            application=application,
            decided_by=request.user,
            reason=payload.validated_data["reason"],
            request=request._request,
        )
        return self._respond(application)

    @extend_schema(request=ReasonSerializer)
    @action(detail=True, methods=["post"], url_path="return")
    def return_(self, request, pk=None):
        application = self.get_object()
        payload = ReasonSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        _call(
            services.application_return,
            application=application,
            returned_by=request.user,
            reason=payload.validated_data["reason"],
            request=request._request,
        )
        return self._respond(application)


class QueueViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """The fast-track queue of the caller's teams (``?fast_track=false`` for the normal one)."""

    serializer_class = QueueSerializer
    queryset = Application.objects.none()

    def get_queryset(self):
        user = self.request.user
        if not (user.is_superuser or user.has_perm("compensation.view_queue")):
            raise PermissionDenied
        fast_track = self.request.query_params.get("fast_track", "true").lower() != "false"
        return selectors.queue(user=user, fast_track=fast_track)

    @extend_schema(
        request=None,
        responses={200: ApplicationSerializer, 204: inline_serializer("Empty", {})},
    )
    @action(detail=False, methods=["post"], url_path="claim-next")
    def claim_next(self, request):
        if not request.user.has_perm("compensation.view_queue"):
            raise PermissionDenied
        fast_track = request.query_params.get("fast_track", "true").lower() != "false"
        application = services.application_claim_next(
            lead=request.user, fast_track=fast_track, request=request._request
        )
        if application is None:
            return Response(status=status.HTTP_204_NO_CONTENT)
        return Response(ApplicationSerializer(application, context={"request": request}).data)


class GrantSerializer(serializers.ModelSerializer):
    scheme = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = Grant
        fields = [
            "id",
            "application",
            "citizen",
            "scheme",
            "start",
            "end",
            "hours_per_week",
            "amount",
            "payee",
            "terms",
            "status",
            "ended_at",
            "end_reason",
            "created_at",
        ]
        read_only_fields = fields


class GrantFilter(django_filters.FilterSet):
    scheme = django_filters.CharFilter(field_name="scheme__code")
    status = django_filters.ChoiceFilter(choices=GrantStatus.choices)

    class Meta:
        model = Grant
        fields = ["citizen", "scheme", "status"]


class GrantViewSet(VisibleToUserMixin, viewsets.ReadOnlyModelViewSet):
    queryset = Grant.objects.select_related("scheme").order_by("-start", "-pk")
    serializer_class = GrantSerializer
    filterset_class = GrantFilter

    def _finish(self, request, revoke: bool):
        grant = self.get_object()
        payload = ReasonSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        if revoke:
            grant = _call(
                grant_services.grant_revoke,
                grant=grant,
                revoked_by=request.user,
                reason=payload.validated_data["reason"],
                request=request._request,
            )
        else:
            grant = _call(
                grant_services.grant_end,
                grant=grant,
                ended_by=request.user,
                reason=payload.validated_data["reason"],
                request=request._request,
            )
        return Response(self.get_serializer(grant).data)

    @extend_schema(request=ReasonSerializer)
    @action(detail=True, methods=["post"])
    def end(self, request, pk=None):
        return self._finish(request, revoke=False)

    @extend_schema(request=ReasonSerializer)
    @action(detail=True, methods=["post"])
    def revoke(self, request, pk=None):
        return self._finish(request, revoke=True)
