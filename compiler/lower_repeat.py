"""The repeat-the-request rule: 'Repeats the request word for word: "..."', 'Starts with a verbatim copy of
the following text: ...'. The request to repeat is data, quoted or not, so it is read first (by the driver,
:mod:`rubricc.compiler.lower`, before any other rule) and cut out of the criterion: its own words ('do not
use any commas', '<<title>>') must never be read as requirements. A criterion that asks for a verbatim
repeat whose request cannot be delimited is vetoed (stays neural). Part of
:data:`rubricc.compiler.lower_rules.RULES`.
"""
from __future__ import annotations

import re

from rubricc.compiler.lower_parse import EXPECTED_LABEL, NEGATION, CriterionText, outer_quotes

# ('reading the request back', 'saying the request back': set 51's DJ and verse)
# ('starts by quoting the request word for word': the quoting a repeat only after 'by' and before the request; set 53's crier
# 'cries out the request exactly as it was given'; set 54's child 'says the request again in exactly the same words')
_REPEAT_VERB = (r"\b(?:repeat|repetition|restat|cop(?:y|ies|ied|ying)\b|reproduc|echo|recit|duplicat|(?:read|say|said)(?:s|ing)?\s+(?:\w+\s+){1,3}?back\b|"
                r"(?:say|said|write|wrote)(?:s|ing)?\s+(?:\w+\s+){1,3}?again\s+in\s+(?:exactly\s+)?the\s+same\s+words\b|cr(?:y|ies|ied|ying)\s+out\b|(?<=\bby\s)quoting(?=\s+(?:the|my|your|this)\s+(?:request|prompt|question|instructions?)\b))")
_REPEAT_NOUN = r"\b(?:request|prompt|question|instruction|instructions|query|task|text|message|input)\b"
_EXACT = r"word for word|word-for-word|verbatim|exact|without (?:any )?chang|unchanged|as is\b|as given\b|identical|character for character"
# a quoted text the response must open with: 'Starts with a verbatim copy of the following text: "..."',
# 'The answer opens with the exact request "...", unchanged'
_OPENS = r"\b(?:starts?|begins?|opens?|starting|beginning|opening|first thing|at the (?:very )?(?:start|beginning|top)|before (?:anything else|answering|responding))\b"


# what may stand right before / after a quoted request to repeat: the frame around it, not the request's words
_BEFORE_PROMPT = re.compile(r"(?:[:(]|\b(?:request|prompt|question|instructions?|query|task|text|message|input|exactly|verbatim|"
                            r"word for word|word-for-word|unchanged|following|is|as|given|stated|posed|worded|phrased|repeating|copying|reproducing|restating|with))\s*,?\s*$")
_AFTER_PROMPT = re.compile(r"\s*(?:$|[.,;:)?!]|(?:verbatim|exactly|word|unchanged|is|are|was|repeated|reproduced|copied|restated|then|and|"
                           r"before|followed|at|first|as|in|without|character)\b)")
_MAX_FRAME_WORDS = 30
# what follows a colon said of the response, not the request ('...: this response begins by repeating "..."')
_SAID_OF_RESPONSE = re.compile(r"(?:this|the|its|your)\s+(?:(?:whole|entire|full|final)\s+)?(?:response|reply|answer|output)\s+(?:(?:first\s+)?"
                               r"(?:begins|starts|opens|leads\s+off)\s+(?:by|with)\s+)?(?:repeating|restating|copying|reproducing|echoing|"
                               r"repeats|restates|copies|reproduces|echoes)\b", re.IGNORECASE)
# how the reply begins, said after the colon (blind set 48: '...: the reply begins with the exact text "..." and has nothing
# before it'): never the request itself (a request may itself open 'The reply is one in which ...')
_STATEMENT_OF_RESPONSE = re.compile(r"(?:this|the|its|your)\s+(?:(?:whole|entire|full|final)\s+)?(?:response|reply|answer|output)\s+"
                                    r"(?:begins|starts|opens|leads\s+off)\s+(?:with|by)\b", re.IGNORECASE)
