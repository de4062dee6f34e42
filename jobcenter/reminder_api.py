"""REST API of deadlines and in-app notifications (the caller's own scope)."""

from __future__ import annotations

import django_filters
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from jobcenter import notification_services, services
from jobcenter.api_base import VisibleToUserMixin
from jobcenter.models import Deadline, DeadlineKind, Notification
from jobcenter.permissions import require_perm


class DeadlineSerializer(serializers.ModelSerializer):
    kind_label = serializers.CharField(read_only=True)
    done = serializers.SerializerMethodField()

    class Meta:
        model = Deadline
        fields = [
            "id",
            "title",
            "kind",
            "kind_label",
            "due_at",
            "done",
            "done_at",
            "team",
            "citizen",
            "owner",
        ]
        read_only_fields = fields

    def get_done(self, obj: Deadline) -> bool:
        return obj.done_at is not None


class DeadlineFilter(django_filters.FilterSet):
    due_before = django_filters.IsoDateTimeFilter(field_name="due_at", lookup_expr="lt")
    kind = django_filters.ChoiceFilter(choices=DeadlineKind.choices)
    done = django_filters.BooleanFilter(field_name="done_at", lookup_expr="isnull", exclude=True)

    class Meta:
        model = Deadline
        fields = ["due_before", "kind", "done"]


class DeadlineViewSet(VisibleToUserMixin, viewsets.ReadOnlyModelViewSet):
    """The caller's deadlines: their teams' and their own."""

    queryset = Deadline.objects.all()
    serializer_class = DeadlineSerializer
    filterset_class = DeadlineFilter

    @extend_schema(request=None, responses=DeadlineSerializer)
    @action(detail=True, methods=["post"])
    def done(self, request, pk=None):
        deadline = self.get_object()
        require_perm(request.user, "jobcenter.complete_deadline", deadline)
        deadline = services.deadline_complete(deadline=deadline, completed_by=request.user)
        return Response(DeadlineSerializer(deadline).data)


class NotificationSerializer(serializers.ModelSerializer):
    stage_label = serializers.CharField(source="get_stage_display", read_only=True)
    deadline_title = serializers.CharField(source="deadline.title", read_only=True)
    deadline_due_at = serializers.DateTimeField(source="deadline.due_at", read_only=True)

    class Meta:
        model = Notification
        fields = [
            "id",
            "stage",
            "stage_label",
            "deadline",
            "deadline_title",
            "deadline_due_at",
            "created_at",
            "read_at",
        ]
        read_only_fields = fields


class NotificationFilter(django_filters.FilterSet):
    unread = django_filters.BooleanFilter(field_name="read_at", lookup_expr="isnull")

    class Meta:
        model = Notification
        fields = ["unread"]


class NotificationViewSet(
    VisibleToUserMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """The caller's in-app notifications, newest first."""

    queryset = Notification.objects.select_related("deadline")
    serializer_class = NotificationSerializer
    filterset_class = NotificationFilter

    @extend_schema(request=None, responses=NotificationSerializer)
    @action(detail=True, methods=["post"])
    def read(self, request, pk=None):
        notification = notification_services.notification_mark_read(
            notification=self.get_object(), user=request.user
        )
        return Response(NotificationSerializer(notification).data)
