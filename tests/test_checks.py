"""The closed library of deterministic check primitives: every primitive on hand-made positive and
negative cases, argument validation, regex safety, the library description."""
import json

import pytest

from rubricc.compiler import check_args, checks, text_units
from rubricc.compiler.checks import CHECKS, library_description, run_check, validate_check
from rubricc.formats import ProgramCheck


def ok(name, args, response, prompt=""):
    return run_check(validate_check(name, args), response, prompt)


# (name, args, positive response, negative response)
CASES = [
    ("word_count", {"relation": "at least", "n": 5}, "one two three four five", "one two three four"),
    ("word_count", {"relation": "less than", "n": 3}, "hello there", "hello there friend"),
    ("word_count", {"relation": "at most", "n": 2}, "hello there", "hello there friend"),
    ("word_count", {"relation": "exactly", "n": 3}, "don't panic", "don't panic now"),  # as IFEval: don, t, panic
    ("word_count", {"relation": "more than", "n": 2}, "a b c", "a b"),
    ("sentence_count", {"relation": "exactly", "n": 3}, "One. Two! Three?", "One. Two."),
    ("sentence_count", {"relation": "less than", "n": 2}, "Mr. Smith met Dr. Jones at 3.30 p.m. today.", "I came. I saw."),
    ("sentence_count", {"relation": "at least", "n": 2}, "It is 2.5 m long. Yes.", "It is 2.5 m long e.g. here."),
    ("paragraph_count", {"n": 2, "separator": "***"}, "First para.\n***\nSecond para.", "Only one.\n\nStill one."),
    ("paragraph_count", {"n": 2, "separator": "blank_line"}, "A.\n\nB.", "A.\nB."),
    ("paragraph_count", {"relation": "at least", "n": 3}, "A\n\nB\n\nC\n\nD", "A\n\nB"),
    ("paragraph_first_word", {"nth": 2, "word": "However", "num_paragraphs": 2},
     "Intro here.\n\n\"However, not so.\"", "Intro here.\n\nBut however."),
    ("paragraph_first_word", {"nth": 1, "word": "weekend"}, "Weekend plans.\n\nMore.", "Plans.\n\nWeekend."),
    ("keywords_present", {"keywords": ["mom", "Mother"]}, "My MOTHER, my mom.", "My mother only."),
    ("keywords_present", {"keywords": ["cat"], "whole_word": True}, "A cat sat.", "A category."),
    ("keywords_absent", {"keywords": ["rock"]}, "Rocks and rocky hills.", "We rock."),
    ("keywords_absent", {"keywords": ["rock"], "whole_word": False}, "Stone only.", "Rocky hills."),
    ("keyword_frequency", {"keyword": "war", "relation": "at least", "n": 2}, "War and war.", "War and peace."),
    ("keyword_frequency", {"keyword": "the", "relation": "less than", "n": 2}, "The end.", "The the."),
    ("letter_frequency", {"letter": "t", "relation": "less than", "n": 2}, "Hello", "Total"),
    ("letter_frequency", {"letter": "!", "relation": "at least", "n": 3}, "Wow! Yes! Go!", "Wow! Yes!"),
    ("letter_frequency", {"letter": "A", "relation": "exactly", "n": 1, "case_sensitive": True}, "A cat", "A cAt"),
    ("no_commas", {}, "No commas here.", "Well, no."),
    ("all_lowercase", {}, "all lower case text here.", "Not all lower."),
    ("all_lowercase", {"language": "en"},
     "this is a perfectly ordinary english sentence about the weather today.", "ceci est une phrase en francais sur le temps."),
    ("all_uppercase", {}, "ALL CAPS HERE.", "ALL CAPS Here."),
    ("all_uppercase", {"language": "en"},
     "THIS IS A PERFECTLY ORDINARY ENGLISH SENTENCE ABOUT THE WEATHER.", "Mostly ordinary english sentence."),
    ("capital_word_frequency", {"relation": "at least", "n": 2}, "The NASA and ESA teams.", "The NASA team."),
    ("capital_word_frequency", {"relation": "less than", "n": 2}, "I am here.", "I'M HERE."),
    ("bullet_count", {"n": 2}, "Intro\n* one\n- two", "* one\n* two\n* three"),
    ("bullet_count", {"relation": "exactly", "n": 0}, "No list here.", "- one"),
    ("highlighted_sections", {"n": 2}, "Some *one* and **two** here.", "Some *one* here and ** ** empty."),
    ("section_count", {"splitter": "SECTION", "n": 2}, "SECTION 1\nA\nSECTION 2\nB", "SECTION 1\nA"),
    ("section_count", {"splitter": "Day", "relation": "exactly", "n": 2}, "Day 1: x. Day 2: y.", "Day 1 x Day 2 y Day 3 z"),
    ("has_title", {}, "<<My Title>>\nText", "<< >> no title\n<<broken\n>>"),
    ("is_json", {}, "```json\n{\"a\": 1}\n```", "Here is JSON: {\"a\": 1}"),
    ("is_json", {}, "[1, 2, 3]", "{'a': 1}"),
    ("postscript", {"marker": "P.S."}, "Letter.\nP.S. see you", "Letter.\nPS see you"),
    ("postscript", {"marker": "P.P.S"}, "Letter.\np.p.s. more", "Letter.\nP.S. more"),
    ("placeholder_count", {"n": 2}, "Dear [name], at [address].", "Dear [name]."),
    ("starts_with", {"phrase": "My answer is"}, "  my answer is yes.", "Well, my answer is yes."),
    ("ends_with", {"phrase": "Any other questions?"}, "Done. Any other questions?\n", "Any other questions? Done."),
    ("ends_with", {"phrase": "Peace!"}, "\"All is calm. Peace!\"", "Peace! Out."),
    ("wrapped_in_quotes", {}, "  \"Quoted whole.\"  ", "\"Quoted\" partly."),
    ("response_language", {"language": "fr"},
     "Bonjour, je suis tres heureux de vous rencontrer aujourd'hui dans cette belle ville.",
     "Hello, I am very happy to meet you today in this beautiful city."),
    ("repeats_prompt", {"prompt_to_repeat": "Write a poem."}, "write a poem. Roses are red.", "Sure! Write a poem."),
    ("two_responses", {}, "Answer one.\n******\nAnswer two.", "Answer one.\n******\nAnswer one."),
    ("phrase_present", {"phrase": "call 911"}, "Please CALL 911 now.", "Please call a doctor."),
    ("phrase_absent", {"phrase": "as an AI"}, "I think so.", "As an AI, I think so."),
    ("any_phrase_present", {"phrases": ["My answer is yes.", "My answer is no."]}, "My answer is no.", "My answer is maybe."),
    ("regex_match", {"pattern": r"\b\d{3}-\d{4}\b"}, "Call 555-1234.", "Call me."),
    ("regex_match", {"pattern": r"lorem", "must_match": False, "ignore_case": True}, "Real text.", "LOREM ipsum."),
    ("regex_match", {"pattern": r"^- ", "multiline": True}, "Intro\n- item", "Intro - item"),
]