# a few words after the frame's colon that open a quoted request: 'the response must begin with', 'it reads'
_QUOTE_INTRO = re.compile(rf"\s*(?:[^\"\u201c:.?!]{{0,60}}?{_OPENS}(?:\s+\w+){{0,3}}\s+with(?:\s+the\s+(?:exact\s+|very\s+|same\s+)?(?:text|words|request|wording))?|[^\"\u201c:.?!]{{0,40}}\b(?:reads?|is|as follows))\s*:?\s*",
                          re.IGNORECASE)


_NOTHING_BEFORE = re.compile(
    r"\b(?:do not|don't|never)\s+(?:say|write|add|output|put|include|print)\s+(?:anything|any\s+(?:other\s+)?(?:words?|text|characters?)"
    r"(?:\s+or\s+characters?)?)\s+before\s+(?:repeating|you\s+repeat|copying|you\s+copy)\s+(?:the|this|my|your)\s+"
    r"(?:request|prompt|question|instructions?|query)\s*[.;]")
# the same as a clause of the frame: ', without saying anything before it', ', with no preceding words or characters'
_NOTHING_BEFORE_CLAUSE = re.compile(
    r",?\s*(?:without\s+(?:saying|writing|adding|putting|including|printing|outputting|typing)\s+anything(?:\s+else)?\s+(?:before|ahead\s+of|prior\s+to)"
    r"\s+(?:it|that|this|the\s+(?:request|prompt|copy|repeat))|with\s+no\s+(?:preceding|prior|leading|introductory)\s+(?:words?|text|characters?|content)"
    r"(?:\s+or\s+(?:words?|characters?|text))?|with\s+nothing\s+(?:(?:said|written|added|placed|put)\s+)?before\s+it"
    r"|with\s+no\s+(?:other\s+)?(?:words?|text|characters?|content)(?:\s+or\s+(?:words?|characters?|text|content))?\s+(?:before|ahead\s+of|in\s+front\s+of)\s+it"
    # ', no words or characters being placed before it'
    r"|(?:with\s+)?no\s+(?:other\s+)?(?:words?|text|characters?|content)(?:\s+or\s+(?:words?|characters?|text|content))?\s+being\s+(?:placed|put|written|said|added)\s+before\s+it"
    r"|\s*[-\u2013\u2014]\s*no\s+(?:preamble|introduction|intro|lead-in)(?:\s+(?:before|ahead\s+of)\s+it)?"
    # set 51: 'nothing coming before it', 'not a word before it', 'without a word before it', 'nothing in front of it'
    r"|(?:with\s+|and\s+)?(?:nothing|not\s+(?:a|one)\s+(?:single\s+)?word|without\s+(?:a|one)\s+(?:single\s+)?word)(?:\s+(?:coming|said|written|added|"
    r"placed|put|going|appearing))?\s+(?:before|ahead\s+of|in\s+front\s+of|prior\s+to)\s+it)\b")


# a note about the copy after an unquoted request, as its own last sentence ('... I observed no words or characters before
# it.', 'Nothing comes before it.'): the request's end cannot be told from the note's start
_TRAILING_NOTE = re.compile(r"(?:^|(?<=[.?!]))\s+(?:I\s+(?:observed|noted|saw|found|checked|confirmed|counted)\b|(?:nothing|no\s+(?:other\s+)?(?:words?|text|characters?))\b"
                            r"[^.?!]{0,60}\b(?:before|precedes|preceded|ahead\s+of|in\s+front\s+of)\s+it\b)[^.?!]*[.?!]?\s*$", re.IGNORECASE)


