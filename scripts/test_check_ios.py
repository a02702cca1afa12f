#!/usr/bin/env python3
"""Tests of scripts/check-ios.py and scripts/gen-swift-fake.py: each rule
fails on a planted violation and passes the allowed cases beside it. Plain
unittest, run with the venv's python (it needs tree-sitter-swift):

    $HEFT_TOOLS/venv/bin/python scripts/test_check_ios.py
"""

import contextlib
import importlib.util
import io
import json
import sys
import tempfile
import unittest
from pathlib import Path

HERE = Path(__file__).resolve().parent


def load(name: str, file: str):
    spec = importlib.util.spec_from_file_location(name, HERE / file)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


check_ios = load("check_ios", "check-ios.py")
gen_fake = load("gen_swift_fake", "gen-swift-fake.py")

PARSER = check_ios.parser()

HEADER = "import HeftCore\nimport SwiftUI\n\n"


class Planted(unittest.TestCase):
    """Files written into a temporary ios/ tree and checked there."""

    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.root = Path(self.dir.name) / "ios"
        for where in ("HeftApp/Sources/Views", "HeftPresentation/Sources/HeftPresentation",
                      "HeftPresentation/Tests/HeftPresentationTests", "HeftApp/Resources"):
            (self.root / where).mkdir(parents=True)

    def tearDown(self):
        self.dir.cleanup()

    def problems(self, body: str, where: str = "HeftApp/Sources/Views", name: str = "View.swift") -> list:
        path = self.root / where / name
        path.write_text(body, encoding="utf-8")
        return check_ios.check(path, self.root, PARSER)

    def assertFlags(self, body: str, fragment: str, where: str = "HeftApp/Sources/Views"):
        problems = self.problems(HEADER + body, where)
        self.assertTrue(any(fragment in p for p in problems), f"expected {fragment!r} in {problems}")

    def assertClean(self, body: str, where: str = "HeftApp/Sources/Views"):
        self.assertEqual(self.problems(HEADER + body, where), [])

    # --- parsing ---

    def test_a_syntax_error_fails(self):
        self.assertFlags("func broken( {\n", "tree-sitter-swift")

    def test_a_missing_token_fails(self):
        problems = self.problems("func f() {\n    let x = [1, 2\n}\n")
        self.assertTrue(any("ERROR" in p or "MISSING" in p for p in problems), problems)

    def test_uniffis_grammar_gaps_parse(self):
        self.assertClean(
            "@_documentation(visibility: private)\npublic struct A {}\nlet f: () -> () = { () }\n"
        )

    def test_rules_apply_only_to_the_app_and_the_view_models(self):
        sentence = 'let label = "Rest is over"\n'
        self.assertEqual(self.problems(sentence, "HeftPresentation/Tests/HeftPresentationTests"), [])
        self.assertTrue(self.problems(sentence, "HeftPresentation/Sources/HeftPresentation"))
        self.assertTrue(self.problems(sentence, "HeftApp/Sources/Views"))

    # --- sentences ---

    def test_a_sentence_in_a_view_fails(self):
        self.assertFlags('let v = Text("Log the next set")\n', "looks like text a person reads")

    def test_a_capitalised_word_fails(self):
        self.assertFlags('let v = Text("Today")\n', "'Today'")

    def test_a_sentence_around_an_interpolation_fails(self):
        self.assertFlags('let v = Text("\\(sets) sets done")\n', "sets done")

    def test_a_multi_line_sentence_fails(self):
        self.assertFlags('let v = """\nYour session is due\n"""\n', "session is due")

    def test_a_unit_word_fails_even_in_lowercase(self):
        self.assertFlags('let v = Text(verbatim: "kg")\n', "'kg'")

    def test_keys_symbols_and_identifiers_pass(self):
        self.assertClean(
            'let a = Text("tab.today")\n'
            'let b = Image(systemName: "checkmark.circle.fill")\n'
            'let c = UTType(exportedAs: "app.heft.export")\n'
            'let d = "app.heft.reminder." + date\n'
            'let e = Text(verbatim: screen.title)\n'
            'let f = ""\n'
        )

    def test_a_developer_message_passes(self):
        self.assertClean('func f() { fatalError("The store was used after close") }\n')

    def test_a_comment_is_not_text(self):
        self.assertClean("// Log the next set as the plan says.\nlet a = 1\n")

    # --- training rules ---

    def test_a_pound_factor_fails(self):
        self.assertFlags("let pounds = kilos * 2.20462\n", "pound/kilogram factor")

    def test_epley_fails(self):
        self.assertFlags("let e1rm = weight * (1 + reps / 30)\n", "e1RM formula")

    def test_brzycki_fails(self):
        self.assertFlags("let e1rm = load * 36 / (37 - count)\n", "e1RM formula")

    def test_rpe_arithmetic_fails(self):
        self.assertFlags("let rir = 10 - rpe\n", "RPE or RIR")

    def test_percent_of_max_fails(self):
        self.assertFlags("let target = oneRepMax * percent\n", "percentage of a maximum")

    def test_plate_maths_fails(self):
        self.assertFlags("let side = (total - barWeight) / 2\n", "plate maths")

    def test_arithmetic_on_a_load_fails(self):
        self.assertFlags("let next = lastLoad + 2.5\n", "weight, load, reps or sets")

    def test_a_threshold_on_reps_fails(self):
        self.assertFlags("let heavy = row.reps <= 5\n", "threshold on a training number")

    def test_a_duration_formatted_by_hand_fails(self):
        self.assertFlags("let m = rest.seconds / 60\n", "duration formatted by hand")

    def test_plain_layout_arithmetic_passes(self):
        self.assertClean(
            "let width = geometry.size.width / 2\n"
            "let ends = Date(timeIntervalSince1970: TimeInterval(startedAt.utcMs) / 1000).addingTimeInterval(10)\n"
            "let last = items.count - 1\n"
        )

    # --- imports ---

    def test_a_view_model_importing_swiftui_fails(self):
        problems = self.problems("import SwiftUI\nlet a = 1\n", "HeftPresentation/Sources/HeftPresentation")
        self.assertTrue(any("imports SwiftUI" in p for p in problems), problems)

    def test_combine_fails_in_the_app_too(self):
        self.assertFlags("import Combine\n", "imports Combine")
        problems = self.problems("@preconcurrency import Combine\n", "HeftPresentation/Sources/HeftPresentation")
        self.assertTrue(any("imports Combine" in p for p in problems), problems)

    def test_the_app_may_import_swiftui_and_view_models_observation(self):
        self.assertClean("import UserNotifications\n")
        self.assertEqual(self.problems("import Foundation\nimport HeftCore\nimport Observation\n",
                                       "HeftPresentation/Sources/HeftPresentation"), [])

    # --- the String Catalog ---

    def catalog(self, keys: dict):
        strings = {
            key: {"localizations": {lang: {"stringUnit": {"state": "translated", "value": text}}
                                    for lang, text in texts.items()}}
            for key, texts in keys.items()
        }
        (self.root / "HeftApp/Resources/Localizable.xcstrings").write_text(
            json.dumps({"sourceLanguage": "en", "strings": strings, "version": "1.0"}), encoding="utf-8")

    def catalog_problems(self, source: str) -> list:
        (self.root / "HeftApp/Sources/Views/View.swift").write_text(HEADER + source, encoding="utf-8")
        return check_ios.catalog_problems(self.root / "HeftApp", PARSER)

    def test_a_key_in_the_catalog_in_both_languages_passes(self):
        self.catalog({"tab.today": {"en": "Today", "de": "Heute"}})
        self.assertEqual(self.catalog_problems('let a = Label("tab.today", systemImage: "sun.max")\n'), [])

    def test_a_key_missing_from_the_catalog_fails(self):
        self.catalog({"tab.today": {"en": "Today", "de": "Heute"}})
        problems = self.catalog_problems('let a = Text("tab.today")\nlet b = Button("action.close") {}\n')
        self.assertEqual(len(problems), 1, problems)
        self.assertIn("action.close", problems[0])

    def test_a_key_without_german_fails(self):
        self.catalog({"tab.today": {"en": "Today"}})
        problems = self.catalog_problems('let a = Text("tab.today")\n')
        self.assertTrue(any("no de text" in p for p in problems), problems)

    def test_a_key_no_source_uses_fails(self):
        self.catalog({"tab.today": {"en": "Today", "de": "Heute"}, "tab.gone": {"en": "Gone", "de": "Weg"}})
        problems = self.catalog_problems('let a = Text("tab.today")\n')
        self.assertEqual(len(problems), 1, problems)
        self.assertIn("tab.gone", problems[0])

    def test_string_localized_counts_as_a_key(self):
        self.catalog({})
        problems = self.catalog_problems('let a = String(localized: "reminder.channel")\n')
        self.assertTrue(any("reminder.channel" in p for p in problems), problems)


