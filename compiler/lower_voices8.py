"""Voices read before those of :mod:`rubricc.compiler.lower_voices7` (issue 15, round 13): a prose linter's rule
documentation, a funder's submission guidelines, an operator's house rules for replies, a paper appendix's formal
definitions, and a metric's explicit 0-branch.

:func:`respeak` rewrites only the wording into words the frames and rules already read, and never adds a requirement;
what a voice restates beside the requirement is read off as an aside the driver checks against the check lowered:

- a linter rule is a disqualifying rule: 'This rule reports an error (flags the document) if/when X' is 'Entries are
  disqualified if X' (its condition complemented, a count's relation flipped); 'This rule reports an error unless X' is
  'Entries are disqualified unless X'; 'This rule counts <things>[, notes] and reports an error if there are fewer than
  N' is 'Entries are disqualified if the response has fewer than N <things>'; 'This rule flags every/any <thing> in
  the text' is 'Entries are disqualified if any <thing> appears'. A condition with a negation is never read (its
  complement is left to the other voices). The rule's passing sentence after it ('A document passes only when Y', 'A
  passing document is Y', 'Keep it Y') is a ``passes`` aside: Y, as a condition to pass, must lower to the same check;
- a funder's guideline: 'Proposals must X' is 'The response must X'; the rejection clause after it ('Proposals of N
  words or more will be returned without review', 'Any capital letter ... will result in the proposal being returned')
  is a ``fails`` aside: its condition, as a disqualification, must lower to the same check (or, for one way to fail
  among others, to the same check with fewer arguments); 'Proposals with fewer / without one / with more or fewer / in
  any other language' are read only where they restate the requirement's own complement exactly;
- a house rule: 'Replies X' ('Every reply X') is 'The response X'; its product reason after ';' is read as a reason
  ('because ...'), which the driver's reason checks judge (one naming a requirement keeps the criterion neural);
- an appendix's definition: 'Let f(r) be the number of <things> in r. The constraint holds iff f(r) >= N' is 'The
  constraint holds iff the response has at least N <things>' (occurrences of X: 'X appears at least N times'), only
  when one function is defined and the condition is that function against a number; 'Let r denote the response' and
  the variable r in the condition are 'the response';
- a metric's explicit 0-branch: 'Each response is scored 1 if X, and 0 if Y' is 'scored 1 if X, and 0 otherwise' with
  Y as a ``fails`` aside.

Quoted material is never rewritten.
"""
from __future__ import annotations

import re
from typing import List, Optional, Tuple

from rubricc.compiler.lower_borderline import read_borderline
from rubricc.compiler.lower_procedure import procedure
from rubricc.compiler.lower_parse import QUOTE_RE, CriterionText
from rubricc.compiler.lower_rules import RULES
from rubricc.compiler.lower_respell import cap
from rubricc.compiler.lower_voices4 import Asides
from rubricc.compiler.lower_voices5 import _free, _sub_outside
from rubricc.compiler.lower_voices7 import read_voice as _read_voice7

_I = re.IGNORECASE
_NUM = r"(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)"
# a negation in a condition: its complement is not read here
_NEGATION = re.compile(r"\b(?:not|no|never|none|nothing|without|neither|nor|unless|lacks?|missing|absent|fails?)\b|n't\b", _I)
_OR = re.compile(r"\bor\b(?!\s+(?:more|fewer|less)\b)", _I)
_DOC = re.compile(r"\b(?:the|this|a|each)\s+(?:document|text|file|draft|submission)\b", _I)

# ---- a linter rule's documentation ---------------------------------------------------------------------------------
_RULE = r"^\s*(?:this|the)\s+(?:rule|check|lint(?:er)?\s+rule)\s+"
_ERROR = r"(?:reports|raises|emits|returns)\s+(?:an?\s+)?(?:error|warning|violation)"
_REPORTS = re.compile(_RULE + rf"{_ERROR}\s+(?P<how>if|when|whenever|unless)\s+(?P<x>[^.;]+?)\s*\.(?P<rest>.*)$", _I)
_COUNTS = re.compile(_RULE + r"counts\s+(?P<np>[^;]+?)\s*,?\s+and\s+" + _ERROR + r"\s+(?P<how>if|when|whenever|unless)\s+"
                     r"(?:there\s+are|it\s+finds|the\s+(?:count|number|total)\s+is)\s+(?P<rel>[^.;]+?)\s*\.(?P<rest>.*)$", _I)
