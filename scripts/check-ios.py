#!/usr/bin/env python3
"""Checks of the iOS sources that need no Swift toolchain.

The iOS app and its view models cannot be compiled here (no Swift, no
Xcode), so this checks what can be checked without them:

  parse    every Swift source under ios/ (the app, the view models, their
           tests and Package.swift files; HeftKit has checks of its own)
           parses with tree-sitter-swift: no ERROR and
           no MISSING node (scripts/check-swift.py's grammar gaps applied).
  rules    the shell decides nothing and writes no sentence: a Swift
           source of the app (HeftApp/Sources) or the view models
           (HeftPresentation/Sources) may hold no string literal a person
           would read (only keys, ids, SF Symbol names, UTType and
           notification identifiers, file-name parts: lowercase, no
           spaces), and no arithmetic that betrays a training rule (pound
           factors, e1RM formulas, RPE/RIR sums, percentages of a maximum,
           plate maths, thresholds on training numbers). Words of platform
           chrome come from the String Catalog by key. The view models
           import no UI framework (SwiftUI, UIKit), so they build and are
           tested without one, and neither they nor the app use Combine:
           state is Observation's.
  catalog  every key the app's Swift gives `Text`, `Button`, `Label`,
           `LocalizedStringKey` or `String(localized:)` is in
           HeftApp/Resources/Localizable.xcstrings, with English and
           German; the catalog holds no key the app does not use.

Usage (each prints `ok   <file>` or the problems, exit 1 on any):

  check-ios.py list            the Swift files to check, one a line
  check-ios.py check FILE...   parse (and, for app/view-model sources, rules)
  check-ios.py catalog         the app's String Catalog against its keys

Needs PyPI tree-sitter and tree-sitter-swift (scripts/kotlin-tests puts
them in its venv). Tests: scripts/test_check_ios.py.
"""

import importlib.util
import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
IOS = REPO / "ios"

# Build outputs, never checked. HeftKit is left to its own checks in
# scripts/kotlin-tests (its Package.swift and tests; its Swift sources are
# the generated ones, parse-checked where they are generated).
SKIP_DIRS = {".build", "build", "DerivedData", ".swiftpm", "xcuserdata"}
SKIP_PREFIXES = ("HeftKit/",)

# Sources whose rules are checked: what the app ships. Tests are left out:
# they name cases in words and plant numbers on purpose.
RULE_ROOTS = ("HeftApp/Sources/", "HeftPresentation/Sources/")

CATALOG = "HeftApp/Resources/Localizable.xcstrings"

# Imports refused, by where: the view models stay free of UI frameworks,
# and nothing uses Combine (Observation carries the state).
FORBIDDEN_IMPORTS = {
    "HeftPresentation/Sources/": ("SwiftUI", "UIKit", "Combine"),
    "HeftApp/Sources/": ("Combine",),
}
IMPORT = re.compile(r"^\s*(?:@\w+\s+)*import\s+(?:(?:struct|class|enum|protocol|func|var|let|typealias)\s+)?(\w+)", re.MULTILINE)
LANGUAGES = ("en", "de")

_spec = importlib.util.spec_from_file_location("check_swift", Path(__file__).resolve().parent / "check-swift.py")
check_swift = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check_swift)


def normalise(source: bytes) -> bytes:
    for gap, same in check_swift.GRAMMAR_GAPS:
        source = source.replace(gap, same)
    return source


# --- string literals ------------------------------------------------------
#
# A literal with a letter is allowed when it is key-like; anything else is
# text a person would read, which must come from the core's records (or,
# for platform chrome, from the String Catalog by key).

# Keys, ids, SF Symbol names, UTType and notification identifiers, bundle
# ids, file-name parts: lowercase, no spaces (`tab.today`,
# `checkmark.circle.fill`, `app.heft.reminder`, `.heft`, `heft.sqlite`).
KEY_LIKE = re.compile(r"^[a-z0-9_.:/?={}&*+\-]*$")

# ...except the words of training numbers, which are never keys here.
UNIT_WORDS = re.compile(r"(?<![a-z])(kg|lbs?|rpe|rir|e1rm|1rm|reps?)(?![a-z])")

# Calls whose string argument is a developer's detail, never shown: a crash
# message, a log line, an assertion.
DEVELOPER_CALLS = {"fatalError", "preconditionFailure", "precondition", "assert", "assertionFailure", "print"}

# Exact literals allowed for a reason the rules above cannot see. Keep it
# small; each entry says why.
ALLOWED = {
    # The app's name as the system shows it is Info.plist's; none needed here.
}


def parser():
    import tree_sitter
    import tree_sitter_swift

    return tree_sitter.Parser(tree_sitter.Language(tree_sitter_swift.language()))


def walk(node):
    yield node
    for child in node.children:
        yield from walk(child)


def parse_problems(path: Path, source: bytes, ts_parser) -> list:
    source = normalise(source)
    return [
        f"{path}:{line}:{col}: {kind} (tree-sitter-swift): {text!r}"
        for line, col, kind, text in sorted(check_swift.problems(ts_parser.parse(source), source))
    ]


