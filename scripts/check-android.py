#!/usr/bin/env python3
"""Checks of the Android sources that need no Android SDK.

The Android app cannot be compiled here (no SDK, no Google Maven), so this
checks what can be checked without one:

  parse   every Kotlin source and Gradle script (.kt, .kts) under android/
          parses with tree-sitter-kotlin: no ERROR and no MISSING node;
          every XML file (manifest, resources, backup rules) parses with
          Python's XML parser.
  rules   the shell decides nothing and writes no sentence: a Kotlin
          source of :app or :presenters may hold no string literal that a
          person would read (only keys, ids, routes, MIME types, file-name
          parts: lowercase, no spaces), and no arithmetic that betrays a
          training rule (pound factors, e1RM formulas, RPE/RIR sums,
          percentages of a maximum, plate maths, thresholds on training
          numbers). Sample records for the previews are allowed only
          inside @Preview functions (and Samples.kt, which only previews
          may use).

  refs    what the compiler and AAPT would refuse, as far as text can
          tell: every resource the app's Kotlin (`R.string.x`) and XML
          (`@string/x`, `@xml/x`, `@drawable/x`, `@style/x`) names exists,
          every string has its German translation, and every class the
          manifest names is declared in the app's Kotlin.

Usage (each prints `ok   <file>` or the problems, exit 1 on any):

  check-android.py list            the files to check, one a line
  check-android.py check FILE...   parse (and, for app/presenters sources, rules)
  check-android.py refs            the app's resource and manifest references

Needs PyPI tree-sitter and tree-sitter-kotlin (scripts/kotlin-tests puts
them in its venv). Tests: scripts/test_check_android.py.
"""

import re
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ANDROID = REPO / "android"

# Directories never checked: build outputs and tool state.
SKIP_DIRS = {"build", ".gradle", ".idea", ".kotlin"}

# Sources whose rules are checked: what the app ships, of the app and the
# presenters. Tests are left out: they name cases in words and plant
# numbers on purpose.
RULE_ROOTS = ("app/src/main/", "presenters/src/main/")

# --- grammar gaps ---------------------------------------------------------
#
# tree-sitter-kotlin 1.1.0 reads `open(` at the start of a statement as the
# `open` modifier and fails the whole file, although Kotlin never puts that
# modifier before a parenthesis: a call `open(x)` is valid Kotlin. Such
# calls are renamed, keeping every offset, before parsing.
OPEN_CALL = re.compile(rb"(?<![\w.])open(?=\()")


def normalise(source: bytes) -> bytes:
    return OPEN_CALL.sub(b"opeN", source)


# --- string literals ------------------------------------------------------
#
# A literal with a letter is allowed when it is one of these, each for a
# reason; anything else is text a person would read, which must come from
# the core's records (or, for platform chrome, from string resources).

# Keys, ids, routes, tags, MIME types and file-name parts: lowercase, no
# spaces (`ends_at`, `log?exercise={exercise}`, `application/octet-stream`,
# `.part`, `*/*`).
KEY_LIKE = re.compile(r"^[a-z0-9_.:/?={}&*+\-]*$")

# ...except the words of training numbers, which are never keys here.
UNIT_WORDS = re.compile(r"(?<![a-z])(kg|lbs?|rpe|rir|e1rm|1rm|reps?)(?![a-z])")

# Exact literals allowed for a reason the rules above cannot see. Keep it
# small; each entry says why.
ALLOWED = {
    # The foreground service subtype is declared in the manifest, not in
    # Kotlin; nothing is needed here yet.
}


def parser():
    import tree_sitter
    import tree_sitter_kotlin

    return tree_sitter.Parser(tree_sitter.Language(tree_sitter_kotlin.language()))


def walk(node):
    yield node
    for child in node.children:
        yield from walk(child)


def parse_problems(path: Path, source: bytes, ts_parser) -> list:
    tree = ts_parser.parse(normalise(source))
    problems = []
    for node in walk(tree.root_node):
        if node.is_error or node.is_missing:
            kind = "MISSING " + node.type if node.is_missing else "ERROR"
            row, col = node.start_point
            problems.append(f"{path}:{row + 1}:{col + 1}: {kind} (tree-sitter-kotlin)")
    return problems


def blank(source: bytes, tree) -> str:
    """The source with comments and string contents replaced by spaces (offsets kept)."""
    out = bytearray(source)
    for node in walk(tree.root_node):
        if node.type in ("line_comment", "block_comment", "string_content", "character_literal"):
            for i in range(node.start_byte, node.end_byte):
                if out[i] not in (10, 13):
                    out[i] = 32
    return out.decode("utf-8", errors="replace")


