"""Plain helpers that build directory rows with sensible Korean defaults."""

from directory.models import Contact, Division, Service, ServicePhone
from standards.models import Commitment, Pledge, PolicyArea, Sector


def make_sector(**overrides):
    fields = {"name": "시험분야", "title": "시험분야 분야 행정서비스 이행표준"}
    fields.update(overrides)
    return Sector.objects.create(**fields)


def make_area(sector=None, **overrides):
    fields = {"number": 1, "title": "이주민 인권증진 및 안정적인 정착 지원"}
    fields.update(overrides)
    return PolicyArea.objects.create(sector=sector or make_sector(), **fields)


def make_commitment(area=None, **overrides):
    fields = {"position": 1, "letter": "가", "title": "경기도 이주민 정책 수립"}
    fields.update(overrides)
    return Commitment.objects.create(area=area or make_area(), **fields)


def make_pledge(commitment=None, **overrides):
    fields = {"number": 1, "text": "이주민 정책을 수립하겠습니다."}
    fields.update(overrides)
    return Pledge.objects.create(commitment=commitment or make_commitment(), **fields)


def make_division(sector=None, **overrides):
    fields = {"name": "이민사회정책 담당", "position": 1}
    fields.update(overrides)
    return Division.objects.create(sector=sector or make_sector(), **fields)


# The province's office hours, as a schedule (directory/hours.py).
OFFICE_HOURS = {
    "periods": [
        {
            "days": ["mon", "tue", "wed", "thu", "fri"],
            "opens": "09:00",
            "closes": "18:00",
        }
    ],
    "open_on_holidays": False,
}


def make_contact(number="031-8030-4652", kind=Contact.Kind.PHONE, **overrides):
    return Contact.objects.create(number=number, kind=kind, **overrides)


def make_service(area=None, division=None, phones=("031-8030-4652",), **overrides):
    """A service with its phone numbers (strings or Contacts), in order."""
    area = area or make_area()
    division = division or make_division(sector=area.sector)
    fields = {"name": "이주민 정책 기본계획 수립", "position": 1}
    fields.update(overrides)
    service = Service.objects.create(area=area, division=division, **fields)
    for position, phone in enumerate(phones, 1):
        if not isinstance(phone, Contact):
            phone = Contact.objects.filter(number=phone).first() or make_contact(phone)
        ServicePhone.objects.create(service=service, contact=phone, position=position)
    return service


def public_page_paths(query="비자"):
    """One Korean URL of each public page type, from the loaded fixtures."""
    from django.urls import reverse
    from django.utils import translation

    # A request earlier in the same thread may have left another language on.
    translation.activate("ko")
    service = Service.objects.get(name="결혼이민자 지원")
    division = Division.objects.first()
    area = PolicyArea.objects.first()
    return [
        reverse("directory:home"),
        reverse("directory:service-list"),
        reverse("directory:division-list"),
        reverse("directory:search") + f"?q={query}",
        service.get_absolute_url(),
        reverse("directory:service-report", args=[service.pk]),
        division.get_absolute_url(),
        reverse("directory:division-sheet", args=[division.pk]),
        area.get_absolute_url(),
        reverse("directory:area-sheet", args=[area.pk]),
        Sector.objects.first().get_absolute_url(),
    ]
