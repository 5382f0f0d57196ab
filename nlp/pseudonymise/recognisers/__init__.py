"""Recognisers and word knowledge shared by several categories (the categories/ files name them).

Each recogniser is a function `text -> list[Span]` in the spirit of Presidio's (a pattern,
a validator from a library where one exists, context words). Only the Swedish parts no
library has are hand-written: context words, name/word ambiguity ("Björn" vs "björn"),
units, addresses, ages and Swedish dates.

Why not Presidio itself: presidio-analyzer/-anonymizer 2.2.366 install from PyPI and run
with a blank spaCy "sv" pipeline (no model download), but they bring no Swedish
recognisers, their score-based conflict resolution cannot express "a unit beats a name
inside it", and the anonymizer has no keyed, consistent numbering. What is worth copying
is the shape (pattern + validator + context per recogniser, one category per file), which
is kept here without the dependency and its ~8 s import.
"""
