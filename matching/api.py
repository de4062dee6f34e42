"""REST API of matching (API.md): employers, vacancies, ranked matches, the pipeline."""

from __future__ import annotations

import django_filters
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response
from rest_framework.views import APIView

from jobcenter.api_base import VisibleToUserMixin
from jobcenter.audit import audit
from jobcenter.models import AuditAction, Citizen, User
from jobcenter.permissions import get_visible_or_404
from matching import ranking, selectors, services
from matching.models import (
    ContactPerson,
    Employer,
    Match,
    MatchProfile,
    MatchStatus,
    Occupation,
    Postcode,
    Skill,
    Vacancy,
)

MAX_LIMIT = 100


class ContactPersonSerializer(serializers.ModelSerializer):
    class Meta:
        model = ContactPerson
        fields = ["id", "name", "title", "email", "phone", "is_primary"]


class EmployerSerializer(serializers.ModelSerializer):
    contacts = ContactPersonSerializer(many=True, read_only=True)
    proposed_actions = serializers.SerializerMethodField()

    class Meta:
        model = Employer
        fields = [
            "id",
            "cvr",
            "p_number",
            "name",
            "industry",
            "sector",
            "address",
            "postcode",
            "employees",
            "consultant",
            "open_to_hiring",
            "knows_schemes",
            "knows_social_chapters",
            "needs_accommodation_help",
            "concerns",
            "offered_accommodations",
            "readiness",
            "contacts",
            "proposed_actions",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["id", "readiness", "created_at", "updated_at"]
        # Uniqueness per jobcenter is checked by the service (the jobcenter is the caller's).
        validators: list = []

    def get_fields(self):
        fields = super().get_fields()
        request = self.context.get("request")
        if request is not None and request.user.is_authenticated:
            fields["consultant"].queryset = User.objects.filter(
                memberships__team__jobcenter_id__in=request.user.jobcenter_ids()
            ).distinct()
        return fields

    def get_proposed_actions(self, employer: Employer) -> list[str]:
        return [str(code) for code in employer.proposed_actions()]


class EmployerFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_q", label="Name or CVR")

    class Meta:
        model = Employer
        fields = ["sector", "consultant", "cvr"]

    def filter_q(self, queryset, name, value):
        if value.isdigit():
            return queryset.filter(cvr__startswith=value)
        return queryset.filter(name__icontains=value)


class WriteViewSet(
    VisibleToUserMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    http_method_names = ["get", "post", "patch", "head", "options"]

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        self.perform_create(serializer)
        return Response(
            self.get_serializer(serializer.instance).data, status=status.HTTP_201_CREATED
        )


class EmployerViewSet(WriteViewSet):
    queryset = Employer.objects.prefetch_related("contacts").order_by("name", "pk")
    serializer_class = EmployerSerializer
    filterset_class = EmployerFilter

    def perform_create(self, serializer):
        user = self.request.user
        jobcenters = sorted(user.jobcenter_ids())
        if not jobcenters:
            raise PermissionDenied
        serializer.instance = services.employer_create(
            created_by=user,
            jobcenter_id=jobcenters[0],
            request=self.request._request,
            **serializer.validated_data,
        )

    def perform_update(self, serializer):
        serializer.instance = services.employer_update(
            employer=serializer.instance,
            changed_by=self.request.user,
            request=self.request._request,
            **serializer.validated_data,
        )


class VacancySerializer(serializers.ModelSerializer):
    occupation = serializers.PrimaryKeyRelatedField(queryset=Occupation.objects.filter(level=4))
    postcode = serializers.PrimaryKeyRelatedField(
        queryset=Postcode.objects.all(), allow_null=True, required=False
    )

    class Meta:
        model = Vacancy
        fields = [
            "id",
            "employer",
            "title",
            "occupation",
            "description",
            "required_skills",
            "wanted_skills",
            "hours_min",
            "hours_max",
            "flex_job_possible",
            "postcode",
            "accommodations",
            "start_date",
            "positions",
            "status",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["id", "created_at", "updated_at"]

    def get_fields(self):
        fields = super().get_fields()
        request = self.context.get("request")
        if request is not None:
            fields["employer"].queryset = Employer.objects.visible_to(request.user)
        if self.instance is not None and not isinstance(self.instance, list):
            fields["employer"].read_only = True
        return fields

    def _known_skills(self, value: list[int]) -> list[int]:
        unknown = set(value) - set(Skill.objects.filter(pk__in=value).values_list("pk", flat=True))
        if unknown:
            raise serializers.ValidationError(f"Unknown skill ids: {sorted(unknown)}")
        return value

    def validate_required_skills(self, value):
        return self._known_skills(value)

    def validate_wanted_skills(self, value):
        return self._known_skills(value)

    def validate(self, attrs):
        low = attrs.get("hours_min", getattr(self.instance, "hours_min", 0))
        high = attrs.get("hours_max", getattr(self.instance, "hours_max", 0))
        if low > high:
            raise serializers.ValidationError({"hours_max": "Must not be below hours_min."})
        return attrs


class VacancyFilter(django_filters.FilterSet):
    class Meta:
        model = Vacancy
        fields = ["employer", "status", "occupation", "flex_job_possible"]


class VacancyViewSet(WriteViewSet):
    queryset = Vacancy.objects.select_related("employer").order_by("-created_at", "-pk")
    serializer_class = VacancySerializer
    filterset_class = VacancyFilter

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        serializer.instance = services.vacancy_create(
            created_by=self.request.user,
            employer=data.pop("employer"),
            request=self.request._request,
            **data,
        )

    def perform_update(self, serializer):
        serializer.instance = services.vacancy_update(
            vacancy=serializer.instance,
            changed_by=self.request.user,
            request=self.request._request,
            **serializer.validated_data,
        )

    @extend_schema(
        parameters=[
            OpenApiParameter("limit", int),
            OpenApiParameter("team", int),
            OpenApiParameter("caseworker", int),
            OpenApiParameter("flex_job", bool),
        ],
        responses={200: inline_serializer("RankedCitizens", {"results": serializers.ListField()})},
    )
    @action(detail=True, methods=["get"])
    def matches(self, request, pk=None):
        vacancy = self.get_object()
        user = request.user
        if not (user.is_superuser or user.team_ids()):
            raise PermissionDenied
        teams = None if user.is_superuser else sorted(user.team_ids())
        team = _int_param(request, "team")
        if team is not None:
            teams = [team] if teams is None or team in teams else []
        ranked = ranking.citizens_for_vacancy(
            vacancy,
            team_ids=teams,
            limit=_limit(request),
            caseworker_id=_int_param(request, "caseworker"),
            flex_job_only=request.query_params.get("flex_job") in ("1", "true"),
        )
        audit(
            action=AuditAction.VIEW,
            request=request._request,
            obj=vacancy,
            purpose="ranked citizens for vacancy",
            detail={"citizens": [item.citizen_id for item in ranked]},
        )
        results = [
            {
                "citizen": item.citizen_id,
                "name": item.citizen_name,
                "score": item.score,
                "explanation": item.result.explanation(),
            }
            for item in ranked
        ]
        return Response({"vacancy": vacancy.pk, "count": len(results), "results": results})


def _int_param(request, name: str) -> int | None:
    value = request.query_params.get(name, "")
    return int(value) if value.isdigit() else None


def _limit(request) -> int:
    try:
        return max(1, min(MAX_LIMIT, int(request.query_params.get("limit", 20))))
    except ValueError:
        return 20


class CitizenMatchesView(APIView):
    """Open vacancies ranked for a citizen, each with its score and explanation."""

    @extend_schema(
        parameters=[
            OpenApiParameter("limit", int),
            OpenApiParameter("sector", str),
            OpenApiParameter("flex_job", bool),
            OpenApiParameter("employer", int),
            OpenApiParameter("occupation_major", int),
        ],
        responses={200: inline_serializer("RankedVacancies", {"results": serializers.ListField()})},
    )
    def get(self, request, pk: int):
        citizen = get_visible_or_404(Citizen.objects.all(), request.user, pk=pk)
        if not request.user.has_perm("matching.view_matches", citizen):
            raise PermissionDenied
        profile = MatchProfile.objects.filter(citizen=citizen).first()
        ranked = []
        if profile is not None:
            ranked = ranking.vacancies_for_profile(
                profile,
                limit=_limit(request),
                sector=request.query_params.get("sector", "")[:10],
                flex_job_only=request.query_params.get("flex_job") in ("1", "true"),
                employer_id=_int_param(request, "employer"),
                occupation_major=_int_param(request, "occupation_major"),
            )
        audit(
            action=AuditAction.VIEW,
            request=request._request,
            citizen=citizen,
            purpose="ranked vacancies for citizen",
            detail={"vacancies": [item.vacancy_id for item in ranked]},
        )
        results = [
            {
                "vacancy": item.vacancy_id,
                "title": item.vacancy_title,
                "employer": item.employer_id,
                "employer_name": item.employer_name,
                "score": item.score,
                "explanation": item.result.explanation(),
            }
            for item in ranked
        ]
        return Response({"citizen": citizen.pk, "count": len(results), "results": results})


class MatchSerializer(serializers.ModelSerializer):
    class Meta:
        model = Match
        fields = [
            "id",
            "citizen",
            "vacancy",
            "status",
            "score",
            "explanation",
            "note",
            "contacted_on",
            "interview_on",
            "hired_on",
            "closed_on",
            "created_at",
            "updated_at",
        ]
        read_only_fields = [f for f in fields if f not in ("citizen", "vacancy", "note")]

    def get_fields(self):
        fields = super().get_fields()
        request = self.context.get("request")
        if request is not None and "citizen" in fields:
            fields["citizen"].queryset = Citizen.objects.visible_to(request.user)
            fields["vacancy"].queryset = Vacancy.objects.visible_to(request.user)
        return fields


class AdvanceSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=MatchStatus.choices)
    on = serializers.DateField(required=False)
    note = serializers.CharField(required=False, allow_blank=True, default="")


class MatchFilter(django_filters.FilterSet):
    class Meta:
        model = Match
        fields = ["citizen", "vacancy", "status"]


class MatchViewSet(
    VisibleToUserMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    queryset = Match.objects.select_related("citizen").order_by("-updated_at", "-pk")
    serializer_class = MatchSerializer
    filterset_class = MatchFilter

    def perform_create(self, serializer):
        data = serializer.validated_data
        serializer.instance = services.match_propose(
            citizen=data["citizen"],
            vacancy=data["vacancy"],
            proposed_by=self.request.user,
            note=data.get("note", ""),
            request=self.request._request,
        )

    @extend_schema(request=AdvanceSerializer, responses={200: MatchSerializer})
    @action(detail=True, methods=["post"])
    def advance(self, request, pk=None):
        match = self.get_object()
        serializer = AdvanceSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        match = services.match_advance(
            match=match,
            by=request.user,
            request=request._request,
            **serializer.validated_data,
        )
        data = MatchSerializer(match, context=self.get_serializer_context()).data
        data["fast_track_links"] = selectors.fast_track_links(match)
        return Response(data)
