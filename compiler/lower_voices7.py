"""Voices read before those of :mod:`rubricc.compiler.lower_voices6` (issue 15, rounds 11-12): judging rules, metrics' and
definitions' outcome frames ('Each response is scored 1 if it X', 'a completion satisfies this constraint only if it X'
after a dataset card's family label, 'The constraint holds iff X': 'Award the point (only) if X'), contract clauses,
hedged rubric items, translated constraints, client briefs and dictation; and matching notes, read as what they say.

:func:`respeak` rewrites only the wording into words the frames and rules already read, and never adds a requirement:

- a judging rule is an outcome frame: 'Judges award the point (only) if X' and 'Entries are disqualified unless X' are
  'Award the point (only) if X'; 'Entries are disqualified if X' is 'Fail if X; pass otherwise', its core complemented
  (:func:`read_voice`: a ``negate`` aside, a count's relation flipped too: a disqualification names the only way to
  fail). Inside a judging rule 'the entry' is the response;
- a contract's defined term for the response: 'the Deliverable' is 'the response' ('a Deliverable' is 'a response');
  a contract's capitalised defined terms 'Paragraph(s)' are plain words;
- a translated constraint's 'Reply content must not appear X' is 'The response must not contain X';
- a hedged rubric item: 'The model's response should ideally X' is 'The response should X'; a purpose clause that
  names no requirement (', in order to satisfy the user's (structural) request', ', which would satisfy the user's
  length requirement') is dropped; one that does ('... request to stay under 50 words') is left to the reason checks;
- a client's brief: 'Client wants X' is 'The response has X'; 'in the copy' is 'in the response';
- dictation fillers at the start: 'ok so', 'uh', 'and', 'so' (voices5 reads the written lead-ins);
- a clause restating the complement of a count as rejected ('; a response of 701 or more words shall be deemed
  non-compliant', '- 701 words or more won't be accepted', '- client won't take anything shorter than 600 words') is
  read off as a ``complement`` aside (the driver checks it is the exact complement); a clause restating that none of
  a banned list may occur is dropped after a prohibition;
- matching notes ('case-insensitively', 'in any capitalization', 'as whole words', 'even as part of a longer word',
  'case-sensitive') are read off as ``match`` asides: :func:`note_agrees` accepts one only when it says what the check
  lowered does already (keyword existence and counts: case-insensitive substrings; forbidden words: case-insensitive
  whole words), and a note that contradicts the check ('case-sensitive') keeps the criterion neural.

Quoted material is never rewritten.
"""
from __future__ import annotations

import re
from typing import List, Optional, Tuple

from rubricc.compiler.checks import validate_check
from rubricc.compiler.lower_parse import EXPECTED_LABEL, QUOTE_RE, WORD_LIST, CriterionText, language_in
from rubricc.compiler.lower_rules import RULES
from rubricc.compiler.lower_respell import cap, data_colon, in_quotes, quote_spans
from rubricc.compiler.lower_voices4 import Asides
from rubricc.compiler.lower_voices5 import _free, _sub_outside
from rubricc.compiler.lower_voices6 import read_voice as _read_voice6
from rubricc.formats import ProgramCheck

_I = re.IGNORECASE
_NUM = r"(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)"
_UNIT = r"(?:words|sentences|paragraphs|bullet\s+points|bullets|sections|highlighted\s+sections|placeholders|times)"

# ---- judging rules ------------------------------------------------------------------------------------------------
_JUDGES = r"(?:the\s+)?(?:judges?|jury|panel|graders?|markers?|assessors?|organi[sz]ers?|referees?)"
_AWARD = re.compile(rf"^\s*{_JUDGES}\s+(?:will\s+|shall\s+|may\s+)?(?:award|give|grant)s?\s+(?:the|a|one|1|full)\s+(?:point|mark|credit|points|marks)\s+"
                    r"(?P<only>only\s+)?(?P<if>if|when|provided(?:\s+that)?)\s+(?=\S)", _I)
_ENTRIES = r"(?:(?:the\s+|an\s+|any\s+)?(?:entry|submission|entrant)\s+(?:is|will\s+be|shall\s+be)|(?:entries|submissions|entrants)\s+(?:are|will\s+be|shall\s+be))"
_DISQ = re.compile(rf"^\s*{_ENTRIES}\s+(?:disqualified|eliminated|rejected|excluded)\s+(?P<how>unless|if|when|whenever)\s+(?=\S)", _I)
# a metric's or a definition's outcome frame: 'Each response is scored 1 if it X, and 0 otherwise', 'A completion satisfies
# this constraint only if it X', 'The constraint holds iff X' are 'Award the point (only) if X'; a dataset card's family
# label before it ('No commas (punctuation) — a completion satisfies ...') is a label
_SUBJECT = r"(?:each|every|a|an|the)\s+(?:response|completion|reply|answer|output|generation)"
_SCORED = re.compile(rf"^\s*{_SUBJECT}\s+(?:is\s+scored|scores|receives|gets|is\s+given|earns|is\s+awarded)\s+(?:a\s+)?(?:1|one)(?:\s+point)?\s+"
                     r"(?P<only>only\s+)?(?:if|when|iff)\s+(?=\S)", _I)
_SATISFIES = re.compile(rf"^\s*{_SUBJECT}\s+(?:satisfies|meets|passes)\s+(?:this|the)\s+(?:constraint|requirement|check)\s+"
                        r"(?P<only>only\s+)?(?:if|when|iff)(?:\s+and\s+only\s+if)?\s+(?=\S)", _I)
