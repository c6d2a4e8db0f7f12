"""Regular expressions that run in guaranteed linear time: Python ``re`` syntax, run on RE2.

Every regular expression that can reach a check (a rubric's ``regex_match`` pattern, and the built-in
patterns of the check library whose Python ``re`` backtracking is quadratic on degenerate text) is
compiled here. A pattern is parsed with Python's own parser, so it means what it means in Python, and is
re-emitted in RE2 syntax, so it runs on google-re2, whose matching time is linear in the text.

What is kept from Python ``re`` (``str`` patterns): ``\\w`` (letters, digits and ``_`` of any script,
``[\\p{L}\\p{N}_]``), ``\\d`` (``\\p{Nd}``), ``\\s`` (Unicode white space), ``.`` (anything but a line
feed), ``$`` (end, or before a final line feed), ``\\Z``, ``\\A``, classes, alternation, bounded and
unbounded repeats, lazy repeats, ``ignore_case`` and ``multiline``. What differs: ``\\b`` and ``\\B``
see ASCII word characters only (RE2 has no Unicode word boundary). What is refused, with one clear
line (RE2 cannot run it in linear time): backreferences, lookarounds, conditionals, atomic groups,
possessive repeats, inline flags, ``\\W``, ``\\S`` or ``\\D`` inside a class with other items, and
patterns whose weighted repeat expansion is over :data:`MAX_COST` or whose RE2 program is over
:data:`MAX_PROGRAM`: RE2 is linear in the text, but its constant grows with the expanded program
(``a{0,999}a{0,999}b`` took 12 s on 200,000 ``a``, ``\\w{0,50}`` 2 s on 200,000 CJK characters).
"""
from __future__ import annotations

import functools
from typing import Any, List, Tuple

try:  # Python >= 3.11
    from re import _parser as _sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.9/3.10
    import sre_parse as _sre_parse  # type: ignore[no-redef]

import re2

MAX_COST = 1000  # repeat-expanded weight of a pattern; calibrated so the worst case stays well under 0.1 s
MAX_PROGRAM = 30_000  # RE2 program size (instructions); past ~60,000 a counted \w repeat took seconds
_WIDE = 2     # weight of '.', \d, \s, a negated or non-ASCII class: multi-byte UTF-8 paths
_WORDY = 40   # weight of a class holding \w or \W: over a thousand UTF-8 byte ranges

_WORD = r"\p{L}\p{N}_"
_DIGIT = r"\p{Nd}"
_SPACE = r"\x{9}-\x{d}\x{1c}-\x{20}\x{85}\p{Z}"  # str.isspace(), as Python's \s
_POSITIVE = {"CATEGORY_WORD": _WORD, "CATEGORY_DIGIT": _DIGIT, "CATEGORY_SPACE": _SPACE}
_NEGATIVE = {"CATEGORY_NOT_WORD": _WORD, "CATEGORY_NOT_DIGIT": _DIGIT, "CATEGORY_NOT_SPACE": _SPACE}
_REFUSED = {
    "GROUPREF": "backreferences", "GROUPREF_EXISTS": "conditionals", "ASSERT": "lookarounds",
    "ASSERT_NOT": "lookarounds", "ATOMIC_GROUP": "atomic groups", "POSSESSIVE_REPEAT": "possessive repeats",
}
_MAXREPEAT = int(_sre_parse.MAXREPEAT)


class RegexError(ValueError):
    """A pattern that cannot run in linear time, or does not parse; the message is one line."""


def _char(code: int) -> str:
    c = chr(code)
    return c if c.isascii() and c.isalnum() else "\\x{%x}" % code


def _class(items: List[Tuple[Any, Any]]) -> Tuple[str, int]:
    """A Python class (the items of an IN node) as an RE2 class, and its weight."""
    negate, parts, weight = False, [], 1
    for op, av in items:
        op = str(op)
        if op == "NEGATE":
            negate = True
        elif op == "LITERAL":
            parts.append(_char(av))
            weight = max(weight, _WIDE if av > 127 else 1)
        elif op == "RANGE":
            parts.append(_char(av[0]) + "-" + _char(av[1]))
            weight = max(weight, _WIDE if av[1] > 127 else 1)
        elif op == "CATEGORY":
            name = str(av)
            if name in _POSITIVE:
                parts.append(_POSITIVE[name])
                weight = max(weight, _WORDY if name == "CATEGORY_WORD" else _WIDE)
            elif name in _NEGATIVE and len(items) == 1 + negate:
                # a lone \W, \S or \D (also [^\W]): the complement of the positive class
                w = _WORDY if name == "CATEGORY_NOT_WORD" else _WIDE
                return ("[" + ("" if negate else "^") + _NEGATIVE[name] + "]"), w
            else:
                raise RegexError("regex uses \\W, \\S or \\D inside a class with other items, "
                                 "which the linear-time engine cannot express; list the characters instead")
        else:
            raise RegexError(f"regex uses an unsupported class item ({op.lower()})")
    weight = max(weight, _WIDE if negate else 1)
    return "[" + ("^" if negate else "") + "".join(parts) + "]", weight


