"""Relation rules over Natasha's dependency trees: ordered, named, traceable.

Each rule reads one sentence (`Scope`) and yields `Found` facts naming the rule. Rules run in
the order of `RULES`, and later rules see what earlier ones found: `occupation` runs first, so
that «встретился с послом Италии Марко Росси» gives the meeting a person, not a post.
The rules name word lists of `resources/lexicon.yaml`, never the words of an article. One
module a kind of fact; `base` holds what they share (`Scope`, `Arg`, `Found`, tree walks).
"""

from __future__ import annotations

from .base import Rule
from .cooperation import cooperation
from .deal import deal
from .events import agreement, meeting, statement, visit
from .flows import investment, trade, turnover
from .occupation import occupation
from .ownership import ownership

#: The rules in the order they run; `occupation` first, as the others use its holders.
RULES: tuple[tuple[str, Rule], ...] = (
    ("occupation", occupation),
    ("meeting", meeting),
    ("visit", visit),
    ("deal", deal),
    ("agreement", agreement),
    ("ownership", ownership),
    ("investment", investment),
    ("statement", statement),
    ("trade", trade),
    ("turnover", turnover),
    ("cooperation", cooperation),
)