@pytest.mark.parametrize("name,args,pos,neg", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_primitive_positive_and_negative(name, args, pos, neg):
    assert ok(name, args, pos) is True
    assert ok(name, args, neg) is False


def test_every_primitive_has_a_case():
    # the IFBench-family primitives have theirs in tests/test_checks_ifbench.py
    from rubricc.compiler.checks_ifbench import specs

    assert {c[0] for c in CASES} | {s[0] for s in specs(lambda *a: a)} == set(CHECKS)


def test_repeats_prompt_defaults_to_the_prompt():
    check = validate_check("repeats_prompt", {})
    assert run_check(check, "Tell me a joke. Why did...", prompt="Tell me a joke.")
    assert not run_check(check, "Why did...", prompt="Tell me a joke.")
    assert not run_check(check, "anything", prompt="")


def test_langdetect_is_deterministic():
    text = "Das ist ein kurzer Satz, aber er ist auf Deutsch geschrieben und ziemlich eindeutig."
    check = validate_check("response_language", {"language": "de"})
    assert all(run_check(check, text) for _ in range(5))


def test_sentence_splitter():
    split = text_units.split_sentences
    assert split("Hello world. How are you? Fine!") == ["Hello world.", "How are you?", "Fine!"]
    assert len(split("Dr. Who met Mr. Smith in the U.S. on Jan. 5.")) == 1
    assert len(split("Pi is 3.14 roughly. Yes.")) == 2
    assert len(split("A line without end\nanother line")) == 1  # like punkt: a newline alone is no end
    assert len(split("He said \"stop.\" Then left.")) == 2
    assert len(split("1. first item\n2. second item")) == 1  # numbered enumerations before lower case
    assert split("") == []


def test_word_tokens_for_capital_words():
    toks = text_units.word_tokens("I'M HERE, the U.S.A. (NASA) state-of-the-ART don't")
    assert "I" in toks and "'M" in toks and "NASA" in toks and "state-of-the-ART" in toks and "do" in toks


def test_compare_relations():
    assert text_units.compare(3, "at least", 3) and not text_units.compare(2, "at least", 3)
    assert text_units.compare(3, "at most", 3) and not text_units.compare(4, "at most", 3)
    assert text_units.compare(2, "less than", 3) and not text_units.compare(3, "less than", 3)
    assert text_units.compare(4, "more than", 3) and not text_units.compare(3, "more than", 3)
    assert text_units.compare(3, "exactly", 3) and not text_units.compare(4, "exactly", 3)
    with pytest.raises(ValueError):
        text_units.compare(1, "about", 1)


# ----------------------------------------------------------------------------------------------
# validation
# ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("name,args,fragment", [
    ("no_such_check", {}, "unknown check"),
    ("word_count", {"n": "many"}, "n"),
    ("word_count", {"n": -1}, "n"),
    ("word_count", {"n": 10 ** 9}, "n"),
    ("word_count", {"n": 5, "relation": "about"}, "relation"),
    ("word_count", {}, "n"),
    ("word_count", {"n": 5, "extra": 1}, "extra"),
    ("no_commas", {"strict": True}, "strict"),
    ("keywords_present", {"keywords": []}, "keywords"),
    ("keywords_present", {"keywords": [""]}, "keywords"),
    ("keywords_present", {"keywords": "cat"}, "keywords"),
    ("keyword_frequency", {"keyword": " ", "n": 2}, "keyword"),
    ("letter_frequency", {"letter": "ab", "n": 2}, "letter"),
    ("paragraph_first_word", {"nth": 0, "word": "x"}, "nth"),
    ("paragraph_first_word", {"nth": 1, "word": "two words"}, "word"),
    ("paragraph_count", {"n": 2, "separator": "---"}, "separator"),
    ("section_count", {"splitter": "Sec(tion", "n": 2}, "splitter"),
    ("response_language", {"language": "English"}, "language"),
    ("phrase_present", {"phrase": "x" * 1000}, "phrase"),
    ("regex_match", {"pattern": r"(\w+)\s\1"}, "backreferences"),
    ("regex_match", {"pattern": r"(?P<w>a)(?P=w)"}, "backreferences"),
    ("regex_match", {"pattern": "(?=x)y"}, "lookarounds"),
    ("regex_match", {"pattern": "(?<!x)y"}, "lookarounds"),
    ("regex_match", {"pattern": "(a)?(?(1)b|c)"}, "conditionals"),
    ("regex_match", {"pattern": "(?i)abc"}, "inline flags"),
    ("regex_match", {"pattern": "(?i:abc)"}, "inline flags"),
    ("regex_match", {"pattern": r"[\W\d]"}, "inside a class"),
    ("regex_match", {"pattern": "a{1,100000}"}, "too costly"),
    ("regex_match", {"pattern": "a{0,999}a{0,999}a{0,999}a{0,999}b"}, "too costly"),
    ("regex_match", {"pattern": r"\w{0,30}x"}, "too costly"),
    ("regex_match", {"pattern": "x" * 300}, "pattern"),
    ("regex_match", {"pattern": "[unclosed"}, "invalid regex"),
])
def test_validate_check_rejects(name, args, fragment):
    with pytest.raises(ValueError) as e:
        validate_check(name, args)
    assert fragment in str(e.value)