def blank(source: bytes, tree) -> str:
    """The source with comments and string contents replaced by spaces (offsets kept)."""
    out = bytearray(source)
    for node in walk(tree.root_node):
        if node.type in ("comment", "multiline_comment", "line_str_text", "multi_line_str_text", "str_escaped_char"):
            for i in range(node.start_byte, node.end_byte):
                if out[i] not in (10, 13):
                    out[i] = 32
    return out.decode("utf-8", errors="replace")


STRING_LITERALS = ("line_string_literal", "multi_line_string_literal", "raw_string_literal")


def literal_text(node) -> str:
    """A string literal's own characters, interpolations (`\\(x)`) left out."""
    return "".join(
        c.text.decode("utf-8", errors="replace")
        for c in node.children
        if c.type in ("line_str_text", "multi_line_str_text", "raw_str_part", "str_escaped_char")
    )


def callee_of(node):
    """The name of the call a literal is an argument of (`Text`, `fatalError`), or None."""
    parent = node.parent
    while parent is not None and parent.type in ("value_argument", "value_arguments", "call_suffix",
                                                  "additive_expression"):
        parent = parent.parent
    if parent is None or parent.type != "call_expression" or not parent.children:
        return None
    return parent.children[0].text.decode("utf-8", errors="replace").split(".")[-1]


def line_of(source: bytes, byte_offset: int) -> int:
    return source.count(b"\n", 0, byte_offset) + 1


# --- rules that betray a training decision --------------------------------
#
# The same rules as scripts/check-android.py's, on Swift's spelling. Matched
# on the source with comments and strings blanked; a shell needs none of
# these: the core sends every number formatted and every decision made.
NAME = r"[A-Za-z_]\w*"
ARITH = r"[-+*/%]"


def ends_with(*words: str) -> str:
    """An identifier that is, or ends with, one of the words (camelCase or snake_case)."""
    alternatives = []
    for word in words:
        alternatives += [rf"(?:{NAME})?{word.capitalize()}", rf"(?:{NAME})?_{word}", word]
    return r"\b(?:" + "|".join(alternatives) + r")\b"


TRAINING_NUMBERS = ("weight", "load", "kg", "lb", "lbs", "reps")
THRESHOLDED = ("minutes", "reps", "sets", "rpe", "rir", "weight", "load", "volume", "tonnage")

RULE_PATTERNS = [
    ("a pound/kilogram factor",
     re.compile(r"\b(2\.20\d*|0\.45[34]\d*|453\.59\d*|0\.0220\d*)")),
    ("an e1RM formula (Epley's / 30, Brzycki's 36 / (37 - reps))",
     re.compile(r"/\s*30(\.0*)?\b|\b0\.03{2,}\d*|\b36(\.0*)?\s*/\s*\(?\s*37|\b1\.0278\b|\b0\.0278\b")),
    ("arithmetic on RPE or RIR",
     re.compile(rf"{ends_with('rpe', 'rir')}\s*{ARITH}|{ARITH}\s*{ends_with('rpe', 'rir')}", re.IGNORECASE)),
    ("a percentage of a maximum (1RM, e1RM)",
     re.compile(r"\b\w*(?:e?1rm|onerm|onerepmax|percent|pct)\w*\s*[*/]|[*/]\s*\w*(?:e?1rm|onerm|onerepmax|percent|pct)\w*",
                re.IGNORECASE)),
    ("plate maths",
     re.compile(r"\b\w*(?:plates?|perside|barweight)\w*\s*[-+*/%]|[-+*/%]\s*\w*(?:plates?|perside|barweight)\w*",
                re.IGNORECASE)),
    ("arithmetic on a weight, load, reps or sets",
     re.compile(rf"{ends_with(*TRAINING_NUMBERS)}\s*[-+*/%]\s*[\w(]"
                rf"|[-+*/%]\s*{ends_with(*TRAINING_NUMBERS)}")),
    ("a duration formatted by hand (the record's label says it)",
     re.compile(r"\b\w*(?:seconds|secs)\b\s*/\s*60\b|\b\w*minutes\b\s*/\s*60\b|%\s*60\b", re.IGNORECASE)),
    ("a threshold on a training number",
     re.compile(rf"{ends_with(*THRESHOLDED)}\s*(?:<=?|>=?)\s*\d"
                rf"|\d\s*(?:<=?|>=?)\s*{ends_with(*THRESHOLDED)}")),
]


