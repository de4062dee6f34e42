from django.contrib import admin

from matching.models import (
    AccommodationNeed,
    ContactPerson,
    Employer,
    EmployerAction,
    EmployerActivity,
    Match,
    MatchProfile,
    MatchStep,
    Occupation,
    Postcode,
    Skill,
    Vacancy,
)


class ContactInline(admin.TabularInline):
    model = ContactPerson
    extra = 0


class ActionInline(admin.TabularInline):
    model = EmployerAction
    extra = 0
    readonly_fields = ["done_at", "done_by"]


@admin.register(Employer)
class EmployerAdmin(admin.ModelAdmin):
    list_display = ["name", "cvr", "sector", "jobcenter", "consultant", "readiness"]
    list_filter = ["sector", "jobcenter", "open_to_hiring"]
    search_fields = ["name", "cvr"]
    readonly_fields = ["readiness", "offered_mask"]
    inlines = [ContactInline, ActionInline]


@admin.register(EmployerActivity)
class EmployerActivityAdmin(admin.ModelAdmin):
    list_display = ["employer", "kind", "at", "by"]
    list_filter = ["kind"]
    raw_id_fields = ["employer"]


@admin.register(Vacancy)
class VacancyAdmin(admin.ModelAdmin):
    list_display = ["title", "employer", "occupation", "status", "postcode"]
    list_filter = ["status", "flex_job_possible"]
    search_fields = ["title", "employer__name"]
    raw_id_fields = ["employer", "occupation", "postcode"]


class NeedInline(admin.TabularInline):
    model = AccommodationNeed
    extra = 0


@admin.register(MatchProfile)
class MatchProfileAdmin(admin.ModelAdmin):
    list_display = ["citizen", "hours_min", "hours_max", "max_commute_km", "flex_job_eligible"]
    raw_id_fields = ["citizen"]
    inlines = [NeedInline]


class StepInline(admin.TabularInline):
    model = MatchStep
    extra = 0


@admin.register(Match)
class MatchAdmin(admin.ModelAdmin):
    list_display = ["citizen", "vacancy", "status", "score", "updated_at"]
    list_filter = ["status"]
    raw_id_fields = ["citizen", "vacancy"]
    inlines = [StepInline]


@admin.register(Postcode)
class PostcodeAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "municipality_code", "latitude", "longitude"]
    search_fields = ["code", "name"]


@admin.register(Occupation)
class OccupationAdmin(admin.ModelAdmin):
    list_display = ["code", "title_da", "title_en", "level"]
    list_filter = ["level"]
    search_fields = ["code", "title_da", "title_en"]


@admin.register(Skill)
class SkillAdmin(admin.ModelAdmin):
    list_display = ["id", "title_da", "title_en"]
    search_fields = ["title_da", "title_en"]