def test_validate_check_rejects_non_dict_args():
    with pytest.raises(ValueError, match="args must be an object"):
        validate_check("word_count", ["n", 3])


def test_validate_check_normalises_defaults():
    c = validate_check("word_count", {"n": 3})
    assert isinstance(c, ProgramCheck) and c.kind == "program"
    assert c.args == {"relation": "at least", "n": 3}
    assert validate_check("bullet_count", {"n": 2}).args["relation"] == "exactly"
    # a validated check survives a JSON round trip
    again = ProgramCheck.model_validate(json.loads(c.model_dump_json()))
    assert run_check(again, "a b c")


def test_run_check_revalidates_hand_written_checks():
    with pytest.raises(ValueError, match="unknown check"):
        run_check(ProgramCheck(name="exec", args={"code": "import os"}), "x")
    with pytest.raises(ValueError, match="backreferences"):
        run_check(ProgramCheck(name="regex_match", args={"pattern": r"(x+)\1"}), "xxxx")


def test_safe_regexes_are_accepted():
    # nested and repeated quantifiers are fine on a linear-time engine
    for p in [r"^\s*#", r"(foo|bar) baz", r"[a-z]+@[a-z]+\.com", r"(?:ab)+", r"\d{2,4}", r"(a)(b)?",
              "(a+)+$", "(a|aa)*b", r"\d+\s*\d+\s*\d+x", ".*.*.*x", r"\w+@\w+\.\w+"]:
        validate_check("regex_match", {"pattern": p})