def preview_regions(code: str) -> list:
    """(start, end) offsets of each @Preview function, annotation to closing brace."""
    regions = []
    for match in re.finditer(r"@Preview\b", code):
        fun = re.compile(r"\bfun\s+\w+").search(code, match.end())
        if not fun:
            continue
        brace = code.find("{", fun.end())
        if brace < 0:
            continue
        depth = 0
        for i in range(brace, len(code)):
            if code[i] == "{":
                depth += 1
            elif code[i] == "}":
                depth -= 1
                if depth == 0:
                    regions.append((match.start(), i + 1))
                    break
    return regions


def inside(offset: int, regions: list) -> bool:
    return any(start <= offset < end for start, end in regions)


def literal_text(node) -> str:
    """A string literal's own characters, interpolations (`${x}`, `$x`) left out."""
    text = "".join(c.text.decode("utf-8", errors="replace") for c in node.children if c.type == "string_content")
    # The grammar keeps a short template `$name` in the string's content.
    return re.sub(r"\$[A-Za-z_]\w*", "", text)


def exception_argument(node) -> bool:
    """Whether the literal is an argument of an exception's constructor (a developer's detail)."""
    parent = node.parent
    while parent is not None and parent.type in ("value_argument", "value_arguments", "additive_expression"):
        parent = parent.parent
    if parent is None or parent.type != "call_expression" or not parent.children:
        return False
    callee = parent.children[0].text.decode("utf-8", errors="replace")
    return callee.split(".")[-1].endswith("Exception")


def in_annotation(node) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.type == "annotation":
            return True
        parent = parent.parent
    return False


def line_of(source: bytes, byte_offset: int) -> int:
    return source.count(b"\n", 0, byte_offset) + 1


# --- rules that betray a training decision --------------------------------
#
# Matched on the source with comments and strings blanked. Each names what
# it catches; a shell needs none of these: the core sends every number
# formatted and every decision made.
NAME = r"[A-Za-z_]\w*"
ARITH = r"[-+*/%]"


def ends_with(*words: str) -> str:
    """An identifier that is, or ends with, one of the words (camelCase or snake_case)."""
    alternatives = []
    for word in words:
        alternatives += [rf"(?:{NAME})?{word.capitalize()}", rf"(?:{NAME})?_{word}", word]
    return r"\b(?:" + "|".join(alternatives) + r")\b"


TRAINING_NUMBERS = ("weight", "load", "kg", "lb", "lbs", "reps")
THRESHOLDED = ("minutes", "seconds", "reps", "sets", "rpe", "rir", "weight", "load", "volume", "tonnage")


RULE_PATTERNS = [
    ("a pound/kilogram factor",
     re.compile(r"\b(2\.20\d*|0\.45[34]\d*|453\.59\d*|0\.0220\d*)")),
    ("an e1RM formula (Epley's / 30, Brzycki's 36 / (37 - reps))",
     re.compile(r"/\s*30(\.0*)?[fFdD]?\b|\b0\.03{2,}\d*|\b36(\.0*)?\s*/\s*\(?\s*37|\b1\.0278\b|\b0\.0278\b")),
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
     re.compile(r"\b\w*(?:seconds|secs)\b\s*/\s*60\b|\b\w*minutes\b\s*/\s*60\b", re.IGNORECASE)),
    ("a threshold on a training number",
     re.compile(rf"{ends_with(*THRESHOLDED)}\s*(?:<=?|>=?)\s*\d"
                rf"|\d\s*(?:<=?|>=?)\s*{ends_with(*THRESHOLDED)}")),
]


def rule_problems(path: Path, source: bytes, ts_parser) -> list:
    tree = ts_parser.parse(normalise(source))
    code = blank(source, tree)
    # Offsets: the blanked text keeps byte offsets only for ASCII; map
    # through bytes for the literal checks and use the text for regexes.
    regions_text = preview_regions(code)
    problems = []
    is_samples = path.name == "Samples.kt"

    # String literals a person would read.
    regions = [(len(code[:s].encode("utf-8", errors="replace")), len(code[:e].encode("utf-8", errors="replace")))
               for s, e in regions_text]
    if not is_samples:
        for node in walk(tree.root_node):
            if node.type not in ("string_literal", "multiline_string_literal"):
                continue
            text = literal_text(node)
            if not re.search(r"[^\W\d_]", text):
                continue
            if inside(node.start_byte, regions) or in_annotation(node) or exception_argument(node):
                continue
            if text in ALLOWED:
                continue
            if KEY_LIKE.match(text) and not UNIT_WORDS.search(text):
                continue
            problems.append(
                f"{path}:{line_of(source, node.start_byte)}: string literal {text!r} looks like text a person "
                "reads: take it from the core's screen record (or, for platform chrome, a string resource)"
            )

    # Sample records only in previews.
    if not is_samples:
        for match in re.finditer(r"\bSamples\b", code):
            line_start = code.rfind("\n", 0, match.start()) + 1
            if code.startswith("import ", line_start):
                continue
            if not inside(match.start(), regions_text):
                line = code.count("\n", 0, match.start()) + 1
                problems.append(f"{path}:{line}: the preview samples are used outside a @Preview function")

    # Arithmetic that betrays a rule.
    for what, pattern in RULE_PATTERNS:
        for match in pattern.finditer(code):
            if is_samples or inside(match.start(), regions_text):
                continue
            line = code.count("\n", 0, match.start()) + 1
            problems.append(f"{path}:{line}: {what} ({match.group(0).strip()!r}): the core decides this")
    return problems


