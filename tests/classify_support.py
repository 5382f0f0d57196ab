"""A small care-experience taxonomy written as a user would (title, description, one example
per label), shared by the classifier tests."""

from __future__ import annotations

from nlp.taxonomy import Taxonomy, load_taxonomy_text

TAX = """
id: vard
name: Vårdupplevelse
source: {document: Testdokument, section: avsnitt 1}
labels:
  - id: bemotande
    title: Bemötande
    description: Hur personalen bemöter och lyssnar på den som söker hjälp.
    examples: [Personalen var vänlig och lyssnade.]
  - id: tillganglighet
    title: Tillgänglighet
    description: Att komma fram på telefon, få en tid och slippa vänta länge.
    examples: [Jag satt i telefonkö i en timme.]
  - id: kostnad
    title: Kostnad
    description: Vad vården eller behandlingen kostar, priser och avgifter.
    examples: [Det var alldeles för dyrt.]
"""


def care_taxonomy() -> Taxonomy:
    return load_taxonomy_text(TAX, "vard.yaml")
