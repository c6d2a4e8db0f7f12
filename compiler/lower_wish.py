"""First-person criteria and the outermost voice layer: a user's wish, the policy's own check, a checklist box.

A rubric writer who speaks as the user says what was asked, then what the reply must do:

    I asked for plenty of '!': the reply should contain that character 6 times or more, capitals included.
    I specifically asked for "a" and "b" to show up, so the reply needs to mention every one of them.
    I wanted "x" to come up a lot, so the reply should use it 5 times or more.
    I need a reusable template, so the reply should contain 3 or more placeholders in square brackets.

The requirement is the clause after the split (':', ';', ', so', '- ') when it is said of the reply (or of 'it',
'there', 'all of it'): it is read alone, its pronouns replaced by what the wish names ('that character' -> the
character '!', 'every one of them' -> each of "a" and "b", 'it' after a verb of use -> "x", 'one' -> a postscript).
A pronoun with nothing to stand for leaves the criterion as it is. The wish itself is kept as a label that must read
as no other check, and the data it quotes must be the requirement's (:func:`rubricc.compiler.lower._aside_agrees`). A wish with no such clause, in the past tense ('I
wanted five paragraphs ...', 'I asked for the reply to end with ...'), is said in the present ('I want ...'), which
the user-voice readers already read; a wish not to have something ('I didn't want ...') is never turned around.
"""
from __future__ import annotations

import re
from typing import Optional, Tuple

from rubricc.compiler.lower_asked import asked
from rubricc.compiler.lower_attest import attested
from rubricc.compiler.lower_bulletin import reported
from rubricc.compiler.lower_finding import found
from rubricc.compiler.lower_logbook import logged
from rubricc.compiler.lower_listing import listed
from rubricc.compiler.lower_direction import directed
from rubricc.compiler.lower_notice import noticed
from rubricc.compiler.lower_label import headed, labelled, named_it, sectioned, walked
from rubricc.compiler.lower_wager import wagered
from rubricc.compiler.lower_interview import interviewed
from rubricc.compiler.lower_lostfound import lost_property
from rubricc.compiler.lower_riddle import riddle
from rubricc.compiler.lower_attention import attended
from rubricc.compiler.lower_itemised import itemised
from rubricc.compiler.lower_entry import dictionary_entry
from rubricc.compiler.lower_hearsay import hearsay, unaddressed
from rubricc.compiler.lower_schoolreport import school_report
from rubricc.compiler.lower_ticket import ticket
from rubricc.compiler.lower_obituary import obituary
from rubricc.compiler.lower_titlepage import title_page
from rubricc.compiler.lower_referee import vouched
from rubricc.compiler.lower_toast import announced, toasted
from rubricc.compiler.lower_motto import motto
from rubricc.compiler.lower_card import carded
from rubricc.compiler.lower_lot import lot
from rubricc.compiler.lower_testimony import testimony
from rubricc.compiler.lower_transcript import transcript
from rubricc.compiler.lower_worksheet import worksheet
from rubricc.compiler.lower_roster import roster
from rubricc.compiler.lower_summary import summarised
from rubricc.compiler.lower_dashes import dashed
from rubricc.compiler.lower_example import cut_example
from rubricc.compiler.lower_competency import badge, competency, preferred
from rubricc.compiler.lower_glossary import glossary
from rubricc.compiler.lower_lettered import lettered
from rubricc.compiler.lower_markscheme import cut_notes
from rubricc.compiler.lower_nearest_vetoes import other_text
from rubricc.compiler.lower_register import register, uncleft
from rubricc.compiler.lower_parse import QUOTE_RE
from rubricc.compiler.lower_respell import cap, data_colon, in_quotes, quote_spans
from rubricc.compiler.lower_review import review
from rubricc.compiler.lower_voices2 import _want
from rubricc.compiler.lower_voices4 import Asides
from rubricc.compiler.lower_voices8 import read_voice as _read_voice8

