"""Rule-based lowering of a natural-language criterion to a deterministic program check.

``lower_criterion(text)`` returns a validated :class:`rubricc.formats.ProgramCheck` when the criterion
states, unambiguously, a surface property the check library can decide (length, counts, keywords given
in quotes, case, punctuation, format markers, language, ...), and ``None`` otherwise: the criterion then
stays ``neural``. Precision comes before recall: each rule needs an explicit cue (a number with a unit
and a relation word, a quoted keyword next to "word"/"phrase", a named format marker), and long or
multi-part criteria are never lowered.

This module is the driver: which criteria may be lowered at all, the first rule that fires
(:mod:`rubricc.compiler.lower_rules`), and the guards: a compound criterion (another rule fires on the
text with its quotations blanked) stays neural; a check whose arguments are not quoted data must also fire
with the quotations blanked (the words inside a quotation are data, not requirements); a keyword check
needs the whole criterion to be a keyword frame (:mod:`rubricc.compiler.lower_kwframes`); a request to
repeat verbatim is read first and cut out (:mod:`rubricc.compiler.lower_repeat`). The text reading shared
by the rules lives in :mod:`rubricc.compiler.lower_parse`. Before the rules read it, the criterion's voice
is made canonical (:mod:`rubricc.compiler.lower_canon`: second person, questions, 'the output', 'time(s)') and
its decorations are read off (:mod:`rubricc.compiler.lower_decor`: reasons, scope broadeners, restated
exactness, labels; a reason that asks for another check or is about content keeps it neural); an outcome frame
('reward 1 iff X; 0 otherwise', 'Mark No if X; otherwise mark Yes') is read off first (:mod:`rubricc.compiler.lower_voices4`),
a negative one lowered to the exact complement of X's check or not at all;
a criterion stated as a failure ('Fails to ...', 'ignores the instruction to ...') is never lowered, and a
length count that is negated or about a part of the response ('The title is under 8 words') neither
(:mod:`rubricc.compiler.lower_counted`). What the rules leave neural goes to the nearest-phrasing stage
(:mod:`rubricc.compiler.lower_nearest`; on by default, off with ``lower_nearest.ENABLED = False`` or
``rubricc compile --no-nearest``).
"""
from __future__ import annotations

import re
from typing import Any, Dict, Optional, Tuple

from rubricc.compiler import lower_nearest
from rubricc.compiler.checks import validate_check
from rubricc.compiler.lower_borderline import counted_alike, further_data
from rubricc.compiler.lower_canon import canonical
from rubricc.compiler.lower_fragments import describes_more, figure_adds, lower_fragments
from rubricc.compiler.lower_gloss import glossed, renamed
from rubricc.compiler.lower_clauses import blank_data as _blank_data, blank_outer_quotes as _blank_outer_quotes, \
    clause_check as _clause_check, clauses as _clauses, first_rule as _first_rule, meaning as _meaning
from rubricc.compiler.lower_counted import count_misread
from rubricc.compiler.lower_decor import undecorate
from rubricc.compiler.lower_grader import lower_graded, restates
from rubricc.compiler.lower_penalty import lower_negated, lower_penalty, penalised
from rubricc.compiler.lower_places import places_read_past
from rubricc.compiler.lower_parse import CASE_INCLUDED, CONDITION_PHRASES, DENIED, DOUBLE_NEGATION, QUOTE_RE, LANGUAGES, CriterionText, languages_named, unquoted_end_phrase
from rubricc.compiler.lower_keywords import keywords_strict, present_once
from rubricc.compiler.lower_label import billed, label_limits
from rubricc.compiler.lower_lexicon import asks_more, data_words, normal, unknown_words
from rubricc.compiler.lower_repeat import r_repeat_prompt, read_repeat, unread_request
from rubricc.compiler.lower_respell import cap, respell, respelled_throughout
from rubricc.compiler.lower_rules import RULES
from rubricc.compiler.lower_voices4 import polarity
from rubricc.compiler.lower_voices7 import note_agrees, with_notes
from rubricc.compiler.lower_review import name_agrees
from rubricc.compiler.lower_relative import manner_only
from rubricc.compiler.lower_example import example_agrees
from rubricc.compiler.lower_failing import Readers, borderline_agrees, fail_branch_agrees
from rubricc.compiler.lower_markscheme import MARKER_KINDS, marker_agrees
from rubricc.compiler.lower_lettered import condition_agrees
from rubricc.compiler.lower_glossary import term_agrees
from rubricc.compiler.lower_referee import finding_agrees
from rubricc.compiler.lower_restated import lower_restated
from rubricc.compiler.lower_envelope import enveloped
from rubricc.compiler.lower_target import class_agrees
from rubricc.compiler.lower_topic import topic_agrees
from rubricc.compiler.lower_wish import read_voice, respoken
from rubricc.compiler.lower_wordlist import word_list
from rubricc.compiler.lower_summary import summarised
from rubricc.formats import ProgramCheck

