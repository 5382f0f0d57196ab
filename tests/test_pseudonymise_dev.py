"""The pseudonymiser against the annotated sets: the brief's targets on the dev set
(../shared), and a floor on the blind sets in benchmarks/data/ (written by separate
authors without reading the recognisers) so a change that only fits the dev file shows."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from nlp.pseudonymise import Pseudonymiser

pytestmark = pytest.mark.utan_databas

RECALL_TARGETS = {
    "PERSONNUMMER": 0.99,
    "TELEFON": 0.99,
    "EPOST": 0.99,
    "PERSON": 0.95,
    "ADRESS": 0.95,
    "POSTNUMMER": 0.95,
    "VARDENHET": 0.95,
}
BLIND_DIR = Path(__file__).resolve().parent.parent / "benchmarks" / "data"


def _score(path: Path, *, any_label: bool = False) -> tuple[dict[str, float], float, float, float]:
    """Per-label recall (every gold character inside a same-label find), precision, share of
    clean texts untouched, total recall. With `any_label` (sets in another label scheme): recall*
    (every gold character but spaces inside a find of any label), and precision and clean texts
    counted over the finds the scheme has a label for."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    p = Pseudonymiser(b"dev-set-test-key-0123456789abcdef")
    hit, total = Counter(), Counter()
    n_pred = n_pred_ok = clean = clean_untouched = 0
    for row in rows:
        text = row["text"]
        pred = [s for s in p.find(text) if not (any_label and s.label in _OUTSIDE_SCHEME)]
        found = p.find(text) if any_label else pred
        for g in row["spans"]:
            total[g["label"]] += 1
            hit[g["label"]] += all(
                any(s.start <= c < s.end and (any_label or s.label == g["label"]) for s in found)
                for c in range(g["start"], g["end"])
                if not (any_label and text[c].isspace())
            )
        n_pred += len(pred)
        n_pred_ok += sum(
            any(
                s.start < g["end"] and g["start"] < s.end and (any_label or s.label == g["label"]) for g in row["spans"]
            )
            for s in pred
        )
        if not row["spans"]:
            clean += 1
            clean_untouched += not pred
    recall = {label: hit[label] / total[label] for label in total}
    return recall, n_pred_ok / n_pred, clean_untouched / clean, sum(hit.values()) / sum(total.values())


def test_dev_set_meets_targets(shared_dir: Path) -> None:
    recall, precision, untouched, _ = _score(shared_dir / "data" / "dev" / "pii_dev.jsonl")
    misses = {label: r for label, r in recall.items() if r < RECALL_TARGETS.get(label, 0.0)}
    assert not misses, f"recall under target: {misses}"
    assert precision >= 0.90
    assert untouched >= 0.90


# Sets whose misses nobody has read (benchmarks/data/README.md): they measure how the rules
# generalise, so their floor is today's figure, not what the read sets were brought up to.
HELD_OUT = {"pii_blind13.jsonl": 0.95}


# Sets written in another label scheme (benchmarks/data/README.md): no ORGANISATION, ALDER or
# POSTNUMMER, and ID for every other identifier. Scored by coverage with any label.
OTHER_SCHEME = {"pii_blind24.jsonl": 0.90, "pii_blind25.jsonl": 0.88, "pii_blind26.jsonl": 0.87}
_OUTSIDE_SCHEME = {"ORGANISATION", "ALDER"}

