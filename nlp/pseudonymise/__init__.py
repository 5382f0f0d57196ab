"""Swedish pseudonymisation: every text passes here before it is embedded, stored or shown.

    key = load_or_create_key()
    p = Pseudonymiser(key)             # one instance per import: consistent pseudonyms
    p.pseudonymise(text).text          # "Ring [PERSON_1] på [TELEFON_1]"
"""

from nlp.pseudonymise.kategorier import LABELS as CATEGORIES
from nlp.pseudonymise.key import load_or_create_key
from nlp.pseudonymise.pseudonymiser import Pseudonymised, Pseudonymiser, resolve

__all__ = ["CATEGORIES", "Pseudonymised", "Pseudonymiser", "load_or_create_key", "resolve"]
