"""A criterion that defines its key term first and then applies it (a glossary-first rubric writer).

    By "no commas", this item means not one comma character (,) anywhere in the text; the response has none.
    "Bullet points" here means markdown list items starting with * or -; the response has exactly 10 of them.
    "Length" here is measured in words; the response has at least 600 words.
    "Ends with" here means the last words of the response are exactly "So what is next?"; that is how the response ends.

:func:`glossary` reads the definition ('By "T", this item means D', '"T" here means / is / are / includes D', 'A "T" is D')
and the statement after it (after ';' or a full stop, said of the response or 'that'), and says them as one statement:

- a statement that counts the term ('the response has exactly 10 of them', 'uses none of them') is said with the term and
  its definition in brackets: 'the response has exactly 10 bullet points (markdown list items starting with * or -)'; a
  definition that lists bare words ('The "forbidden words" here are perfume, fresh, good') gives them quoted;
- a statement that only affirms the definition ('the response has none', 'meets both', 'that describes the response',
  'that is how the response ends', 'is JSON in that sense') is the definition said of the response: a clause as it is
  ('the text' read as the response), a noun phrase as what the response has ('not one comma' as 'no comma'), a gerund as
  what the response does ('reproducing it word for word: "..."' -> 'The response reproduces the request word for word');
- any other statement is read as it is, with the term's definition in brackets after the term when that changes what the
  rules read, else the definition a ``definition`` aside that must ask for nothing else
  (:func:`rubricc.compiler.lower_lettered.condition_agrees`).

Only a definition whose term is quoted is read; the statement must be said of the response. Nothing else is guessed: a
statement the rules do not read leaves the text as it is, with the term a ``term`` aside: a quoted term being defined is
no data, so no check may read it as a keyword or a phrase (:func:`term_agrees`).
"""
from __future__ import annotations

import re
from typing import List, Optional, Tuple

from rubricc.compiler.lower_respell import cap, in_quotes, quote_spans

Asides = List[Tuple[str, str]]
_I = re.IGNORECASE
_T = r"(?P<t>\"[^\"\n]{1,40}\"|\u201c[^\u201d\n]{1,40}\u201d)"
_BY = re.compile(rf"^\s*(?:here\s*,?\s*)?by\s+{_T}\s*,?\s*(?:this\s+(?:item|criterion|check|rubric(?:\s+item)?)|we|the\s+(?:item|criterion|check))\s+"
                 r"(?:means?|refers?\s+to)\s+(?P<d>.+)$", _I | re.S)
_TERM = re.compile(rf"^\s*(?P<h0>here\s*,?\s*)?(?P<art>(?:a|an|the)\s+)?{_T}(?P<post>\s+of\s+(?:\"[^\"\n]{{1,40}}\"|\u201c[^\u201d\n]{{1,40}}\u201d))?"
                   r"(?P<h1>\s+here)?\s+(?P<v>means|is\s+measured\s+in|are\s+counted|is\s+counted|refers\s+to|is|are|includes?)(?P<h2>\s+here)?\s+(?P<d>.+)$",
                   _I | re.S)
# where the statement starts: after ';' or a full stop, said of the response or 'that'
_CUT = re.compile(r"(?:;|(?<=[.!])(?=\s+[A-Z]))\s+(?=(?:the|this|its)\s+(?:(?:whole|entire)\s+)?(?:response|answer|reply|output)\b|that\s+(?:is|describes)\b)", _I)
_SECOND = re.compile(rf",?\s+and\s+{_T}\s+(?:means|is|are)\s+(?P<d>.+)$", _I | re.S)
_OF_THEM = re.compile(r"\b(?P<q>\d+|none|all|each|one|any|every\s+one|both)\s+of\s+(?:them|these|those)\b", _I)
# a statement that only affirms the definition
_AFFIRM = re.compile(r"^(?:(?:the|this)\s+(?:response|answer|reply|output)\s+(?:has|includes|contains|gives|uses)\s+(?:none|one|it|them|all\s+of\s+them|both)"
                     r"|(?:the|this)\s+(?:response|answer|reply|output)\s+(?:meets|satisfies|does)\s*(?:both|it|that|so|all\s+of\s+them)?"
                     r"|(?:the|this)\s+(?:response|answer|reply|output)\s+is\s+(?:wrapped|written|formatted|enclosed)\s+that\s+way"
                     r"|(?:the|this)\s+(?:response|answer|reply|output)\s+(?:starts|begins|opens|ends)\s+with\s+(?:that|this|it|such\s+an?)(?:\s+exact)?(?:\s+(?:repetition|phrase|text|sentence|words))?"
                     r"|that\s+(?:describes|is\s+true\s+of)\s+(?:the|this)\s+(?:response|answer|reply|output)"
                     r"|that\s+is\s+how\s+(?:the|this)\s+(?:response|answer|reply|output)\s+(?:ends|begins|starts|opens|is\s+written))\s*[.!]?\s*$", _I)
