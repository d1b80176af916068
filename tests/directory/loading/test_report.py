from django.test import SimpleTestCase
from django.utils import translation

from directory.loading.report import LoadReport, RowChange, value_text

SERVICE_KEY = '[["이민사회", 2], "결혼이민자 지원"]'


class RowChangeTests(SimpleTestCase):
    def test_label_names_the_model_and_the_natural_key(self):
        change = RowChange("directory.service", SERVICE_KEY)
        self.assertEqual(change.label, "서비스 이민사회 · 2 · 결혼이민자 지원")

    def test_differences_read_from_database_to_document(self):
        change = RowChange(
            "directory.service",
            SERVICE_KEY,
            differences={
                "division": (
                    ["이민사회", "이민체류지원 담당"],
                    ["이민사회", "다문화가족지원 담당"],
                ),
                "fax": (None, ["031-8030-4779"]),
            },
        )
        self.assertEqual(
            change.difference_texts,
            [
                "담당: 이민사회 · 이민체류지원 담당 → 이민사회 · 다문화가족지원 담당",
                "팩스: — → 031-8030-4779",
            ],
        )

    def test_reason_text_only_for_a_known_reason(self):
        with translation.override("en"):
            edited = RowChange("directory.service", SERVICE_KEY, reason="edited")
            self.assertEqual(edited.reason_text, "edited by staff since it was loaded")
        self.assertEqual(RowChange("directory.service", SERVICE_KEY).reason_text, "")


class LoadReportTests(SimpleTestCase):
    def test_summary_counts_each_section(self):
        change = RowChange("directory.service", SERVICE_KEY)
        report = LoadReport(added=[change], conflicts=[change], sector="이민사회")
        with translation.override("en"):
            self.assertEqual(
                report.summary,
                "이민사회: 1 added, 0 changed, 0 removed, 1 in conflict, 0 unchanged.",
            )

    def test_only_additions_changes_and_removals_change_anything(self):
        change = RowChange("directory.service", SERVICE_KEY)
        self.assertFalse(LoadReport(conflicts=[change], kept=[change]).changed_anything)
        self.assertTrue(LoadReport(removed=[change]).changed_anything)

    def test_value_text(self):
        self.assertEqual(value_text([["이민사회", 1], "가"]), "이민사회 · 1 · 가")
        self.assertEqual(value_text(None), "—")
        self.assertEqual(value_text(3), "3")