MAX_CRITERION_CHARS = 400

# a slot in a phrase, to be filled in by the writer: '[Name]', '{name}', '<your name>' (not '<<title>>')
_SLOT = re.compile(r"\[[^\[\]]+\]|\{[^{}]+\}|(?<!<)<[^<>]+>(?!>)")

# criteria about content, reasoning or quality are never lowered even if a rule's cue words appear
_SEMANTIC = re.compile(
    r"\b(explain|explains|describ|discuss|justif|accurate|accurately|correct(ly)?|appropriate|recommend|advis|"
    r"suggest|clarif|acknowledg|identif|empath|tone|factual|relevant|helpful|safe|harm|risk|diagnos|"
    # what the reply does to someone or for a view ('praises the king in at least 3 sentences': the praise, not the count)
    r"prais|criticis|criticiz|apologi[sz]|compliment|congratulat|insult|flatter|argues|argued|arguing|"
    r"symptom|treatment|medication|dose|patient|doctor|clinic|why|because|reason|incorrect|grammar|spelling|typo|error|"
    r"whether|how well|how effectively|evaluat|assess|quality|depth|coheren|natural|flow|clarity|concise|"
    r"creative|engaging|comprehensive|forced|forceful|emphatic|decisive|convincing|compelling|polite|friendly|humorous|witty|"
    r"careful|neat|economical|compact|loud|quiet|sound\b|interesting|sweet|sharp|lovely|happy|concision|calm|talkative|great\b|honest|thoughtful|"
    r"elegant|confident|effective|insight|persuasive|persuade|approximately|roughly|followed by|satisfactor|"
    r"successfully|properly|adequate|sufficient|meaningful|clear|clearly|logical|style|instead|rather than|while|"
    r"even though|although|unless|(?<!as )if|when|" + CONDITION_PHRASES + r"|summar|but not|except|about\s+(?!\d)|"
    r"regarding|concerning)",
    re.IGNORECASE,
)

# a criterion stated as a failure or a violation ('Fails to stay under 100 words', 'ignores the instruction
# to ...', 'violates the requirement of ...', '... but missed the key point'): its check would be inverted
_FAILURE = re.compile(
    r"\b(?:fail(?:s|ed|ing)?|neglect(?:s|ed|ing)?|ignor(?:e|es|ed|ing)|violat(?:e|es|ed|ing)|miss(?:es|ed)?|missing(?!\s+from\b)(?=\s+\w)|"
    r"(?:breaks?|breaking) (?:the|a|an|any|its|this|that)(?!\s+(?:[\w-]+\s+){0,2}(?:into|up)\b)|broke|disregard(?:s|ed|ing)?|overlook(?:s|ed|ing)?|forg(?:et|ets|ot|etting)|contradict(?:s|ed|ing)?|"
    r"(?:does|do|did)(?: not|n't) (?:manage|follow|adhere|comply|respect|meet|satisfy|obey|honou?r|stick))\b", re.IGNORECASE)

# first-person notes, per-item criteria ("Each slogan ..."): not a single check on the response
_NOT_A_RUBRIC_ITEM = re.compile(r"^(?:i|we|you)\b|^(?:each|every)\b(?! (?:single )?(?:word|letter|character) (?:of|in) the (?:response|answer|reply|output|text)\b| of the (?:key ?words|words|terms|phrases)\b| (?:(?:listed|given|required|specified) )?(?:key ?word|word|term|phrase) \(?[\"\u201c]| (?:key ?word|word|term|phrase)s? (?:in|from|of|on) (?:(?:the list )?[\"\u201c']|(?:the|this|that|the following|the given) list\b))",
                                re.IGNORECASE)

# why a length is asked for: not a requirement of its own ('so that the topic is covered in enough depth')
_LENGTHS = {"word_count", "sentence_count", "paragraph_count", "word_count_range"}
_LENGTH_REASONS = re.compile(r"\b(?:depth|concise(?:ly|ness)?|comprehensive(?:ly)?|clarity|clear(?:ly)?|quality)\b", re.IGNORECASE)

