"""The guard's order rule (rubricc.order): a numbered list read in order scores 1, the same list with its
sentences shuffled scores lower; nested lists, several lists, countdowns and code are not penalised."""
import random

import pytest

from rubricc import guard as G
from rubricc import order as O
from rubricc.verifier.hacks import shuffle_sentences

STEPS = ("To bake the bread, follow these steps.\n\n1. Mix the flour and water.\n2. Let the dough rest for an hour.\n"
         "3. Knead it for ten minutes.\n4. Shape the loaf.\n5. Bake it at 230 degrees.\n6. Cool it on a rack.\n\n"
         "Enjoy your bread!")


def test_markers_are_read_from_lines_and_sentences_not_from_numbers_in_text_or_code():
    assert O.markers(STEPS) == [1, 2, 3, 4, 5, 6]
    assert O.markers("**1.** Bold\n2) Paren\n  3. Indented") == [1, 2, 3]
    assert O.markers("It costs 3.5 dollars. In 2023. we met. Version 2 is out.") == []  # not list markers
    assert O.markers("```\n3. not a list\n1. nor this\n```\n1. A\n2. B") == [1, 2]


@pytest.mark.parametrize("nums", [[1, 2, 3], [1, 2, 3, 1, 2, 3], [1, 1, 2, 2, 3], [1, 2, 1, 2, 3, 3, 4],
                                  [10, 9, 8, 7, 6, 5, 4, 3, 2, 1], [3, 2, 1]])
def test_lists_in_order_nested_repeated_or_counting_down_score_one(nums):
    text = "\n".join(f"{n}. item" for n in nums)
    assert O.score(text) == 1.0


def test_shuffled_lists_score_lower_and_lose_reward():
    assert O.score("\n".join(f"{n}. item" for n in [3, 1, 5, 2, 4])) < O.MIN
    rec = {"min": O.MIN, "off": O.OFF}
    rng = random.Random(0)
    factors = [O.part(O.score(shuffle_sentences(STEPS, "", (), rng, ())), rec) for _ in range(50)]
    assert sum(f < 1.0 for f in factors) >= 40 and sum(factors) / len(factors) < 0.7, factors


def test_one_skipped_number_in_a_long_list_costs_nothing_and_short_lists_are_not_scored():
    text = "\n".join(f"{n}. item" for n in [1, 2, 3, 4, 5, 6, 8])  # item 7 forgotten
    assert O.MIN <= O.score(text) < 1.0 and O.part(O.score(text), {"min": O.MIN, "off": O.OFF}) == 1.0
    assert O.score("1. one\n2. two") is None and O.part(None, {"min": O.MIN, "off": O.OFF}) == 1.0
    assert O.part(0.0, None) == 1.0  # a bundle without the rule


def test_calibration_reports_and_turns_the_rule_off_where_natural_lists_are_out_of_order():
    fields, report = O.calibrate([STEPS] * 30 + ["plain prose."] * 10)
    assert fields == {"min": O.MIN, "off": O.OFF, "min_markers": O.MIN_MARKERS}
    assert report["with_list"] == 30 and report["own_below_1"] == 0.0 and report["shuffled_mean_factor"] < 0.9
    odd = "\n".join(f"{n}. item" for n in [4, 2, 6, 1])  # a corpus whose numbers are not list order
    fields, report = O.calibrate([odd] * 10 + [STEPS] * 10)
    assert fields == {} and "no order rule" in report["note"]


def test_guard_factor_multiplies_the_order_part():
    rec = {"order": {"min": O.MIN, "off": O.OFF}}
    assert G.factor(0.9, 1.0, rec, None, 1.0) == 1.0
    assert G.factor(0.9, 1.0, rec, None, O.OFF) == 0.0
    assert G.factor(0.9, 1.0, {}, None, O.OFF) == 1.0  # older bundles have no order rule
