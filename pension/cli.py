"""Command line: ``python -m pension calc RULE --input JSON [--working]``.

Prints one line of JSON on stdout and exits 0; refused input prints
``{"error": CODE, "message": ...}`` on stdout and exits 2, never a traceback.
With ``--working`` the output also holds the steps and the parameters used (with flags).
This module and loader.py are the package's I/O edge.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from .errors import PensionError
from .loader import load_parameters
from .rules import RULES, run
from .working import jsonable


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # argparse would print usage and exit 2 on stderr
        raise PensionError("bad_arguments", message)


def _emit(payload: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(payload, ensure_ascii=False, separators=(", ", ": ")) + "\n")


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; returns the exit code."""
    parser = _Parser(prog="python -m pension", description="Anhui pension rules")
    sub = parser.add_subparsers(dest="command")
    calc = sub.add_parser("calc", help="run one rule")
    calc.add_argument("rule", help=", ".join(RULES))
    calc.add_argument("--input", required=True, help="the input as a JSON object")
    calc.add_argument("--working", action="store_true", help="include steps and parameters")
    sub.add_parser("rules", help="list the rules and their input fields")
    try:
        args = parser.parse_args(argv)
        if args.command == "rules":
            _emit({name: {f: k for f, (k, _) in r.fields.items()} for name, r in RULES.items()})
            return 0
        if args.command != "calc":
            raise PensionError("bad_arguments", "use: python -m pension calc RULE --input JSON")
        if args.rule not in RULES:
            raise PensionError("unknown_rule",
                               f"no rule {args.rule!r}; known: {', '.join(RULES)}")
        try:
            data = json.loads(args.input)
        except json.JSONDecodeError as exc:
            raise PensionError("bad_json", f"--input is not valid JSON: {exc.msg}") from exc
        result = run(load_parameters(), args.rule, data)
        _emit(result.to_dict(working=args.working))
        return 0
    except PensionError as exc:
        _emit({"error": exc.code, "message": exc.message, **jsonable(exc.details)})
        return 2
    except (ValueError, TypeError, ArithmeticError) as exc:  # last guard: never a traceback
        _emit({"error": "bad_input", "message": str(exc)})
        return 2
