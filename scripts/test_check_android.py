#!/usr/bin/env python3
"""Tests of scripts/check-android.py: each rule fails on a planted
violation and passes the allowed cases beside it. Plain unittest, run with
the venv's python (it needs tree-sitter-kotlin):

    $HEFT_TOOLS/venv/bin/python scripts/test_check_android.py
"""

import importlib.util
import sys
import tempfile
import unittest
from pathlib import Path

HERE = Path(__file__).resolve().parent
spec = importlib.util.spec_from_file_location("check_android", HERE / "check-android.py")
check_android = importlib.util.module_from_spec(spec)
spec.loader.exec_module(check_android)

PARSER = check_android.parser()

VIEW_HEADER = """package app.heft.android.ui

import androidx.compose.material3.Text
import androidx.compose.runtime.Composable

"""


class Planted(unittest.TestCase):
    """Files written into a temporary android/ tree and checked there."""

    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.root = Path(self.dir.name) / "android"
        (self.root / "app/src/main/kotlin").mkdir(parents=True)
        (self.root / "heft-kotlin/src/main").mkdir(parents=True)

    def tearDown(self):
        self.dir.cleanup()

    def problems(self, body: str, name: str = "View.kt", where: str = "app/src/main/kotlin") -> list:
        path = self.root / where / name
        path.write_text(body, encoding="utf-8")
        return check_android.check(path, self.root, PARSER)

    def assertFlags(self, body: str, fragment: str, name: str = "View.kt"):
        problems = self.problems(body, name)
        self.assertTrue(any(fragment in p for p in problems), f"expected {fragment!r} in {problems}")

    def assertClean(self, body: str, name: str = "View.kt"):
        self.assertEqual(self.problems(body, name), [])

    # --- parsing ---

    def test_a_syntax_error_fails(self):
        self.assertFlags("fun broken( {\n", "ERROR")

    def test_a_missing_token_fails(self):
        problems = self.problems("fun f() {\n    val x = listOf(1, 2\n}\n")
        self.assertTrue(any("ERROR" in p or "MISSING" in p for p in problems), problems)

    def test_an_open_call_parses_and_the_modifier_still_does(self):
        # tree-sitter-kotlin reads `open(` as the modifier; Kotlin does not.
        self.assertClean(
            "open class A {\n    fun open(x: Int) = x\n    init {\n        open(1)\n    }\n}\n",
        )

    def test_bad_xml_fails_and_good_xml_passes(self):
        bad = self.root / "heft-kotlin/src/main/AndroidManifest.xml"
        bad.write_text("<manifest><application></manifest>", encoding="utf-8")
        self.assertTrue(check_android.check(bad, self.root, PARSER))
        bad.write_text('<?xml version="1.0"?><manifest />', encoding="utf-8")
        self.assertEqual(check_android.check(bad, self.root, PARSER), [])

    def test_rules_apply_only_to_app_and_presenters(self):
        path = self.root / "heft-kotlin/src/main/Lib.kt"
        path.write_text('val label = "Rest over"\n', encoding="utf-8")
        self.assertEqual(check_android.check(path, self.root, PARSER), [])

    def test_rules_leave_tests_alone_but_not_shipped_presenters(self):
        (self.root / "presenters/src/test/kotlin").mkdir(parents=True)
        (self.root / "presenters/src/main/kotlin").mkdir(parents=True)
        body = 'fun name() = "one tap logs the next set"\n'
        self.assertEqual(self.problems(body, where="presenters/src/test/kotlin"), [])
        self.assertTrue(self.problems(body, where="presenters/src/main/kotlin"))

    # --- text a person reads ---

    def test_a_sentence_in_a_view_fails(self):
        self.assertFlags(
            VIEW_HEADER + '@Composable\nfun RestOver() {\n    Text("Rest over")\n}\n',
            "'Rest over'",
        )

    def test_a_capitalised_word_fails(self):
        self.assertFlags(VIEW_HEADER + 'val title = "Progress"\n', "'Progress'")

    def test_a_template_around_words_fails(self):
        self.assertFlags(VIEW_HEADER + 'fun f(n: Int) = "$n sets done"\n', "sets done")

    def test_a_unit_word_fails_even_lowercase(self):
        self.assertFlags(VIEW_HEADER + 'fun f(x: String) = x + " kg"\n', "' kg'")
        self.assertFlags(VIEW_HEADER + 'val unit = "lb"\n', "'lb'")

    def test_keys_routes_and_mime_types_pass(self):
        self.assertClean(
            VIEW_HEADER
            + 'const val ROUTE = "log?exercise={exercise}&set={set}"\n'
            + 'const val MIME = "application/octet-stream"\n'
            + 'const val KEY = "ends_at"\n'
            + 'const val PART = ".part"\n'
            + 'fun key(id: String) = "log:$id:${id.length}"\n'
            + 'fun join(a: String, b: String) = a + " · " + b\n',
        )

    def test_exception_details_and_annotations_pass(self):
        self.assertClean(
            VIEW_HEADER
            + '@Suppress("UNCHECKED_CAST")\n'
            + 'fun f(uri: String): Nothing = throw java.io.IOException("cannot open $uri")\n',
        )

    def test_previews_may_hold_samples_and_their_text(self):
        self.assertClean(
            VIEW_HEADER
            + "import androidx.compose.ui.tooling.preview.Preview\n\n"
            + '@Preview(name = "Today, dark")\n@Composable\nprivate fun TodayPreview() {\n'
            + '    Text("Sample title")\n    Text(Samples.today.title)\n}\n',
        )

    def test_samples_outside_a_preview_fail(self):
        self.assertFlags(
            VIEW_HEADER + "@Composable\nfun Today() {\n    Text(Samples.today.title)\n}\n",
            "outside a @Preview",
        )

    def test_the_samples_file_itself_passes(self):
        self.assertClean('package app.heft.android.ui\n\nobject Samples {\n    val title = "Sample program"\n}\n',
                         name="Samples.kt")

    # --- rules ---

    def test_pound_factors_fail(self):
        self.assertFlags(VIEW_HEADER + "fun lb(kg: Double) = kg * 2.20462\n", "pound/kilogram")
        self.assertFlags(VIEW_HEADER + "fun kg(lb: Double) = lb * 0.45359237\n", "pound/kilogram")

    def test_epley_and_brzycki_fail(self):
        self.assertFlags(VIEW_HEADER + "fun e1rm(w: Double, r: Int) = w * (1 + r / 30.0)\n", "e1RM formula")
        self.assertFlags(VIEW_HEADER + "fun e1rm(w: Double, r: Int) = w * 36 / (37 - r)\n", "e1RM formula")

    def test_rpe_and_rir_arithmetic_fail(self):
        self.assertFlags(VIEW_HEADER + "fun rpe(rir: Int) = 10 - rir\n", "RPE or RIR")
        self.assertFlags(VIEW_HEADER + "fun f(setRpe: Double) = setRpe + 0.5\n", "RPE or RIR")

    def test_a_percentage_of_a_maximum_fails(self):
        self.assertFlags(VIEW_HEADER + "fun load(e1rm: Double) = e1rm * 0.8\n", "percentage of a maximum")

    def test_plate_maths_fails(self):
        self.assertFlags(VIEW_HEADER + "fun side(total: Double, bar: Double) = (total - bar) / 2 + plates\n",
                         "plate maths")
        self.assertFlags(VIEW_HEADER + "fun side(perSide: Double) = perSide * 2\n", "plate maths")

    def test_arithmetic_on_a_load_fails(self):
        self.assertFlags(VIEW_HEADER + "fun next(workingLoad: Double) = workingLoad + 2.5\n", "weight, load")
        self.assertFlags(VIEW_HEADER + "fun next(reps: Int) = reps + 1\n", "weight, load")

    def test_a_threshold_on_training_numbers_fails(self):
        self.assertFlags(VIEW_HEADER + "fun far(weekMinutes: Int) = weekMinutes > 130\n", "threshold")
        self.assertFlags(VIEW_HEADER + "fun short(reps: Int) = reps < 5\n", "threshold")

    def test_a_duration_written_by_hand_fails(self):
        self.assertFlags(VIEW_HEADER + "fun m(restSeconds: Int) = restSeconds / 60\n", "duration")
        self.assertFlags(VIEW_HEADER + "fun long(seconds: Int) = seconds > 180\n", "threshold")

    def test_drawing_and_time_arithmetic_pass(self):
        # A chart scaled by the core's axis, a rest's end from the record.
        self.assertClean(
            VIEW_HEADER
            + "fun y(height: Float, minutes: Float, axis: Float) = height * (1f - minutes / axis)\n"
            + "fun endsAt(startedMs: Long, seconds: Long) = startedMs + seconds * 1000L\n"
            + "fun slot(width: Float, count: Int) = width / count.coerceAtLeast(1)\n",
        )

    def test_rules_are_not_fooled_by_comments_or_strings(self):
        self.assertClean(VIEW_HEADER + "// kg * 2.20462 is the core's\nval x = 1\n")


