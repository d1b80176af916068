from functools import partial

from django.utils import translation

from directory.models import Division, Service
from directory.search.engine import answer, best
from directory.search.reading import parse_query
from directory.search.results import records
from directory.search.sql.statements import AREA_SERVICES
from standards.models import Commitment, PolicyArea
from tests.base import SeededTestCase

MODELS = {
    "service": Service,
    "division": Division,
    "commitment": Commitment,
    "area": PolicyArea,
}


def services_of(obj, kind):
    if kind == "service":
        return [obj]
    if kind == "area":
        # Its first services, as its page's table begins.
        return list(obj.services.order_by("position")[:AREA_SERVICES])
    return list(obj.services.all())


def from_models(kind, pk, language):
    """What a result shows, as the models say it."""
    obj = MODELS[kind].objects.get(pk=pk)
    field = "name" if kind in ("service", "division") else "title"
    services = services_of(obj, kind)
    phones = {c.pk: c for s in services for c in s.phones_in_order}
    fax = next((s.fax for s in services if s.fax), None)
    division = obj if kind == "division" else next((s.division for s in services), None)
    with translation.override(language):
        translated = (getattr(obj, field), division.name if division else None)
    return {
        "kind": kind,
        "url": obj.get_absolute_url(),
        "names": (getattr(obj, f"{field}_ko"), translated[0]),
        "phones": [contact.national for contact in phones.values()],
        "fax": fax.national if fax else None,
        "division": (division.name_ko, translated[1]) if division else None,
    }


def shown(record):
    division = record.division and record.division.names
    return {
        "kind": record.kind,
        "url": record.url,
        "names": (record.names.korean, record.names.translated),
        "phones": [number.national for number in record.phones],
        "fax": record.fax.national if record.fax else None,
        "division": (division.korean, division.translated) if division else None,
    }


class RecordTests(SeededTestCase):
    def test_records_say_what_the_models_say(self):
        """Records are read as plain values; the models give the reference."""
        queries = ["고려인", "4773", "이민사회통합 담당", "인권", "지원", "8030"]
        for query in queries:
            _attempt, rows = answer(parse_query(query), partial(best, limit=50))
            for language in ["en", "ru"]:
                with self.subTest(query=query, language=language):
                    self.assertGreater(len(rows), 0)
                    self.assertEqual(
                        [shown(record) for record in records(rows, language)],
                        [from_models(kind, pk, language) for kind, pk in rows],
                    )

    def test_results_show_phone_fax_division_and_area(self):
        service = Service.objects.get(name="이주민·고려인동포 정착지원")
        (record,) = records([("service", service.pk)], "en")
        self.assertEqual(record.url, service.get_absolute_url())
        self.assertEqual([n.national for n in record.phones], ["031-8030-4692"])
        self.assertEqual(record.fax.national, "031-8030-4659")
        self.assertEqual(record.division.names.korean, "이민체류지원 담당")
        self.assertEqual(record.division.url, service.division.get_absolute_url())
        self.assertEqual(record.area.korean, service.area.title_ko)
        self.assertEqual(record.area.name_en, service.area.title_en)

    def test_numbers_carry_their_extension_and_facts(self):
        service = Service.objects.get(name="이주민·고려인동포 정착지원")
        contact = service.phones_in_order[0]
        contact.extension, contact.hours = "123", "평일 09:00–18:00"
        contact.save()
        (record,) = records([("service", service.pk)])
        (number,) = record.phones
        self.assertEqual(number.tel_uri, "tel:+82-31-8030-4692;ext=123")
        self.assertEqual(number.hours, "평일 09:00–18:00")
        self.assertEqual(number.label, contact.label)