_IN_THAT_SENSE = re.compile(r",?\s+(?:in\s+that\s+sense|in\s+this\s+sense|that\s+way|as\s+defined)(?=\s*[.!]?\s*$)", _I)
_NOT_ONE = re.compile(r"^(?:not\s+(?:one|a\s+single)|no\s+single|no)\s+", _I)
_CLAUSE = re.compile(r"^(?:the|each|every|all|none|no|its)\b.*\b(?:is|are|appears?|begins?|ends?|starts?|occurs?|parses|has|have)\b", _I | re.S)
_LANG = r"(?:English|[A-Z][a-z]+)"
_CASE_NOTE = re.compile(r"^(?:both\s+)?(?:its\s+)?(?:upper\s*case\s+and\s+lower\s*case|lower\s*case\s+and\s+upper\s*case|capitals\s+and\s+small\s+letters)"
                        r"(?:\s+forms?|\s+alike)?$|^(?:in\s+any|any|every)\s+(?:capitali[sz]ation|case)$|^regardless\s+of\s+(?:case|capitali[sz]ation)$", _I)
_GERUND = {"reproducing": "reproduces", "repeating": "repeats", "restating": "restates", "copying": "copies", "echoing": "echoes",
           "quoting": "quotes", "writing": "writes", "using": "uses", "including": "includes", "ending": "ends", "beginning": "begins",
           "starting": "starts", "wrapping": "wraps", "enclosing": "encloses", "putting": "puts", "giving": "gives", "opening": "opens"}
_WORD_LIST = re.compile(r"^(?P<w>[A-Za-z][\w'-]*(?:\s*,\s*[A-Za-z][\w'-]*)*(?:,?\s+(?:and|or)\s+[A-Za-z][\w'-]*)?)"
                        r"(?P<rest>,\s+(?:matched|in\s+any|counted|ignoring|regardless|whatever|case[- ]insensitive).*)?$")


def _parts(text: str) -> Optional[Tuple[str, str, str, str, str]]:
    """(term, what follows it, the defining verb, the definition, the statement) or None."""
    spans = quote_spans(text)
    cut = next((m for m in _CUT.finditer(text) if not in_quotes(spans, m.start())), None)
    head, said = (text[:cut.start()], text[cut.end():]) if cut else (text, "")
    m = _BY.match(head)
    if m:
        return m.group("t")[1:-1], "", "means", m.group("d").strip(), said.strip()
    m = _TERM.match(head)
    if m:
        v = re.sub(r"\s+", " ", m.group("v").lower())
        if v in ("is", "are", "include", "includes") and not (m.group("art") or m.group("h0") or m.group("h1") or m.group("h2")):
            return None  # '"x" is used 6 times': a statement about the quoted word, no definition ('A "T" is', '"T" here is')
        return m.group("t")[1:-1], (m.group("post") or ""), v, m.group("d").strip(), said.strip()
    return None


def _plural(term: str, q: str) -> str:
    if q.lower() in ("one",) or term.endswith("s") or not re.fullmatch(r"[a-z][a-z -]*", term) or " of " in term:
        return term
    return term + "s"


def _bracketed(verb: str, d: str) -> str:
    d = d.rstrip(" .;")
    lead = {"are counted": "counted ", "is counted": "counted ", "includes": "including ", "include": "including ",
            "is measured in": "measured in "}.get(verb, "")
    return f"({lead}{d})"


def _quoted_list(term: str, d: str) -> Optional[str]:
    """'perfume, fresh, good, matched in any capitalisation' beside a term about words -> '"perfume", "fresh" and
    "good", matched in any capitalisation'."""
    if not re.search(r"\bwords?\b|\bterms?\b|\bkeywords?\b", term, _I):
        return None
    m = _WORD_LIST.match(d.rstrip(" ."))
    if m is None:
        return None
    words = [w for w in re.split(r"\s*,\s*|,?\s+(?:and|or)\s+", m.group("w")) if w]
    if any(" " in w for w in words):
        return None
    listed = ", ".join(f'"{w}"' for w in words[:-1]) + (" and " if len(words) > 1 else "") + f'"{words[-1]}"'
    return listed + re.sub(r"^,\s+matched\s+(?=in\b)", ", ", m.group("rest") or "")