# a rubric item's label before the criterion ('**Verbatim repetition of the request**: The response opens with ...'): a
# name, not a verb saying what to do (a frame 'Repeat the request verbatim: ...' opens with one)
_ITEM_LABEL = re.compile(r"^\s*(?P<b>\*\*|__)?(?P<label>[A-Z][\w'-]*(?:[ \t]+[\w'-]+){0,6})(?P=b)?[ \t]*:[ \t]+(?=\S)")
_LABEL_VERB = re.compile(r"(?:repeat|restat|cop(?:y|ies)|reproduc|echo|recit|duplicat|quote|start|begin|open|include|write|say|answer|check|verify|"
                         r"ensure|confirm|make|look|see|compare|determine|scan|search|count|split|read|test|inspect|examine|mark|give|pass|fail)\b",
                         re.IGNORECASE)


_NOTE_PART = r"(?:(?:with\s+)?(?:no|nothing|without|zero)\b[^,;()]{0,30}|verbatim|exact(?:ly)?|unchanged|unaltered|word[- ]for[- ]word|as is|character for character" \
             r"|any\s+(?:change|edit|alteration|deviation)s?(?:\s+(?:to|in)\s+the\s+wording)?\s+(?:counts|fails|is\s+a\s+failure)(?:\s+as\s+a\s+(?:failure|miss))?)"
_PAREN_NOTE = re.compile(rf"\s*\(\s*{_NOTE_PART}(?:\s*[,;/]\s*(?:and\s+)?{_NOTE_PART})*\s*\)", re.IGNORECASE)


def _label_free(text: str) -> str:
    """``text`` less a rubric item's label when what follows the label is itself a complete repeat frame in its first
    sentence (so the label's colon is not the request's); else ``text``."""
    m = _ITEM_LABEL.match(text)
    expected = re.match(rf"\s*{EXPECTED_LABEL}\s*", text, re.IGNORECASE)  # a test case's label
    # a bold label only ('Opening: ...' may be the frame), or a topic of the reply's ('Opening of the reply: it begins ...', set 54's minutes)
    topic = m is not None and re.fullmatch(r"[A-Z][a-z]+\s+of\s+the\s+(?:reply|response|answer)", m.group("label")) and re.match(r"it\s+[a-z]+s\b", text[m.end():])
    if expected is None and not topic and (m is None or not m.group("b") or _LABEL_VERB.match(m.group("label"))):
        return text
    rest = text[(expected or m).end():]
    first = re.split(r"(?<=[.?!])\s|\n|:", rest, maxsplit=1)[0]
    return rest if _is_repeat_frame(first.lower()) else text


# the request given a label of its own after the frame's colon ('Your request was: ', 'The request reads: ')
_LATER_REQUEST = re.compile(r"(?<=[.;!?])\s+(?:your|the|my|this)\s+(?:original\s+)?(?:request|prompt)\s*(?:was|is|reads|read|ran|goes|went)?\s*:\s+",
                            re.IGNORECASE)


