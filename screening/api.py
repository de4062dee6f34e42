"""REST API: POST/GET /api/v1/screenings/, GET /api/v1/screenings/{id}/ (docs/API.md)."""

from __future__ import annotations

import django_filters
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from jobcenter.api_base import HasCaseRole, VisibleToUserMixin
from jobcenter.models import Citizen
from screening import selectors, services
from screening.models import Screening, ScreeningStatus
from screening.questionnaire import validate_answers


class ScreeningSerializer(serializers.ModelSerializer):
    questionnaire_version = serializers.IntegerField(source="questionnaire.version")
    declined = serializers.SerializerMethodField()
    created_by = serializers.PrimaryKeyRelatedField(read_only=True)

    class Meta:
        model = Screening
        fields = [
            "id",
            "citizen",
            "questionnaire_version",
            "status",
            "declined",
            "decline_note",
            "answers",
            "outcome",
            "supersedes",
            "superseded_at",
            "created_by",
            "created_at",
        ]
        read_only_fields = fields

    def get_declined(self, screening: Screening) -> bool:
        return screening.status == ScreeningStatus.DECLINED


class ScreeningCreateSerializer(serializers.Serializer):
    citizen = serializers.PrimaryKeyRelatedField(queryset=Citizen.objects.none())
    answers = serializers.JSONField(required=False, default=dict)
    declined = serializers.BooleanField(required=False, default=False)
    decline_note = serializers.CharField(required=False, allow_blank=True, max_length=500)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        if request is not None:
            self.fields["citizen"].queryset = Citizen.objects.visible_to(request.user)

    def validate(self, attrs: dict) -> dict:
        answers = attrs.get("answers") or {}
        if attrs.get("declined"):
            if answers:
                raise serializers.ValidationError(
                    {"answers": ["A declined screening has no answers."]}
                )
            return attrs
        questionnaire = services.current_questionnaire()
        clean, errors = validate_answers(questionnaire.definition, answers)
        if errors:
            raise serializers.ValidationError({"answers": errors})
        attrs["answers"] = clean
        attrs["questionnaire"] = questionnaire
        return attrs


class ScreeningFilter(django_filters.FilterSet):
    # A plain number: an invisible citizen gives an empty list, not a hint that it exists.
    citizen = django_filters.NumberFilter(field_name="citizen_id")
    status = django_filters.ChoiceFilter(choices=ScreeningStatus.choices)

    class Meta:
        model = Screening
        fields = ["citizen", "status"]


class ScreeningViewSet(
    VisibleToUserMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    """Screenings of citizens (health data: caseworkers and team leads of the team only).
    Every read is written to the audit trail."""

    queryset = Screening.objects.select_related("questionnaire").order_by("-created_at", "-pk")
    serializer_class = ScreeningSerializer
    permission_classes = [IsAuthenticated, HasCaseRole]
    filterset_class = ScreeningFilter

    def get_serializer_class(self):
        return ScreeningCreateSerializer if self.action == "create" else ScreeningSerializer

    def list(self, request, *args, **kwargs):
        queryset = self.filter_queryset(self.get_queryset())
        page = self.paginate_queryset(queryset)
        selectors.audit_reads(page, user=request.user, request=request._request, purpose="api")
        return self.get_paginated_response(ScreeningSerializer(page, many=True).data)

    def retrieve(self, request, *args, **kwargs):
        screening = self.get_object()
        selectors.audit_reads(
            [screening], user=request.user, request=request._request, purpose="api"
        )
        return Response(ScreeningSerializer(screening).data)

    @extend_schema(request=ScreeningCreateSerializer, responses={201: ScreeningSerializer})
    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        if data["declined"]:
            screening = services.screening_decline(
                citizen=data["citizen"],
                declined_by=request.user,
                note=data.get("decline_note", ""),
                request=request._request,
            )
        else:
            screening = services.screening_complete(
                citizen=data["citizen"],
                answers=data["answers"],
                questionnaire=data["questionnaire"],
                screened_by=request.user,
                request=request._request,
            )
        return Response(ScreeningSerializer(screening).data, status=status.HTTP_201_CREATED)
