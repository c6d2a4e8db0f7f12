"""The guard's stuffing rule (rubricc.stuffing): a response made of its rubric's words loses reward, a real
answer does not; the threshold follows how much of an answer's vocabulary its rubric shares."""
import random

from rubricc import guard as G
from rubricc import stuffing as S
from rubricc.plan import RubricPlan
from rubricc.formats import Rubric

CRITERIA = ["Does the poem demonstrate effective use of allegory to convey a deeper meaning?",
            "Is the response creative and insightful in its understanding of the given theme?"]
POEM = ("Time ticks on slowly, steadily, then suddenly speeds up, rushing past us like a river in flood, carrying "
        "us along on its swift current towards the unknown, then suddenly stops as we reach the end of our journey.")


def test_a_list_of_the_rubrics_words_scores_near_one_a_real_answer_low():
    vocab = S.vocabulary(CRITERIA)
    assert {"allegory", "poem", "insightful", "deeper"} <= vocab and "the" not in vocab
    stuffed = "Key points: poem, demonstrate, effective, allegory, convey, deeper, meaning, creative, insightful."
    assert S.score(stuffed, vocab) > 0.8
    assert S.score(POEM, vocab) < 0.1
    assert S.score("A poem about allegory.", vocab) is None  # too few words to judge
    assert S.score(POEM, frozenset()) is None  # no rubric vocabulary: no rule
    # every word counts, so a terse sentence is not a list
    terse = S.score("The three primary colors are red, yellow and blue.",
                    S.vocabulary(["Lists red, yellow and blue as the primary colors"]))
    assert 0.5 < terse < 0.6 and S.part(terse, {"min": S.FLOOR, "off": 0.75}) > 0.7


def test_factor_ramps_from_min_to_off_and_is_one_without_a_rule():
    rec = {"min": 0.3, "off": 0.65}
    assert S.part(0.2, rec) == 1.0 and S.part(0.3, rec) == 1.0 and S.part(0.65, rec) == 0.0
    assert 0.0 < S.part(0.5, rec) < 1.0
    assert S.part(0.9, None) == 1.0 and S.part(None, rec) == 1.0
    assert G.factor(0.9, 1.0, {"stuffing": rec}, None, None, 0.9) == 0.0
    assert G.factor(0.9, 1.0, {}, None, None, 0.9) == 1.0  # older bundles have no stuffing rule


def test_calibration_follows_the_rubrics_share_of_an_answers_words_with_a_floor():
    rng = random.Random(0)
    vocab = S.vocabulary(CRITERIA)
    words = POEM.split()
    answers = [" ".join(rng.sample(words, len(words))) for _ in range(40)]
    fields, report = S.calibrate([(a, vocab) for a in answers])
    assert fields["min"] == S.FLOOR and fields["off"] == (S.FLOOR + 1) / 2 and report["own_below_1"] == 0.0
    # a rubric that shares much of its answers' words (many long criteria) gets a higher threshold
    rich = S.vocabulary([POEM])
    extra = "apple banana cherry damson elder".split()
    mixed = [POEM + " " + " ".join(extra[:1 + k % 5]) for k in range(40)]
    fields, _ = S.calibrate([(a, rich) for a in mixed])
    assert fields["min"] > S.FLOOR and fields["off"] > fields["min"]
    assert all(S.part(S.score(a, rich), fields) == 1.0 for a in mixed)  # the training answers themselves
    assert S.part(S.score(", ".join(sorted(rich)), rich), fields) == 0.0  # nothing but the rubric's words
    fields, report = S.calibrate([(POEM, vocab)] * 5)
    assert fields == {} and "no stuffing rule" in report["note"]


def test_a_plan_carries_its_rubrics_vocabulary():
    r = Rubric.model_validate({"id": "p", "prompt": "Write a poem.", "criteria": [
        {"id": "c1", "text": CRITERIA[0], "weight": 1}, {"id": "c2", "text": CRITERIA[1], "weight": 1}]})
    assert RubricPlan.of(r).vocab == S.vocabulary(CRITERIA)