# checks that a criterion for the first may also trigger without being a second requirement
_COMPATIBLE = {
    "all_lowercase": ("response_language",),
    "all_uppercase": ("response_language", "capital_word_frequency"),
    "capital_word_frequency": ("all_uppercase", "word_count"),
    "paragraph_first_word": ("paragraph_count", "keywords_present", "starts_with"),
    "keyword_frequency": ("keywords_present", "letter_frequency"),
    "letter_frequency": ("keyword_frequency", "keywords_present", "no_commas"),
    "section_count": ("paragraph_count",),
    "postscript": ("ends_with", "starts_with"),
    "any_phrase_present": ("keywords_present",),
    "two_responses": ("paragraph_count",),
    "keyword_in_sentence": ("keywords_present", "keyword_frequency"),
}


# checks whose arguments may be read from quoted material (or whose cue may be quoted: '"double quotes"')
_ARGS_FROM_QUOTES = {
    "repeats_prompt", "ends_with", "starts_with", "keywords_present", "keywords_absent", "keyword_frequency",
    "any_phrase_present", "letter_frequency", "paragraph_first_word", "section_count", "wrapped_in_quotes",
    "postscript", "keyword_in_sentence", "two_responses",
}


# checks another 'and' clause may ask for beside the first without being a second requirement
# ('is in English and uses only lowercase letters')
_CLAUSE_COMPATIBLE = {
    "all_lowercase": ("response_language",),
    "all_uppercase": ("response_language",),
    "response_language": ("all_lowercase", "all_uppercase"),
    "paragraph_first_word": ("paragraph_count",),
    "section_count": ("paragraph_count",),
}
# checks of a property of the whole response, never a detail of another check; a list item that is a phrase about another
_WHOLE_CHECKS = {"all_lowercase", "all_uppercase", "no_commas", "word_count", "sentence_count", "is_json", "response_language"}
_DEPENDENT = re.compile(r"\s*(?:with|each|every|where|which|that|in|as|for|including|so|the|its|and|or|but|then)\b", re.IGNORECASE)
# checks a criterion may state twice in other words ('is entirely lowercase and uses no capital letters')
_RESTATABLE = {"all_lowercase", "all_uppercase", "response_language", "no_commas", "wrapped_in_quotes", "is_json", "has_title",
               "two_responses"}


_last_repeat: Optional[Tuple[str, Any]] = None  # (criterion, read_repeat of it) of the last lower_rules_only call


def lower_criterion(text: str) -> Optional[ProgramCheck]:
    """A validated program check for an unambiguous surface criterion, else None (stays neural): the rules
    first, then (when :data:`rubricc.compiler.lower_nearest.ENABLED`) the nearest-phrasing stage for what
    they leave neural, unless the criterion is stated as a failure, is not a rubric item, or asks for a
    verbatim repeat the rules vetoed."""
    text = places_read_past(text) if text else text
    done, got = enveloped(text, lower_criterion, _aside_agrees)
    if done:
        return got
    got = lower_rules_only(text)
    if got is not None or not lower_nearest.ENABLED or not text or not text.strip():
        return got
    stripped = text.strip()
    graded = lower_graded(stripped, lower_criterion)  # an instruction to a grader: its decision, read as a frame
    if graded is not None:
        return graded
    if penalised(stripped) is not None:
        return lower_penalty(stripped, lower_criterion)  # met on the mistake it names: read as the rules read it
    negated = lower_negated(stripped, lower_criterion)  # a requirement stated negated: its exact complement
    if negated is not None:
        return negated
    core, asides = read_voice(stripped)
    if _voice_vetoed(stripped) or any(k in ("veto", "invert", "negate") for k, _ in asides):
        return None  # the rules lowered the criterion inside its voice, and the voice asks for something else
    last = _last_repeat  # what lower_rules_only read of this text: read_repeat runs once per criterion
    repeat = last[1] if last is not None and last[0] == stripped else read_repeat(stripped)
    if repeat is not None:
        # a repeat-the-request criterion: read again without its label ('Prompt Repetition: Evaluates whether ...')
        bare = lower_nearest.unlabel(stripped)
        again = read_repeat(bare) if bare != stripped else None
        return _lower_repeat(bare, again) if isinstance(again, dict) and not _FAILURE.search(_meaning(bare)) else None
    # a pass/fail spec's failure branch is read off and checked as an aside: the failure test is on the rest
    said = core if any(k == "fail_branch" for k, _ in asides) else stripped
    if _FAILURE.search(_meaning(canonical(said))) or _NOT_A_RUBRIC_ITEM.search(respoken(stripped)) or \
            DOUBLE_NEGATION.search(QUOTE_RE.sub(" ", stripped)) or DENIED.match(stripped):
        return None
    got = _stage(stripped, core, asides) or _word_list(stripped)
    return None if got is not None and unread_request(stripped, got.name) else got