_I = re.IGNORECASE
_DOC = r"(?:reply|response|answer|output|text)"
_WISH = re.compile(r"^\s*(?:i|we)\s+(?:(?:really|specifically|explicitly|clearly|just|also|only)\s+)?"
                   r"(?P<verb>asked\s+(?:you\s+)?for|asked\s+you\s+to|wanted|want|needed|need|requested|expected|(?:told\s+you|said|asked\s+you)\s+to|"
                   r"(?:don't|do\s+not|didn't|did\s+not)\s+want)\s+(?=\S)", _I)
# the split before the requirement, and the requirement's subject
_SPLIT = re.compile(r"(?:\s*[:;]|,?\s+so(?:\s+that)?|,\s+and(?:\s+so)?|\s+[\u2014\u2013-]|\s*[\u2014\u2013])\s+"
                    r"(?P<need>(?:i|we)\s+(?:need|want|expect)\s+)?"
                    rf"(?=(?:the|my|your)\s+(?:(?:whole|entire|full|final)\s+)?{_DOC}\b|(?:it|they|those|these|there)\s+"
                    r"(?:should|must|needs?|has|have|shouldn't|mustn't|can't|cannot|is|are|may)\b|all\s+of\s+it\b)", _I)
# a wish that is the requirement whole: about the reply itself, or a count of things ('five paragraphs, no more ...')
_WHOLE = re.compile(rf"^(?:the|my|your)\s+(?:(?:whole|entire|full|final)\s+)?{_DOC}\b|^(?:(?:exactly|precisely|at\s+least|at\s+most|"
                    r"no\s+more\s+than|fewer\s+than|only)\s+)?(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\b", _I)
# the reply wished in some state: 'I need the reply in Russian, all of it' -> 'The reply is in Russian, all of it'
_REPLY_IN = re.compile(rf"^(?P<np>(?:the|my|your)\s+(?:(?:whole|entire|full|final)\s+)?{_DOC})\s+(?=(?:in|inside|within|entirely|wholly|completely|all)\b)", _I)
_PAST = re.compile(r"^(?:asked\s+(?:you\s+)?for|wanted|requested|expected)$", _I)
# pronouns of the requirement and what stands for them
_THAT_CHAR = re.compile(r"\b(?:that|this|the\s+same)\s+(?:character|letter|symbol)\b", _I)
_EACH = re.compile(r"\b(?:(?:every|each)\s+one\s+of\s+them|(?:all|each|both)\s+of\s+them)\b", _I)
_ANY = re.compile(r"\bany\s+of\s+(?:them|those|these)(?:\s+(?:words|terms|keywords|phrases))?\b", _I)
_USE_IT = re.compile(r"\b(?P<v>use|uses|using|mention|mentions|include|includes|repeat|repeats|contain|contains|say|says|feature|features)"
                     r"\s+(?:it|that\s+word|this\s+word|that\s+term)\b", _I)
_THEM = re.compile(r"\b(?:them|those\s+(?:words|terms|keywords)|these\s+(?:words|terms|keywords))\b", _I)
_ONE = re.compile(r"\b(?P<v>needs?|has|have|includes?|contains?|gives?|adds?|carr(?:y|ies))\s+one\b(?!\s+of\b)", _I)
_LEFT = re.compile(r"\b(?:them|those|that\s+(?:character|letter|word|one)|one\s+of\s+them)\b", _I)
# a wish that names its thing by a noun: 'no commas at all', 'a postscript too', 'a title'
_NOUN = re.compile(r"^(?P<det>no|zero|any|an?|some|plenty\s+of|lots\s+of)\s+(?P<n>[a-z]+(?:[ -](?!(?:too|also|at|as|please|included|in)\b)[a-z]+)?)"
                   r"(?:\s+(?:at\s+all|too|as\s+well|also|please|included|in\s+it))?\s*$", _I)
# 'echo my request back ..., so the reply has to start with it': the request
_REQUEST = re.compile(r"\b(?:my|the|your)\s+(?:original\s+)?(?P<r>request|prompt|question|instructions?)\b", _I)
_LETTER = re.compile(r"\bthe\s+(?P<k>letter|character)\s+(?P<l>[^\s\"'\u201c\u201d])(?=[\s,.;:]|$)", _I)
_WITH_IT = re.compile(r"\b(?P<v>(?:start|begin|open)(?:s|ing)?\s+with|repeat(?:s|ing)?|restat(?:e|es|ing)|echo(?:es|ing)?)\s+it\b", _I)
_IT_HEAD = re.compile(r"^(?:all\s+of\s+it|it)\b", _I)


