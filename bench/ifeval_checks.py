"""IFEval as a measurement of compiled deterministic checks.

Every IFEval instruction (instruction id + kwargs) is rendered as the natural-language criterion a rubric
writer would write, worded after the official ``build_description`` templates of google-research
``instruction_following_eval`` in several phrasings per family (picked by a seeded RNG). The criteria
are compiled with :func:`rubricc.compiler.lower.lower_criterion` (from the text only, never the id),
the resulting program checks are run on the real GPT-4 responses, and the verdicts are compared with the
official strict ones.

    python bench/ifeval_checks.py [--data-dir ../shared/data] [--seed 0] [--dev]

Prints a per-family table and, as the last line, JSON {"coverage", "agreement", "n"}, plus the
``heldout_*`` figures of the held-out phrasing set.

The phrasings above were written together with the lowering rules, so their figures are optimistic. The
held-out row renders every instruction with every wording of the frozen held-out set
(``bench.phrasing_sets.HELDOUT``: ``bench/phrasings/ifeval_heldout55.json``), written blind (its writer read
neither the lowering rules nor the other sets) and frozen before the last lowering work (its sha256 is
checked here). The lowering was developed on this module's phrasings, on ``ifeval_dev.json``,
``ifeval_dev2.json`` and on the fifty-three earlier held-out sets once each had been measured (``--dev`` prints
their coverage and agreement too, as optimistic rows).
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.data import shared_data  # noqa: E402


def data_dir(explicit: Optional[str] = None) -> Path:
    return Path(explicit) if explicit else shared_data()


@dataclass
class IFEvalRecord:
    key: int
    prompt: str
    response: str
    instruction_ids: List[str]
    kwargs: List[Dict[str, Any]]
    strict: List[bool]
    loose: List[bool] = field(default_factory=list)


def load_ifeval(data_dir_: Optional[Path] = None) -> List[IFEvalRecord]:
    """IFEval prompts joined (on prompt text) with the GPT-4 responses and the official verdicts.

    Raises FileNotFoundError if the data folder is absent.
    """
    d = Path(data_dir_ or data_dir()) / "ifeval"
    inputs = {}
    with open(d / "input_data.jsonl", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                x = json.loads(line)
                inputs[x["prompt"]] = x
    responses: Dict[str, str] = {}
    for p in sorted(d.glob("input_response_data_gpt4_*.jsonl")):
        with open(p, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    x = json.loads(line)
                    responses[x["prompt"]] = x["response"]

    def verdicts(name: str) -> Dict[str, List[bool]]:
        out = {}
        path = d / name
        if not path.exists():
            return out
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    x = json.loads(line)
                    out[x["prompt"]] = list(x["follow_instruction_list"])
        return out

    strict, loose = verdicts("gpt4_eval_results_strict.jsonl"), verdicts("gpt4_eval_results_loose.jsonl")
    records = []
    for prompt, x in inputs.items():
        if prompt not in responses or prompt not in strict:
            continue
        kw = [{k: v for k, v in (a or {}).items() if v is not None} for a in x["kwargs"]]
        records.append(IFEvalRecord(
            key=x["key"], prompt=prompt, response=responses[prompt], instruction_ids=list(x["instruction_id_list"]),
            kwargs=kw, strict=strict[prompt], loose=loose.get(prompt, []),
        ))
    records.sort(key=lambda r: r.key)
    return records


# ----------------------------------------------------------------------------------------------
# Rendering: instruction id + kwargs -> the criterion a rubric writer would write
# ----------------------------------------------------------------------------------------------
_NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
_LANG_NAMES = {
    "en": "English", "es": "Spanish", "pt": "Portuguese", "ar": "Arabic", "hi": "Hindi", "fr": "French",
    "ru": "Russian", "de": "German", "ja": "Japanese", "it": "Italian", "bn": "Bengali", "uk": "Ukrainian",
    "th": "Thai", "ur": "Urdu", "ta": "Tamil", "te": "Telugu", "bg": "Bulgarian", "ko": "Korean", "pl": "Polish",
    "he": "Hebrew", "fa": "Persian", "vi": "Vietnamese", "ne": "Nepali", "sw": "Swahili", "kn": "Kannada",
    "mr": "Marathi", "gu": "Gujarati", "pa": "Punjabi", "ml": "Malayalam", "fi": "Finnish",
}
_ORD = ["zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
        "eleventh", "twelfth"]


def _num(n: int, rng: random.Random) -> str:
    if 0 <= n < len(_NUMBER_WORDS) and rng.random() < 0.4:
        return _NUMBER_WORDS[n]
    return str(n)


def _rel(relation: str, rng: random.Random) -> str:
    options = {
        "at least": ["at least", "no fewer than", "a minimum of"],
        "less than": ["less than", "fewer than"],
        "at most": ["at most", "no more than"],
    }.get(relation, [relation])
    return rng.choice(options)


def _quote_list(words: List[str], rng: random.Random) -> str:
    q = rng.choice(['"', "'"])
    items = [f"{q}{w}{q}" for w in words]
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " and " + items[-1]


def render_criterion(instruction_id: str, kwargs: Dict[str, Any], rng: random.Random) -> str:
    """The natural-language criterion for one IFEval instruction, in one of several phrasings."""
    k = {a: b for a, b in (kwargs or {}).items() if b is not None}
    fam = instruction_id.split(":", 1)[1]
    pick = rng.choice
    if fam == "number_words":
        n, r = k["num_words"], _rel(k["relation"], rng)
        return pick([
            f"The response is {r} {n} words long.",
            f"Answers with {r} {n} words.",
            f"The answer contains {r} {n} words.",
            f"The response has a length of {r} {n} words.",
        ])
    if fam == "number_sentences":
        n, r = _num(k["num_sentences"], rng), _rel(k["relation"], rng)
        return pick([
            f"The response contains {r} {n} sentences.",
            f"The response should contain {r} {n} sentences.",
            f"The answer is made of {r} {n} sentences.",
        ])
    if fam == "number_paragraphs":
        n = _num(k["num_paragraphs"], rng)
        return pick([
            f"There are {n} paragraphs, separated with the markdown divider ***.",
            f"The response has exactly {n} paragraphs, separated from each other by the markdown divider: ***",
            f"The response consists of {n} paragraphs, each separated by ***.",
        ])
    if fam == "nth_paragraph_first_word":
        n, nth, w = k["num_paragraphs"], k["nth_paragraph"], k["first_word"]
        return pick([
            f"There are {_num(n, rng)} paragraphs, separated by two new lines, and paragraph {nth} starts with the word \"{w}\".",
            f"The response has exactly {n} paragraphs separated by blank lines, and the {_ORD[nth] if nth < len(_ORD) else str(nth) + 'th'} paragraph begins with the word '{w}'.",
            f"Paragraphs are separated by two new lines; there are {n} paragraphs, and paragraph {nth} must start with word {w}.",
        ])
    if fam == "existence":
        kws = k["keywords"]
        return pick([
            f"Includes the keywords {_quote_list(kws, rng)}.",
            f"The response mentions the words {_quote_list(kws, rng)}.",
            f"Include keywords {kws} in the response.",
            f"The response uses the terms {_quote_list(kws, rng)}.",
        ])
    if fam == "forbidden_words":
        kws = k["forbidden_words"]
        return pick([
            f"Does not include the keywords {_quote_list(kws, rng)}.",
            f"The response avoids the words {_quote_list(kws, rng)}.",
            f"Do not include keywords {sorted(set(kws))} in the response.",
            f"The response never uses the words {_quote_list(kws, rng)}.",
        ])
    if fam == "frequency":
        kw, n, r = k["keyword"], _num(k["frequency"], rng), _rel(k["relation"], rng)
        return pick([
            f"In the response, the word {kw} should appear {r} {n} times.",
            f"The word \"{kw}\" appears {r} {n} times.",
            f"Uses the word '{kw}' {r} {n} times.",
        ])
    if fam == "letter_frequency":
        ch, n, r = k["letter"], _num(k["let_frequency"], rng), _rel(k["let_relation"], rng)
        noun = "letter" if ch.isalpha() else "character"
        return pick([
            f"In the response, the {noun} {ch} should appear {r} {n} times.",
            f"The {noun} '{ch}' appears {r} {n} times.",
            f"The response uses the {noun} \"{ch}\" {r} {n} times.",
        ])
    if fam == "no_comma":
        return pick([
            "The response contains no commas.",
            "In the entire response, refrains from the use of any commas.",
            "Does not use any commas.",
            "Avoids commas entirely.",
        ])
    if fam == "english_lowercase":
        return pick([
            "The entire response is in English and in all lowercase letters, with no capital letters.",
            "Written entirely in English lowercase letters.",
            "The entire response should be in English, and in all lowercase letters. No capital letters are allowed.",
        ])
    if fam == "english_capital":
        return pick([
            "The entire response is in English and in all capital letters.",
            "Written in English, entirely in uppercase letters.",
            "The whole response is in English and uses only capital letters.",
        ])
    if fam == "capital_word_frequency":
        n, r = _num(k["capital_frequency"], rng), _rel(k["capital_relation"], rng)
        return pick([
            f"In the response, words with all capital letters appear {r} {n} times.",
            f"Uses {r} {n} words written in all capital letters.",
            f"The response contains {r} {n} words in all caps.",
        ])
    if fam == "number_bullet_lists":
        n = _num(k["num_bullets"], rng)
        return pick([
            f"The answer contains exactly {n} bullet points in markdown format.",
            f"Has exactly {n} markdown bullet points.",
            f"Uses {n} bullet points, in markdown such as * This is a point.",
        ])
    if fam == "number_highlighted_sections":
        n = _num(k["num_highlights"], rng)
        return pick([
            f"Highlights at least {n} sections with markdown, i.e. *highlighted section*.",
            f"At least {n} sections are highlighted in markdown (*like this*).",
            f"The response has {n} or more highlighted sections using markdown.",
        ])
    if fam == "multiple_sections":
        n, s = k["num_sections"], k["section_spliter"]
        return pick([
            f"The response has {_num(n, rng)} sections, each beginning with {s} X.",
            f"Has at least {n} sections, the beginning of each marked with \"{s} X\".",
            f"There are at least {_num(n, rng)} sections, labelled {s} 1, {s} 2, and so on.",
        ])
    if fam == "title":
        return pick([
            "The response includes a title wrapped in double angular brackets, such as <<poem of joy>>.",
            "Contains a title in double angle brackets, e.g. <<title>>.",
            "Has a title enclosed in << >>.",
        ])
    if fam == "json_format":
        return pick([
            "The entire output is wrapped in JSON format.",
            "The whole response is valid JSON (markdown ticks such as ``` are allowed).",
            "Formats the entire response as JSON.",
        ])
    if fam == "postscript":
        m = k["postscript_marker"]
        return pick([
            f"At the end, the response explicitly adds a postscript starting with {m}",
            f"Includes a postscript beginning with {m}",
            f"Ends with a postscript that starts with {m}",
        ])
    if fam == "number_placeholders":
        n = _num(k["num_placeholders"], rng)
        return pick([
            f"Contains at least {n} placeholders represented by square brackets, such as [address].",
            f"Includes {n} or more placeholders in square brackets like [name].",
            f"The response has at least {n} bracketed placeholders, e.g. [address].",
        ])
    if fam == "end_checker":
        p = k["end_phrase"]
        return pick([
            f"Finishes with the exact phrase \"{p}\", with no other words after it.",
            f"The response ends with the phrase \"{p}\"",
            f"Ends with \"{p}\"",
        ])
    if fam == "quotation":
        return pick([
            "Wraps the entire response in double quotation marks.",
            "The whole response is enclosed in double quotes.",
            "The entire response is surrounded by double quotation marks.",
        ])
    if fam == "response_language":
        lang = _LANG_NAMES.get(k["language"], k["language"])
        return pick([
            f"The entire response is in {lang}, with no other language.",
            f"Written only in {lang}.",
            f"The response is written entirely in the {lang} language.",
        ])
    if fam == "repeat_prompt":
        p = k["prompt_to_repeat"]
        return pick([
            f"First repeats the request word for word without change, then gives the answer. The request: \"{p}\"",
            f"Begins by repeating the following request verbatim before answering: \"{p}\"",
        ])
    if fam == "two_responses":
        return pick([
            "Gives two different responses, separated by 6 asterisk symbols: ******.",
            "Provides two distinct answers separated by ******.",
            "Contains exactly two different responses divided by six asterisks (******).",
        ])
    if fam == "constrained_response":
        opts = ("My answer is yes.", "My answer is no.", "My answer is maybe.")
        return pick([
            f"Answers with one of the following options: {opts}",
            "The response contains one of the following phrases: \"My answer is yes.\", \"My answer is no.\", \"My answer is maybe.\"",
        ])
    raise KeyError(f"no rendering for IFEval instruction {instruction_id!r}")


def render_official(instruction_id: str, kwargs: Dict[str, Any]) -> str:
    """The instruction exactly as the official ``build_description`` template words it (imperative).

    For ``repeat_prompt`` the request to repeat is appended in quotes, since the official sentence
    does not contain it.
    """
    k = {a: b for a, b in (kwargs or {}).items() if b is not None}
    fam = instruction_id.split(":", 1)[1]
    t = {
        "response_language": lambda: f"Your ENTIRE response should be in {_LANG_NAMES.get(k['language'], k['language'])} language, no other language is allowed.",
        "number_sentences": lambda: f"Your response should contain {k['relation']} {k['num_sentences']} sentences.",
        "number_placeholders": lambda: f"The response must contain at least {k['num_placeholders']} placeholders represented by square brackets, such as [address].",
        "number_bullet_lists": lambda: f"Your answer must contain exactly {k['num_bullets']} bullet points. Use the markdown bullet points such as:\n* This is point 1. \n* This is point 2",
        "constrained_response": lambda: "Answer with one of the following options: ('My answer is yes.', 'My answer is no.', 'My answer is maybe.')",
        "number_highlighted_sections": lambda: f"Highlight at least {k['num_highlights']} sections in your answer with markdown, i.e. *highlighted section*.",
        "multiple_sections": lambda: (f"Your response must have {k['num_sections']} sections. Mark the beginning of each section with "
                                      f"{k['section_spliter']} X, such as:\n{k['section_spliter']} 1\n[content of section 1]\n"
                                      f"{k['section_spliter']} 2\n[content of section 2]"),
        "number_paragraphs": lambda: f"There should be {k['num_paragraphs']} paragraphs. Paragraphs are separated with the markdown divider: ***",
        "postscript": lambda: f"At the end of your response, please explicitly add a postscript starting with {k['postscript_marker']}",
        "existence": lambda: f"Include keywords {sorted(k['keywords'])} in the response.",
        "frequency": lambda: f"In your response, the word {k['keyword']} should appear {k['relation']} {k['frequency']} times.",
        "number_words": lambda: f"Answer with {k['relation']} {k['num_words']} words.",
        "json_format": lambda: "Entire output should be wrapped in JSON format. You can use markdown ticks such as ```.",
        "nth_paragraph_first_word": lambda: (f"There should be {k['num_paragraphs']} paragraphs. Paragraphs and only paragraphs are separated "
                                             "with each other by two new lines as if it was '\\n\\n' in python. "
                                             f"Paragraph {k['nth_paragraph']} must start with word {k['first_word']}."),
        "forbidden_words": lambda: f"Do not include keywords {sorted(set(k['forbidden_words']))} in the response.",
        "two_responses": lambda: "Give two different responses. Responses and only responses should be separated by 6 asterisk symbols: ******.",
        "repeat_prompt": lambda: ("First repeat the request word for word without change, then give your answer (1. do not say any words "
                                  "or characters before repeating the request; 2. the request you need to repeat does not include this "
                                  f"sentence) The request: \"{k['prompt_to_repeat']}\""),
        "end_checker": lambda: f"Finish your response with this exact phrase {k['end_phrase']}. No other words should follow this phrase.",
        "title": lambda: "Your answer must contain a title, wrapped in double angular brackets, such as <<poem of joy>>.",
        "letter_frequency": lambda: f"In your response, the letter {k['letter']} should appear {k['let_relation']} {k['let_frequency']} times.",
        "english_capital": lambda: "Your entire response should be in English, and in all capital letters.",
        "english_lowercase": lambda: "Your entire response should be in English, and in all lowercase letters. No capital letters are allowed.",
        "no_comma": lambda: "In your entire response, refrain from the use of any commas.",
        "capital_word_frequency": lambda: f"In your response, words with all capital letters should appear {k['capital_relation']} {k['capital_frequency']} times.",
        "quotation": lambda: "Wrap your entire response with double quotation marks.",
    }
    if fam not in t:
        raise KeyError(f"no official wording for IFEval instruction {instruction_id!r}")
    return t[fam]()


# ----------------------------------------------------------------------------------------------
# The benchmark
# ----------------------------------------------------------------------------------------------
def evaluate(records: List[IFEvalRecord], seed: int = 0, official_wording: bool = False) -> Dict[str, Any]:
    """Render, lower and run every instruction; per-family and overall coverage and agreement.

    ``official_wording=True`` renders with the verbatim official templates instead of the varied phrasings.
    """
    from rubricc.compiler.checks import run_check
    from rubricc.compiler.lower import lower_criterion

    rng = random.Random(seed)
    fam: Dict[str, List[int]] = defaultdict(lambda: [0, 0, 0])  # criteria, lowered, agreeing
    rows = []
    for rec in records:
        for iid, kw, official in zip(rec.instruction_ids, rec.kwargs, rec.strict):
            text = render_official(iid, kw) if official_wording else render_criterion(iid, kw, rng)
            check = lower_criterion(text)
            verdict = None
            if check is not None:
                verdict = bool(rec.response.strip()) and run_check(check, rec.response, rec.prompt)
            f = fam[iid]
            f[0] += 1
            if check is not None:
                f[1] += 1
                f[2] += int(verdict == official)
            rows.append({"key": rec.key, "instruction_id": iid, "criterion": text,
                         "check": check.model_dump() if check else None, "verdict": verdict, "official": official})
    return family_summary(fam, rows)


def family_summary(fam: Dict[str, List[int]], rows: List[Dict[str, Any]]) -> Dict[str, Any]:
    """Per-family and overall coverage and agreement from ``fam[family] = [criteria, lowered, agreeing]``."""
    n = sum(v[0] for v in fam.values())
    lowered = sum(v[1] for v in fam.values())
    agree = sum(v[2] for v in fam.values())
    return {
        "families": {k: {"criteria": v[0], "lowered": v[1], "agreement": (v[2] / v[1]) if v[1] else None}
                     for k, v in sorted(fam.items())},
        "coverage": lowered / n if n else 0.0,
        "agreement": agree / lowered if lowered else 0.0,
        "n": n,
        "rows": rows,
    }


def main(argv: Optional[List[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-dir", default=None, help="shared data folder (default ../shared/data or $RUBRICC_SHARED_DATA)")
    ap.add_argument("--seed", type=int, default=0, help="seed of the phrasing choice")
    ap.add_argument("--show-misses", action="store_true", help="print criteria not lowered or disagreeing")
    ap.add_argument("--phrasings", default=None,
                    help="phrasing set reported as held out (default: the frozen held-out set, bench.phrasing_sets.HELDOUT)")
    ap.add_argument("--dev", action="store_true",
                    help="also print the development phrasing sets' rows (ifeval_dev.json, ifeval_dev2.json and the "
                         "earlier held-out sets ifeval_heldout.json, ifeval_heldout2.json; optimistic)")
    ap.add_argument("--nearest", choices=("default", "on", "off"), default="default",
                    help="the nearest-phrasing lowering stage (rubricc.compiler.lower_nearest): as the library "
                         "default, or forced on / off")
    a = ap.parse_args(argv)
    if a.nearest != "default":
        from rubricc.compiler import lower_nearest

        lower_nearest.ENABLED = a.nearest == "on"
    d = data_dir(a.data_dir)
    if not (d / "ifeval" / "input_data.jsonl").exists():
        print(f"error: IFEval data not found under {d / 'ifeval'}", file=sys.stderr)
        return 2
    records = load_ifeval(d)
    off = evaluate(records, official_wording=True)
    res = evaluate(records, seed=a.seed)
    print(f"official imperative wording (one template per family): coverage {off['coverage']:.4f}, "
          f"agreement {off['agreement']:.4f}, n {off['n']}")
    print("varied rubric-writer phrasings (seed %d), per family:" % a.seed)
    print(f"{'family':48s} {'criteria':>8s} {'lowered':>8s} {'agreement':>9s}")
    for k, v in res["families"].items():
        ag = "-" if v["agreement"] is None else f"{v['agreement']:.3f}"
        print(f"{k:48s} {v['criteria']:8d} {v['lowered']:8d} {ag:>9s}")
    if a.show_misses:
        for r in off["rows"] + res["rows"]:
            if r["check"] is None or r["verdict"] != r["official"]:
                print(json.dumps({k: r[k] for k in ("instruction_id", "criterion", "check", "verdict", "official")})[:600])
    from bench.phrasing_sets import DEV_SETS, HELDOUT, evaluate_set, frozen_ok

    # the development sets: the rules were developed on them, so their figures are optimistic
    for dev, how in DEV_SETS if a.dev else ():
        r = evaluate_set(records, dev)
        print(f"development phrasing set {dev.name} ({how}; optimistic): coverage {r['coverage']:.4f}, "
              f"agreement {r['agreement']:.4f}, n {r['n']}")
    path = Path(a.phrasings) if a.phrasings else HELDOUT
    held = evaluate_set(records, path)
    if path != HELDOUT:
        note = "given by --phrasings: not the frozen held-out set"
    else:
        note = "frozen, sha256 verified" if frozen_ok() else "WARNING: edited since it was frozen"
    print(f"phrasing set {path.name} ({note}), every wording of every instruction, per family:")
    print(f"{'family':48s} {'criteria':>8s} {'lowered':>8s} {'agreement':>9s}")
    for k, v in held["families"].items():
        ag = "-" if v["agreement"] is None else f"{v['agreement']:.3f}"
        print(f"{k:48s} {v['criteria']:8d} {v['lowered']:8d} {ag:>9s}")
    from bench.phrasing_sets import voice_summary

    print("per voice (position in each family's list of templates; the set's 'about' names the voices in order):")
    for k, v in voice_summary(held["rows"]).items():
        ag = "-" if v["agreement"] is None else f"{v['agreement']:.3f}"
        print(f"  voice {k + 1}: lowered {v['lowered']} of {v['criteria']}, agreement {ag}")
    print(f"held-out total: coverage {held['coverage']:.4f}, agreement {held['agreement']:.4f}, n {held['n']}")
    if a.show_misses:
        for r in held["rows"]:
            if r["check"] is None or r["verdict"] != r["official"]:
                print(json.dumps({k: r[k] for k in ("instruction_id", "criterion", "check", "verdict", "official")})[:600])
    print(json.dumps({"coverage": round(res["coverage"], 4), "agreement": round(res["agreement"], 4), "n": res["n"],
                      "heldout_coverage": round(held["coverage"], 4), "heldout_agreement": round(held["agreement"], 4),
                      "heldout_n": held["n"]}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
