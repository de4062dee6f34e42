"""Shared API plumbing: pagination, the one error shape, scoped viewsets."""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DataError
from django.utils.translation import gettext as _
from rest_framework import status
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.permissions import BasePermission
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from jobcenter.services import DomainError


class Pagination(PageNumberPagination):
    page_size_query_param = "page_size"
    max_page_size = 200

    def get_page_size(self, request) -> int:
        """A page size that is not a positive whole number is a 400, not silently ignored."""
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        try:
            size = int(raw)
        except ValueError:
            size = 0
        if size < 1:
            raise ValidationError(
                {self.page_size_query_param: _("Must be a whole number from 1 to 200.")}
            )
        return min(size, self.max_page_size)


def exception_handler(exc, context):
    """Domain errors are 409 ``{"detail", "code"}``; model validation errors are 400."""
    if isinstance(exc, DataError):
        # A value the database cannot hold (a NUL byte, a number out of range) is bad input.
        return Response(
            {"detail": _("The request contains a value that cannot be stored."), "code": "invalid"},
            status=status.HTTP_400_BAD_REQUEST,
        )
    if isinstance(exc, DomainError):
        return Response({"detail": exc.message, "code": exc.code}, status=status.HTTP_409_CONFLICT)
    if isinstance(exc, DjangoValidationError):
        detail = exc.message_dict if hasattr(exc, "error_dict") else {"detail": exc.messages}
        exc = ValidationError(detail)
    return drf_exception_handler(exc, context)


class VisibleToUserMixin:
    """Every API queryset goes through the model's ``visible_to(user)``: outside is a 404."""

    def get_queryset(self):
        return super().get_queryset().visible_to(self.request.user)


class HasCaseRole(BasePermission):
    """Caseworkers and team leads (and superusers); company consultants are refused (403)."""

    def has_permission(self, request, view) -> bool:
        user = request.user
        return bool(user and user.is_authenticated) and (
            user.is_superuser or user.has_perm("jobcenter.add_citizen")
        )