_HOLDS = re.compile(r"^\s*the\s+(?:constraint|requirement|condition)\s+(?:holds|is\s+(?:met|satisfied))\s+(?P<only>only\s+)?(?:iff|if\s+and\s+only\s+if)\s+(?=\S)", _I)
_CARD_LABEL = re.compile(rf"^\s*[A-Z][^\n—:]{{0,60}}?\s+[—–-]{{1,2}}\s+(?={_SUBJECT}\s+(?:satisfies|meets|passes)\b)", _I)
_IT = re.compile(r"^\s*it\b", _I)
_ENTRY = re.compile(r"\b(the|this|an|each)\s+entry\b(?!\s+(?:is|are)\s+disqualified)", _I)
# inside a disqualifying condition: 'a comma appears' is 'any comma appears'; 'contains the word "a", "b" or "c"' any of them
_A_UNIT = re.compile(r"^\s*(?:a|an)\s+(?=[a-z]+(?:\s+[a-z]+)?\s+(?:appears?|occurs?|is\s+(?:used|present|found))\b)", _I)
_OR_LIST = re.compile(r"^(?P<s>\s*the\s+response\s+(?:contains|includes|uses|mentions))\s+(?:the\s+)?(?:words?|terms?|keywords?)\s+"
                      r"(?P<l>(?:\"[^\"\n]{1,40}\"\s*,\s*)*\"[^\"\n]{1,40}\"\s*,?\s+or\s+\"[^\"\n]{1,40}\")", _I)

# ---- names for the response ----------------------------------------------------------------------------------------
_DELIVERABLE = re.compile(r"\b(?:(?P<det>the|a|an|this|each|every|any)\s+)?(?P<adj>(?:whole|entire|full)\s+)?(?-i:[Dd])eliverable(?P<pos>'s)?\b", _I)
_DEFINED = re.compile(r"(?<![\"'])\b(?:Paragraphs?|Sentences?|Words?)\b(?!\s*[\"'])")
_REPLY_CONTENT = re.compile(r"(?:^|(?<=[;.]\s))\s*(?:the\s+)?(?:reply|response|answer)\s+content\s+(?P<m>must\s+not|should\s+not|cannot|can\s+not|is\s+not\s+allowed\s+to)\s+appear\s+(?=\S)", _I)
_REPLY_CONTENT2 = re.compile(r"\b(?:the\s+)?(?:reply|response|answer)\s+content\b", _I)
_MODEL = re.compile(r"^\s*(?:in\s+order\s+to\s+be\s+[a-z ]{3,40}?,\s*)?the\s+model's\s+(?P<adj>(?:whole|entire|full)\s+)?(?:response|answer|reply|output)\s+"
                    r"(?P<m>should|would|must|ought\s+to)\s+ideally\s+(?=[a-z])", _I)
_CLIENT = re.compile(r"^\s*(?:the\s+)?client\s+(?:wants|needs|requires|asks\s+for|expects)\s+(?=(?:exactly|precisely|at\s+least|no\s+fewer|no\s+more|at\s+most|"
                     r"the\s+(?:whole|entire)|zero|no\s)|\d)", _I)
# a client's gist of a length before the length itself: 'Client wants it tight: the copy must come in under 700 words'
_CLIENT_LENGTH = re.compile(r"^\s*(?:the\s+)?client\s+wants\s+(?:it|the\s+(?:copy|piece|response|text))\s+(?:(?P<short>tight|short|brief|concise|lean)|(?P<long>long|detailed|thorough|in-depth|substantial))"
                            r"\s*:\s+(?P<rest>\S.*)$", _I)
_MAX_CUE = re.compile(r"\b(?:under|below|(?:fewer|less)\s+than|at\s+most|no\s+more\s+than|a\s+maximum\s+of)\s+\d", _I)
_MIN_CUE = re.compile(r"\b(?:at\s+least|no\s+(?:fewer|less)\s+than|a\s+minimum\s+of)\s+\d|\d[\d,]*\s+[a-z]+\s+or\s+more\b", _I)
_CLIENT_LIST = re.compile(r"^\s*(?:the\s+)?client\s+wants\s+(?:these|the\s+following)\s+(?P<n>key\s*words|keywords|words|terms)\s+(?:in|into)\s+the\s+(?:copy|response|text)\s*:", _I)
_CLIENT_SAYS = re.compile(r"^\s*(?:the\s+)?client\s+(?:says|said|asks|insists)\s*:?\s+(?=(?:don't|do\s+not|never|no\b|avoid|use|include)\b)", _I)
_IN_THE_COPY = re.compile(r"\b(in|into|across|throughout)\s+the\s+copy\b", _I)
_COPY_SUBJECT = re.compile(r"^\s*the\s+copy\b(?=\s+(?:must|should|shall|has\s+to|needs\s+to|is\s+to)\b)", _I)
_REPEAT_WORDS = re.compile(r"\b(?:repeat|restat|reproduc|verbatim|word\s+for\s+word)", _I)
# inside a repeat frame: 'commence with' is 'start with'; 'without any change' restates the exactness; the answer after
# the copy ('then give the answer', 'before giving its answer') is what a prefix check allows; 'the request to repeat is:'
_REPEAT_SPELLINGS = [
    (re.compile(r"\b(commence|commences|commencing)\s+with\b", _I), lambda m: {"commence": "start", "commences": "starts"}.get(m.group(1).lower(), "starting") + " with"),
    (re.compile(r"\s+without\s+any\s+(?:change|changes|alteration|modification)s?\b", _I), ""),
    (re.compile(r"\s*,\s*(?:and\s+)?(?:then\s+give\s+the\s+answer|before\s+giving\s+its\s+answer|then\s+answer(?:\s+it)?)(?=\s*[,.])", _I), ""),
    (re.compile(r"\bthe\s+user's\s+(request|prompt|question|instruction)\b", _I), r"the \1"),
]
_REQUEST_TO_REPEAT = re.compile(r"(?<=[.!?]\s)\s*the\s+(request|prompt)\s+to\s+(?:repeat|copy|restate)\s+is\s*:", _I)
# (set 53's group chat: 'ok but the reply ...')
_FILLER = re.compile(r"^\s*(?:(?:ok(?:ay)?(?:\s*,?\s+but)?|so|uh+|um+|and|also|alright)\s*,?\s+)+(?=[a-z])", _I)