def _about_content(text: str) -> bool:
    """Whether a figure or fragment speaks of content (a semantic requirement, said in its own words)."""
    return bool(_SEMANTIC.search(_meaning(text)))


def _other_languages(text: str, args: Dict[str, Any]) -> set:
    """The languages ``text`` names other than the check's own ('Reason: it must read like French' beside no_commas)."""
    return {LANGUAGES[n] for n in languages_named(text.lower())} - {args.get("language")}


def _word_list(stripped: str) -> Optional[ProgramCheck]:
    """A quoted list of words said to be in the reply, or not, whatever its frame (:mod:`rubricc.compiler.lower_wordlist`)."""
    found = word_list(stripped, lambda s, plain: figure_adds(s, plain, _about_content))
    if found is None or _asks_more(stripped, *found):
        return None
    return validate_check(*found)


def _stage(stripped: str, core: str, asides) -> Optional[ProgramCheck]:
    """The nearest-phrasing stage on the criterion inside its voice (``core``, ``asides``: what :func:`read_voice`
    read of ``stripped``; 'Points awarded if X' -> X), every aside of the voice agreeing with the check; on the
    whole criterion when the voice has none or the stage reads nothing inside it."""
    if core.strip() and core.strip() != stripped:
        got = lower_nearest.lower_nearest(core.strip())
        if got is not None:
            agrees = all(_aside_agrees(got, kind, aside) for kind, aside in asides)
            return got if agrees and not _asks_more(core, got.name, got.args) else None
    got = lower_nearest.lower_nearest(stripped)
    return None if got is not None and _asks_more(stripped, got.name, got.args) else got


def _asks_more(text: str, name: str, args: Dict[str, Any]) -> bool:
    """True when the criterion asks for more than the ``name`` check (:func:`rubricc.compiler.lower_lexicon.asks_more`:
    a further predicate on the response no rule reads, said in other words than surface requirements are; a language
    beside a check not about language), read on its own words (decorations and data removed)."""
    if name == "repeats_prompt":
        return False
    if describes_more(text, lambda s: _first_rule(CriterionText(canonical(s))) is not None):
        return True  # 'A gloomy reply. No commas.': a sentence describing the reply in words no rule reads
    plain, _ = undecorate(canonical(text))
    meaning = _meaning(canonical(plain if plain is not None else text))
    if name in ("all_lowercase", "all_uppercase"):  # 'sentence starts and names included': what the case rule covers too
        meaning = CASE_INCLUDED.sub(" ", meaning)
    return asks_more(meaning, name, args,
                     lambda part: _first_rule(CriterionText(part)) is not None)


def lower_rules_only(text: str) -> Optional[ProgramCheck]:
    """The rules alone: a validated program check for an unambiguous surface criterion, else None."""
    if not text or not text.strip():
        return None
    text = places_read_past(text)  # 'no comma: not in lists, not in numbers' (places a comma-free reply has none in either)
    got = _rules(text)
    bill = billed(text)
    if got is None and bill is not None:  # a billed title read off left nothing: read with the title as a figure, which must agree
        title, with_title = bill
        got = _rules(with_title)
        got = None if got is None or label_limits(title, got.name, got.args) or not _label_agrees(got, title) else got
    return None if got is not None and unread_request(text.strip(), got.name) else got