_FLAGS = re.compile(_RULE + r"flags\s+(?:every|any|each|all)\s+(?P<np>[^.;,()]+?(?:\s*\([^()\w]{1,3}\))?)(?:\s+(?:in|anywhere\s+in)\s+the\s+(?:text|document))?\s*\.(?P<rest>.*)$", _I)
_FLAGS_LENGTH = re.compile(_RULE + rf"flags\s+the\s+(?:document|text)\s+(?:once|when|as\s+soon\s+as|if)\s+its\s+length\s+reaches\s+(?P<n>{_NUM})\s+"
                           r"(?P<u>words|sentences|paragraphs)\s*\.(?P<rest>.*)$", _I)
_PASSES = re.compile(r"^\s*(?:(?:a|the)\s+(?:document|text)\s+passes\s+only\s+(?:when|if)\s+(?P<a>[^.;]+)|a\s+passing\s+(?:document|text)\s+is\s+(?P<b>[^.;]+)"
                     r"|keep\s+(?:it|the\s+(?:document|text))\s+(?P<c>[^.;]+))\s*\.\s*$", _I)
# a count relation at the end of a linter's condition
_REL = re.compile(rf"^(?:(?P<lt>fewer\s+than|less\s+than|below|under)\s+(?P<n1>{_NUM})|(?P<n2>{_NUM})\s+or\s+(?P<ge>more|fewer|less)|(?P<ex>exactly)\s+(?P<n3>{_NUM})"
                  rf"|(?P<gt>more\s+than|at\s+least|at\s+most)\s+(?P<n4>{_NUM}))$", _I)
_OCCURRENCES = re.compile(r"^(?:all\s+)?(?P<ci>case[- ]insensitive\s+)?(?:occurrences|matches|instances|uses)\s+of\s+(?P<x>\"[^\"\n]{1,40}\"|'[^'\n]{1,40}'|the\s+(?:letter|character)\s+[^\s,]+)"
                          r"(?P<notes>(?:\s*,?\s*(?:anywhere\s+in\s+the\s+(?:text|document)|including\s+(?:inside|within)\s+longer\s+words|ignoring\s+case|in\s+either\s+case|case[- ]insensitively))*)$", _I)


def _relation(rel: str) -> Optional[str]:
    m = _REL.match(rel.strip())
    if not m:
        return None
    if m.group("lt"):
        return f"fewer than {m.group('n1')}"
    if m.group("ge"):
        return f"{m.group('n2')} or {m.group('ge').lower()}"
    if m.group("ex"):
        return f"exactly {m.group('n3')}"
    return f"{m.group('gt').lower()} {m.group('n4')}"


def _notes(notes: str) -> str:
    """A count's matching notes in the words the matching notes read."""
    notes = re.sub(r"\s*,?\s*anywhere\s+in\s+the\s+(?:text|document)", "", notes, flags=_I)
    notes = re.sub(r"including\s+(?:inside|within)\s+longer\s+words", "including occurrences within longer words", notes, flags=_I)
    return notes


def _counted(np: str, rel: str) -> Optional[str]:
    """'the response has <rel> <np>' (occurrences of X: 'X appears <rel> times'), or None for a relation not read."""
    r = _relation(rel)
    if r is None:
        return None
    o = _OCCURRENCES.match(np.strip())
    if o:
        ci = ", case-insensitively" if o.group("ci") else ""
        return f"{o.group('x')} appears {r} times{ci}{_notes(o.group('notes'))}"
    return f"the response has {r} {np.strip()}"


def _passes(rest: str, asides: Asides) -> bool:
    """True when what follows the rule's sentence is nothing, or a passing sentence (read off as a ``passes`` aside)."""
    if not rest.strip():
        return True
    p = _PASSES.match(rest)
    if not p or QUOTE_RE.search(rest):
        return False
    y = p.group("a") or p.group("b") or p.group("c")
    if p.group("b"):
        y = "the response is " + y
    elif p.group("c"):
        y = "the response is " + y
    asides.append(("passes", _DOC.sub("the response", y.strip())))
    return True


_EACH_MISSING = re.compile(_RULE + _ERROR + r"\s+for\s+each\s+of\s+the\s+(?P<k>key\s*words|words|terms)\s+(?P<l>[^.;]+?)\s+that\s+(?:does\s+not|doesn't)\s+appear"
                           r"(?:\s+anywhere)?\s+in\s+the\s+(?:text|document)\s*\.(?P<rest>.*)$", _I)