class FakeGenerator(unittest.TestCase):
    PROTOCOL = """
public protocol HeftStoreProtocol: AnyObject, Sendable {
    /**
     * Docs.
     */
    func close()
    func problemScreen(error: HeftError, language: Language)  -> ProblemScreen
    func todayScreen(date: IsoDate, language: Language) throws  -> TodayScreen
    func onChange(listener: ChangeListener) throws
    func importBytes(bytes: Data, name: String, passphrase: String?, language: Language) throws  -> SyncScreen
}
"""

    def test_every_method_is_faked_and_non_throwing_answers_are_injected(self):
        text = gen_fake.render(gen_fake.protocol_methods(self.PROTOCOL))
        self.assertIn('throw unimplementedCall("todayScreen")', text)
        self.assertIn('throw unimplementedCall("onChange")', text)
        self.assertIn("func onChange(listener: ChangeListener) throws {", text)
        self.assertIn("func close() {}", text)
        self.assertIn("init(problemScreen: @escaping (HeftError, Language) -> ProblemScreen)", text)
        self.assertIn("problemScreenAnswer(error, language)", text)
        self.assertNotIn("fatalError", text)
        problems = list(check_ios.check_swift.problems(PARSER.parse(text.encode()), text.encode()))
        self.assertEqual(problems, [])

    def test_an_async_method_is_refused_rather_than_faked_wrongly(self):
        with self.assertRaises(gen_fake.GenerationError):
            gen_fake.protocol_methods(self.PROTOCOL.replace("func close()", "func close() async"))

    def test_a_stale_fake_is_found(self):
        with tempfile.TemporaryDirectory() as d:
            source = Path(d) / "heft_ffi.swift"
            out = Path(d) / "Fake.swift"
            source.write_text(self.PROTOCOL, encoding="utf-8")
            said = io.StringIO()
            # What the generator prints is asserted here, not shown: a
            # planted FAIL line in the log would read as a failed check.
            with contextlib.redirect_stdout(said):
                self.assertEqual(gen_fake.main([str(source), str(out)]), 0)
                self.assertEqual(gen_fake.main(["--check", str(source), str(out)]), 0)
                source.write_text(self.PROTOCOL.replace("func close()", "func close()\n    func isClosed() -> Bool"),
                                  encoding="utf-8")
                self.assertEqual(gen_fake.main(["--check", str(source), str(out)]), 1)
            self.assertIn("not what HeftStoreProtocol gives now", said.getvalue())


if __name__ == "__main__":
    result = unittest.main(exit=False, verbosity=1).result
    sys.exit(0 if result.wasSuccessful() else 1)