def _rules(text: str) -> Optional[ProgramCheck]:
    global _last_repeat, _last_voice
    done, got = enveloped(text, lower_rules_only, _aside_agrees)
    if done:
        return got
    stripped = text.strip()
    if DENIED.match(stripped):
        return None
    # a voice's parts that are no requirement (a user story's role and benefit, a complaint, a test name, a
    # checklist label, a restated failure branch) are read off first, and must agree with what is lowered
    got, vetoed, repeat, asides, voiced = _voice_read(stripped)
    _last_repeat = (stripped, repeat)  # one tuple, replaced whole: lower_criterion reuses it (thread-safe by the key)
    if got is None and any(kind == "example" for kind, _ in asides):  # nothing read without the example: read it whole
        got, vetoed, repeat, asides, voiced = _voice_read(stripped, examples=False)
        _last_repeat = (stripped, repeat)
    if got is None and not vetoed and summarised(stripped)[0] != stripped:  # nothing read: the statement after a label's summary
        s_got, s_vetoed, _, _, _ = _voice_read(stripped, summary=True)
        if s_got is not None and not s_vetoed:
            got = s_got  # read only when every aside agrees: else the criterion is as the rules read it without the summary
    _last_voice = (stripped, vetoed)  # as _last_repeat: lower_criterion reuses it
    core, raw = voiced
    if got is None and not vetoed and not any(kind == "veto" for kind, _ in raw):
        # the voice's statement read again as a criterion of its own: with the reply's other names said plainly ('on the
        # sheet': 'in the reply'; short sentences, each the same requirement again: 'LOST: a reply wrapped in double
        # quotation marks; its very first and very last characters are both "'), or a figure's plain gloss ('The
        # sheet runs to at least 50 sentences; the reply has 50 or more ...'), every aside agreeing
        plain, gloss = glossed(core.strip())
        for said_plainly, more in [(renamed(core.strip()), [])] + ([(plain, gloss)] if gloss else []):
            said = lower_rules_only(said_plainly) if said_plainly != stripped else None
            said, rest = polarity(with_notes(said, raw), raw) if said is not None else (None, raw)  # as _voice_read's
            if said is not None and all(_aside_agrees(said, kind, aside) for kind, aside in rest + more):
                return said
    if got is None or vetoed:  # short sentences, each the same requirement again (each read, and vetoed, on its own)
        again = lower_restated(stripped, lower_rules_only, _sentence_check)
        if again is None and not vetoed and not any(kind == "veto" for kind, _ in raw):  # fragments among figures ('One reply. All in lowercase.')
            again = lower_fragments(stripped, lower_rules_only, _sentence_check, _about_content)
            again = None if again is not None and _asks_more(stripped, again.name, again.args) else again
        return again
    return None if vetoed else got


_last_voice: Optional[Tuple[str, bool]] = None  # (criterion, whether its voice vetoed the check the rules lowered)


def _voice_read(stripped: str, **voice):
    """(the check the rules read inside the criterion's voice, whether an aside of the voice vetoes it, the repeat
    reading of the core, the asides, (the core, its asides before a negative frame is read off)): :func:`read_voice`
    with ``voice``'s options, then the core lowered; a negative outcome frame gives the exact complement (of the check
    as its matching notes ask: 'as a whole word')."""
    core, asides = read_voice(stripped, **voice)
    repeat = read_repeat(core)
    raw = asides
    got, asides = polarity(with_notes(_lower_core(core, repeat), raw), raw)
    vetoed = got is not None and not all(_aside_agrees(got, kind, aside) for kind, aside in asides)
    return got, vetoed, repeat, asides, (core, raw)


def _voice_vetoed(stripped: str) -> bool:
    """True when the rules lowered the criterion inside its voice and an aside of the voice asks for something
    else (or the voice is a penalty): no later stage may lower it either."""
    last = _last_voice
    if last is not None and last[0] == stripped:
        return last[1]
    core, asides = read_voice(stripped)
    if any(kind == "veto" for kind, _ in asides):
        return True
    got, asides = polarity(with_notes(_lower_core(core, read_repeat(core)), asides) if asides else None, asides)
    return got is not None and not all(_aside_agrees(got, kind, aside) for kind, aside in asides)


# a complaint's connectives are no content ('why is every answer an essay??', 'even when I ask')
_LEAD_WORDS = re.compile(r"\b(?:why|when|because|if|while|even though|although)\b", re.IGNORECASE)