_MATCHING = re.compile(r"^\s*matching\s+(?P<ci>ignores\s+case|is\s+case-insensitive)(?:\s*,\s*and\s+(?P<sub>a\s+(?:key\s*word|word|term)\s+found\s+(?:inside|within)\s+a\s+longer\s+word\s+(?:also\s+)?counts))?\s*\.\s*$", _I)
_TWO_FLAGS = re.compile(_RULE + r"flags\s+any\s+(?P<np>(?:uppercase|lowercase|capital)\s+letter)\s+in\s+the\s+(?:text|document)\s*,\s*and\s+also\s+flags\s+(?:text|a\s+document)\s+that\s+is\s+not\s+in\s+"
                        r"(?P<l>[A-Z][a-z]+)\s*\.\s+a\s+passing\s+(?:document|text)\s+is\s+(?P<l2>[A-Z][a-z]+)\s+and\s+(?P<y>(?:fully|entirely|all)\s+(?:lowercase|uppercase|in\s+capitals))\s*\.\s*$", _I)


def _linter(text: str, asides: Asides) -> str:
    m = _EACH_MISSING.match(text)
    if m and _free(text, m.start(), m.start("rest")) and QUOTE_RE.search(m.group("l")):
        n = _MATCHING.match(m.group("rest"))
        if m.group("rest").strip() and not n:
            return text
        if n:
            asides.append(("match", "ignoring case"))
            if n.group("sub"):
                asides.append(("match", n.group("sub").replace("found", "appearing")))
        return f"Award the point only if the response contains each of the {m.group('k')} {m.group('l')}."
    m = _TWO_FLAGS.match(text)
    if m and _free(text, m.start(), m.end()):  # two ways to fail, and the passing sentence says both complements
        if m.group("l") != m.group("l2"):
            return text
        asides.append(("fails", f"any {m.group('np')} appears"))
        return f"The response is in {m.group('l')} and {m.group('y')}."
    for pat in (_COUNTS, _FLAGS_LENGTH, _FLAGS, _REPORTS):
        m = pat.match(text)
        if not m or not _free(text, m.start(), m.end() - len(m.group("rest"))):
            continue
        more: Asides = []
        if not _passes(m.group("rest"), more):
            return text
        if pat is _COUNTS:
            cond = _counted(m.group("np"), m.group("rel"))
            if cond is None or _NEGATION.search(QUOTE_RE.sub(" ", m.group("np"))):
                return text
            how = m.group("how").lower()
        elif pat is _FLAGS_LENGTH:
            cond, how = f"the response has {m.group('n')} or more {m.group('u').lower()}", "if"
        elif pat is _FLAGS:
            np = m.group("np")
            if _NEGATION.search(QUOTE_RE.sub(" ", np)) or re.search(r"\b(?:and|or|also|that|which|who|whole|case)\b", QUOTE_RE.sub(" ", np), _I):
                return text
            cond, how = f"any {np} appears", "if"
        else:
            cond, how = _DOC.sub("the response", m.group("x")), m.group("how").lower()
            if re.match(r"\s*its\b", cond, _I):
                return text
        not_l = re.fullmatch(r"(?P<s>the\s+language\s+of\s+the\s+response)\s+is\s+not\s+(?P<l>[A-Z][a-z]+(?:\s+\([a-z]{2}\))?)", cond.strip())
        if not_l and how != "unless":  # 'if the language of the document is not Arabic': 'unless ... is Arabic'
            cond, how = f"{not_l.group('s')} is {not_l.group('l')}", "unless"
        if _NEGATION.search(QUOTE_RE.sub(" ", cond)) or _OR.search(QUOTE_RE.sub(" ", cond)) and how != "unless":
            return text  # 'if the document contains no title', 'if X or Y': not read here
        asides.extend(more)
        return f"Entries are disqualified {'unless' if how == 'unless' else 'if'} {cond}."
    return text


# ---- a funder's guidelines ------------------------------------------------------------------------------------------
_PROPOSAL = r"(?:proposals?|applications?|submissions?)"
_ONE_PROPOSAL = r"(?:proposal|application|submission)"
_MUST = re.compile(rf"^\s*(?:(?P<det>the\s+entire|the\s+whole|each|every|a|the|all)\s+)?{_PROPOSAL}\s+(?P<m>must|should|shall|are\s+required\s+to|is\s+required\s+to)\s+"
                   r"(?P<x>(?:[^.;]|\.(?=\S))+?(?:\([^()]*\)(?:[^.;]|\.(?=\S))*?)?)\s*(?P<sep>[.;])\s+(?P<rest>\S.*)$", _I)