def test_library_description_lists_every_primitive_with_schema():
    lib = library_description()
    assert [x["name"] for x in lib] == list(CHECKS)
    for x in lib:
        assert x["description"] and "\n" not in x["description"]
        schema = x["args_schema"]
        assert schema["type"] == "object"
        assert schema.get("additionalProperties") is False
    json.dumps(lib)  # serialisable, to show it to an LLM


def test_no_code_execution_in_library():
    import inspect

    src = "".join(inspect.getsource(m) for m in (checks, check_args, text_units))
    for forbidden in ("eval(", "exec(", "compile(", "__import__"):
        assert forbidden not in src.replace("re.compile(", "")


# the degenerate inputs of issue 13: with Python re backtracking (and a sentence splitter that rescanned
# the text at every abbreviation) each took 2 s to over 60 s; every one must now answer at once
HOSTILE_CASES = [
    ("sentence_count", {"n": 1}, "'Mr. ' * 20000"),
    ("sentence_count", {"n": 1}, "'.' * 40000 + 'x'"),
    ("sentence_count", {"n": 1}, "'1. ' * 20000"),
    ("placeholder_count", {"n": 1}, "'[' * 40000"),
    ("postscript", {"marker": "P.S."}, "' ' * 40000"),
    ("postscript", {"marker": "P.P.S"}, "' ' * 40000"),
    ("bullet_count", {"n": 1}, "'\\n' * 40000"),
    ("has_title", {}, "'<' * 40000"),
    ("is_json", {}, "'[' * 100000"),
    ("regex_match", {"pattern": ".*.*.*x"}, "'a' * 5000"),
    ("regex_match", {"pattern": ".*.*.*x"}, "'a' * 200000"),
    ("regex_match", {"pattern": ".*x"}, "'a' * 300000"),
    ("regex_match", {"pattern": "(a+)+$", "must_match": False}, "'a' * 50000 + 'b'"),
    ("regex_match", {"pattern": r"(\\\\.|[^\\\\])*x"}, "'\\\\' * 40000"),
]


def test_hostile_inputs_answer_at_once():
    """All the reproductions in one subprocess with a hard timeout (a regex stuck in C cannot be
    interrupted in-process); each must take under 1 s, generous for a busy 2-core machine."""
    import subprocess
    import sys

    code = "\n".join([
        "import json, time",
        "from rubricc.compiler.checks import run_check, validate_check",
        "out = []",
        f"for name, args, expr in {HOSTILE_CASES!r}:",
        "    text = eval(expr)",
        "    chk = validate_check(name, args)",
        "    t = time.perf_counter(); v = run_check(chk, text); dt = time.perf_counter() - t",
        "    out.append([name, expr, type(v).__name__, dt])",
        "print(json.dumps(out))",
    ])
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr[-2000:]
    for name, expr, kind, dt in json.loads(proc.stdout):
        assert kind == "bool" and dt < 1.0, (name, expr, dt)


def test_responses_are_capped_for_every_check():
    from rubricc.compiler.checks import MAX_CHECK_TEXT

    tail = "x" * MAX_CHECK_TEXT + " Sam"
    assert run_check(validate_check("ends_with", {"phrase": "Sam"}), tail)     # the end is still seen
    assert run_check(validate_check("wrapped_in_quotes", {}), '"' + tail + '"')
    late = "a " * MAX_CHECK_TEXT + "forbidden"
    assert run_check(validate_check("phrase_absent", {"phrase": "forbidden"}), late)  # past the cap
    assert run_check(validate_check("word_count", {"relation": "exactly", "n": MAX_CHECK_TEXT // 2}), late)


def test_rubric_regexes_keep_python_semantics():
    def match(pattern, text, **kw):
        return run_check(validate_check("regex_match", {"pattern": pattern, **kw}), text)

    assert match(r"^\w+$", "größe") and match(r"^\w+$", "中文") and not match(r"^\w+$", "a-b")
    assert match(r"^\d+$", "١٢٣") and match(r"a\sb", "a\u00a0b") and match(r"a\sb", "a\x0bb")
    assert match(r"end$", "the end\n") and not match(r"end\Z", "the end\n")
    assert match(r"^- ", "x\n- y", multiline=True) and not match(r"^- ", "x\n- y")
    assert match(r"STRASSE", "strasse", ignore_case=True) and not match(r"STRASSE", "strasse")
    assert match(r"a.b", "a\u00e9b") and not match(r"a.b", "a\nb")
    assert match(r"\W", "é!") and not match(r"\W", "é")