def read_repeat(text: str):
    """A repeat-the-request criterion read as (frame, request): a dict of ``repeats_prompt`` args when the
    request to repeat is delimited (quoted, or everything after the cue's colon) or is the conversation's
    own ('Repeats the request verbatim before answering'); ``"veto"`` when the criterion asks for a
    verbatim repeat but the request cannot be delimited or the repeat is negated (its embedded words must
    not be read as requirements of their own); None when it is not such a criterion."""
    text = _label_free(text)
    # exactness restated in parentheses in the frame ('(no preamble, no edits)'): a note, not the request
    head = re.split(r":(?=\s|[\"\u201c]|$)", text, maxsplit=1)[0]
    text = _PAREN_NOTE.sub(" ", head) + text[len(head):]
    # exactness restated in parentheses before the request: 'Opens with the exact request text (unchanged)'
    head = re.split(r"[:\"\u201c]", text, maxsplit=1)[0]
    text = re.sub(r"\((unchanged|verbatim|word for word|word-for-word|exactly|as is|character for character)\)", r"\1", head, count=1,
                  flags=re.IGNORECASE) + text[len(head):]
    span = outer_quotes(text)
    colon = re.search(r":(?=\s|[\"\u201c]|$)", text)
    prompt = None
    late = _late_request(text)
    paren = _paren_request(text)
    intro = _INTRO.search(text)
    if late is not None:  # '<frame, colon and all>. The request: REQ' (set 51): the request's own label delimits it
        prompt, frame = late
    elif intro is not None and (colon is None or intro.start() < colon.start()) and (span is None or intro.end() <= span[0]) and \
            not re.match(r"[\"\u201c]", text[intro.end():]) and _is_repeat_frame(text[:intro.start()].lower()):
        # '..., repeated word for word before any other matter, viz. Generate two descriptions: The product is ...': the request
        # starts after 'viz.' / 'to wit', and a colon after it is the request's
        prompt, frame = text[intro.end():].strip(), text[:intro.start()]
    elif paren is not None:
        prompt, frame = paren
    elif colon is not None and (span is None or colon.start() < span[0]) and "(" not in text[:colon.start()] and \
            len(text[:colon.start()].split()) <= _MAX_FRAME_WORDS and _is_repeat_frame(text[:colon.start()].lower()):
        rest = text[colon.end():].strip()
        boundary = _request_start(text[:colon.start()])
        if boundary is not None:
            # 'Does the response open with ... the following request, repeated word for word? Generate two
            # descriptions: The product is ...': the request starts after the frame's own sentence, and the
            # colon is the request's
            prompt, frame = text[boundary:].strip(), text[:boundary]
        elif span is not None and (re.match(r"[\"\u201c]", rest) or _QUOTE_INTRO.fullmatch(text[colon.end():span[0]])
                                   or _SAID_OF_RESPONSE.match(rest)):
            # the quotation is the request, also after a few words opening it ('...: the response must begin with "..."')
            # or inside a statement of the response after the colon ('Can restate a request: this response begins by
            # repeating "..." word for word')
            prompt, frame = text[span[0] + 1:span[1]], text[:span[0]] + " " + text[span[1] + 1:]
        elif _SAID_OF_RESPONSE.match(rest):
            return "veto"  # a statement of the response after the colon, with no request quoted in it
        elif _TRAILING_NOTE.search(rest):
            return "veto"  # 'REQ. I observed no words or characters before it.': where the request ends is not known
        elif _STATEMENT_OF_RESPONSE.match(rest):
            return "veto"  # how the reply begins, after the colon ('the reply begins with ...'): never the request itself
        else:
            prompt, frame = rest, text[:colon.start()]
            later = list(_LATER_REQUEST.finditer(rest))
            if later:  # '...word for word: the reply will begin with that request, ... Your request was: REQ': the last label's
                prompt, frame = rest[later[-1].end():].strip(), text[:colon.start()] + ". " + rest[:later[-1].start()]
    elif span is not None and span[1] > span[0] + 1 and _BEFORE_PROMPT.search(text[:span[0]].lower()) and \
            _AFTER_PROMPT.match(text[span[1] + 1:].lower()) and (text[:span[0]].rstrip()[-1:] != "(" or text[span[1] + 1:].lstrip()[:1] == ")"):
        prompt, frame = text[span[0] + 1:span[1]], text[:span[0]] + " " + text[span[1] + 1:]
    else:
        frame = text
    # a parenthesis restating how to repeat ('(1. do not say any words before repeating the request; 2. ...)')
    low = re.sub(r"\([^()]*\brepeat[^()]*\)", " ", frame.lower())
    # that nothing comes before the copy, said in a sentence of its own: 'Do not say anything before repeating the request.'
    low = _NOTHING_BEFORE_CLAUSE.sub(" ", _NOTHING_BEFORE.sub(" ", low))
    if not _is_repeat_frame(low):
        # the cue sits inside what was read as the request: 'Repeats the request "A" verbatim, then ... "B"'
        return "veto" if prompt is not None and _is_repeat_frame(text.lower()) else None
    if prompt is None and len(low.split()) > 16:
        return "veto"  # a request in the criterion that cannot be delimited: none of its words may be read
    # a request delimited in the criterion is data either way: when the frame is not a plain verbatim repeat,
    # its words must not be read as requirements of their own (veto, not None)
    not_this = "veto" if prompt is not None else None
    if re.search(r"\b(?:prompt|request|question|instructions?|query|task|text|message|input)'s\b|"
                 r"\b(?:formatting|format|style|structure|tone|layout|order|spelling|terminology)\b", low):
        return not_this  # 'copies the prompt's formatting exactly'
    # 'exactly the same', 'exactly same' restate exactness; 'the same question several times' does not
    # ('says the request again in exactly the same words': once more, exactly)
    if re.search(r"\b(?:times|twice|thrice|several|multiple|again|each|every|same)\b",
                 re.sub(r"\b(?:exact(?:ly)?|just|precisely)\s+(?:the\s+)?same\b", " exactly ",
                        re.sub(r"\bagain\s+in\s+(?:exactly\s+)?the\s+same\s+words\b", " exactly ", low))):
        return not_this  # 'repeats the same question verbatim several times', 'repeats each question exactly'
    exactness = r"\b(?:without (?:any |a (?:single )?)?|no (?:other )?|(?:do not|don't|never|not) )(?:chang|alter|modif|paraphras|edit)\w*(?: (?:anything|it|a word|a thing))?|" \
        r"\bnot (?:a|one) (?:single )?(?:syllable|word|letter|thing|character) (?:changed|altered|different)"
    if _answer_tail_asks(low):
        return "veto"  # 'then answers in French': what the answer after the copy must be is a requirement of its own
    if re.search(NEGATION, re.sub(exactness, " ", low)) or \
            len(low.split()) > _MAX_FRAME_WORDS:
        return "veto"  # 'does not repeat the request', or a request that runs into the frame
    if prompt is not None:
        return {"prompt_to_repeat": prompt} if prompt.strip() and not re.fullmatch(r"\W*", prompt) else "veto"
    if '"' in frame or "\u201c" in frame or len(low.split()) > 16 or \
            not re.search(r"\b(?:the|this|your|user's|the user's|original) (?:(?:exact|original|full|entire|whole|given) )?"
                      r"(?:request|prompt|question|instructions?|query)\b", low):
        return "veto"
    return {}