_RETURNED = r"(?:will|shall|would)\s+be\s+(?:returned(?:\s+without\s+review)?|rejected|declined|disqualified|screened\s+out)"
_REJECT = re.compile(rf"^\s*(?:{_PROPOSAL}|(?:a|an|any)\s+{_ONE_PROPOSAL})\s+(?P<q>.+?)\s+{_RETURNED}\s*[.!]?\s*$", _I)
_ANY_CAUSES = re.compile(rf"^\s*any\s+(?P<np>[a-z][a-z -]{{1,40}}?)(?:\s*,\s*including\s+[^,.;\"]{{1,60}},)?\s+will\s+(?:result\s+in\s+the\s+{_ONE_PROPOSAL}\s+being|cause\s+the\s+"
                         rf"{_ONE_PROPOSAL}\s+to\s+be)\s+(?:returned(?:\s+without\s+review)?|rejected|declined)\s*[.!]?\s*$", _I)
_LONGER = re.compile(rf"^\s*(?P<d>longer|shorter)\s+{_PROPOSAL}\s+{_RETURNED}\s*[.!]?\s*$", _I)
_MAX_CUE = re.compile(rf"\b(?:fewer\s+than|less\s+than|under|below|at\s+most|no\s+more\s+than)\s+{_NUM}\b", _I)
_MIN_CUE = re.compile(rf"\b(?:at\s+least|no\s+fewer\s+than|no\s+less\s+than|more\s+than|over)\s+{_NUM}\b", _I)
_UNIT = r"(?:words|sentences|paragraphs|bullet\s+points|bullets|sections|highlighted\s+sections|placeholders)"


def _rejected(q: str, main: str) -> Optional[Tuple[str, str]]:
    """What a rejection clause's qualifier says: ('fails', condition) to check, ('ok', '') when it restates the
    requirement's complement exactly, or None."""
    q = q.strip().rstrip(",")
    low, bare = q.lower(), QUOTE_RE.sub(" ", main).lower()
    if re.fullmatch(r"(?:that\s+are\s+)?(?:with|containing|that\s+contain|that\s+have|having)\s+fewer(?:\s+\w+(?:\s+\w+)?)?", low):
        m = re.search(rf"\b(?:at\s+least|no\s+fewer\s+than|no\s+less\s+than|a\s+minimum\s+of)\s+(?P<n>{_NUM})\s+(?P<u>(?:[a-z]+\s+)?{_UNIT}|[a-z]+\s+[a-z]+)\b", bare)
        return ("fails", f"the response has fewer than {m.group('n')} {m.group('u')}") if m else None
    if re.fullmatch(r"(?:with|containing|that\s+have|having)\s+(?:more\s+or\s+fewer|fewer\s+or\s+more|a\s+different\s+number\s+of)\s+[a-z ]+", low):
        unit = low.split()[-1]
        return ("ok", "") if re.search(rf"\bexactly\s+{_NUM}\s+(?:[a-z]+\s+){{0,2}}{unit}\b", bare) else None
    if re.fullmatch(r"without\s+(?:one|it|such\s+an?\s+\w+|an?\s+\w+)", low):
        thing = low.split()[-1]
        ok = re.search(r"^\s*(?:include|contain|have|carry)\s+an?\s+", bare) and (thing in ("one", "it") or re.search(rf"\ban?\s+{thing}\b", bare))
        return ("ok", "") if ok and not _NEGATION.search(bare) else None
    if re.fullmatch(r"in\s+any\s+other\s+language", low):
        return ("ok", "") if re.fullmatch(r"\s*be\s+written\s+(?:entirely\s+|only\s+|wholly\s+)?in\s+[a-z]+\s*", bare) else None
    m = re.fullmatch(r"containing\s+any\s+of\s+(?:them|these|those)(?:\s*,\s*(?P<note>in\s+any\s+capitali[sz]ation|ignoring\s+case|regardless\s+of\s+case))?", low)
    if m:
        if not re.search(r"^\s*(?:not\s+(?:use|contain|include|mention)|avoid|exclude|omit)\b", bare):
            return None
        return ("note", m.group("note") or "")
    m = re.fullmatch(rf"(?:of|with|containing|that\s+have|having)\s+(?P<x>(?:{_NUM}\s+{_UNIT}\s+or\s+(?:more|fewer|less)|(?:more|fewer|less)\s+than\s+{_NUM}\s+{_UNIT}))", low)
    if m:
        return ("fails", f"the response has {m.group('x')}")
    m = re.fullmatch(rf"(?:under|below|over|above)\s+(?P<n>{_NUM})\s+(?P<u>{_UNIT})", low)
    if m:
        rel = "fewer than" if low.startswith(("under", "below")) else "more than"
        return ("fails", f"the response has {rel} {m.group('n')} {m.group('u')}")
    m = re.fullmatch(r"with\s+(?:even\s+)?(?:a\s+single|one|any)\s+(?P<np>[a-z][a-z -]{1,30}?)", low)
    if m:
        return ("fails", f"any {m.group('np')} appears")
    return None