# ---- purpose clauses naming no requirement ---------------------------------------------------------------------------
_PURPOSE = re.compile(r"\s*,?\s*(?:in\s+order\s+to|so\s+as\s+to|to)\s+(?:satisfy|meet|fulfil|fulfill|honou?r|comply\s+with)\s+the\s+user's\s+"
                      r"(?:[a-z-]+\s+){0,2}(?:request|instruction|requirement|constraint)s?(?:\s+(?P<to>to|for)\s+(?P<what>[^,.;:\"]{1,60}?))?(?=\s*[.!]?\s*$|\s*\.\s+[A-Z])", _I)
# what a purpose clause may name beside the requirement it restates (each with the cue the requirement must have)
_PURPOSE_RESTATES = [
    (re.compile(r"^(?:exclude|avoid|omit)\s+(?:them|these|those)(?:\s+words)?$", _I), _NEG_WORDS := r"\b(?:not|never|avoid\w*|no|none)\b"),
    (re.compile(r"^limit\s+(?:its|the\s+(?:key)?word's)\s+(?:frequency|use|usage)$", _I), r"\b(?:fewer|less)\s+than\b|\bat\s+most\b"),
    (re.compile(r"^(?:that|the|this)\s+(?:key)?word\s+to\s+appear\s+(?:frequently|often|repeatedly)$", _I), r"\bat\s+least\b|\bor\s+more\b"),
    (re.compile(r"^a\s+(?:sufficiently\s+)?(?:detailed|thorough|long|lengthy)\s+response$", _I), r"\bat\s+least\b|\bor\s+more\b"),
]
_WHICH_SATISFIES = re.compile(r"\s*,\s*which\s+(?:would|will)\s+(?:satisfy|meet|fulfil|fulfill)\s+the\s+user's\s+(?:[a-z-]+\s+){0,2}(?:request|instruction|requirement)s?(?=\s*[.!]?\s*$)", _I)

# ---- restating clauses ---------------------------------------------------------------------------------------------
_SEP = r"\s*(?:;|\.|,|\s[\u2014\u2013-]|[\u2014\u2013])\s*"
_REJECTED = r"(?:shall|will|would)\s+be\s+(?:(?:deemed|considered|treated\s+as)\s+)?(?:non-?compliant|unacceptable|a\s+fail(?:ure)?)|(?:won't|will\s+not|shall\s+not)\s+be\s+accepted|(?:is|are)\s+(?:not\s+accepted|rejected|non-?compliant)|fails?"
_DOC_REJECTED = re.compile(rf"{_SEP}(?:(?:a|an|any)\s+response\s+(?:of|with|containing)\s+)?(?P<b>{_NUM}\s+(?:or\s+more|or\s+fewer|or\s+less)\s+{_UNIT}|{_NUM}\s+{_UNIT}\s+or\s+(?:more|fewer|less))\s+"
                           rf"(?:{_REJECTED})\s*[.!]?\s*$", _I)
_WONT_TAKE = re.compile(rf"{_SEP}(?:the\s+)?(?:client|customer|we|they|judges)\s+(?:won't|will\s+not|doesn't|does\s+not)\s+(?:take|accept)\s+(?:anything|any\s+response|a\s+response)\s+"
                        rf"(?P<d>shorter|longer|fewer|less|more)\s+than\s+(?P<n>{_NUM})\s+(?P<u>{_UNIT})\s*[.!]?\s*$", _I)
_NONE_MAY = re.compile(rf"{_SEP}none\s+of\s+(?:them|those|these|those\s+words|these\s+words|the\s+words|those\s+terms)\s+(?:may|must|can|should|shall)\s+(?:occur|appear|be\s+used)"
                       r"(?:\s+(?:anywhere|in\s+the\s+response))?\s*[.!]?\s*$", _I)
_SO_NONE = re.compile(r"\s*,?\s*so\s+that\s+none\s+of\s+(?:them|those|these)(?:\s+words)?\s+(?:appears?|occurs?|is\s+used)(?=\s*[,.;]|$)", _I)
_AT_ALL = re.compile(r"(?:\s*,?\s*(?:at\s+all|not\s+even\s+once|anywhere|whatsoever|entirely))+\s*[.!]?\s*$", _I)
_EACH_ONCE = re.compile(r"\s*(?:,|;|\s-|\s[\u2014\u2013]|[\u2014\u2013])\s*each(?:\s+one)?(?:\s+(?:must|should|shall|has\s+to|needs\s+to)\s+(?:appear|occur|be\s+(?:used|included|present)))?"
                        r"\s+at\s+least\s+once\b", _I)
