"""Parse-checks Swift sources with tree-sitter-swift (there is no Swift
toolchain on the build machines): fails when a parse tree has an ERROR or
MISSING node, printing where. A parse proves the generated Swift is
well-formed, not that it type-checks.

Usage: check-swift.py FILE.swift ...
"""

import sys

import tree_sitter_swift
from tree_sitter import Language, Parser

# Valid Swift that the tree-sitter-swift grammar misreads, each replaced by
# an equivalent of the same length (so reported positions stay true):
# - `@_documentation(visibility: private)`, an attribute uniffi puts on
#   internal helpers, unknown to the grammar;
# - `{ () }`, a closure returning the empty tuple (uniffi's `writeReturn`
#   for callback methods without a result), read as a parameter list
#   without `in`; `{    }` is the same closure.
GRAMMAR_GAPS = [
    (b"@_documentation(visibility: private)", b" " * 36),
    (b"= { () }", b"= {    }"),
]


def problems(tree, source):
    """Yields (line, column, kind, text) for each ERROR or MISSING node."""
    stack = [tree.root_node]
    while stack:
        node = stack.pop()
        if node.is_error or node.is_missing:
            text = source[node.start_byte : min(node.end_byte, node.start_byte + 60)]
            kind = "MISSING " + node.type if node.is_missing else "ERROR"
            yield node.start_point[0] + 1, node.start_point[1] + 1, kind, text.decode(errors="replace")
        stack.extend(node.children)


def main(paths):
    parser = Parser(Language(tree_sitter_swift.language()))
    failed = False
    for path in paths:
        with open(path, "rb") as f:
            source = f.read()
        for gap, same in GRAMMAR_GAPS:
            source = source.replace(gap, same)
        found = sorted(problems(parser.parse(source), source))
        if found:
            failed = True
            for line, col, kind, text in found[:20]:
                print(f"{path}:{line}:{col}: {kind}: {text!r}")
            print(f"FAIL {path}: {len(found)} parse problems")
        else:
            lines = source.count(b"\n")
            print(f"ok   {path} ({lines} lines)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