def _guidelines(text: str, asides: Asides) -> str:
    m = _MUST.match(text)
    if not m or not _free(text, m.start(), m.start("rest")) or QUOTE_RE.search(m.group("rest")):
        return text
    main, rest = m.group("x"), m.group("rest")
    r, a, ls = _REJECT.match(rest), _ANY_CAUSES.match(rest), _LONGER.match(rest)
    if ls:  # 'Longer proposals will be returned': the complement of a maximum ('fewer than N'), and only of one
        bare = QUOTE_RE.sub(" ", main)
        cue = _MAX_CUE if ls.group("d").lower() == "longer" else _MIN_CUE
        if not cue.search(bare) or (_MIN_CUE if cue is _MAX_CUE else _MAX_CUE).search(bare) or not re.search(rf"\b{_UNIT}\b", bare, _I):
            return text
        got = ("ok", "")
    elif r:
        got = _rejected(r.group("q"), main)
    elif a:
        got = ("fails", f"any {a.group('np')} appears")
    else:
        return text
    if got is None:
        return text
    kind, what = got
    if kind == "fails":
        asides.append(("fails", what))
    elif kind == "note" and what:
        asides.append(("match", what))
    det = (m.group("det") or "").lower()
    subject = "The entire response" if det == "the entire" else "The whole response" if det == "the whole" else "The response"
    return f"{subject} {m.group('m').lower()} {main}."


# ---- an operator's house rules ---------------------------------------------------------------------------------------
_REPLIES = re.compile(r"^\s*(?:(?:all|our)\s+)?replies\s+(?P<adv>(?:always|never|only)\s+)?(?P<v>[a-z]+)\b", _I)
_EVERY_REPLY = re.compile(r"^\s*(?:every|each)\s+reply\s+(?=[a-z]+s\b)", _I)
_IRREGULAR = {"are": "is", "have": "has", "do": "does", "go": "goes"}
_HOUSE_REASON = re.compile(r"\s*;\s+(?P<r>(?:this|that|the|our|legal|it)\b[^;\"\u201c]*?)\s*[.!]?\s*$", _I)


# a clause after the house rule that speaks of the reply again asks for more ('; the reply also ends with ...')
_ANOTHER = re.compile(r"\b(?:reply|response|answer|output|it|its|also|too|must|should|shall|has\s+to|needs?\s+to\s+(?:be|have|use|include|contain|end|start))\b", _I)


_WANTS = re.compile(r"\b(?:asks?\s+for|asked\s+for|wants?|requires?|needs?|demands?|expects?|prefers?)\s+(?P<o>.+)$", _I)


def _asks(reason: str, rule_text: str) -> bool:
    """True when a house rule's reason reads as a requirement: a rule fires on it, or someone wants something of the
    reply other than what the rule names ('those terms') or the length it sets ('full write-ups' beside a minimum)."""
    if any(rule(CriterionText(reason)) for rule in RULES):
        return True
    w = _WANTS.search(reason)
    if not w:
        return False
    o, bare = w.group("o"), QUOTE_RE.sub(" ", rule_text)
    if re.match(r"(?:those|these|them|that|this)\b", o, _I):
        return False
    if re.match(r"(?:full|long|longer|detailed|thorough|in-depth)\b", o, _I):
        return not (_MIN_CUE.search(bare) and not _MAX_CUE.search(bare) and re.search(r"\bwords\b", bare, _I))
    if re.match(r"(?:short|shorter|brief|concise)\b", o, _I):
        return not (_MAX_CUE.search(bare) and not _MIN_CUE.search(bare) and re.search(r"\bwords\b", bare, _I))
    return True