_ALL_ONCE = re.compile(r"\b((?:each|all|every\s+one)\s+of\s+the\s+(?:following\s+)?(?:key\s*words|keywords|words|terms))\s+at\s+least\s+once\b", _I)
_ALL_OF_THEM = re.compile(r"\s*,?\s+all\s+of\s+them(?:\s+somewhere(?:\s+in\s+(?:there|the\s+response))?)?\s*[.!]?\s*$", _I)
_INCLUDE = re.compile(r"\b(?:use|uses|include|includes|contain|contains|mention|mentions)\b", _I)
# a client's gist before the requirement on a quoted word or letter: "Client wants 'x' to feature heavily: at least 6
# mentions", "Client doesn't want 'x' overused: it must appear fewer than 2 times"
_CLIENT_GIST = re.compile(r"^\s*(?:the\s+)?client\s+(?:wants|doesn't\s+want|does\s+not\s+want)\s+(?P<x>(?:the\s+(?:letter|word|term|keyword)\s+)?(?:'[^'\n]{1,30}'|\"[^\"\n]{1,30}\"))"
                         r"\s+(?P<gist>(?:to\s+)?(?:feature|appear|show\s+up|be\s+used|come\s+up)\s+(?:heavily|often|a\s+lot|frequently|prominently|sparingly)|overused|all\s+over\s+the\s+(?:copy|response|text)|used\s+sparingly)\s*:\s+(?:it\s+(?P<m>must|should|has\s+to)\s+(?:appear|occur)\s+)?(?P<r>(?:at\s+least|at\s+most|fewer\s+than|less\s+than|"
                         r"no\s+more\s+than|no\s+fewer\s+than|exactly|under)\s+\d[\d,]*)\s*(?:mentions|occurrences|uses|times)?(?P<rest>.*)$", _I)
# what the checks count as a paragraph or a bullet, restated: no empty paragraph between *** dividers (the check fails one),
# a markdown bullet as a line starting with an asterisk or a hyphen
_NO_EMPTY = [re.compile(r"\s*\(\s*(?:and\s+|with\s+)?no\s+empty\s+paragraphs?(?:\s+(?:between\s+(?:the\s+|two\s+)?dividers|in\s+between))?\s*\)", _I),
             re.compile(r"\s*,?\s*and\s+no\s+paragraph\s+between\s+(?:two|the|any\s+two)\s+dividers\s+(?:shall|must|may|should|can)\s+be\s+empty(?=\s*[.]?\s*$)", _I),
             re.compile(r"\s*,\s*and\s+no\s+empty\s+paragraphs?(?=\s*[.]?\s*$)", _I),
             re.compile(r"\bnon-empty\s+(?=paragraphs\b)", _I),
             re.compile(r"(?:(?<=paragraphs)|(?<=\*\*\*)|(?<=\*\*\*\))|(?<=dividers)|(?<=divider))\s*,\s*(?:with\s+)?none\s+of\s+them\s+empty(?=\s*[.]?\s*$)", _I)]
_BULLET_IS = [re.compile(r"(?<=bullets)\s+(?:beginning|starting|opening)\s+with\s+\*\s+or\s+-(?=\s*[.]?\s*$)", _I),
              re.compile(r"\s*,\s*each\s+(?:being\s+|one\s+being\s+|as\s+)?a\s+line\s+(?:commencing|beginning|starting|opening)\s+with\s+(?:an?\s+asterisk|\*)\s+or\s+"
                         r"(?:a\s+hyphen|hyphen|-)(?=\s*[,.;]|$)", _I),
              re.compile(r"\s*\(\s*(?:for\s+example|e\.g\.,?|such\s+as)\s+lines\s+(?:beginning|starting|commencing)\s+with\s+\"[*-]\s?\"\s*\)", _I)]
# what wrapping in double quotation marks is, restated: ', its first and last characters (...) being the double quotation mark (")'
_QUOTE_ENDS = re.compile(r"\s*,\s*(?:meaning\s+)?(?:its|the)\s+(?:very\s+)?first\s+and\s+(?:very\s+)?last\s+characters(?:\s*\((?:disregarding|ignoring)\s+(?:surrounding|leading\s+and\s+trailing)\s+whitespace\)\s*)?"
                         r"\s+(?:being|are\s+both|are|both\s+being)\s+(?:the|a)\s+double\s+quotation\s+marks?(?:\s*\(\s*\"\s*\))?(?=\s*[.]?\s*$)", _I)
_NO_OTHER_LANG = re.compile(r"\s*[;,]\s*(?:and\s+)?the\s+response\s+must\s+not\s+(?:contain|use|include)\s+(?:any\s+)?other\s+languages?\s*[.!]?\s*$", _I)
_NEG_LIST = re.compile(r"\b(?:must\s+not|mustn't|should\s+not|shall\s+not|do\s+not|don't|never|avoid\w*|may\s+not)\b", _I)

# ---- matching notes ------------------------------------------------------------------------------------------------
_CASE = r"(?:letter\s+)?(?:case|capitali[sz]ation|caps|capitals)"
_CI = (r"(?:not\s+case[- ]sensitive|capital\s+letters\s+(?:do\s+not|don't)\s+matter|case[- ]insensitive(?:ly)?|(?:ignoring|disregarding|regardless\s+of|irrespective\s+of|without\s+regard\s+to)\s+" + _CASE +
       r"|in\s+any\s+(?:letter\s+)?(?:case|casing|capitali[sz]ation)|any\s+capitali[sz]ation|counting\s+(?:every|each|any)\s+(?:capitali[sz]ation|casing|case)|capitali[sz]ed\s+or\s+not|" + _CASE + r"\s+(?:does\s+not|doesn't|doesnt|do\s+not|don't|dont)\s+matter"
       r"|caps\s+or\s+no\s+caps|upper\s+or\s+lower\s+case(?:\s+(?:doesnt|doesn't|does\s+not)\s+matter)?|upper/lower\s+case\s+not\s+distinguished"
       r"|(?:differences\s+in\s+)?capitali[sz]ation\s+aside|letter\s+case\s+(?:excepted|aside|ignored|disregarded)"
       r"|letter\s+case\s+(?:shall|will|is\s+to)\s+be\s+disregarded(?:\s+for\s+this\s+purpose)?"
       r"|not\s+distinguishing\s+(?:between\s+)?upper\s*(?:case)?\s+and\s+lower\s*case"
       r"|(?:counting\s+)?upper\s*(?:-|case)?\s*and\s+lower\s*case(?:\s+(?:letters\s+)?(?:counted\s+together|alike|both\s+count(?:ed)?))"
       r"|upper-\s+and\s+lowercase\s+both\s+count|whether\s+(?:written\s+)?in\s+upper\s+or\s+lower\s+case|any\s+capitali[sz]ation\s+counting|(?:either|any|both)\s+cases?\s+counts?"
       r"|(?:in\s+)?(?:whatever|whichever)\s+(?:the\s+)?(?:letter\s+)?case(?!\s+(?:may|might)\b)"
       # 'upper- or lowercase', 'in either case', 'whatever the capitalization', 'capitals included', 'counting capital and small
       # forms alike'
       r"|in\s+upper\s+or\s+lower\s+case|upper\s+or\s+lower\s+case\s+alike|case\s+not\s+mattering|(?<=,\s)in\s+any\s+case(?=\s*[.)]?\s*$)"
       r"|upper-?\s+or\s+lower\s*case|in\s+either\s+(?:letter\s+)?case|(?:whatever|whichever|regardless\s+of)\s+(?:the\s+|its\s+)?capitali[sz]ation"
       r"|capitals?\s+(?:letters\s+)?included|capital\s+or\s+not|(?:with\s+)?case\s+(?:ignored|aside|disregarded|excepted)|(?<=[(,]\s)any\s+case(?=\s*[),])|(?<=\()any\s+case(?=\s*[),])|(?:counting\s+)?capital\s+and\s+small\s+(?:forms|letters)\s+(?:alike|together))")