def _aside_agrees(got: ProgramCheck, kind: str, aside: str) -> bool:
    """True when an aside of the criterion's voice asks for nothing else: it reads as no check, as the same
    one (or one the check may also trigger), or, for a ``complement``, as the exact complement of the check."""
    if kind == "veto" or kind == "lead" and _SEMANTIC.search(_LEAD_WORDS.sub(" ", _meaning(aside))):
        return False  # a penalty, a label naming another unit, a complaint about content ('asked for a real explanation')
    if kind in ("skill", "label", "topic", "market", "title", "story") and _other_languages(aside, got.args):
        return False  # a lead naming a language the check does not ask for ('Recognised by its all-lowercase English: ...')
    if kind == "riddle":  # a riddle's question (lower_riddle: its numbers, quotations, units and sides checked there): no content
        return not _SEMANTIC.search(_LEAD_WORDS.sub(" ", _meaning(aside)))
    if kind == "name":  # a review comment's name for the check ('Caps check'): about what the check is about
        return name_agrees(got.name, aside)
    if kind == "topic":  # a topic said first ('As for bullets, ...'): what the check is about, or the data it reads
        return topic_agrees(got.name, got.args, aside)
    if kind == "class":  # a classification ('counts as keyword-complete: ...'): it names what the check is about
        return class_agrees(got.name, got.args, aside)
    if kind == "finding":  # a referee's finding after the statement (:mod:`rubricc.compiler.lower_referee`): the check bears it out
        return finding_agrees(got.name, got.args, aside)
    if kind == "procedure":  # how a grader is told to look (:mod:`rubricc.compiler.lower_grader`): only at what the check reads
        return restates(got.name, got.args, aside)
    if kind == "match":  # a matching note: it must say what the check does already ('as whole words', 'case-insensitively')
        return note_agrees(got, aside)
    if kind in ("fails", "passes"):  # a condition to fail (to pass only) restated: the same check as a disqualifying rule
        return _same_when(got, kind, aside)
    if kind == "borderline":  # a near-miss said to fail (:mod:`rubricc.compiler.lower_borderline`)
        return borderline_agrees(got, aside, _READERS)
    if kind == "counted":  # what is counted anyway ('capitalizing it still counts as using it'): counted by the check
        return counted_alike(got.name, got.args, aside) and not further_data(got.name, aside, data_words(got.args)) and _surface(got, aside)
    if kind == "fail_branch":  # 'Pass if X; fail if Y' (:mod:`rubricc.compiler.lower_voices4`): Y one way to fail it
        return fail_branch_agrees(got, aside, _READERS)
    if kind == "rather":  # the alternative a contrast rules out ('Rather than wrapping up early'): no other check, no content
        unknown = [w for w in unknown_words(aside) if normal(w) not in data_words(got.args)]
        return _no_other_check(got, aside) and name_agrees(got.name, aside) and not _SEMANTIC.search(_meaning(aside)) \
            and manner_only(aside, unknown)
    if kind == "example":  # an example of what the criterion means (:mod:`rubricc.compiler.lower_example`)
        return example_agrees(got, aside, _surface, lambda part: (_clause_check(part) or (None,))[0])
    if kind in MARKER_KINDS:  # a mark scheme's note to the marker (:mod:`rubricc.compiler.lower_markscheme`)
        return marker_agrees(got, kind, aside, note_agrees)
    if kind in ("skill", "market", "title"):  # a competency descriptor (lower_competency), a market's name (lower_wager), a title page's title (lower_titlepage): no content, no other check
        return not _SEMANTIC.search(_LEAD_WORDS.sub(" ", _meaning(aside))) and _label_agrees(got, aside)
    if kind == "term":  # a defined term, no data (:mod:`rubricc.compiler.lower_glossary`)
        return term_agrees(got.args, aside)
    if kind in ("condition", "restated", "definition"):  # a lettered condition, a term's definition (lower_lettered, lower_glossary)
        return (kind != "definition" or name_agrees(got.name, aside)) and \
            condition_agrees(got, "restated" if kind == "definition" and _clause_check(aside) else kind, aside,
                             _no_other_check, _surface, note_agrees)
    if kind == "means":  # how the preferred response met it ('by using periods instead'): no other check, surface words
        return _no_other_check(got, aside) and _surface(got, aside)
    found = [f for f in (_first_rule(CriterionText(aside)), _first_rule(CriterionText(canonical(aside)))) if f is not None]
    if kind == "complement":
        return bool(found) and all(f[0] == got.name and _complement(got.args, f[1]) for f in found)
    if kind == "restate":  # must say the same again ('any capital letter Fails' beside 'all lowercase')
        return bool(found) and all(f[0] == got.name and f[1].items() <= got.args.items() or f[0] in _COMPATIBLE.get(got.name, ()) for f in found)
    if got.name == "paragraph_first_word" and any(f[0] == "paragraph_count" and f[1].get("n") != got.args.get("num_paragraphs") for f in found):
        return False  # an aside counting the paragraphs the check does not count ('I counted 3 paragraphs ...'): never dropped
    if kind == "label":  # a name or a topic: the same check, whatever its arguments ('Postscript', 'test letter cap'), and no limit
        return not label_limits(aside, got.name, got.args) and _label_agrees(got, aside)
    # the same check, as given or less specific ('an all-lowercase brand voice' beside 'in English, all lowercase')
    return all(f[0] == got.name and f[1].items() <= got.args.items() or f[0] in _COMPATIBLE.get(got.name, ()) for f in found)


def _label_agrees(got: ProgramCheck, aside: str) -> bool:
    """A label, a competency's descriptor, a market's or a title's name read as no check or as the same one."""
    found = [f for f in (_first_rule(CriterionText(aside)), _first_rule(CriterionText(canonical(aside)))) if f is not None]
    return all(f[0] == got.name or f[0] in _COMPATIBLE.get(got.name, ()) or f[0] == "neural" and got.name == "repeats_prompt" for f in found)


