"""Serializers of the compensation API: validate and present; the services do the work."""

from __future__ import annotations

import django_filters
from django import forms
from django.utils.translation import gettext as _
from rest_framework import serializers

from compensation import selectors
from compensation.models import (
    Application,
    ApplicationStatus,
    Grant,
    GrantStatus,
    Payee,
    Scheme,
)
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


class SchemeCodeField(serializers.SlugRelatedField):
    def to_internal_value(self, data):
        if not isinstance(data, str) or "\x00" in data:
            self.fail("invalid")
        return super().to_internal_value(data)


class ApplicationSerializer(serializers.ModelSerializer):
    scheme = SchemeCodeField(slug_field="code", queryset=Scheme.objects.all())
    citizen = serializers.PrimaryKeyRelatedField(queryset=Citizen.objects.all())
    grant = serializers.PrimaryKeyRelatedField(read_only=True)
    # Plain strings: the same field name "status" on citizens would collide as an enum.
    status = serializers.CharField(read_only=True, help_text=", ".join(ApplicationStatus.values))

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


class StrictBooleanField(forms.Field):
    """true/false (or 1/0) only: anything else is a 400 rather than silently unfiltered."""

    def to_python(self, value):
        if value in (None, ""):
            return None
        if str(value).lower() in ("true", "1"):
            return True
        if str(value).lower() in ("false", "0"):
            return False
        raise forms.ValidationError(_("Use true or false."), code="invalid")


class StrictBooleanFilter(django_filters.BooleanFilter):
    field_class = StrictBooleanField


class ApplicationFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=ApplicationStatus.choices)
    fast_track = StrictBooleanFilter()
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


class GrantSerializer(serializers.ModelSerializer):
    scheme = serializers.SlugRelatedField(slug_field="code", read_only=True)
    status = serializers.CharField(read_only=True, help_text=", ".join(GrantStatus.values))

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
