"""Render a data-export section (a dict or a list of dicts) as an accessible table."""

from __future__ import annotations

import datetime as dt
import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

from reporting.gdpr import field_label

register = template.Library()


def _text(value) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).strftime("%d.%m.%Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, dict | list):
        return json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False)
    return str(value)


@register.simple_tag
def gdpr_table(data, title):
    if not data:
        return format_html("<p>{}</p>", _("Nothing held."))
    if isinstance(data, dict):
        body = format_html_join(
            "",
            '<tr><th scope="row">{}</th><td>{}</td></tr>',
            ((field_label(k), _text(v)) for k, v in data.items()),
        )
        head = format_html(
            '<thead><tr><th scope="col">{}</th><th scope="col">{}</th></tr></thead>',
            _("Field"),
            _("Value"),
        )
    else:
        columns = list(data[0].keys())
        head = format_html(
            "<thead><tr>{}</tr></thead>",
            format_html_join("", '<th scope="col">{}</th>', ((field_label(c),) for c in columns)),
        )
        body = format_html_join(
            "",
            "<tr>{}</tr>",
            (
                (format_html_join("", "<td>{}</td>", ((_text(row.get(c)),) for c in columns)),)
                for row in data
            ),
        )
    return format_html(
        '<div class="table-responsive" tabindex="0" role="region" aria-label="{}">'
        '<table class="table table-sm">'
        '<caption class="caption-top">{}</caption>{}<tbody>{}</tbody></table></div>',
        title,
        title,
        head,
        body,
    )
