"""Set 51's wrong verdicts, fixed after its one blind measurement (issue 15, round 42): 3, one dictionary entry's
postscript ('postscript, n. An afterthought ... beginning with the marker P.P.S; the reply contains such a postscript.'),
read as a postscript starting with P.S.: the last clause, 'such a postscript', was read alone with the default marker and
the definition before it as a figure that added nothing, as no veto looked at an unquoted marker. A figure naming a
postscript marker the plain statement does not give now vetoes (:func:`rubricc.compiler.lower_riddle.said_again`).
Wordings written for the tests, not set 51's sentences."""
from lowering_cases import lowering_tests

LOWERED = [
    ("Coda, n. A closing note set after the reply, opening with P.P.S. The reply contains a postscript that opens with P.P.S.",
     "postscript", {"marker": "P.P.S"}),
]

NEURAL = [
    # the marker named only by the figure: 'such a postscript' gives none (was read as one starting with P.S.)
    "Addendum, n. A closing note added to a reply and opening with the marker P.P.S; the reply contains such a postscript.",
    "Addendum, n. A closing note added to a reply and opening with the marker P.P.S; the reply contains a postscript.",
]

test_lowered, test_neural = lowering_tests(LOWERED, NEURAL)
