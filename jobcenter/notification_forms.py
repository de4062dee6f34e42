from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from jobcenter.models import NotificationPreference


class PreferenceForm(forms.ModelForm):
    digest_hour = forms.TypedChoiceField(
        label=_("Digest hour"),
        choices=[(hour, f"{hour:02d}:00") for hour in range(24)],
        coerce=int,
        help_text=_("The daily digest is sent at this hour (local time)."),
    )

    class Meta:
        model = NotificationPreference
        fields = ["email", "digest_hour"]
        widgets = {"email": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("save", _("Save")))