# a request in parentheses after a complete repeat frame: 'Repeats the request verbatim at the very start (request: ...).',
# 'Starts with a word-for-word restatement of the request (...) before anything else'
_PAREN_LABEL = re.compile(r"^\s*(?:(?:the\s+)?(?:request|prompt|question|instructions?|query|text)(?:\s+is)?\s*:\s*|i\.e\.,?\s+)", re.IGNORECASE)
# the frame word the parenthesis must follow ('... of the request (', '... word for word (', '... before answering (')
_PAREN_AFTER = re.compile(r"\b(?:request|prompt|question|instructions?|query|verbatim|word[- ]for[- ]word|exactly|start|beginning|"
                          r"answering|responding)\s*,?\s*$", re.IGNORECASE)
_PAREN_TAIL = re.compile(r"^[^()\"\u201c\u201d]{0,100}$")


def _paren_request(text: str):
    """(request, frame) for a request in balanced parentheses after a complete repeat frame, the rest of the criterion
    a short tail with no parenthesis or quotation; else None."""
    for m in re.finditer(r"\(", text):
        before = text[:m.start()]
        if not _is_repeat_frame(before.lower()) or "(" in before or re.search(r":(?=\s|$)|[.?!]\s", before) \
                or not _PAREN_AFTER.search(before) or re.search(r"[\"\u201c][^\"\u201c\u201d]*\s[^\"\u201c\u201d]*[\"\u201d]", before):
            continue  # (a request already quoted before it: the parenthesis is a note, '(letter case included)')
        depth = 0
        for i in range(m.start(), len(text)):
            depth += {"(": 1, ")": -1}.get(text[i], 0)
            if depth == 0:
                inside, tail = text[m.end():i], text[i + 1:]
                if len(inside.split()) < 3 or not _PAREN_TAIL.match(tail) or len(tail.split()) > 12 or \
                        re.search(r"\b(?:request|prompt)\s*:\s*\S", tail, re.IGNORECASE):
                    return None  # (a request given after its label in the tail is the request, not the parenthesis)
                request = _PAREN_LABEL.sub("", inside, count=1).strip()
                if len(request) > 2 and (request[0], request[-1]) in (('"', '"'), ("\u201c", "\u201d")):
                    request = request[1:-1]  # the request quoted inside the parentheses: the quotation marks are not its own
                return request, before + " " + tail
        return None
    return None