def xml_problems(path: Path) -> list:
    try:
        ElementTree.parse(path)
    except ElementTree.ParseError as e:
        return [f"{path}: XML: {e}"]
    return []


def skipped(path: Path, root: Path) -> bool:
    return any(part in SKIP_DIRS for part in path.relative_to(root).parts)


def files(root: Path = ANDROID) -> list:
    found = []
    for pattern in ("*.kt", "*.kts", "*.xml"):
        found += [p for p in root.rglob(pattern) if p.is_file() and not skipped(p, root)]
    return sorted(found)


def rules_apply(path: Path, root: Path = ANDROID) -> bool:
    if path.suffix != ".kt":
        return False
    try:
        relative = path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return False
    return relative.startswith(RULE_ROOTS)


def check(path: Path, root: Path = ANDROID, ts_parser=None) -> list:
    if path.suffix == ".xml":
        return xml_problems(path)
    ts_parser = ts_parser or parser()
    source = path.read_bytes()
    problems = parse_problems(path, source, ts_parser)
    if not problems and rules_apply(path, root):
        problems += rule_problems(path, source, ts_parser)
    return problems


# --- references -------------------------------------------------------------

ANDROID_NS = "{http://schemas.android.com/apk/res/android}"


def resources(res: Path) -> dict:
    """Resource names by type, as AAPT sees them: values' entries and files by name."""
    found = {}
    for path in res.rglob("*"):
        if not path.is_file():
            continue
        kind = path.parent.name.split("-")[0]
        if kind == "values":
            for element in ElementTree.parse(path).getroot():
                name = element.get("name")
                if name:
                    found.setdefault(element.tag, set()).add(name)
        else:
            found.setdefault(kind, set()).add(path.name.split(".")[0])
    return found


def strings(path: Path) -> dict:
    root = ElementTree.parse(path).getroot()
    return {e.get("name"): e.get("translatable") != "false" for e in root.iter("string")}


def reference_problems(app: Path) -> list:
    main = app / "src/main"
    res = main / "res"
    known = resources(res)
    problems = []
    kotlin = sorted((main / "kotlin").rglob("*.kt"))
    xml = [main / "AndroidManifest.xml"] + sorted(res.rglob("*.xml"))
    for path in kotlin:
        text = path.read_text(encoding="utf-8")
        for kind, name in re.findall(r"\bR\.(\w+)\.(\w+)", text):
            if name not in known.get(kind, set()):
                problems.append(f"{path}: R.{kind}.{name} is not a resource")
    for path in xml:
        text = path.read_text(encoding="utf-8")
        for kind, name in re.findall(r"@(string|xml|drawable|style|mipmap|color)/([\w.]+)", text):
            if name not in known.get(kind, set()):
                problems.append(f"{path}: @{kind}/{name} is not a resource")
    # Every translatable string has its German, and German has no other.
    english = strings(res / "values/strings.xml")
    german_path = res / "values-de/strings.xml"
    german = strings(german_path) if german_path.exists() else {}
    for name, translatable in english.items():
        if translatable and name not in german:
            problems.append(f"{german_path}: no German for string {name}")
    for name in german:
        if name not in english:
            problems.append(f"{german_path}: string {name} is not in values/strings.xml")
    # Every class the manifest names is declared in the app's Kotlin.
    manifest = ElementTree.parse(main / "AndroidManifest.xml").getroot()
    package = "app.heft.android"
    declared = set()
    for path in kotlin:
        text = path.read_text(encoding="utf-8")
        match = re.search(r"^package\s+([\w.]+)", text, re.MULTILINE)
        for cls in re.findall(r"^(?:[a-z]+\s+)*class\s+(\w+)", text, re.MULTILINE):
            declared.add(f"{match.group(1)}.{cls}" if match else cls)
    for element in manifest.iter():
        if element.tag in ("application", "activity", "service", "receiver", "provider"):
            name = element.get(ANDROID_NS + "name")
            if not name:
                continue
            full = package + name if name.startswith(".") else name
            if full not in declared:
                problems.append(f"{main / 'AndroidManifest.xml'}: {element.tag} {name} is not declared in the app's Kotlin")
    return problems


def main(argv: list) -> int:
    if argv == ["refs"]:
        problems = reference_problems(ANDROID / "app")
        for problem in problems:
            print("FAIL " + problem)
        if not problems:
            print("ok   android/app: resources, translations and manifest classes")
        return 1 if problems else 0
    if len(argv) >= 1 and argv[0] == "list":
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
            problems = check(path, ANDROID, ts_parser)
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