def _house(text: str) -> str:
    original = text
    m = _REPLIES.match(text)
    if m and _free(text, m.start(), m.end()):
        v = m.group("v").lower()
        if v in ("must", "should", "may", "can", "will", "shall"):
            verb = v
        else:
            verb = _IRREGULAR.get(v) or (v + "es" if v.endswith(("s", "sh", "ch", "x")) else v + "s")
        text = f"The response {(m.group('adv') or '').lower()}{verb}" + text[m.end():]
    else:
        m = _EVERY_REPLY.match(text)
        if not m or not _free(text, m.start(), m.end()):
            return text
        text = "The response " + text[m.end():]
    r = _HOUSE_REASON.search(text)
    if r and _free(text, r.start(), r.end()) and not _ANOTHER.search(r.group("r")) and not _asks(r.group("r"), text[:r.start()]):
        return text[:r.start()] + ", because " + r.group("r") + "."
    if ";" in QUOTE_RE.sub(" ", text):
        return original  # a clause after the rule not read as its reason: the house rule is not read
    return text


# ---- a paper appendix's definitions ----------------------------------------------------------------------------------
_LET_R = re.compile(r"^\s*let\s+r\s+(?:denote|be)\s+the\s+(?:response|completion|model's\s+response|output)\s*\.\s*", _I)
_LET_F = re.compile(r"^\s*let\s+(?P<f>[^\W\d_]{1,2})\(r\)\s+(?:be|denote)\s+the\s+number\s+of\s+(?P<d>[^.]+?)\s*\.\s+"
                    r"(?P<h>the\s+(?:constraint|requirement|condition)\s+(?:holds|is\s+(?:met|satisfied))\s+(?:iff|if\s+and\s+only\s+if))\s+"
                    r"(?P<g>[^\W\d_]{1,2})\(r\)\s*(?P<op>≥|>=|≤|<=|<|>|=)\s*(?P<n>\d[\d,]*)\s*\.?\s*$", _I)
_OPS = {"≥": "at least", ">=": "at least", "≤": "at most", "<=": "at most", "<": "fewer than", ">": "more than", "=": "exactly"}
_HOLDS_R = re.compile(r"^\s*the\s+(?:constraint|requirement|condition)\s+(?:holds|is\s+(?:met|satisfied))\s+(?:iff|if\s+and\s+only\s+if)\s+", _I)
_VAR_R = re.compile(r"(?<![\w'(])r(?![\w'(])")


def _the_response(text: str) -> Optional[str]:
    """The variable r read as 'the response' outside quotations ('in r' -> 'in the response'), or None where r is
    primed or a function of r is left ('r\\'', 'f(r)')."""
    bare = QUOTE_RE.sub(" ", text)
    if re.search(r"\br'|\(r\)", bare):
        return None
    return _sub_outside(text, _VAR_R, "the response")


def _appendix(text: str) -> str:
    m = _LET_F.match(text)
    if m and _free(text, m.start(), m.end()):
        if m.group("f") != m.group("g"):
            return text
        d = QUOTE_RE.sub(" ", m.group("d"))
        if "(" in d or re.search(r"\blet\b", d, _I):
            return text
        # 'words in r', 'words of r that are entirely uppercase', 'occurrences of the letter l in r, in either case'
        dm = re.fullmatch(r"(?P<np>[^,]+?)\s+(?:in|of)\s+r(?P<tail>(?:\s+that\s+[^,]+)?(?:\s*,\s*[^,]+)?)", m.group("d").strip())
        if not dm or re.search(r"\br\b", QUOTE_RE.sub(" ", dm.group("np") + dm.group("tail"))):
            return text
        np = re.sub(r"^non-overlapping\s+", "", dm.group("np").strip(), flags=_I)
        rel = _OPS[m.group("op")]
        o = _OCCURRENCES.match(np)
        tail = dm.group("tail")
        if o:
            if tail and not re.fullmatch(r"\s*,\s*(?:in\s+either\s+case|ignoring\s+case|case[- ]insensitively)", tail, _I):
                return text
            ci = ", case-insensitively" if o.group("ci") else ""
            cond = f"{o.group('x')} appears {rel} {m.group('n')} times{ci}{tail}"
        else:
            if tail and not re.fullmatch(r"\s+that\s+(?:are|is)\s+[a-z ]+", tail, _I):
                return text
            cond = f"the response has {rel} {m.group('n')} {np}{tail}"
        return f"{cap(m.group('h'))} {cond}."
    m = _LET_R.match(text)
    body = text[m.end():] if m and _free(text, m.start(), m.end()) else text
    h = _HOLDS_R.match(body)
    if not h or not _free(body, h.start(), h.end()) or re.search(r"\blet\b", QUOTE_RE.sub(" ", body), _I):
        return text
    said = _the_response(body)
    if said is None:
        return text
    said = re.sub(r"\s*,\s*as\s+identified\s+by\s+a\s+language\s+detector\s*,", "", said, flags=_I)
    said = re.sub(r"\(\s*ISO(?:\s+639-1)?\s+code\s+([a-z]{2})\s*\)", r"(\1)", said)
    # 'every cased character in r is lowercase': all its letters are
    return re.sub(r"\bevery\s+cased\s+character\s+in\s+the\s+response\s+is\s+(lowercase|uppercase)\b", r"all letters in the response are \1", said, flags=_I)


