import datetime
from zoneinfo import ZoneInfo

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from directory import holidays
from directory.hours import Schedule, all_schedules, validate_schedule
from directory.hours_text import lines, state_text
from directory.models import DeclaredHoliday
from tests.factories import make_contact

SEOUL = ZoneInfo("Asia/Seoul")
WEEK = ["mon", "tue", "wed", "thu", "fri"]
EVERY_DAY = [*WEEK, "sat", "sun"]
OFFICE = {"periods": [{"days": WEEK, "opens": "09:00", "closes": "18:00"}]}
LUNCH = {
    "periods": [
        {"days": WEEK, "opens": "09:00", "closes": "18:00", "lunch": ["12:00", "13:00"]}
    ]
}
NIGHT = {"periods": [{"days": ["fri"], "opens": "22:00", "closes": "02:00"}]}
ALL_DAY = {
    "periods": [{"days": EVERY_DAY, "opens": "00:00", "closes": "24:00"}],
    "open_on_holidays": True,
}


def seoul(*args):
    return datetime.datetime(*args, tzinfo=SEOUL)


class ScheduleTests(TestCase):
    def test_office_hours_open_on_a_weekday_and_say_when_they_close(self):
        # 2026-12-07 is a Monday.
        state = Schedule(OFFICE).state(seoul(2026, 12, 7, 10, 0))
        self.assertEqual(state, (True, seoul(2026, 12, 7, 18, 0), None))

    def test_closed_at_the_weekend_until_monday_morning(self):
        schedule = Schedule(OFFICE)
        sunday_night = seoul(2026, 12, 6, 21, 0)
        self.assertFalse(schedule.is_open(sunday_night))
        self.assertEqual(schedule.next_open(sunday_night), seoul(2026, 12, 7, 9, 0))

    def test_the_lunch_break_closes_the_line(self):
        schedule = Schedule(LUNCH)
        self.assertEqual(
            schedule.closes_at(seoul(2026, 12, 7, 11)), seoul(2026, 12, 7, 12)
        )
        self.assertFalse(schedule.is_open(seoul(2026, 12, 7, 12, 30)))
        self.assertEqual(
            schedule.next_open(seoul(2026, 12, 7, 12, 30)), seoul(2026, 12, 7, 13)
        )

    def test_a_period_across_midnight_belongs_to_the_day_it_starts(self):
        schedule = Schedule(NIGHT)
        self.assertTrue(schedule.is_open(seoul(2026, 12, 12, 1, 30)))  # Saturday
        self.assertEqual(
            schedule.closes_at(seoul(2026, 12, 11, 23)), seoul(2026, 12, 12, 2)
        )
        self.assertFalse(schedule.is_open(seoul(2026, 12, 12, 2, 0)))
        self.assertFalse(schedule.is_open(seoul(2026, 12, 11, 21, 59)))

    def test_a_line_open_day_and_night_never_closes(self):
        schedule = Schedule(ALL_DAY)
        for moment in [
            seoul(2026, 9, 25, 3),
            seoul(2026, 12, 6, 21),
            seoul(2027, 1, 1),
        ]:
            self.assertEqual(schedule.state(moment), (True, None, None))

    def test_chuseok_and_the_days_around_it_are_closed(self):
        # 추석 2026: 9-24 to 9-26, then a Sunday; 개천절 on Saturday 10-3 gives
        # Monday 10-5 as its substitute.
        schedule = Schedule(OFFICE)
        self.assertFalse(schedule.is_open(seoul(2026, 9, 25, 10)))
        self.assertEqual(
            schedule.next_open(seoul(2026, 9, 24, 10)), seoul(2026, 9, 28, 9)
        )

    def test_a_substitute_holiday_is_closed(self):
        schedule = Schedule(OFFICE)
        self.assertFalse(schedule.is_open(seoul(2026, 10, 5, 10)))
        self.assertEqual(
            schedule.next_open(seoul(2026, 10, 2, 19)), seoul(2026, 10, 6, 9)
        )

    def test_a_line_open_on_holidays_answers_on_chuseok(self):
        schedule = Schedule({**OFFICE, "open_on_holidays": True})
        self.assertTrue(schedule.is_open(seoul(2026, 9, 25, 10)))

    def test_a_declared_temporary_holiday_closes_the_offices(self):
        monday = seoul(2026, 12, 7, 10)
        self.assertTrue(Schedule(OFFICE).is_open(monday))
        DeclaredHoliday.objects.create(
            date=monday.date(), name="임시공휴일", source="관보 (시험)"
        )
        self.assertFalse(Schedule(OFFICE).is_open(monday))
        self.assertEqual(Schedule(OFFICE).next_open(monday), seoul(2026, 12, 8, 9))

    def test_a_time_in_another_zone_is_read_as_the_same_moment(self):
        # 01:30 UTC on a Monday is 10:30 in Seoul.
        utc = datetime.datetime(2026, 12, 7, 1, 30, tzinfo=datetime.UTC)
        self.assertTrue(Schedule(OFFICE).is_open(utc))
        new_york = datetime.datetime(
            2026, 12, 6, 20, 30, tzinfo=ZoneInfo("America/New_York")
        )
        self.assertTrue(Schedule(OFFICE).is_open(new_york))
        self.assertFalse(Schedule(OFFICE).is_open(new_york.replace(hour=8)))

    def test_unknown_hours_are_neither_open_nor_closed(self):
        self.assertEqual(Schedule({}).state(seoul(2026, 12, 7, 10)), (None, None, None))
        self.assertEqual(Schedule("평일 09:00–18:00").state(), (None, None, None))


