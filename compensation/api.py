"""REST API of API.md for schemes, applications, the queue and grants (same services as pages)."""

from __future__ import annotations

import django_filters
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.response import Response

from compensation import grants as grant_services
from compensation import selectors, services
from compensation.limits import DetailsInvalid
from compensation.models import Application, Grant, GrantStatus, Scheme
from compensation.serializers import (
    ApplicationFilter,
    ApplicationSerializer,
    ApproveSerializer,
    GrantSerializer,
    QueueSerializer,
    ReasonSerializer,
    SchemeSerializer,
)
from jobcenter.api_base import HasCaseRole, Pagination, VisibleToUserMixin
from jobcenter.permissions import require_perm


class StrictPagination(Pagination):
    """The schema says ``page`` is an integer: "last", "" and the like are a 404."""

    last_page_strings = ()

    def get_page_number(self, request, paginator):
        raw = request.query_params.get(self.page_query_param)
        if raw is not None and not raw.isdigit():
            raise NotFound(_("Invalid page."))
        return raw or 1


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
    permission_classes = [HasCaseRole]
    pagination_class = StrictPagination
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
        # Only team leads decide (403 whatever the body); four-eyes is the service's to say.
        require_perm(request.user, "compensation.claim_application", application)
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
        # Only team leads decide (403 whatever the body); four-eyes is the service's to say.
        require_perm(request.user, "compensation.claim_application", application)
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
        # Only team leads decide (403 whatever the body); four-eyes is the service's to say.
        require_perm(request.user, "compensation.claim_application", application)
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
    pagination_class = StrictPagination
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
    permission_classes = [HasCaseRole]
    pagination_class = StrictPagination

    def _finish(self, request, revoke: bool):
        grant = self.get_object()
        # A forbidden action is a 403 whatever the body says.
        perm = "compensation.revoke_grant" if revoke else "compensation.end_grant"
        require_perm(request.user, perm, grant)
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