def _quoted(lead: str) -> Optional[str]:
    """The wish's quoted data as written ('"a", "b" or "c"'), or None."""
    spans = list(QUOTE_RE.finditer(lead))
    return lead[spans[0].start():spans[-1].end()] if spans else None


def resolve(tail: str, lead: str) -> Optional[str]:
    """The requirement with its pronouns replaced by what the wish names; None when one is left standing for nothing, or
    when data the wish quotes is not in the requirement."""
    data = _quoted(lead)
    if data is not None:
        single = len(QUOTE_RE.findall(lead)) == 1
        tail = _THAT_CHAR.sub(lambda m: f"the character {data}" if single else m.group(0), tail)
        tail = _EACH.sub(f"each of {data}", tail)
        tail = _ANY.sub(f"any of the words {data}", tail)
        tail = _USE_IT.sub(lambda m: f"{m.group('v')} {data}" if single else m.group(0), tail)
        tail = _THEM.sub(data, tail)
    else:
        letter = _LETTER.search(lead)  # an unquoted letter: 'wants the letter l used heavily'
        if letter:
            tail = _USE_IT.sub(lambda m: f"{m.group('v')} the {letter.group('k')} {letter.group('l')}", tail)
        r = _REQUEST.search(lead)
        if r:
            tail = _WITH_IT.sub(lambda m: f"{m.group('v')} the {r.group('r')}", tail)
        m = _NOUN.match(lead)
        if m:
            noun = m.group("n")
            det = "an" if noun[:1].lower() in "aeiou" else "a"
            tail = _THEM.sub(noun, tail)
            tail = _ONE.sub(lambda o: f"{o.group('v')} {det} {noun}", tail)
    head, data_part = tail[:data_colon(tail)], tail[data_colon(tail):]
    spans = quote_spans(head)
    if any(not in_quotes(spans, m.start()) for m in _LEFT.finditer(head)) or re.search(r"\bone\b", QUOTE_RE.sub(" ", head)) \
            and _ONE.search(head):
        return None
    said = head + data_part
    return None if any(q.group(0) not in said for q in QUOTE_RE.finditer(lead)) else said


def respeak(text: str) -> Tuple[str, Asides]:
    """(the requirement a user's wish states, the wish as an aside); (text, []) when the text is no such wish."""
    m = _WISH.match(text)
    if not m:
        return text, []
    verb, rest = re.sub(r"\s+", " ", m.group("verb").lower()), text[m.end():]
    spans = quote_spans(text)
    split = next((s for s in _SPLIT.finditer(text, m.end()) if not in_quotes(spans, s.start())), None)
    if split is not None and not _WHOLE.match(rest):
        lead, tail = text[m.end():split.start()].strip(), text[split.end():]
        if split.group("need"):
            wanted = _want(tail)
            if wanted is None:
                return text, []
            tail = wanted
        tail = _IT_HEAD.sub("the whole reply", tail)
        said = resolve(tail, lead)
        if said is None:
            return text, []
        return cap(said), [("label", text[:split.start()].strip())]
    if "want" in verb and ("not" in verb or "n't" in verb) or verb.endswith(" to"):
        return text, []  # not turned around; 'told you to' is said to the model
    r = _REPLY_IN.match(rest)
    if r:
        return cap(re.sub(r"^(?:my|your)\b", "the", r.group("np"), flags=_I)) + " is " + rest[r.end():], []
    if _PAST.match(verb):
        return "I want " + rest, []
    return text, []