class References(unittest.TestCase):
    """Resources and manifest classes named but not there."""

    MANIFEST = """<?xml version="1.0" encoding="utf-8"?>
<manifest xmlns:android="http://schemas.android.com/apk/res/android">
    <application android:name=".HeftApplication" android:label="@string/app_name">
        <service android:name=".platform.RestTimerService" />
    </application>
</manifest>
"""

    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.app = Path(self.dir.name) / "app"
        main = self.app / "src/main"
        for d in ("res/values", "res/values-de", "kotlin/app/heft/android/platform"):
            (main / d).mkdir(parents=True)
        (main / "AndroidManifest.xml").write_text(self.MANIFEST, encoding="utf-8")
        self.strings("values", '<string name="app_name" translatable="false">Heft</string><string name="back">Back</string>')
        self.strings("values-de", '<string name="back">Zurück</string>')
        self.kotlin("HeftApplication.kt", "package app.heft.android\n\nclass HeftApplication\nval x = R.string.back\n")
        self.kotlin("platform/RestTimerService.kt", "package app.heft.android.platform\n\nclass RestTimerService\n")

    def tearDown(self):
        self.dir.cleanup()

    def strings(self, folder: str, body: str):
        path = self.app / "src/main/res" / folder / "strings.xml"
        path.write_text(f'<?xml version="1.0" encoding="utf-8"?><resources>{body}</resources>', encoding="utf-8")

    def kotlin(self, name: str, body: str):
        (self.app / "src/main/kotlin/app/heft/android" / name).write_text(body, encoding="utf-8")

    def test_a_sound_app_passes(self):
        self.assertEqual(check_android.reference_problems(self.app), [])

    def test_a_missing_string_fails(self):
        self.kotlin("Other.kt", "package app.heft.android\n\nval y = R.string.nowhere\n")
        self.assertIn("R.string.nowhere", " ".join(check_android.reference_problems(self.app)))

    def test_a_missing_translation_fails(self):
        self.strings("values-de", "")
        self.assertIn("no German for string back", " ".join(check_android.reference_problems(self.app)))

    def test_a_manifest_class_not_declared_fails(self):
        (self.app / "src/main/kotlin/app/heft/android/platform/RestTimerService.kt").unlink()
        self.assertIn(".platform.RestTimerService", " ".join(check_android.reference_problems(self.app)))


class RealTree(unittest.TestCase):
    """The repository's own android/ passes, file by file."""

    def test_every_file_passes(self):
        found = check_android.files()
        self.assertTrue(any(p.name == "MainActivity.kt" for p in found), "the app's sources were not found")
        failures = {str(p): check_android.check(p, check_android.ANDROID, PARSER) for p in found}
        self.assertEqual({p: f for p, f in failures.items() if f}, {})

    def test_the_app_references_pass(self):
        self.assertEqual(check_android.reference_problems(check_android.ANDROID / "app"), [])


if __name__ == "__main__":
    result = unittest.main(exit=False, verbosity=1).result
    run, bad = result.testsRun, len(result.failures) + len(result.errors)
    print(f"check-android tests: {run - bad} passed, {bad} failed")
    sys.exit(1 if bad or not run else 0)