_CS = r"(?:(?<!not\s)(?<!non-)case[- ]sensitive(?:ly)?|matching\s+(?:the\s+)?case|(?:exact|same)\s+(?:letter\s+)?(?:case|capitali[sz]ation)|(?:case|capitali[sz]ation)\s+matters|respecting\s+(?:letter\s+)?case)"
_WW = (r"(?:(?:matched|counted|only)\s+)?as\s+(?:a\s+)?(?:whole|standalone|separate|complete)\s+words?(?:\s+in\s+the\s+response)?|as\s+a\s+word(?:\s+in\s+the\s+response)?\b"
       r"|(?:(?<=\()|(?<=,\s)|(?<=;\s)|^)whole[- ]words?(?:\s+only|\s+match(?:es|ing)?)?(?=\s*(?:[),;.]|$))")
_SUB = (r"(?:(?:even\s+)?(?:if|when)\s+it\s+(?:occurs|appears)\s+(?:as\s+)?(?:part\s+of|inside|within)\s+(?:a\s+)?longer\s+words?|(?:even\s+)?as\s+part\s+of\s+(?:a\s+)?longer\s+words?"
        r"|including\s+occurrences\s+(?:within|inside|in)\s+(?:longer|other)\s+words|occurrences\s+(?:inside|within|in)\s+(?:other|longer)\s+words\s+(?:are\s+)?(?:also\s+)?counted"
        r"|(?:a|any)\s+(?:key\s*word|word|term)\s+appearing\s+(?:inside|within)\s+(?:a\s+)?longer\s+word\s+(?:also\s+)?counts"
        r"|all\s+occurrences\s+of\s+that\s+string\s+being\s+counted|counting\s+every\s+(?:case[- ]insensitive\s+)?occurrence\s+of\s+that\s+string)")
# a note with its joiners: ', X', ' (X)', '; X', 'X and Y'
# a code fence allowed either way ('whether or not it is set inside markdown code fences (```)'): said of JSON only
_FENCE = (r"(?:whether\s+or\s+not|even\s+if|even\s+when)\s+it\s+is\s+(?:set|wrapped|placed|put|enclosed)\s+(?:inside|in|within|between)\s+"
          r"(?:an?\s+|the\s+)?(?:markdown\s+)?(?:code\s+)?(?:blocks?|fences?)(?:\s*\(\s*```\s*\))?")
# the whole reply named as where the check looks ('from its first word to its last'): said of a check reading the whole
_SPAN = r"(?:from\s+(?:its|the)\s+first\s+word\s+to\s+(?:its|the)\s+last(?:\s+word)?|from\s+first\s+word\s+to\s+last)"
_ONE_NOTE = rf"(?:{_CI}|{_CS}|{_WW}|{_SUB}|{_FENCE}|{_SPAN})"
# checks that look at one place in the reply: a note naming the whole of it is not said of them
_PLACED = {"starts_with", "ends_with", "postscript", "repeats_prompt", "paragraph_first_word", "has_title"}
# (first: a whole parenthesis of notes anywhere, '"schedule" (case-insensitive) in the reply')
_NOTE = re.compile(rf"\s*\(\s*(?:(?:and\s+)?{_ONE_NOTE}(?:\s*(?:,\s*and|,|and)\s+)?)+\s*\)"
                   rf"|\s*(?:[,;]\s*|\(\s*|\s[\u2014\u2013-]\s*)?(?:(?:and\s+)?(?:matching\s+is\s+)?{_ONE_NOTE}(?:\s*(?:,\s*and|,|and)\s+|\s+(?=[a-z]))?)+\s*\)?(?=\s*(?:[.;,:)]|\(|$))", _I)
_MATCHING_IS = re.compile(r"\bmatching\s+is\s+", _I)

# checks whose matching respects case ('marked by the word "SECTION" (in that exact case)')
_CASED = {"section_count"}
# checks whose matching ignores case: a note saying so restates them
_CASELESS = {"keywords_present", "keywords_absent", "keyword_frequency", "letter_frequency", "repeats_prompt", "ends_with", "starts_with",
             "postscript", "paragraph_first_word", "phrase_present", "phrase_absent", "any_phrase_present"}