# ---- a metric's explicit 0-branch ------------------------------------------------------------------------------------
_ZERO_IF = re.compile(r"^(?P<head>\s*(?:each|every|a|an|the)\s+(?:response|completion|reply|answer|output)\s+(?:is\s+scored|scores|receives|gets|earns)\s+(?:a\s+)?(?:1|one)"
                      r"(?:\s+point)?\s+(?:if|when)\s+(?P<x>[^;]+?))\s*,?\s+and\s+(?:a\s+)?(?:0|zero)\s+(?:if|when)\s+(?P<y>[^;]+?)\s*\.?\s*$", _I)


_ZERO_FIRST = re.compile(r"^\s*(?:each|every|a|an|the)\s+(?:response|completion|reply|answer|output)\s+(?:is\s+scored|scores|receives|gets|earns)\s+(?:a\s+)?(?:0|zero)\s+(?:if|when)\s+"
                         r"(?P<x>[^;]+?)\s*,?\s+and\s+(?:a\s+)?(?:1|one)(?:\s+point)?\s+otherwise\s*\.?\s*$", _I)
# inside a metric's or a definition's frame, 'in it' is in the response
_FRAMED = re.compile(r"^\s*(?:[A-Z][^\n\u2014:]{0,60}?\s+[\u2014\u2013-]{1,2}\s+)?(?:each|every|a|an|the)\s+(?:response|completion)\s+(?:is\s+scored|scores|receives|satisfies|meets)\b", _I)
_IN_IT = re.compile(r"\b(in|from|within)\s+it\b(?=\s*(?:[,.;(]|as\b|$))", _I)


_MISSING = re.compile(r"\s*any\s+(?:one\s+)?of\s+them\s+(?:is|are)\s+(?:missing|absent)\s*", _I)
_ALL_OF = re.compile(r"\b(?:each|all|every\s+one)\s+of\s+the\s+(?:key\s*words|words|terms)\s+(?:\"x\"\s*(?:,\s*(?:and\s+)?|\s+and\s+))*\"x\"", _I)
_ZERO = re.compile(r"\b(contains?|has|uses?)\s+zero\s+(?=[a-z])", _I)


def _metric(text: str, asides: Asides) -> str:
    z = _ZERO_FIRST.match(text)
    if z and _free(text, z.start(), z.end()) and not re.search(rf"\b{_NUM}\b", QUOTE_RE.sub(" ", z.group("x")), _I) \
            and not _NEGATION.search(QUOTE_RE.sub(" ", z.group("x"))):
        # 'scored 0 if X, and 1 otherwise': X (no count: a count's failure frame is not flipped) is the only way to fail
        x = re.sub(r"^\s*it\b", "the response", z.group("x"), flags=_I)
        return f"Entries are disqualified if {_sub_outside(x, _IN_IT, 'in the response')}."
    if _FRAMED.match(text):
        text = _sub_outside(_sub_outside(text, _IN_IT, r"\1 the response"), _ZERO, r"\1 no ")
    m = _ZERO_IF.match(text)
    if m and _free(text, m.start(), m.end()) and _MISSING.fullmatch(m.group("y")) and _ALL_OF.search(QUOTE_RE.sub('"x"', m.group("x"))):
        return f"{m.group('head')}."  # '0 if any of them is missing' beside 'each of the keywords': the complement
    if not m or not _free(text, m.start(), m.end()) or _NEGATION.search(QUOTE_RE.sub(" ", m.group("y"))):
        return text
    y = re.sub(r"\b(?:in|from)\s+it\b", "in the response", m.group("y"))
    y = re.sub(r"^\s*it\b", "the response", y, flags=_I)
    y = _COMMA_CHAR.sub("comma", y)
    y = re.sub(r"^\s*(?:even\s+)?(?:a\s+single|one|even\s+one)\s+(?=[a-z',\"])", "any ", y, flags=_I)
    if re.search(r"\b(?:it|its)\b", QUOTE_RE.sub(" ", y), _I) or _OR.search(QUOTE_RE.sub(" ", y)):
        return text
    asides.append(("fails", y))
    return f"{m.group('head')}."  # the 0-branch is read off: the frame is the 1-branch alone