# the request given last, under a label of its own after the frame's sentences ('... Then it answers. The request: REQ',
# "Here's the request it repeats: REQ", 'The request in question: REQ')
# (set 53: 'Request as transmitted: REQ', 'Request on file: REQ', 'The request to match: REQ'; set 54: "Here's what was asked: REQ")
_LABELLED_REQUEST = re.compile(r"(?<=[.!?])\s+(?:here(?:'s|\s+is)\s+what\s+(?:was|I)\s+asked(?:\s+for)?\s*:\s+(?=\S)|"
                               r"(?:here(?:'s|\s+is)\s+)?(?:(?:the|your|my)\s+|(?-i:(?=[A-Z])))(?:original\s+)?(?:request|prompt)(?:\s+(?:it\s+repeats|"
                               r"in\s+question|to\s+(?:repeat|be\s+repeated|match)|being\s+repeated|itself|on\s+(?:file|record)|"
                               r"as\s+(?:transmitted|given|sent|received|filed|written)))?(?:\s+(?:is|was|reads))?\s*:\s+(?=\S))",
                               re.IGNORECASE)


def _late_request(text: str):
    """(request, frame) for a request under its own label after a frame of whole sentences that asks for a verbatim
    repeat; else None."""
    for m in _LABELLED_REQUEST.finditer(text):
        frame = text[:m.start()]
        if _is_repeat_frame(frame.lower()):
            request = text[m.end():].strip()
            span = outer_quotes(request)
            if span is not None and span[0] == 0 and span[1] == len(request.rstrip(".")) - 1:
                request = request[1:span[1]]  # the request quoted whole: the quotation marks are not its own
            return request, frame
    return None


# a word that introduces the request with no colon: 'viz.', 'videlicet', 'to wit'
_INTRO = re.compile(r"(?:,\s*|\s+)(?:viz\.|videlicet|to\s+wit)\s*,?\s+(?=\S)", re.IGNORECASE)


# the sentence before a request's colon that announces the request ('The request reads', 'Here it is')
_ANNOUNCE = re.compile(r"^(?:(?:the|this|that|it|here|below)\b[^.?!]{0,60}\b(?:reads?|is|was|follows?|goes|below|here)|here it is|"
                       r"(?:the )?(?:request|prompt|question|instructions?|query|task|text|message|input)(?: to (?:repeat|copy))?(?: is)?)\s*$",
                       re.IGNORECASE)


def _request_start(head: str):
    """Where the request starts when the text before the request's own colon holds a complete repeat frame
    ending a sentence ('... repeated word for word? Generate two descriptions'), else None."""
    for b in re.finditer(r"[.?!]\s+(?=[A-Z\"\u201c])", head):
        before, after = head[:b.start() + 1], head[b.end():].strip()
        if _is_repeat_frame(before.lower()) and re.search(r"\b(?:following|below|this|these|next)\b", before.lower()) \
                and not _ANNOUNCE.match(after):
            return b.end()
    return None