_EXPECTED = re.compile(rf"^\s*{EXPECTED_LABEL}", _I)
# an unquoted word list named as words only by its note: 'must not contain a, b as whole words' (the words a, b)
_LISTED = re.compile(r"\b(contains?|use|uses|include|includes|mention|mentions)\s+(?!(?:the|any|a|an|no|all|each|every)\s)"
                     rf"({WORD_LIST})\s+"
                     r"(?=as\s+(?:a\s+)?(?:whole|standalone|separate)\s+words?\b)", _I)


# a note said first, as how the words were searched: 'Searched as whole words and ignoring case, the reply contains ...'
_LEAD_NOTE = re.compile(rf"^\s*(?:searched|matched|counted|checked|compared)\s+(?P<n>{_ONE_NOTE}(?:\s*(?:,\s*and|,|and)\s+{_ONE_NOTE})*)\s*,\s*(?=[a-z])", _I)


# a ban on a word list restated with its matching: '"a" and "b": not one of them appears as a standalone word'
_BAN_RESTATED = re.compile(r"\s*[:;,]\s*(?:not\s+(?:a\s+single\s+)?one|none)\s+of\s+them\s+(?:(?:may|can|does|should|will)\s+)?(?:appears?|appearing|occurs?|occurring|is\s+used|be\s+used|being\s+used|shows?\s+up|showing\s+up)(?:\s+anywhere)?"
                           r"(?:\s+in\s+(?:it|the\s+(?:reply|response|answer)))?\s+as\s+an?\s+(?P<n>(?:(?:standalone|whole|separate|stand-alone)\s+)?word)\b", _I)
_BANNED = re.compile(r"\bfree\s+of\b|\bwithout\b|\bnone\s+of\b|\bno\s+(?:use|mention)\s+of\b|" + _NEG_LIST.pattern, _I)


def _notes(text: str, asides: Asides) -> str:
    """Matching notes read off as ``match`` asides (outside quotations; after a colon only where quoted data follows it)."""
    ban = _BAN_RESTATED.search(text)
    if ban and not in_quotes(quote_spans(text), ban.start()) and _BANNED.search(QUOTE_RE.sub(" ", text[:ban.start()])):
        asides.append(("match", "as a " + (ban.group("n") if " " in ban.group("n") else "whole word")))
        text = text[:ban.start()] + text[ban.end():]
    lead = _LEAD_NOTE.match(text)
    if lead and not in_quotes(quote_spans(text), lead.end() - 1):
        asides.append(("match", lead.group("n").strip()))
        text = cap(text[lead.end():])
    text = text if QUOTE_RE.search(text) else _LISTED.sub(r"\1 the keywords \2 ", text)
    frame = _EXPECTED.match(text)  # a test case's 'Expected behavior:' is no data colon
    stop = frame.end() + data_colon(text[frame.end():]) if frame else data_colon(text)
    # (a count after the colon is no data: 'the letter "l": 15 or more occurrences, uppercase and lowercase counted together')
    if stop < len(text) and not re.match(r"\s*[\"\u201c']", text[stop + 1:]) and \
            not re.match(r"\s*(?:(?:at\s+least|at\s+most|exactly|fewer\s+than|less\s+than|more\s+than)\s+)?\d+\s+(?:or\s+(?:more|fewer)\s+)?(?:occurrences|times|instances)\b",
                         text[stop + 1:], _I):
        head, tail = text[:stop], text[stop:]
    else:
        head, tail = text, ""
    spans = quote_spans(head)
    out, last = [], 0
    for m in _NOTE.finditer(head):
        if in_quotes(spans, m.start()) or in_quotes(spans, max(m.start(), m.end() - 1)) or not m.group(0).strip(" ,;()"):
            continue
        note = m.group(0)
        before = head[:m.start()]
        if re.search(r"\(\s*$", before) or (note.strip().startswith("(") and not note.strip().endswith(")")) or \
                not note.strip().startswith("(") and before.count("(") > before.count(")"):
            continue  # a note only part of a parenthesis: left as it is
        asides.append(("match", note.strip(" ,;()-")))
        out.append(head[last:m.start()])
        last = m.end()
        if note.lstrip().startswith(",") and re.match(r"\s*,\s+(?=(?:appears?|occurs?|shows?\s+up|turns?\s+up|(?:is|are)\s+(?:found|present|used))\b)", head[last:], _I):
            last += head[last:].index(",") + 1  # a note between commas: ', whatever the case, appear' -> ' appear'
    if not out:
        return text
    out.append(head[last:])
    said = "".join(out)
    said = re.sub(r"\s+([.;,:])", r"\1", said)
    said = re.sub(r"([,;])\s*([.;:])", r"\2", said)
    return said + tail


def note_only(text: str) -> bool:
    """Whether ``text`` (a sentence) is a matching note and nothing else ('Capital letters do not matter.', 'Case does
    not matter.'): read off as a ``match`` aside by a voice that says its notes in sentences of their own."""
    return bool(text.strip(" .")) and _NOTE.fullmatch(text.strip(" .")) is not None


def note_agrees(got: ProgramCheck, note: str) -> bool:
    """True when a matching note says what ``got`` does already: case-insensitive matching for a check that ignores
    case; whole words for a check matching whole words; substrings for one matching substrings. A case-sensitive note
    never agrees (the checks the notes are about ignore case)."""
    low = note.lower()
    args = got.args
    if re.search(_CS, re.sub(_CI, " ", low, flags=_I), _I):
        return got.name in _CASED or args.get("case_sensitive") is True
    if re.search(_CI, low, _I) and not (got.name in _CASELESS and not args.get("case_sensitive")):
        return False
    if re.search(_WW, low, _I) and not args.get("whole_word"):
        return False
    if re.search(_SPAN, low, _I) and got.name in _PLACED:
        return False
    if re.search(_FENCE, low, _I) and got.name != "is_json":
        return False
    if re.search(_SUB, low, _I) and (got.name not in ("keywords_present", "keyword_frequency") or args.get("whole_word")):
        return False
    return True