# ---- the policy's own check before sending: 'I kept my answer under 100 words', 'My reply has exactly 3 bullets' --------
PAST_TENSE = {"used": "uses", "wrote": "writes", "kept": "keeps", "included": "includes", "added": "adds", "gave": "gives",
         "began": "begins", "started": "starts", "opened": "opens", "ended": "ends", "finished": "finishes", "closed": "closes",
         "highlighted": "highlights", "divided": "divides", "split": "splits", "separated": "separates", "wrapped": "wraps",
         "enclosed": "encloses", "put": "puts", "repeated": "repeats", "avoided": "avoids", "mentioned": "mentions",
         "stayed": "stays", "limited": "limits", "formatted": "formats", "organized": "organizes", "organised": "organises",
         "structured": "structures", "typed": "types", "capitalized": "capitalizes", "answered": "answers", "responded": "responds",
         "made sure to": "makes sure to", "made sure": "makes sure", "provided": "provides", "chose": "chooses",
         "restated": "restates", "copied": "copies", "spelled": "spells", "followed": "follows", "stuck": "sticks"}
_VERBS = "|".join(sorted((k.replace(" ", r"\s+") for k in PAST_TENSE), key=len, reverse=True))
_SELF = re.compile(rf"^\s*I\s+(?P<adv>(?:never|also|only|always|deliberately|carefully)\s+)?(?P<v>{_VERBS})\b")


def _base(present: str) -> str:
    """'uses' -> 'use', 'copies' -> 'copy', 'finishes' -> 'finish', 'makes sure to' -> 'make sure to'."""
    head, _, rest = present.partition(" ")
    head = head[:-3] + "y" if head.endswith("ies") else head[:-2] if re.search(r"(?:ss|sh|ch|x)es$", head) else head[:-1]
    return head + (" " + rest if rest else "")


_NOT_VERBS = "|".join(sorted({_base(v).replace(" ", r"\s+") for v in PAST_TENSE.values()}, key=len, reverse=True))
_SELF_NOT = re.compile(rf"^\s*I\s+(?:did\s+not|didn't|never)\s+(?=(?:{_NOT_VERBS})\b)", _I)
_MY = re.compile(r"\bmy\s+(?=(?:(?:whole|entire|full|complete|final)\s+)?(?:reply|response|answer|output|text|words)\b)", _I)
_MY_HEAD = re.compile(r"^\s*(?:fewer\s+than|at\s+least|at\s+most|more\s+than|no\s+more\s+than|exactly|only|none)\s+(?:\S+\s+)?of\s+my\s+words\b", _I)


def self_check(text: str) -> str:
    """The policy's own first-person check said of the response: 'I kept my answer under 100 words' -> 'The response
    keeps the answer under 100 words'; 'My reply has ...' -> 'The reply has ...'; else the text as it is."""
    m = _SELF.match(text)
    if m:
        verb = re.sub(r"\s+", " ", m.group("v").lower())
        text = "The response " + (m.group("adv") or "") + PAST_TENSE[verb] + text[m.end():]
    elif _SELF_NOT.match(text):
        text = _SELF_NOT.sub("The response does not ", text, count=1)
    elif not re.match(r"^\s*(?:my\s+(?:(?:whole|entire|full|complete|final)\s+)?(?:reply|response|answer|output|text)\b|"
                      r"(?:the\s+)?(?:letter|character|word)\b.*\bin\s+my\s+(?:reply|response|answer|output)\b)"
                      r"|" + _MY_HEAD.pattern, text, _I):
        return text
    out, last = [], 0
    for q in list(QUOTE_RE.finditer(text)) + [None]:  # never inside a quotation: '"My answer is yes."' is data
        part = text[last:q.start() if q else len(text)]
        part = re.sub(r"\bof\s+my\s+words\b", "of the words in the response", part, flags=_I)
        out.append(_MY.sub("the ", part) + (q.group(0) if q else ""))
        last = q.end() if q else last
    return cap("".join(out))


# a markdown checklist's box before the item: '- [ ] Zero commas anywhere', '[x] Title present'
_CHECKBOX = re.compile(r"^\s*(?:[-*+]\s+)?\[[ xX\u2713]?\]\s+(?=\S)")