# Sets whose annotation choices differ from the product's on purpose (benchmarks/data/README.md:
# agencies as recipients unlabelled, an organisation and its town as two finds, festivals and
# dishes named after people): floors a little under the figures after round 13 (27, 29) and
# round 14 (28) (total recall, precision, clean texts untouched).
OWN_FLOORS = {
    "pii_blind27.jsonl": (0.90, 0.92, 0.72),
    # read in round 14 (0.976 / 0.965 / 33 of 39): it no longer measures generalisation
    "pii_blind28.jsonl": (0.96, 0.95, 0.82),
    "pii_blind29.jsonl": (0.95, 0.95, 0.85),
    # mail and web forms, round 15 (0.888 / 0.853 / 24 of 38): its case numbers, receiving
    # agencies and staff signatures are labelled where the product leaves them, and a passport,
    # an LMA card and a partial personnummer are PERSONNUMMER there (direct floor 0.85)
    "pii_blind30.jsonl": (0.87, 0.83, 0.60, 0.85),
    # read in round 16 (0.848 / 0.943 / 42 of 46 first, 0.889 / 0.951 / 43 of 46 after): it no
    # longer measures generalisation; a Somali ID card number is PERSONNUMMER there and
    # JOURNALNUMMER here (direct floor 0.89), schools VARDENHET there and ORGANISATION here,
    # a flat number alone, a street without its number and a bank are labelled there
    "pii_blind31.jsonl": (0.87, 0.93, 0.91, 0.89),
    # read in round 16 (0.774 / 0.920 / 35 of 38 first, 0.905 / 0.982 / 38 of 38 after): months,
    # years, weeks and case numbers are labelled there where the product leaves them
    "pii_blind32.jsonl": (0.89, 0.97, 0.97),
    # read in round 17 (first 0.908 / 0.974 / 43 of 45 at 35ab3b7, 0.911 / 0.975 after round 16,
    # after 0.966 / 0.986 / 43 of 45): it no longer measures generalisation; every personnummer
    # and phone number is found
    "pii_blind33.jsonl": (0.95, 0.97, 0.93),
    # read in round 18 (first 0.879 / 0.972 / 41 of 42 at 35ab3b7, 0.892 / 0.972 / 41 of 42 after
    # round 17, after 0.961 / 0.996 / 42 of 42): it no longer measures generalisation; a named
    # unit and its town are two finds there and one here, an IVO case number and a bank labelled
    "pii_blind34.jsonl": (0.95, 0.98, 0.97),
    # read in round 20 (first 0.884 / 0.922 / 35 of 38 at 872c1c4, 0.888 / 0.934 / 35 of 38 after
    # rounds 18 and 19, after 0.957 / 0.962 / 36 of 38): it no longer measures generalisation;
    # "häktet i <ort>" and bare prison names are one ORGANISATION there, initials labelled
    "pii_blind35.jsonl": (0.94, 0.94, 0.92),
    # read in round 19 (first 0.820 / 0.952 / 41 of 42 at 872c1c4, after 0.979 / 0.995 / 42 of 42):
    # it no longer measures generalisation; a customer number is JOURNALNUMMER there and a
    # billing code here, "X i <ort>" two finds there and one here
    "pii_blind36.jsonl": (0.96, 0.97, 0.95),
    # read in round 20 (first 0.913 / 0.911 / 39 of 41 at 8caf581, PERSONNUMMER 15 of 17; after
    # 0.968 / 0.953 / 41 of 41, every personnummer found): it no longer measures generalisation;
    # "BUP <ort>", "X i <ort>" one find here and unit + ORT there, a child's name repeated
    # after its first mention left unlabelled there
    "pii_blind37.jsonl": (0.95, 0.93, 0.97),
    # read in round 21 (first 0.904 / 0.961 / 37 of 41 at 83fdec8, 0.907 after round 20,
    # PERSONNUMMER 13 of 14; after 0.938 / 0.971 / 38 of 41, every direct identifier found): it no
    # longer measures generalisation; foreign towns without a list and ages without "år" remain
    "pii_blind38.jsonl": (0.92, 0.95, 0.90),
    # read in round 21 (first 0.873 / 0.957 / 45 of 47 at 83fdec8 and after round 20; after
    # 0.945 / 0.978 / 47 of 47): it no longer measures generalisation; units written with a
    # hospital's abbreviation remain
    "pii_blind39.jsonl": (0.93, 0.96, 0.97),
    # read in round 37 (first 0.921 / 0.978 / 40 of 42 at 0ced627, 0.925 / 0.980 / 41 of 42 at
    # e39e86d; after 0.963 / 0.995 / 42 of 42, every direct identifier found): it no longer
    # measures generalisation; wards named without "avd" and names that are words remain
    "pii_blind40.jsonl": (0.95, 0.98, 0.97),
    # read in round 22 (first 0.798 / 0.941 / 41 of 43 at 0ced627, 0.809 / 0.942 at round 22's
    # start; after 0.971 / 0.983 / 42 of 43, every direct identifier found): it no longer measures
    # generalisation; initials with dots or a dash and an age written as a word remain
    "pii_blind41.jsonl": (0.95, 0.96, 0.95),
    # read in round 21 (first 0.852 / 0.939 / 37 of 42 at 1d56762: OCR, PDF copies, message and
    # case-system exports; after 0.924 / 0.965 / 40 of 42, every direct identifier found)
    "pii_blind42.jsonl": (0.91, 0.95, 0.93),
    # read in round 21b (first 0.747 / 0.963 / 51 of 52 at 1d56762, after 0.953 / 0.996 / 52 of
    # 52): it no longer measures generalisation; "X i <ort>" is unit + ORT there and one find here
    "pii_blind43.jsonl": (0.93, 0.97, 0.96),
    # read in round 26 (first 0.940 / 0.974 / 41 of 43 at 44a3700: LSS in easy Swedish, PERSONNUMMER
    # 8 of 9; after 0.971 / 0.987 / 42 of 43, every direct identifier found): it no longer
    # measures generalisation; "X i <ort>" is unit + ORT there and one find here
    "pii_blind44.jsonl": (0.96, 0.98, 0.97),
    # read in round 23 (first 0.761 / 0.941 / 45 of 49 at 1d56762, 0.858 / 0.958 / 44 of 49 after
    # round 22, after 0.934 / 0.968 / 46 of 49: every phone number and personnummer found, one
    # phone as another label): it no longer measures generalisation
    "pii_blind45.jsonl": (0.92, 0.95, 0.93, 0.97),
    # read in round 23b (first 0.778 / 0.953 / 46 of 46 at d8bf056, after 0.899 / 0.989 / 46 of
    # 46): it no longer measures generalisation; the one personnummer missed is said wrongly on
    # purpose by the set's author (PERSONNUMMER 12 of 13)
    "pii_blind46.jsonl": (0.88, 0.97, 0.97, 0.92),
    # read in round 24 (first 0.920 / 0.969 / 41 of 45 at d8bf056, after 0.972 / 0.988 / 45 of
    # 45): it no longer measures generalisation; reserve numbers and an LMA card are PERSONNUMMER
    # there and JOURNALNUMMER here (PERSONNUMMER 16 of 19 with its own label, 19 of 19 with any:
    # direct floor 0.83), banks are labelled there
    "pii_blind47.jsonl": (0.96, 0.97, 0.97, 0.83),
    # unread (held out; 0.960 / 0.990 / 43 of 43 at 9ac3ae5: forwarded e-mail threads and web
    # forms to feedback inboxes; every direct identifier found)
    "pii_blind48.jsonl": (0.94, 0.97, 0.95),
    # read in round 25 (first 0.938 / 0.928 / 43 of 50 at 9ac3ae5: social media and open forums;
    # handles are unlabelled there; after 0.952 / 0.956 / 49 of 50, every direct identifier
    # found): it no longer measures generalisation
    "pii_blind49.jsonl": (0.94, 0.94, 0.94),
    # read in round 26 (first 0.919 / 0.951 / 37 of 39 at 44a3700: violence in close relationships
    # and protected identities; plates are unlabelled there, "X i <ort>" is unit + ORT and banks
    # are labelled; after 0.949 / 0.966 / 38 of 39, every direct identifier found): it no longer
    # measures generalisation
    "pii_blind50.jsonl": (0.94, 0.96, 0.97),
    # read in round 27 (first 0.749 / 0.934 / 36 of 45 at 44a3700: answers in other languages and
    # scripts, digits in Arabic-Indic, Persian and Thai, TELEFON 21 of 30, PERSONNUMMER 21 of 24;
    # after 0.958 / 0.974 / 38 of 45, every direct identifier found): it no longer measures
    # generalisation
    "pii_blind51.jsonl": (0.95, 0.96, 0.84),
    # read in round 28 (first 0.875 / 0.941 / 37 of 40 at 44a3700: home care and social services
    # in sparsely populated Sweden, village addresses and property designations; "<unit> i <ort>"
    # is unit + ORT there; after 0.958 / 0.968 / 38 of 40, every direct identifier found): it no
    # longer measures generalisation
    "pii_blind52.jsonl": (0.95, 0.96, 0.94),
    # read in round 29 (first 0.945 / 0.950 / 39 of 42 at 7a3963f: pharmacies, prescriptions,
    # dental care and medical aids; PERSONNUMMER 29 of 31, the misses masked on receipts; after
    # 0.965 / 0.973 / 41 of 42, every direct identifier found; a pharmacy with its branch stays
    # ORGANISATION here, VARDENHET there): it no longer measures generalisation
    "pii_blind53.jsonl": (0.96, 0.97, 0.97),
    # read in round 30 (first 0.924 / 0.964 / 42 of 43 at 44a3700: deaf, hard-of-hearing and blind
    # people, relay services, screen readers; every direct identifier found; after 0.985 / 0.997 /
    # 43 of 43; "<X>s äldreboende i <Ort>" is unit + ORT there): it no longer measures generalisation
    "pii_blind54.jsonl": (0.98, 0.99, 0.97),
    # read in round 30 (first 0.944 / 0.944 / 40 of 43 at 824e214: digital care services and apps;
    # two of 12 personnummer missed; after 0.985 / 0.990 / 41 of 43, every direct identifier found;
    # private IP addresses are unlabelled there, labelled in ten older sets): it no longer measures
    # generalisation
    "pii_blind55.jsonl": (0.98, 0.98, 0.95),
    # read in round 31b (first 0.908 / 0.982 / 44 of 44 at 824e214: special housing for the elderly
    # and home health care; every direct identifier found; after 0.968 / 1.000 / 44 of 44; bare
    # "biståndsenheten", "överförmyndaren", "Socialförvaltningen" are ORGANISATION there, unlabelled
    # in the older sets): it no longer measures generalisation
    "pii_blind56.jsonl": (0.96, 0.99, 0.97),
    # read in round 31 (first 0.854 / 0.969 / 49 of 52 at 6001587, 0.858 at c4ccad5: contacts with
    # Försäkringskassan, Arbetsförmedlingen and social services; employers, unions and "FK"/"AF"
    # are ORGANISATION there, 37 of 71 found; after 0.979 / 0.986 / 51 of 52, ORGANISATION 68 of
    # 71, every direct identifier found; account numbers are unlabelled there): it no longer
    # measures generalisation
    "pii_blind57.jsonl": (0.97, 0.98, 0.98),
    # read in round 34 (first 0.931 / 0.951 / 38 of 39 at c4ccad5: pregnancy, birth and newborn
    # care; VARDENHET 32 of 45, ORGANISATION 6 of 8; after 0.985 / 0.981 / 38 of 39, VARDENHET 44
    # of 45, every direct identifier found; a baby's age in weeks is ALDER in the product,
    # unlabelled there): it no longer measures generalisation
    "pii_blind58.jsonl": (0.98, 0.98, 0.97),
    # unread (held out; first score at c4ccad5, every direct identifier found): 59 cancer and
    # palliative care 0.955 / 0.960 / 37 of 37
    "pii_blind59.jsonl": (0.94, 0.95, 0.97),
    # read in round 32 (first 0.949 / 0.971 / 38 of 38 at c4ccad5, 0.954 / 0.973 at a1dc624: formal
    # complaints to patient boards, IVO and JO; ORGANISATION 41 of 48, VARDENHET 46 of 56; after
    # 0.988 / 0.983 / 38 of 38, ORGANISATION 48 of 48, every direct identifier found; "<enhet>,
    # <Ort>" is one VARDENHET there, a unit and a town in the older sets and the product, and a
    # coordinated "Vård- och omsorgsförvaltningen" is unlabelled there): it no longer measures
    # generalisation
    "pii_blind60.jsonl": (0.98, 0.97, 0.97),
    # read in round 33 (first 0.891 / 0.942 / 39 of 42 at a1dc624, 0.894 at 4001d0d: planned
    # surgery and waiting lists, private clinics and health insurers; VARDENHET 53 of 69,
    # ORGANISATION 6 of 13; after 0.967 / 0.987 / 40 of 42, VARDENHET 66 of 69, ORGANISATION 12
    # of 13, every direct identifier found; a named unit "i <Ort>" is a unit and a town there, one
    # VARDENHET in the product): it no longer measures generalisation
    "pii_blind61.jsonl": (0.96, 0.98, 0.95),
    # read in round 32b (first 0.875 / 0.947 / 41 of 44 at a1dc624: homelessness and housing
    # support, ORGANISATION 34 of 55, ALDER 14 of 21; after 0.977 / 0.982 / 43 of 44, every direct
    # identifier found; named women's refuges and pharmacy branches are VARDENHET there,
    # ORGANISATION in the product): it no longer measures generalisation
    "pii_blind62.jsonl": (0.97, 0.97, 0.97),
    # unread (held out; first score at a1dc624, every direct identifier found): 63 neurology and
    # rehabilitation 0.945 / 0.975 / 36 of 37
    "pii_blind63.jsonl": (0.93, 0.96, 0.95),
    # read in round 36 (first 0.948 / 0.935 / 32 of 36 at 6294d58: chronic disease in primary
    # care, dose splits and measurement lists as traps; after 0.981 / 0.990 / 36 of 36, every
    # direct identifier found; "<enhet> i <Ort>" and "<förbund> i <Ort>" are one span in the
    # product, a unit and a town there; a named "Hjälpmedelscentralen <Län>" is VARDENHET in the
    # product, ORGANISATION there): it no longer measures generalisation
    "pii_blind64.jsonl": (0.97, 0.98, 0.97),
    # read in round 35 (first 0.924 / 0.972 / 33 of 35 at 6294d58: emergency care seen by the
    # public, 112, 1177, ambulances; VARDENHET 33 of 38, ALDER 22 of 26; after 0.982 / 0.982 / 34
    # of 35, VARDENHET 38 of 38, ALDER 26 of 26, every direct identifier found; "akuten i <Ort>"
    # is a unit and a town there, one VARDENHET in the product): it no longer measures
    # generalisation
    "pii_blind65.jsonl": (0.98, 0.97, 0.97),
    # read in round 38 (first 0.870 / 0.955 / 34 of 37 at e39e86d: work injuries, occupational
    # health and return to work; ORGANISATION 28 of 39, VARDENHET 14 of 22; after 0.929 / 0.987 /
    # 37 of 37, ORGANISATION 35 of 39, VARDENHET 19 of 22, every direct identifier found; an
    # employer "i <Ort>" and a named unit "i <Ort>" are one span in the product, an organisation or
    # unit and a town there): it no longer measures generalisation
    "pii_blind66.jsonl": (0.92, 0.98, 0.97),
    # read in round 41 (first 0.927 / 0.961 / 32 of 35 at 68b048a: sexual and reproductive health;
    # VARDENHET 34 of 45, ORGANISATION 11 of 14; after 0.969 / 0.977 / 32 of 35, VARDENHET 42 of 45,
    # ORGANISATION 13 of 14, every direct identifier found; a unit or association "i <Ort>" is one
    # span in the product, a unit and a town in four of the set's cases, so ORT stays 18 of 22):
    # it no longer measures generalisation
    "pii_blind67.jsonl": (0.96, 0.97, 0.91),
    # read in round 42 (first 0.928 / 0.953 / 37 of 40 at 68b048a: children in hospital seen by
    # their parents; ALDER 25 of 34, VARDENHET 34 of 46; after 0.978 / 0.975 / 37 of 40, ALDER 33
    # of 34, VARDENHET 41 of 46, every direct identifier found): it no longer measures generalisation
    "pii_blind68.jsonl": (0.97, 0.97, 0.92),
    # read in round 39 (first 0.890 / 0.954 / 39 of 41 at 8a32663: neuropsychiatric assessment and
    # support, private assessment firms and parents' threads; VARDENHET 43 of 58, ORT 18 of 27,
    # ALDER 20 of 24; after 0.960 / 0.985 / 40 of 41, VARDENHET 57 of 58, ALDER 23 of 24, every
    # direct identifier found; a named unit, school or firm "i <Ort>" is a unit and a town there, one
    # span in the product, so ORT stays 18 of 27): it no longer measures generalisation
    "pii_blind69.jsonl": (0.95, 0.975, 0.97),
    # read in round 40 (first 0.919 / 0.959 / 49 of 52 at 68b048a: kidney care, dialysis and
    # transplantation; VARDENHET 35 of 47, ORT 33 of 38, ALDER 23 of 27, ORGANISATION 14 of 17;
    # after 0.983 / 0.980 / 49 of 52, VARDENHET 45 of 47, ORT 36 of 38, ALDER 26 of 27,
    # ORGANISATION 17 of 17, every direct identifier found): it no longer measures generalisation
    "pii_blind70.jsonl": (0.975, 0.975, 0.94),
    # read in round 46 (first 0.910 / 0.928 / 41 of 44 at 68b048a and 10b492c, 0.884 / 0.926 /
    # 41 of 44 on integ 45d6058, whose ALDER fell to 13 of 22: eating disorders, self-harm and
    # suicide prevention; after 0.936 / 0.951 / 42 of 44, ALDER 21 of 22, VARDENHET 27 of 28,
    # ADRESS 9 of 9, every direct identifier found; a generic unit "i <Ort>" is one span in the
    # product, so ORT stays 15 of 20): it no longer measures generalisation
    "pii_blind71.jsonl": (0.93, 0.945, 0.95),
    # read in round 44 (first 0.856 / 0.917 / 41 of 42 at 68b048a, the same on 5ec3bd2:
    # orthopaedics, physiotherapy and sports injuries; ORGANISATION 2 of 16, VARDENHET 19 of 26;
    # after 0.936 / 0.984 / 42 of 42, ORGANISATION 14 of 16, VARDENHET 23 of 26, every direct
    # identifier found; a unit "i <Ort>" is one span in the product, a unit and a town there):
    # it no longer measures generalisation
    "pii_blind72.jsonl": (0.93, 0.98, 0.97),
    # read in round 43 (first 0.889 / 0.956 / 39 of 40 at 68b048a and on blindsets 5ec3bd2: deaths
    # and the bereaved, one telephone number missed; after 0.951 / 0.986 / 40 of 40, every direct
    # identifier found, VARDENHET 36 of 36, ALDER 15 of 15, PERSON 118 of 118; a named unit or firm
    # "i <Ort>" is one span in the product, so ORT stays 21 of 30): it no longer measures
    # generalisation
    "pii_blind73.jsonl": (0.945, 0.98, 0.97),
    # read in round 45 (first 0.799 / 0.934 / 33 of 36 at 68b048a, 0.845 / 0.952 / 33 of 36 on
    # integ 10b492c with the foreign-identifier work: care across borders and abroad; PERSONNUMMER
    # 33 of 38, TELEFON 35 of 36; after 0.886 / 0.971 / 33 of 36, PERSONNUMMER 37 of 38 (a
    # lettered reserve number is JOURNALNUMMER in the product), TELEFON 36 of 36; direct floor
    # 0.97): it no longer measures generalisation
    "pii_blind74.jsonl": (0.88, 0.965, 0.91, 0.97),
    # read in round 47 (first 0.932 / 0.961 / 38 of 39 at 68b048a and main bfabcca: eye care and
    # sight; VARDENHET 30 of 39, ORT 17 of 19, PERSON 88 of 91; after 0.992 / 1.000 / 39 of 39,
    # VARDENHET 38 of 39, PERSON 91 of 91, every direct identifier found; a unit "i <Ort>" is one
    # span in the product, so ORT stays 18 of 19): it no longer measures generalisation
    "pii_blind75.jsonl": (0.98, 0.99, 0.97),
    # read in round 48 (first 0.942 / 0.963 / 35 of 37 at 68b048a, 0.960 / 0.971 / 35 of 37 at
    # bfabcca: women's health; after 0.982 / 0.989 / 37 of 37, every direct identifier found,
    # VARDENHET 39 of 41; a unit "i <Ort>" is one span in the product, so ORT stays 21 of 24):
    # it no longer measures generalisation
    "pii_blind76.jsonl": (0.975, 0.98, 0.97),
    # 77 heart care, read in round 50 (first 0.938 / 0.943 / 32 of 38 at bfabcca, ORGANISATION 4
    # of 9, TELEFON 19 of 20; after 0.988 / 0.996 / 37 of 38, ORGANISATION 8 of 9, every direct
    # identifier found): it no longer measures generalisation
    "pii_blind77.jsonl": (0.98, 0.99, 0.95),
    # read in round 49 (first 0.922 / 0.971 / 43 of 45 at bfabcca, after 0.979 / 1.000 / 45 of
    # 45, every direct identifier found): it no longer measures generalisation; 78 family law and
    # child welfare; names that are words and no list has, a foreign town without a list remain
    "pii_blind78.jsonl": (0.97, 0.99, 0.97),
    # unread (held out; first score at bfabcca, one personnummer and one telephone number
    # missed): 79 gastroenterology and stoma care 0.953 / 0.957 / 34 of 37
    "pii_blind79.jsonl": (0.945, 0.95, 0.91, 0.92),
    # unread (held out; first scores at main 5b4926c, every direct identifier found):
    # 80 rheumatology and dermatology 0.935 / 0.973 / 35 of 38
    "pii_blind80.jsonl": (0.93, 0.965, 0.92),
    # 83 home adaptations, färdtjänst, parking permits, assistive devices 0.937 / 0.987 / 35 of 36
    "pii_blind83.jsonl": (0.93, 0.98, 0.97),
    # 87 stroke and neurological rehabilitation 0.945 / 0.969 / 36 of 38
    "pii_blind87.jsonl": (0.94, 0.965, 0.94),
    # 82 ear, nose and throat, hearing and sleep, read in round 54 (first 0.928 / 0.959 / 32 of 36
    # at main 5b4926c; after 0.965 / 0.992 / 36 of 36, every direct identifier found; "<enhet> i
    # <Ort>" stays one span and an interpreting centre a unit in the product): it no longer
    # measures generalisation
    "pii_blind82.jsonl": (0.96, 0.99, 0.97),
    # 81 fees and invoices in elderly care, home help and LSS, read in round 52 (first 0.924 /
    # 0.961 / 31 of 35 at main 5b4926c, VARDENHET 24 of 35, ORT 41 of 51, ORGANISATION 27 of 36;
    # after 0.958 / 0.977 / 33 of 35, VARDENHET 32 of 35, ORGANISATION 31 of 36, PERSON 144 of
    # 145, every direct identifier found; a unit "i <Ort>" is one span in the product, so ORT
    # stays 41 of 51, and every account number is KONTONUMMER): it no longer measures generalisation
    "pii_blind81.jsonl": (0.955, 0.97, 0.94),
    # 85 health care in prisons, remand and probation, read in round 51 (first 0.895 / 0.931 / 33
    # of 36 at 7e80c9e; after 0.935 / 0.949 / 35 of 36, every direct identifier found; "häktet i
    # <Ort>" stays the word and the town in the product): it no longer measures generalisation
    "pii_blind85.jsonl": (0.93, 0.945, 0.97),
    # 84 type 1 diabetes in children, read in round 53 (first 0.929 / 0.974 / 35 of 36 at main
    # 5b4926c, one personnummer of 21 missed; after 0.957 / 0.992 / 36 of 36, every direct
    # identifier found): it no longer measures generalisation
    "pii_blind84.jsonl": (0.955, 0.99, 0.97),
    # 86 dental care for adults and children, read in round 55 (first 0.895 / 0.940 / 31 of 37 at
    # main da3f1af, one phone number of 36 read as a personnummer; after 0.910 / 0.949 / 31 of 37,
    # every direct identifier found; "<enhet> i <Ort>" stays one span and "Patientnämnden" alone
    # stays unmarked in the product): it no longer measures generalisation
    "pii_blind86.jsonl": (0.905, 0.945, 0.83),
    # 90 health care for asylum seekers and the newly arrived, through interpreters, read in round
    # r60 (first 0.860 / 0.908 / 34 of 37 at main 9a6b647; after 0.934 / 0.964 / 36 of 37, every
    # direct identifier found; "<enhet> i <Ort>" stays one span, LMA numbers stay JOURNALNUMMER in
    # the product): it no longer measures generalisation
    "pii_blind90.jsonl": (0.925, 0.955, 0.94),
    # 89 school health, youth clinics and student health, read in round r61 (first 0.883 / 0.925 /
    # 33 of 35 at main 9a6b647, 0.886 at integ e5fd7e5; after 0.941 / 0.951 / 34 of 35, every direct
    # identifier found; "<skola/socialtjänsten/enhet> i <Ort>" stays one span, a Swish number
    # KONTONUMMER, CSN an ORGANISATION and "Studenthälsan" alone a unit in the product): it no
    # longer measures generalisation
    "pii_blind89.jsonl": (0.935, 0.945, 0.94),
    # 88 ambulance, emergency departments and 1177 advice, read in round r62 (first 0.898 / 0.967 /
    # 35 of 36 at main 9a6b647, 0.905 / 0.968 / 35 of 36 at integ e5fd7e5; after 0.953 / 0.976 /
    # 35 of 36, every direct identifier found; "<enhet> i <Ort>" stays one span and "Patientnämnden"
    # alone stays unmarked in the product): it no longer measures generalisation
    "pii_blind88.jsonl": (0.945, 0.97, 0.97),
    # 91 digital care and pharmacies, read in round r59 (first 0.837 / 0.959 / 34 of 37 at main
    # 9a6b647, every direct identifier found; after 0.925 / 0.987 / 37 of 37; "<enhet/apotek> i
    # <Ort>" stays one span, banks and "Patientnämnden" alone stay unmarked in the product): it no
    # longer measures generalisation
    "pii_blind91.jsonl": (0.915, 0.975, 0.97),
    # 92 harm reduction and addiction services, read in round r63 (first 0.882 / 0.929 / 35 of 36
    # at main 9a6b647, every direct identifier found; after 0.921 / 0.959 / 35 of 36, every direct
    # identifier found; "<enhet/socialtjänsten> i <Ort>" stays one span, a Swish number
    # KONTONUMMER, "Polisen" and "NA" alone stay unmarked in the product): it no longer measures
    # generalisation
    "pii_blind92.jsonl": (0.915, 0.955, 0.97),
    # 93 access to records, access logs and data-protection requests, read in round r64 (first
    # 0.933 / 0.969 / 34 of 37 at main 9a6b647 and bcc8ccf, one personnummer of 20 replaced under
    # TELEFON; after 0.982 / 0.994 / 36 of 37, every direct identifier found; "<enhet/organisation>
    # i <Ort>" stays one span and an HSA-id JOURNALNUMMER in the product): it no longer measures
    # generalisation
    "pii_blind93.jsonl": (0.975, 0.985, 0.94),
    # 95 adult psychiatry, read in round r65 (first 0.924 / 0.973 / 39 of 40 at main bcc8ccf, one
    # samordningsnummer of 19 not found; after 0.959 / 0.991 / 40 of 40, every direct identifier
    # found; a unit's generic word before its town ("psyken i <Ort>") and lowercase speech forms of
    # units stay unmarked in the product): it no longer measures generalisation
    "pii_blind95.jsonl": (0.95, 0.985, 0.97),
    # sets 94 and 97, written blind 2026-12-02 and scored once on main bcc8ccf before anyone read
    # them (floors a little under the first figures; every direct identifier found)
    "pii_blind94.jsonl": (0.90, 0.925, 0.84),
    "pii_blind97.jsonl": (0.885, 0.955, 0.92),
    # 96 long-term pain, ME/CFS, post-covid and fibromyalgia, read in round r66 (first 0.905 /
    # 0.944 / 35 of 38 at main bcc8ccf, two phone numbers and one e-mail address missed; after
    # 0.954 / 0.977 / 37 of 38, every direct identifier found; bankgiro and plusgiro numbers stay
    # KONTONUMMER and "<enhet> i <Ort>" one span in the product): it no longer measures generalisation
    "pii_blind96.jsonl": (0.945, 0.97, 0.97),
}