class AllSchedulesTests(TestCase):
    def test_each_schedule_is_read_once_however_many_numbers_keep_it(self):
        for n in range(3):
            make_contact(f"031-8030-41{n:02d}", hours=OFFICE)
        make_contact("031-8030-4199", hours=NIGHT)
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            found = all_schedules()
        self.assertCountEqual(found, [OFFICE, NIGHT])
        [statement] = [
            q["sql"]
            for q in queries.captured_queries
            if "directory_contact" in q["sql"]
        ]
        with connection.cursor() as cursor:
            cursor.execute(statement)
            self.assertEqual(len(cursor.fetchall()), 2)


class ScheduleTextTests(TestCase):
    def test_the_schedule_reads_in_the_readers_language(self):
        with translation.override("vi"):
            self.assertEqual(
                lines(Schedule(LUNCH)),
                ["T2–T6 09:00–18:00 (nghỉ trưa 12:00–13:00)", "Nghỉ ngày lễ"],
            )
        with translation.override("ko"):
            self.assertEqual(
                lines(Schedule(ALL_DAY)), ["매일 24시간", "공휴일에도 운영"]
            )

    def test_the_state_says_when_it_closes_or_opens(self):
        with translation.override("en"):
            self.assertEqual(
                state_text(Schedule(OFFICE), seoul(2026, 12, 7, 10)),
                "Open now · closes at 18:00",
            )
            self.assertEqual(
                state_text(Schedule(OFFICE), seoul(2026, 12, 6, 21)),
                "Closed · opens Monday 09:00",
            )
        with translation.override("ne"):
            self.assertEqual(
                state_text(Schedule(ALL_DAY), seoul(2026, 12, 6, 21)),
                "अहिले खुला · २४ घण्टा",
            )


class ValidationTests(TestCase):
    def test_malformed_schedules_are_refused(self):
        bad = [
            {"periods": [{"days": ["mon"], "opens": "9", "closes": "18:00"}]},
            {"periods": [{"days": [], "opens": "09:00", "closes": "18:00"}]},
            {"periods": [{"days": ["mon"], "opens": "09:00", "closes": "09:00"}]},
            {
                "periods": [
                    {
                        "days": WEEK,
                        "opens": "09:00",
                        "closes": "18:00",
                        "lunch": ["19:00", "20:00"],
                    }
                ]
            },
            {"hours": "weekdays"},
        ]
        for data in bad:
            with self.subTest(data=data), self.assertRaises(ValidationError):
                validate_schedule(data)
        validate_schedule(LUNCH)
        validate_schedule(NIGHT)


class HolidayTests(TestCase):
    def test_the_korean_calendar_of_2026_and_2027(self):
        days_2026 = sorted(holidays.public_holidays(2026))
        self.assertEqual(
            [f"{day:%m-%d}" for day in days_2026],
            [
                "01-01",
                "02-16",
                "02-17",
                "02-18",
                "03-01",
                "03-02",
                "05-01",
                "05-05",
                "05-24",
                "05-25",
                "06-03",
                "06-06",
                "07-17",
                "08-15",
                "08-17",
                "09-24",
                "09-25",
                "09-26",
                "10-03",
                "10-05",
                "10-09",
                "12-25",
            ],
        )
        days_2027 = sorted(holidays.public_holidays(2027))
        self.assertEqual(
            [f"{day:%m-%d}" for day in days_2027],
            [
                "01-01",
                "02-06",
                "02-07",
                "02-08",
                "02-09",
                "03-01",
                "05-01",
                "05-03",
                "05-05",
                "05-13",
                "06-06",
                "07-17",
                "07-19",
                "08-15",
                "08-16",
                "09-14",
                "09-15",
                "09-16",
                "10-03",
                "10-04",
                "10-09",
                "10-11",
                "12-25",
                "12-27",
            ],
        )
        # The local elections of 2026-06-03 are a public holiday too.
        self.assertIn("선거", holidays.holiday_name(datetime.date(2026, 6, 3)))