# a keyword list restated in the words the keyword rules read
_LIST = r"(?P<l>(?:\"[^\"\n]{1,40}\"\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+))*\"[^\"\n]{1,40}\")"
_KEYWORD_SAYINGS = [
    # an annotator's word list after 'no', with its matching note: 'no sleep, cook, feed (whole word, case-insens.)'
    (re.compile(r"^\s*no\s+(?P<list>[a-z][\w'-]*(?:\s*,\s*[a-z][\w'-]*)*)\s*\(\s*whole[- ]words?"
                r"(?P<case>\s*,\s*(?:case[- ]insens(?:\.|itive(?:ly)?)?|any\s+case|ignoring\s+case))?\s*\)\s*\.?\s*$", _I),
     lambda m: "The response uses none of the words " + ", ".join(f'"{w.strip()}"' for w in m.group("list").split(","))
     + f" (as whole words{', case-insensitive' if m.group('case') else ''})."),
    # 'every one of the keywords X appears in it': the response contains each of them
    (re.compile(rf"\b(?:every\s+one|each(?:\s+one)?|all)\s+of\s+(?:the\s+(?P<k>key\s*words|words|terms)\s+)?{_LIST}\s+"
                rf"(?:appears?|shows?\s+up|occurs?)\s+in\s+(?:it|the\s+(?:response|reply|answer|output))\b", _I),
     lambda m: f"the response contains each of the {m.group('k') or 'words'} {m.group('l')}"),
    # 'every keyword among X occurs in r as a substring under case-insensitive matching'
    (re.compile(rf"\bevery\s+(?P<k>keyword|word|term)\s+among\s+{_LIST}\s+occurs\s+in\s+(?:r|the\s+response)\s+as\s+a\s+substring\s+under\s+case-insensitive\s+matching\b", _I),
     lambda m: f"the response contains each of the {m.group('k')}s {m.group('l')}, case-insensitively, even as part of a longer word"),
    # 'no word among X matches r as a whole word (delimited by word boundaries)'
    (re.compile(rf"\bno\s+(?P<k>word|term|keyword)\s+among\s+{_LIST}\s+matches\s+(?:r|the\s+response)\s+as\s+a\s+whole\s+word(?:\s*\(delimited\s+by\s+word\s+boundaries\))?", _I),
     lambda m: f"none of the {m.group('k')}s {m.group('l')} appears in the response as a whole word"),
    # a markdown bullet point restated as what the check counts: ', each a line starting with * or -'
    (re.compile(r"(?<=bullet\s(?=points))points\s*,\s*each\s+(?:one\s+)?(?:a|being\s+a)\s+line\s+(?:starting|beginning|commencing)\s+with\s+(?:\*|an\s+asterisk)\s+or\s+(?:-|a\s+hyphen)(?=\s*[,.;]|$)", _I),
     lambda m: "points"),
    # ', matched without regard to case': the matching note itself
    (re.compile(r",\s*matched\s+(?=without\s+regard\s+to|ignoring|regardless\s+of|case-insensitively|in\s+any\s+(?:letter\s+)?case)", _I), lambda m: ", "),
]
# a quoted comma named as a character: 'even one ',' character appears' is 'any comma appears'
_COMMA_CHAR = re.compile(r"(?:\bthe\s+)?(?:\bcomma\s+)?(?:character\s+)?(?:'\s*,\s*'|\"\s*,\s*\")(?:\s+character)?", _I)


def _sayings(text: str) -> str:
    for pat, rep in _KEYWORD_SAYINGS:
        m = pat.search(text)
        if m and _free(text, m.start(), m.start() + 1):
            text = text[:m.start()] + rep(m) + text[m.end():]
    return text


def respeak(text: str) -> Tuple[str, Asides]:
    """(the respoken text, the asides read off)."""
    text, asides = read_borderline(procedure(text, []))
    text = _sayings(text)
    for voice in (_linter, _guidelines, _metric):
        said = voice(text, asides)
        if said != text:
            return said, asides
    said = _appendix(text)
    if said != text:
        return said, asides
    return _house(text), asides


def read_voice(text: str) -> Tuple[str, Asides]:
    """:func:`rubricc.compiler.lower_voices7.read_voice` on the criterion respoken by :func:`respeak`, with its asides."""
    said, asides = respeak(text)
    if said == text and not asides:
        return _read_voice7(text)
    core, more = _read_voice7(said)
    return core, more + asides