def _as_statement(term: str, verb: str, d: str) -> Optional[str]:
    """The definition said of the response, or None."""
    d = d.strip().rstrip(" .;")
    g = re.match(r"^(?P<g>[a-z]+ing)\b", d, _I)
    if g and g.group("g").lower() in _GERUND:  # 'reproducing it word for word' of 'repeat the request'
        obj = re.match(r"^[a-z]+\s+(?P<o>(?:the|my|your)\s+.+)$", term, _I)
        rest = d[g.end():]
        if re.match(r"\s+(?:it|them)\b", rest, _I):
            if obj is None:
                return None
            rest = " " + obj.group("o") + rest.lstrip()[2 if rest.lstrip().lower().startswith("it") else 4:]
        return "The response " + _GERUND[g.group("g").lower()] + rest
    d = re.sub(r"\bthe\s+(?:text|output)\b", "the response", d, flags=_I)
    if _CLAUSE.match(d):  # 'rather than English or any other language': what a language check asks anyway
        return cap(re.sub(rf",?\s+rather\s+than\s+(?:{_LANG}(?:,?\s+(?:or|and|nor)\s+|,\s+))*(?:{_LANG}|any\s+other\s+language)$", "", d))
    if verb in ("means", "is", "are") and _NOT_ONE.match(d):  # 'not one comma character (,) anywhere in the text'
        return "The response has " + _NOT_ONE.sub("no ", d)
    return None


def glossary(text: str) -> Tuple[str, Asides]:
    """(the statement the definition and its application make, asides); (text, []) when the text is no such item."""
    parts = _parts(text)
    if parts is None:
        return text, []
    term, post, verb, d, said = parts
    from rubricc.compiler.lower_clauses import rules_read as reads

    second = _SECOND.search(d)
    if said and _AFFIRM.match(said):
        if second is not None and re.search(r"\bboth\b", said, _I):
            one, two = _as_statement(term, verb, d[:second.start()]), _as_statement(second.group("t")[1:-1], "means", second.group("d"))
            if one is None or two is None:
                return text, []
            return one + " and " + two[0].lower() + two[1:] + ".", []
        stated = _as_statement(term, verb, d) if second is None else None
        return (stated.rstrip(".") + ".", []) if stated else (text, [("term", term)])
    if not said:
        stated = _as_statement(term, verb, d) if verb == "means" else None
        return (stated.rstrip(".") + ".", []) if stated and _GERUND.get(d.split()[0].lower()) else (text, [("term", term)])
    said = _IN_THAT_SENSE.sub("", said.rstrip(" ."))
    noun = re.sub(r"\bthe\s+(letter|character)\s+([A-Za-z])$", r'the \1 "\2"', (term + post).strip(), flags=_I)
    listed = _quoted_list(term, d)
    o = _OF_THEM.search(said)
    if o:
        q = o.group("q")
        def counted(named: str) -> str:
            return cap(said[:o.start()] + (f"{q} of {named}" if q.lower() in ("none", "all", "each", "any", "every one", "both", "one") else f"{q} {named}")
                       + said[o.end():]) + "."
        if listed:
            stated = counted(f"the {noun.lower()} {listed}")
            return (stated, []) if reads(stated) else (text, [("term", term)])
        bare = _plural(noun[:1].lower() + noun[1:], q)
        stated = counted(f"{bare} {_bracketed(verb, d)}")
        if reads(stated):
            return stated, []
        stated = counted(bare)
        if not reads(stated):  # the definition is what is counted: 'at least 2 text in square brackets, such as [city]'
            own = counted(re.sub(r"^(?:the|a|an)\s+", "", d.rstrip(" .;"), flags=_I) if q[:1].isdigit() else d.rstrip(" .;")) \
                if verb in ("means", "is", "are") else None
            return (own, []) if own and reads(own) else (text, [("term", term)])
        dd = d.rstrip(" .;")
        if _CASE_NOTE.match(dd):
            return stated, [("match", dd)]  # 'include both its uppercase and lowercase forms'
        if verb in ("means", "is", "are") and reads(counted(dd)) == reads(stated):
            return stated, []  # the definition counted reads as the same check as the term counted
        return text, [("term", term)]
    plain = cap(said) + "."
    head = re.escape(re.sub(r"s$", "", term.lower()))
    mention = re.search(rf"\b{head}s?\b", said, _I)
    if mention:
        defined = cap(said[:mention.end()] + ", " + _bracketed(verb, d)[1:-1] + "," + said[mention.end():]) + "."
        got = reads(defined)
        if got is not None and got != reads(plain):
            return defined, []
    if not reads(plain):
        return text, [("term", term)]
    return plain, [("definition", f'"{term}"{post} {verb} {d}')]


def term_agrees(args, term: str) -> bool:
    """True when a check's arguments do not hold the defined term as data (a keyword, a phrase, a marker)."""
    data = []
    for v in args.values():
        data += v if isinstance(v, list) else [v]
    return term.strip().lower() not in {str(v).strip().lower() for v in data if isinstance(v, str)}