# the evaluating team's voice: 'We're looking for X', 'We want to see X' -> 'We want X' (what the user-voice readers
# read); 'We want a reply that uses ...' -> 'The reply uses ...'; the team's 'here' ('600 words or more here') dropped
_TEAM = re.compile(r"^\s*we(?:'re|\s+are|\s+will\s+be)\s+(?:looking\s+for|hoping\s+for|hoping\s+to\s+see|expecting\s+to\s+see|expecting)\s+(?=\S)"
                   r"|^\s*we(?:\s+want|\s+need|\s+expect|'d\s+like|\s+would\s+like)\s+to\s+see\s+(?=\S)", _I)
_TEAM_REPLY = re.compile(rf"^We want (?:an?|the) (?P<d>{_DOC}) (?:that|which) (?=[a-z])")


def team(text: str) -> str:
    """The evaluating team's wish said as the user-voice readers read it; else the text as it is."""
    m = _TEAM.match(text)
    said = "We want " + text[m.end():] if m else text
    if not said.startswith("We want "):
        return text
    said = _TEAM_REPLY.sub(lambda r: f"The {r.group('d')} ", said, count=1)
    if said.startswith("We want "):
        said = _want(said[len("We want "):]) or said  # 'We want the whole reply to be valid JSON' -> 'The whole reply is valid JSON'
    spans = quote_spans(said)
    here = re.search(r"\s+here(?=\s*[;,.:]|\s*$)", said)
    return said[:here.start()] + said[here.end():] if here and not in_quotes(spans, here.start()) else said


def respoken(text: str) -> str:
    """The criterion as the readers below see it: out of its checkbox, a self-check and a wish said of the response, a
    review comment's request (:func:`rubricc.compiler.lower_review.review`)."""
    return _outer(text)[0]


def _outer(text: str) -> Tuple[str, Asides]:
    text = team(_CHECKBOX.sub("", text))
    said, asides = review(text)
    more: Asides = []
    if not asides and said == text:
        said, more = respeak(self_check(said))
    return said, asides + more