def _is_repeat_frame(low: str) -> bool:
    """The words of a verbatim-repeat requirement: an exactness cue, and a repeat verb with a request noun
    or an 'opens with' cue (negation is judged by the caller)."""
    # 'exactly 6 paragraphs' is a count, not a verbatim cue
    if not re.search(_EXACT, re.sub(r"\bexact(?:ly)?\s+(?=\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty)\b)", " ", low)):
        return False
    verb = re.search(_REPEAT_VERB, low)
    noun = re.search(_REPEAT_NOUN, low)
    # without a repeat verb the request must be what the response opens with ('Answers the exact question
    # before anything else' is not a repeat)
    opens_with = re.search(r"\b(?:starts?|begins?|opens?|starting|beginning|opening)\s+(?:\w+\s+){0,4}?with\b|\bfirst thing\b"
                           r"|\b(?:contain|include|has|have|put|place|present|show|state|quote)\w*\b.{0,60}\bat the (?:very )?(?:start|beginning|top)\b", low)
    return bool((verb and (noun or re.search(_OPENS, low))) or (noun and opens_with))


# what the frame says comes after the copy: the answer, in words that ask nothing of it ('then it answers', 'only after
# that does the answer unfold', 'after which the reply gives its answer'); any other word after the cue asks for more
_ANSWER_NEUTRAL = frozenset("it its the a an your their reply response answer answers answered answering gives gave give giving plays played "
                            "play unfolds unfold unfolding does did is was be heard comes came come follows followed goes went go on to "
                            "only then proper own actual real main with and request prompt question responds responded respond replies "
                            "replied reply provides provide provided providing offers offer offered delivers deliver delivered proceeds "
                            "proceed moves move writes write wrote begin begins began start starts started".split())
# the words that say the answer comes (a tail without one is not about the answer)
_ANSWER_SAID = frozenset("answer answers answered responds replies gives gave plays unfold unfolds follows comes".split())
# (the tail ends at a dash or a parenthesis: 'The response — ... and only then answering — follows the instruction')
_ANSWER_CUE = re.compile(r"\b(?:then|after\s+(?:that|which|this|it)|afterwards?|only\s+after\s+that)\b(?P<tail>[^.;!?()\u2013\u2014]*)")


def _answer_tail_asks(low: str) -> bool:
    """Whether the frame says more of the answer after the copy than that it comes."""
    for m in _ANSWER_CUE.finditer(low):
        if not low[:m.start()].strip():
            continue  # 'Then the reply opens with ...': a step in a sequence, not what comes after the copy
        words = set(re.findall(r"[a-z]+", m.group("tail")))
        if words & _ANSWER_SAID and words - _ANSWER_NEUTRAL:
            return True
    return False


def r_repeat_prompt(c: CriterionText):
    got = read_repeat(c.text)
    if got is None:
        return None
    if got == "veto":
        return "neural", {}
    return "repeats_prompt", got




# a request said to be repeated, then given after a colon ('She always starts by saying your request back to you word for
# word ... Her first words are: TLDR ... should have 45 or less words.'): the words after the colon are data
# (blind set 54: 'says the request again in exactly the same words. The request was: ...' had the request's own title read)
_REPEAT = (r"(?:word\s+for\s+word|verbatim|repeat\w*|cop(?:y|ies|ied|ying)|back|again|(?:exact(?:ly)?\s+)?the\s+same\s+words|character\s+by\s+character|"
           r"letter\s+for\s+letter|compared|restat\w*|reproduc\w*|echo\w*|recit\w*)")
_REQUEST = r"(?:request|prompt|instruction|question|task)"
_REPEAT_THEN_DATA = re.compile(rf"\b(?:{_REPEAT}\b[^:]{{0,120}}?\b{_REQUEST}|{_REQUEST}\b[^:]{{0,120}}?\b{_REPEAT})\b[^:]{{0,160}}?:\s+(?:\S+\s+){{8}}",
                               re.IGNORECASE | re.S)


def unread_request(text: str, check: str) -> bool:
    """True when a request to repeat is given after a colon and ``check`` is not the repeat check: what follows the colon is
    the request's words, never the criterion's (set 49: a request's own 'should have 45 or less words' was read as the count)."""
    return check != "repeats_prompt" and _REPEAT_THEN_DATA.search(text) is not None