def with_notes(got: Optional[ProgramCheck], asides: Asides) -> Optional[ProgramCheck]:
    """``got`` matching whole words where a ``match`` note asks for whole words of the condition of a disqualifying rule
    ('disqualified if it contains the word "x", matched as a whole word': present as a whole word, so its complement is
    the whole-word ban); else ``got`` as it is (a whole-word note on a presence or a count, whose IFEval primitive
    matches substrings, then disagrees and keeps the criterion neural)."""
    if got is None or got.name != "keywords_present" or got.args.get("whole_word") or not any(k == "negate" for k, _ in asides):
        return got
    if not any(k == "match" and re.search(_WW, a, _I) and not re.search(_SUB, a, _I) for k, a in asides):
        return got
    try:
        return validate_check(got.name, {**got.args, "whole_word": True})
    except ValueError:
        return None


def _frame(text: str) -> Tuple[str, bool]:
    """A judging rule read as an outcome frame; True when it is a disqualification (the core must be complemented)."""
    label = _CARD_LABEL.match(text)
    body = text[label.end():] if label and _free(text, label.start(), label.end()) else text
    for frame in (_SCORED, _SATISFIES, _HOLDS):
        m = frame.match(body)
        if m and _free(body, m.start(), m.end()):
            core = _IT.sub("the response", body[m.end():], count=1)
            return ("Award the point only if " if m.group("only") else "Award the point if ") + core, False
    m = _AWARD.match(text)
    if m and _free(text, m.start(), m.end()):
        return ("Award the point only if " if m.group("only") else "Award the point if ") + _sub_outside(text[m.end():], _ENTRY, r"\1 response"), False
    m = _DISQ.match(text)
    if not m or not _free(text, m.start(), m.end()):
        return text, False
    core = _sub_outside(text[m.end():], _ENTRY, r"\1 response")
    if m.group("how").lower() == "unless":
        return "Award the point only if " + core, False
    a = _A_UNIT.match(core)
    if a:
        core = "any " + core[a.end():]
    o = _OR_LIST.match(core)
    if o:
        words = re.sub(r",?\s+or\s+", ", ", o.group("l"))
        core = f"{o.group('s')} any of the words {words}" + core[o.end():]
    return "Fail if " + core.rstrip(" .") + "; pass otherwise.", True


def _names(text: str) -> str:
    contract = _DELIVERABLE.search(text) is not None and _free(text, *_DELIVERABLE.search(text).span())
    text = _sub_outside(text, _DELIVERABLE, lambda d: (f"{d.group('det')} " if d.group("det") else "the ") + (d.group("adj") or "") + "response" + (d.group("pos") or ""))
    if contract and _DEFINED.search(text):  # a contract's defined terms: 'precisely 3 Paragraphs' ('Section 1' is data)
        text = _sub_outside(text, _DEFINED, lambda w: w.group(0).lower())
    m = _REPLY_CONTENT.search(text)
    if m and _free(text, m.start(), m.end()):
        text = text[:m.start()] + ("the" if m.start() else "The") + f" response {m.group('m').lower()} contain " + text[m.end():]
    text = _sub_outside(text, _REPLY_CONTENT2, "the response")
    m = _MODEL.match(text)
    if m and _free(text, m.start(), m.end()):
        text = f"The {m.group('adj') or ''}response {m.group('m').lower()} " + text[m.end():]
    m = _CLIENT_GIST.match(text)
    if m and _free(text, m.start(), m.end("gist")):
        rel = re.sub(r"^under\b", "fewer than", m.group("r"), flags=_I)
        text = f"{cap(m.group('x'))} {m.group('m') or 'must'} appear {rel} times{m.group('rest')}"
    m = _CLIENT_LENGTH.match(text)
    if m and _free(text, m.start(), m.start("rest")) and _bound_way(m.group("rest")) == _gist_way(m):
        text = cap(m.group("rest"))
    m = _CLIENT_LIST.match(text)
    if m and _free(text, m.start(), m.end()):
        text = f"The response includes the following {m.group('n')}:" + text[m.end():]
    m = _CLIENT.match(text)
    if m and _free(text, m.start(), m.end()):
        text = "The response has " + text[m.end():]
    m = _CLIENT_SAYS.match(text)
    if m and _free(text, m.start(), m.end()):
        text = cap(text[m.end():])
    text = _sub_outside(text, _IN_THE_COPY, r"\1 the response")
    m = _COPY_SUBJECT.match(text)
    if m and not _REPEAT_WORDS.search(QUOTE_RE.sub(" ", text)):
        text = "The response" + text[m.end():]
    m = _FILLER.match(text)
    if m and m.end() < len(text):
        text = cap(text[m.end():])
    return text


def _repeat(text: str) -> str:
    """The repeat frame's wording (a repeat verb and an exactness cue before any data colon) in the words read_repeat reads."""
    head = QUOTE_RE.sub(" ", text[:data_colon(text)])
    if not (_REPEAT_WORDS.search(head) and re.search(r"\b(?:word\s+for\s+word|verbatim|exact(?:ly)?)\b", head, _I)):
        return text
    text = _REQUEST_TO_REPEAT.sub(lambda m: f"The {m.group(1).lower()} is:", text)
    for pat, rep in _REPEAT_SPELLINGS:
        text = _sub_outside(text, pat, rep)
    return text