def read_voice(text: str, examples: bool = True, summary: bool = False) -> Tuple[str, Asides]:
    """:func:`rubricc.compiler.lower_voices8.read_voice` on the requirement a user's wish states, with the wish as an aside,
    and an example given last read off as an aside (:mod:`rubricc.compiler.lower_example`) unless ``examples`` is False;
    with ``summary``, a label and its summary before the statement read off too (:mod:`rubricc.compiler.lower_summary`:
    tried only when nothing is read with them in, as the summary may be the requirement and the statement a note)."""
    text = unaddressed(hearsay(text))  # who reports the statement and whom it is said to ('Sources say ...', 'Okay guys, ...')
    text = itemised(text) or text  # a list said as items on a sheet ('Required items ("a"): all included in the reply')
    text = attended(text) or text  # the reader sent to a unit, then its count ('Count the sentences of the reply ... There are at least 50 of them.')
    text, entry_of = dictionary_entry(text)  # a dictionary entry ('tactful, adj. (of a reply) Never using ... The reply is tactful in this sense.')
    text, placed = sectioned(text)  # a numbered document's place after its label ('Format (section 9): ...')
    text, lead_it = named_it(text)  # a lead naming what the statement's 'it' is ('Economical with the character "i": it appears ...')
    text, walk = walked(text)  # the reader sent along the whole reply first ('Start at the reply's first character and follow it to the last.')
    text, answered = riddle(text)  # a riddle answered by the reply ('What never stops short of 50 sentences? A reply containing ...')
    text, lost = lost_property(text)  # a lost-property notice ('LOST: a reply of at least 600 words. Any reply shorter ... is not the one ...')
    text, order = ticket(text)  # a diner ticket ('Reply, 86 "bark" and "run". No "bark" or "run" in it as a word, any case.')
    text, pupil = school_report(text)  # a school report's line ('Vocabulary: the reply has used "cat" in its work; I found each one.')
    text, interview = interviewed(text)  # an interview with the reply ('Do you keep it short? — Fewer than 10 sentences, all told.')
    text, command = transcript(text)  # a text adventure's command and answer ('> SEARCH REPLY. You find each of the words ...')
    text, form = worksheet(text)  # a tax form's worksheet line ('Line 6. Enter the number of ... If line 6 is 12 or more, answer Yes.')
    text, titled = title_page(text)  # a book's title page ('A SPARING REPLY, Wherein the Word "x" occurreth fewer than two Times')
    text, life = obituary(text)  # an obituary of the reply ('Generous to the end, the reply left at least 3 blanks ...')
    text, vouch = vouched(text)  # a referee's letter ('I can confirm that the reply ...', 'You may rest assured that ...')
    text, witness = testimony(text)  # an examiner's report in the past tense ('I counted the words in the reply. The total was below 300.')
    text, toast = toasted(text)  # a toast to the reply ('I promised to keep this short, and so did the reply: it contains ...')
    text, birth = announced(text)  # a birth announcement ('We are delighted to announce a reply born in at least 3 sections, ...')
    text, listed_words = roster(text)  # a list given in a lead, then said of ('Active ingredients: "a", "b". Every listed ingredient appears ...')
    text, report = reported(text)  # a telegram, a checklist line, a ruling, a wall label, a bulletin, a tasting note
    text, finding = found(text)  # a notebook, a code citation, a catalogue note, a doneness cue, a scope rule, a result claim
    text, log = logged(text)  # a chess annotation, a log entry, a declaration, a proof mark, a fitting note, a judge's credit
    text, listing = listed(text)  # a radiology report, a tour guide, a listing, a breed standard, a play-by-play call, a pattern row
    text, direction = directed(text)  # a jury direction
    text, notice = noticed(text)  # a railway announcement, a stage direction, marketplace feedback, a deed, an honours citation
    text, market = wagered(text)  # a bookmaker's settlement rule ('Under 701 words: pays out if the reply contains fewer than 701 words.')
    text, label = labelled(text)  # a food label, a lonely-hearts ad, a person specification, release notes, a go/no-go poll, a prayer-book rubric
    text, saying = motto(text)  # a horoscope's sign and advice: the statement after it
    text, card = carded(text)  # a workout card's line ('Minimum reps: "x" x3. ...; 3 or more.')
    text, entry = lot(text)  # an auction catalogue's lot entry ('Lot 12. A reply rich in the letter "z": ...')
    text, heading = headed(text)  # a numbered heading or a billed title ('Class 16. ', 'Effect: the Vanishing Comma. ')
    text, summed = summarised(text) if summary else (text, [])  # a label and its summary before the statement ('Dose: under 701 words. The reply ...')
    text, conditions = lettered(text)  # 'Both hold: (a) X; (b) Y': one statement, the conditions no check reads as asides
    text, defined = glossary(text)  # 'By "T", this item means D; the response ...': one statement
    text, named_badge = badge(text)  # "The 'Brevity' badge is earned by ...": the name a label, never data
    text, attest = attested(text)  # 'This is to certify that X', 'Task: T. Standard: X', 'Field marks: X', 'A response comprising X'
    text, picked = preferred(text)  # 'Choose the response that X': X said of the response ('Reject the response ...': a veto)
    text, skill = competency(text)  # 'Can X: this response Y': Y, the descriptor X a lead
    if other_text(QUOTE_RE.sub(" ", text)):  # 'The user's message has at most 4 sentences': nothing said of the response
        skill = skill + [("veto", "said of another party's text")]
    text, notes = cut_notes(text)  # a mark scheme's notes to the marker ('Ignore ...', 'Allow no ...')
    text = register(uncleft(text))  # an it-cleft and a corpus linguist's words, said as the rules read them
    text, named = dashed(text)  # 'The response — X — meets the Y instruction': X said of the response, Y its name
    text, restated = asked(text)  # 'Paragraphs? Exactly 4.': the statement the answer makes true
    notes = named + restated + notes + entry_of + placed + lead_it + walk + heading + answered + lost + order + pupil + command + form + witness + toast + birth + listed_words + report + finding + log + listing + direction + notice + interview + titled + life + vouch + market + label + saying + card + entry + summed + conditions + defined + named_badge + attest + picked + skill
    text, example = cut_example(text) if examples else (text, [])
    said, asides = _outer(text)
    if said == text and not asides:
        core, more = _read_voice8(text)
        return core, more + example + notes
    core, more = _read_voice8(said)
    return core, more + asides + example + notes