def _emit(nodes: Any, multiline: bool) -> Tuple[str, int]:
    """RE2 source and cost of a parsed Python pattern (a sequence of nodes)."""
    out, cost = [], 0
    for op, av in nodes:
        op = str(op)
        if op in _REFUSED:
            raise RegexError(f"regex uses {_REFUSED[op]}, which the linear-time engine (RE2) cannot run")
        if op == "LITERAL":
            out.append(_char(av))
            cost += 1
        elif op == "NOT_LITERAL":
            out.append("[^" + _char(av) + "]")
            cost += _WIDE
        elif op == "ANY":
            out.append(".")
            cost += _WIDE
        elif op == "IN":
            src, w = _class(av)
            out.append(src)
            cost += w
        elif op == "BRANCH":
            alts = [_emit(alt, multiline) for alt in av[1]]
            out.append("(?:" + "|".join(s for s, _ in alts) + ")")
            cost += sum(c for _, c in alts)
        elif op == "SUBPATTERN":
            _group, add_flags, del_flags, body = av
            if add_flags or del_flags:
                raise RegexError("regex uses inline flags; use the ignore_case and multiline arguments")
            src, c = _emit(body, multiline)
            out.append("(?:" + src + ")")
            cost += c
        elif op in ("MAX_REPEAT", "MIN_REPEAT"):
            lo, hi, body = av
            src, c = _emit(body, multiline)
            if hi == _MAXREPEAT:
                rep = {0: "*", 1: "+"}.get(lo, "{%d,}" % lo)
                times = max(lo, 1)  # x{m,} is m copies of x, the last one looping
            else:
                rep = "{%d}" % lo if lo == hi else "{%d,%d}" % (lo, hi)
                times = max(hi, 1)
            out.append("(?:" + src + ")" + rep + ("?" if op == "MIN_REPEAT" else ""))
            cost += times * c
        elif op == "AT":
            at = str(av)
            if at == "AT_BEGINNING":
                out.append("^")
            elif at == "AT_BEGINNING_STRING":
                out.append("\\A")
            elif at == "AT_END":
                # Python's $ also matches before a final line feed; a search only asks whether it matches
                out.append("$" if multiline else "(?:\\n?\\z)")
            elif at == "AT_END_STRING":
                out.append("\\z")
            elif at == "AT_BOUNDARY":
                out.append("\\b")
            elif at == "AT_NON_BOUNDARY":
                out.append("\\B")
            else:
                raise RegexError(f"regex uses an unsupported anchor ({at.lower()})")
        else:
            raise RegexError(f"regex uses an unsupported construct ({op.lower()})")
    return "".join(out), cost


def translate(pattern: str, ignore_case: bool = False, multiline: bool = False) -> Tuple[str, int]:
    """The RE2 source of a Python pattern and its cost; RegexError (one line) when it cannot run."""
    try:
        tree = _sre_parse.parse(pattern, 0)
    except Exception as e:  # re.error, RecursionError, OverflowError on hostile input
        raise RegexError(f"invalid regex: {str(e).splitlines()[0] if str(e) else type(e).__name__}") from None
    if tree.state.flags & ~int(_sre_parse.SRE_FLAG_UNICODE):
        raise RegexError("regex uses inline flags; use the ignore_case and multiline arguments")
    src, cost = _emit(tree, multiline)
    flags = ("i" if ignore_case else "") + ("m" if multiline else "")
    return (f"(?{flags})" if flags else "") + src, cost


@functools.lru_cache(maxsize=4096)
def compile_regex(pattern: str, ignore_case: bool = False, multiline: bool = False) -> Any:
    """A compiled RE2 regex with Python ``re`` semantics (see the module docstring); cached.

    RegexError (a ValueError with a one-line message) for a pattern RE2 cannot run or that costs more
    than :data:`MAX_COST`.
    """
    src, cost = translate(pattern, ignore_case, multiline)
    if cost > MAX_COST:
        raise RegexError(f"regex too costly for linear-time matching (repeat expansion {cost} > {MAX_COST}; "
                         "use smaller repeat counts)")
    options = re2.Options()
    options.log_errors = False
    try:
        compiled = re2.compile(src, options)
    except re2.error as e:
        msg = e.args[0].decode("utf-8", "replace") if e.args and isinstance(e.args[0], bytes) else str(e)
        raise RegexError(f"regex cannot run on the linear-time engine: {msg}") from None
    if compiled.programsize > MAX_PROGRAM:
        raise RegexError(f"regex too large for linear-time matching (program {compiled.programsize} > "
                         f"{MAX_PROGRAM} instructions; use fewer \\w or smaller repeat counts)")
    return compiled