def rule_problems(path: Path, source: bytes, ts_parser, relative: str = "") -> list:
    source = normalise(source)
    tree = ts_parser.parse(source)
    code = blank(source, tree)
    problems = []

    # Frameworks a source of this part may not import.
    for prefix, refused in FORBIDDEN_IMPORTS.items():
        if not relative.startswith(prefix):
            continue
        for match in IMPORT.finditer(code):
            if match.group(1) in refused:
                line = code.count("\n", 0, match.start()) + 1
                problems.append(f"{path}:{line}: imports {match.group(1)}, which {prefix.split('/')[0]} does not use")

    # String literals a person would read.
    for node in walk(tree.root_node):
        if node.type not in STRING_LITERALS:
            continue
        text = literal_text(node)
        if not re.search(r"[^\W\d_]", text):
            continue
        if callee_of(node) in DEVELOPER_CALLS or text in ALLOWED:
            continue
        if KEY_LIKE.match(text) and not UNIT_WORDS.search(text):
            continue
        problems.append(
            f"{path}:{line_of(source, node.start_byte)}: string literal {text!r} looks like text a person "
            "reads: take it from the core's screen record (or, for platform chrome, the String Catalog by key)"
        )

    # Arithmetic that betrays a rule.
    for what, pattern in RULE_PATTERNS:
        for match in pattern.finditer(code):
            line = code.count("\n", 0, match.start()) + 1
            problems.append(f"{path}:{line}: {what} ({match.group(0).strip()!r}): the core decides this")
    return problems


def skipped(path: Path, root: Path) -> bool:
    relative = path.relative_to(root)
    return any(part in SKIP_DIRS for part in relative.parts) or relative.as_posix().startswith(SKIP_PREFIXES)


def files(root: Path = IOS) -> list:
    return sorted(p for p in root.rglob("*.swift") if p.is_file() and not skipped(p, root))


def relative_to(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return ""


def rules_apply(path: Path, root: Path = IOS) -> bool:
    return relative_to(path, root).startswith(RULE_ROOTS)


def check(path: Path, root: Path = IOS, ts_parser=None) -> list:
    ts_parser = ts_parser or parser()
    source = path.read_bytes()
    problems = parse_problems(path, source, ts_parser)
    if not problems and rules_apply(path, root):
        problems += rule_problems(path, source, ts_parser, relative_to(path, root))
    return problems


# --- the String Catalog -----------------------------------------------------

# The views' chrome: the first unlabelled string argument of these is a
# LocalizedStringKey (SwiftUI looks it up in Localizable.xcstrings).
KEYED_CALLS = {"Text", "Button", "Label", "LocalizedStringKey", "Toggle", "Section", "TextField", "SecureField",
               "navigationTitle", "ProgressView", "ContentUnavailableView", "Tab", "DisclosureGroup", "Picker"}


def used_keys(path: Path, ts_parser) -> set:
    """The catalog keys a Swift source names: keyed calls' first literal, `String(localized:)`."""
    source = normalise(path.read_bytes())
    keys = set()
    for node in walk(ts_parser.parse(source).root_node):
        if node.type != "line_string_literal" or any(c.type == "interpolated_expression" for c in node.children):
            continue
        argument = node.parent
        if argument is None or argument.type != "value_argument":
            continue
        label = next((c for c in argument.children if c.type == "value_argument_label"), None)
        arguments = argument.parent
        first = next((c for c in arguments.children if c.type == "value_argument"), None)
        name = callee_of(node)
        text = literal_text(node)
        if label is not None and label.text == b"localized" and name == "String":
            keys.add(text)
        elif label is None and first is not None and argument.start_byte == first.start_byte and name in KEYED_CALLS and re.search(r"[a-z]", text):
            keys.add(text)
    return keys


def catalog_problems(app: Path, ts_parser=None) -> list:
    ts_parser = ts_parser or parser()
    catalog_path = app / "Resources/Localizable.xcstrings"
    try:
        catalog = json.loads(catalog_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        return [f"{catalog_path}: {e}"]
    strings = catalog.get("strings", {})
    problems = []
    used = {}
    for path in sorted((app / "Sources").rglob("*.swift")):
        for key in used_keys(path, ts_parser):
            used.setdefault(key, path)
    for key, path in sorted(used.items()):
        entry = strings.get(key)
        if entry is None:
            problems.append(f"{path}: key {key!r} is not in {catalog_path.name}")
            continue
        localizations = entry.get("localizations", {})
        for language in LANGUAGES:
            value = localizations.get(language, {}).get("stringUnit", {}).get("value", "")
            if not value.strip():
                problems.append(f"{catalog_path}: key {key!r} has no {language} text")
    for key in sorted(set(strings) - set(used)):
        problems.append(f"{catalog_path}: key {key!r} is used by no Swift source of the app")
    return problems


def main(argv: list) -> int:
    if argv == ["catalog"]:
        problems = catalog_problems(IOS / "HeftApp")
        for problem in problems:
            print("FAIL " + problem)
        if not problems:
            print(f"ok   ios/{CATALOG}: every key used, each in {', '.join(LANGUAGES)}")
        return 1 if problems else 0
    if argv == ["list"]:
        for path in files():
            print(path.relative_to(REPO))
        return 0
    if len(argv) >= 2 and argv[0] == "check":
        ts_parser = parser()
        status = 0
        for name in argv[1:]:
            path = Path(name)
            if not path.is_absolute():
                path = (Path.cwd() / path).resolve()
            problems = check(path, IOS, ts_parser)
            shown = path.relative_to(REPO) if path.is_relative_to(REPO) else path
            if problems:
                status = 1
                for problem in problems:
                    print("FAIL " + problem)
            else:
                print(f"ok   {shown}")
        return status
    print(__doc__.strip().split("\n\n")[2], file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