def _no_other_check(got: ProgramCheck, aside: str) -> bool:
    """True when the aside reads as no check, or as the same check as ``got``."""
    read = _clause_check(aside)
    return read is None or read[0] == got.name


def _surface(got: ProgramCheck, aside: str) -> bool:
    """True when an aside is not about content and is said in the words surface requirements are said in (the check's
    data aside: :mod:`rubricc.compiler.lower_lexicon`)."""
    return not _SEMANTIC.search(_meaning(aside)) and not set(map(normal, unknown_words(aside))) - data_words(got.args)


def _same_when(got: ProgramCheck, kind: str, aside: str) -> bool:
    """True when 'Entries are disqualified if <aside>' (``fails``: one way to fail, so the same check with no more
    arguments) or 'Award the point only if <aside>' (``passes``: the same check) lowers to ``got``'s check."""
    said = aside.strip().rstrip(".")
    other = lower_rules_only(f"Entries are disqualified if {said}." if kind == "fails" else f"Award the point only if {said}.")
    if other is None or other.name != got.name:
        return False
    said = {k: v for k, v in other.args.items() if v is not None}
    return said.items() <= got.args.items() if kind == "fails" else said == {k: v for k, v in got.args.items() if v is not None}


_FLIP = {"less than": "at least", "at least": "less than"}


def _complement(args: Dict[str, Any], other: Dict[str, Any]) -> bool:
    """True when ``other`` is ``args`` with its relation flipped ('less than' 80 words vs 'at least' 80)."""
    keys = [k for k in args if k.endswith("relation")]
    if len(keys) != 1 or set(args) != set(other) or _FLIP.get(args[keys[0]]) != other[keys[0]]:
        return False
    return all(args[k] == other[k] for k in args if k != keys[0])


# the readers the near-miss and fail-branch tests use (:mod:`rubricc.compiler.lower_failing`)
_READERS = Readers(same_when=_same_when, clause_check=_clause_check, surface=_surface,
                   failure=lambda text: bool(_FAILURE.search(_meaning(text))))