def test_blind_sets_stay_above_a_floor() -> None:
    paths = sorted(BLIND_DIR.glob("pii_blind*.jsonl"))
    assert len(paths) >= 4
    for path in paths:
        if path.name in OTHER_SCHEME:
            recall, precision, untouched, total = _score(path, any_label=True)
            assert total >= OTHER_SCHEME[path.name], (path.name, recall)
            assert min(recall[k] for k in ("PERSONNUMMER", "TELEFON", "EPOST")) >= 0.99, (path.name, recall)
            assert precision >= 0.93 and untouched >= 0.80, path.name
            continue
        recall, precision, untouched, total = _score(path)
        if path.name in OWN_FLOORS:
            floor_total, floor_precision, floor_untouched, *direct = OWN_FLOORS[path.name]
            assert total >= floor_total, (path.name, recall)
            direct_floor = direct[0] if direct else 0.99
            assert min(recall[k] for k in ("PERSONNUMMER", "TELEFON", "EPOST")) >= direct_floor, (path.name, recall)
            assert precision >= floor_precision and untouched >= floor_untouched, (path.name, precision, untouched)
            continue
        # a floor under today's figures (0.90–0.99 total recall), not the target
        assert total >= 0.90, (path.name, recall)
        direct = HELD_OUT.get(path.name, 0.99)
        assert min(recall[k] for k in ("PERSONNUMMER", "TELEFON", "EPOST")) >= direct, (path.name, recall)
        assert precision >= 0.95 and untouched >= 0.90, path.name