def _restated(text: str, asides: Asides) -> str:
    m = _PURPOSE.search(text)
    if m and _free(text, m.start(), m.end()):
        what, head = (m.group("what") or "").strip(), QUOTE_RE.sub(" ", text[:m.start()])
        named = [w for w in re.findall(r"[a-z]+", what.lower()) if w not in ("a", "an", "the")]
        if not what or any(p.match(what) and re.search(cue, head, _I) for p, cue in _PURPOSE_RESTATES) or \
                m.group("to") == "for" and named and all(re.search(rf"\b{w}", head, _I) for w in named):  # 'request for a postscript'
            text = text[:m.start()] + ("." if not text[m.end():].strip(" .!") else text[m.end():])
        elif any(rule(CriterionText(f"The response should {'have ' if m.group('to') == 'for' else ''}{what}.")) for rule in RULES):
            # it must read as the same check
            asides.append(("restate", f"The response should {'have ' if m.group('to') == 'for' else ''}{what}."))
            text = text[:m.start()] + ("." if not text[m.end():].strip(" .!") else text[m.end():])
    m = _WHICH_SATISFIES.search(text)
    if m and _free(text, m.start(), m.end()):
        text = text[:m.start()] + "."
    m = _DOC_REJECTED.search(text)
    if m and _free(text, m.start(), m.end()) and data_colon(text) > m.start():
        b = re.sub(r"\bor\s+less\b", "or fewer", m.group("b"), flags=_I)
        asides.append(("complement", f"The response has {b}."))
        text = text[:m.start()] + "."
    m = _WONT_TAKE.search(text)
    if m and _free(text, m.start(), m.end()) and data_colon(text) > m.start():
        rel = "fewer than" if m.group("d").lower() in ("shorter", "fewer", "less") else "more than"
        asides.append(("complement", f"The response has {rel} {m.group('n')} {m.group('u')}."))
        text = text[:m.start()] + "."
    low = text.lower()
    if "***" in low and "paragraph" in low:
        for pat in _NO_EMPTY:
            text = _sub_outside(text, pat, "")
    if "bullet" in low:
        for pat in _BULLET_IS:
            text = _sub_outside(text, pat, "") if pat is _BULLET_IS[0] else pat.sub("", text)
    if re.search(r"\bdouble\s+quot", low):
        m = _QUOTE_ENDS.search(text)
        if m:
            text = text[:m.start()] + "."
    m = _NO_OTHER_LANG.search(text)
    if m and _free(text, m.start(), m.end()) and language_in(QUOTE_RE.sub(" ", text[:m.start()]).lower()) is not None:
        text = text[:m.start()] + ", with no other language."
    m = _SO_NONE.search(text)
    if m and _free(text, m.start(), m.end()) and _NEG_LIST.search(QUOTE_RE.sub(" ", text[:m.start()])):
        text = text[:m.start()] + text[m.end():]
    m = _AT_ALL.search(text)
    if m and m.start() > 0 and _free(text, m.start(), m.end()) and _NEG_LIST.search(QUOTE_RE.sub(" ", text[:m.start()])):
        text = text[:m.start()] + "."
    if not re.search(r"\d|\btimes\b", QUOTE_RE.sub(" ", text)) and _INCLUDE.search(QUOTE_RE.sub(" ", text)):
        m = _EACH_ONCE.search(text)
        if m and _free(text, m.start(), m.end()):
            text = text[:m.start()] + text[m.end():]
        text = _sub_outside(text, _ALL_ONCE, r"\1")
        m = _ALL_OF_THEM.search(text)
        if m and _free(text, m.start(), m.end()) and not QUOTE_RE.search(text):
            text = text[:m.start()] + "."
    m = _NONE_MAY.search(text)
    if m and _free(text, m.start(), m.end()) and _NEG_LIST.search(QUOTE_RE.sub(" ", text[:m.start()])):
        text = text[:m.start()] + "."
    return re.sub(r"\.\.$", ".", text)


def _gist_way(m: "re.Match") -> str:
    return "short" if m.group("short") else "long"


def _bound_way(rest: str) -> Optional[str]:
    """'short' for a length bound that is a maximum alone, 'long' for a minimum alone, else None (a restated rejection
    is read later, and is no bound here)."""
    rest = _WONT_TAKE.sub("", _DOC_REJECTED.sub("", QUOTE_RE.sub(" ", rest)))
    most, least = _MAX_CUE.search(rest), _MIN_CUE.search(rest)
    return "short" if most and not least else "long" if least and not most else None


def _client_gist_disagrees(text: str) -> bool:
    """A client's gist of a length that the length after it contradicts ('Client wants it long: the copy runs under
    120 words'; :func:`_names` rewrites only a gist the bound agrees with)."""
    m = _CLIENT_LENGTH.match(text)
    way = _bound_way(m.group("rest")) if m else None
    return way is not None and way != _gist_way(m)


def respeak(text: str) -> Tuple[str, Asides, bool]:
    """(the respoken text, the asides read off, whether a disqualifying frame asks for the complement)."""
    asides: Asides = []
    if _client_gist_disagrees(text):
        asides.append(("veto", text))  # 'Client wants it long: ... under 120 words': which one is meant is not said
    said = _names(text)
    said = _notes(said, asides)
    said, negate = _frame(said)
    said = _restated(said, asides)
    said = _repeat(said)
    return said, asides, negate


def read_voice(text: str) -> Tuple[str, Asides]:
    """:func:`rubricc.compiler.lower_voices6.read_voice` on the criterion respoken by :func:`respeak`, with its asides; a
    disqualifying frame's ``invert`` becomes ``negate`` (the complement of a count too)."""
    said, asides, negate = respeak(text)
    if said == text and not asides:
        return _read_voice6(text)
    core, more = _read_voice6(said)
    if negate and re.match(r"\s*fail\s+if\b", core, _I):
        return core, [("veto", text)]  # the frame was not read: its condition is not the criterion
    if negate:  # no 'invert' when the frame read the complement itself ('any comma appears' -> 'no comma appears')
        more = [("negate", a) if k == "invert" else (k, a) for k, a in more]
    return core, more + asides