def _lower_core(stripped: str, repeat: Any) -> Optional[ProgramCheck]:
    """The rules on the criterion inside its voice (``repeat``: what :func:`read_repeat` read of it)."""
    if repeat == "veto":
        return None
    if repeat is not None:
        return _lower_repeat(stripped, repeat)
    stripped, reasons = undecorate(canonical(stripped))
    if stripped is None:
        return None  # a decoration contradicts the requirement ('Russian (ISO code de)')
    stripped = canonical(stripped)
    if len(_blank_outer_quotes(stripped)) > MAX_CRITERION_CHARS:
        return None
    # a single requirement: no more than two sentences, no enumerations
    # an example block after "such as:" illustrates the format, it is not a further requirement
    stripped = re.split(r"(?:such as|e\.g\.|for example|like this|i\.e\.)\s*:\s*\n", stripped, maxsplit=1)[0].strip()
    if stripped.count("\n") > 2:
        return None
    if _SEMANTIC.search(_meaning(stripped)) or _FAILURE.search(_meaning(stripped)) or _NOT_A_RUBRIC_ITEM.search(stripped) or \
            DOUBLE_NEGATION.search(QUOTE_RE.sub(" ", stripped)):
        return None
    found = _first_rule(CriterionText(stripped))
    if found is None:
        return None
    name, args = found
    # a reason cut off by undecorate is not a requirement: one that reads as another check's is one
    # nor one about content ('so that every symptom is covered'); a length may be justified by depth or brevity
    for reason in reasons:
        other = _first_rule(CriterionText(reason))
        if other is not None and other[0] != name:
            return None
        if _SEMANTIC.search(_LENGTH_REASONS.sub(" ", reason) if name in _LENGTHS else reason):
            return None
        if re.search(r"\b(?:also|too(?!\s+(?:many|few|much|long|short|little|often))|as\s+well|in\s+addition|additionally|besides)\b", reason, re.I) or \
                _other_languages(reason, args):
            return None  # a reason that asks for something more ('Reason: it must also be in French.')
    # a keyword check only for a criterion that is nothing else ('Includes "a" in the title' is scoped)
    if name in ("keywords_present", "keywords_absent") and keywords_strict(CriterionText(stripped)) != found:
        return None
    # a check whose arguments are not quoted data must be asked for by the criterion's own words: the
    # same check fires with the quotations blanked ('The prompt "... do not use any commas." is copied')
    if name == "neural":
        return None
    if count_misread(name, QUOTE_RE.sub('"x"', stripped), args) and not present_once(stripped, name, args):
        return None  # a negated or scoped length count ('The title is under 8 words')
    if name in ("ends_with", "starts_with") and _SLOT.search(args["phrase"]):
        return None  # 'Ends with "Sincerely, [Name]"': a template slot to fill, not the exact words
    if name not in _ARGS_FROM_QUOTES:
        same = _first_rule(CriterionText(_blank_data(stripped)))
        if same is None or same[0] != name:
            return None
    # two requirements joined by 'and' ('starts with "X" and has exactly 3 paragraphs'): a clause that asks
    # for another, incompatible check leaves the criterion to the judge
    same = 0
    for clause in _clauses(stripped):
        other = _clause_check(clause)
        if other is not None and other[0] != name and other[0] not in _CLAUSE_COMPATIBLE.get(name, ()):
            return None
        same += other is not None and other[0] == name
    # shorthand's list of requirements ('All lowercase, at most 3 sentences.'): an item read as another check of the whole
    # response (not a phrase about the same thing: ', with the first starting with "x"')
    for item in re.split(r"\s*[,;]\s*", re.sub(r"\([^()]*\)", " ", QUOTE_RE.sub('"x"', stripped))) if re.search(r"[,;]", stripped) else ():
        other = None if _DEPENDENT.match(item) else _first_rule(CriterionText(canonical(respell(cap(item.strip().rstrip(".")) + "."))))
        if other is not None and other[0] in _WHOLE_CHECKS and other[0] != name and other[0] not in _CLAUSE_COMPATIBLE.get(name, ()):
            return None
    if same > 1 and name not in _RESTATABLE:
        return None  # 'uses "a" at least 3 times and mentions b at least 3 times': two requirements of one kind
    if _asks_more(stripped, name, args):
        return None  # 'fewer than 100 words and is polite', 'Responses written in French must have 3 paragraphs'
    # a compound criterion ("starts with "X" and includes the word "Y"): another rule fires on the text
    # with the quoted material blanked out and asks for a different check -> leave it to the judge
    blank_text = stripped
    end = unquoted_end_phrase(blank_text) if name == "ends_with" else None
    if end is not None:
        blank_text = blank_text[:end[0]] + 'ends with "x"'  # an unquoted end phrase is data too
    if name == "section_count":  # the quoted marker word is the splitter, not a keyword ('marked by the word "SECTION"')
        blank_text = re.sub(rf"\b((?:word|label|marker|heading|header|keyword)\s+)[\"'\u201c]{re.escape(args['splitter'])}[\"'\u201d]",
                            rf"\g<1>{args['splitter']}", blank_text)
    for said in {blank_text, respelled_throughout(blank_text)}:  # (respelled past a label's colon too: it can only veto)
        blank = CriterionText(QUOTE_RE.sub('"x"', said))
        for rule in RULES:
            other = rule(blank)
            if other is not None and other[0] != name and other[0] not in _COMPATIBLE.get(name, ()):
                return None
    try:
        return validate_check(name, args)
    except ValueError:
        return None


def _lower_repeat(text: str, args: Dict[str, Any]) -> Optional[ProgramCheck]:
    """``repeats_prompt`` for a criterion read by :func:`read_repeat`: the frame around the request (the
    criterion less the request) must be short, not semantic, and ask for nothing else."""
    prompt = args.get("prompt_to_repeat")
    frame = canonical(text.replace(prompt, " x ") if prompt else text)
    if len(frame) > MAX_CRITERION_CHARS or frame.count("\n") > 2 or _SEMANTIC.search(_meaning(frame)) or \
            _NOT_A_RUBRIC_ITEM.search(frame):
        return None
    blank = CriterionText(QUOTE_RE.sub('"x"', frame))
    for rule in RULES:
        if rule is r_repeat_prompt:
            continue  # the frame was read by read_repeat already; without its request it cannot delimit one
        other = rule(blank)
        if other is not None and other[0] not in ("repeats_prompt", "starts_with"):
            return None
    try:
        return validate_check("repeats_prompt", args)
    except ValueError:
        return None


def _sentence_check(sentence: str) -> Optional[Tuple[str, Dict[str, Any]]]:
    """(check name, args) one sentence of a criterion is lowered to, as a criterion of its own, or None."""
    got = lower_criterion(sentence)
    return (got.name, got.args) if got is not None else None
