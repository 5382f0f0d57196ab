"""Round 52 kinds of construction (fees and invoices in elderly care, home help and LSS; blind
set 81): a street of a position word and a wider bare street word ("Östra Promenaden 4"); a
bank's transaction reference beside an account number's shape; a Swedish word cut short after
"-istr." on an invoice's line beside a German street abbreviation; a day centre and a
home-help team named before their word, an LSS team by its district; a municipality's office on
"-enheten" and a department named by two fields, each with its municipality; the governing board
as an addressee; a home on "-gården" in lower case with its town; a first name's short form
("Th.") before a surname and an initial with a word-surname in a person's field; a firm named
before its trade ("… Inkasso"); a home named like a hamlet in a text about care fees or on an
invoice, and a home named by a flower or a bird in the definite form in a text about care.
Look-alikes stay untouched. Own examples: invented names, numbers, units and streets; towns from
the place list, none from the sets."""

from __future__ import annotations

import pytest

from tests.pseudonymise_support import values_labelled

pytestmark = pytest.mark.utan_databas

KEY = b"round-52-test-key-0123456789abcdef"


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        # a position word and a wider bare street word, with its number
        ("Räkningen gick till Norra Promenaden 12 av misstag.", "ADRESS", "Norra Promenaden 12"),
        ("Vi bor numera på Södra Kajen 3 i Luleå.", "ADRESS", "Södra Kajen 3"),
        # an account number next to a payment still counts
        ("Återbetalningen går till konto 8327-9, 123 456 789-0 i morgon.", "KONTONUMMER", "8327-9, 123 456 789-0"),
        # a German street cut short after "str." is still a street
        ("Mein Sohn wohnt in der Lindenstr. 14 in Bremen.", "ADRESS", "Lindenstr. 14"),
        # a day centre and a home-help team named before their word; an LSS team by its district
        ("Hon går på Backens dagcenter tre dagar i veckan.", "VARDENHET", "Backens dagcenter"),
        ("Han fick hjälp av Byn hemtjänstgrupp i två år.", "VARDENHET", "Byn hemtjänstgrupp"),
        ("Hälsningar Eva, enhetschef LSS Norra", "VARDENHET", "LSS Norra"),
        # a municipality's office on "-enheten" with its municipality: one ORGANISATION
        ("Handläggaren på Avgiftsenheten i Arboga kommun ringde.", "ORGANISATION", "Avgiftsenheten i Arboga kommun"),
        # a department named by two fields of the municipality's work, with its municipality
        ("Fakturan kom från Vård och omsorg i Arboga kommun.", "ORGANISATION", "Vård och omsorg i Arboga kommun"),
        ("Stöd och service i Lerums kommun svarade inte.", "ORGANISATION", "Stöd och service i Lerums kommun"),
        # the municipality's governing board as an addressee
        ("Till: Kommunstyrelsen, Arboga kommun", "ORGANISATION", "Kommunstyrelsen"),
        # a home named on "-gården" in lower case, with its town (one unit, the product's decision)
        ("min mormor bor på tallgården i hallstahammar nu", "VARDENHET", "tallgården i hallstahammar"),
        # a first name's conventional short form before a surname; an initial and a word-surname
        # in a person's field of a form
        ("Namn (frivilligt): Th. Lindqvist", "PERSON", "Th. Lindqvist"),
        ("Handläggare: K. Sand, tfn 0586-614 02", "PERSON", "K. Sand"),
        ("Kontaktperson: M. Sten", "PERSON", "M. Sten"),
        # a debt collector or a law firm named before its trade, the name a surname or a word-name
        ("Ett krav från Lindahl Inkasso kom i dag.", "ORGANISATION", "Lindahl Inkasso"),
        ("Vi anlitade Nyberg Juridik förra året.", "ORGANISATION", "Nyberg Juridik"),
        ("Ett krav från Rut Inkasso kom.", "ORGANISATION", "Rut Inkasso"),
        # a first name before the surname belongs to the firm's name
        ("Vi anlitade Eva Lindahl Juridik i fjol.", "ORGANISATION", "Eva Lindahl Juridik"),
        # a home named like a hamlet in a text about an old person's care fees
        ("Min mamma är 88 år och bor på Ekbacken, minimibeloppet räcker inte.", "VARDENHET", "Ekbacken"),
        # an invoice from a home named like a hamlet: a place sends none
        ("Pappas faktura från Tallängen är för hög.", "VARDENHET", "Tallängen"),
        # a home named by a flower or a bird in the definite form, in a text about care
        ("Hej alla anhöriga på Blåklockan!", "VARDENHET", "Blåklockan"),
        ("Min mormor på Linnean har hemtjänst två gånger om dagen.", "VARDENHET", "Linnean"),
    ],
)
def test_round52_constructions_are_found(text: str, label: str, value: str) -> None:
    assert value in values_labelled(text, label, KEY)


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        # a position word and a street word without a number is no address
        ("Vi promenerade längs Norra Promenaden hela eftermiddagen.", "ADRESS", "Norra Promenaden"),
        # a bank's reference for one payment is no account
        ("Kvitto från banken: transaktions-ID 5531-2290-0184, 450 kr.", "KONTONUMMER", "5531-2290-0184"),
        ("Transaktionsnr 7712-4410-3321 gäller augusti.", "KONTONUMMER", "7712-4410-3321"),
        # a Swedish word cut short after "-istr." on an invoice's line is no street
        ('Rader: "Matdistr. 14 port.", "Larm 1 st".', "ADRESS", "Matdistr. 14"),
        ("Registr. 3 st enligt listan.", "ADRESS", "Registr. 3"),
        # a day centre in general, and the law's name before a capitalised word
        ("Ett dagcenter i stan vore bra.", "VARDENHET", "dagcenter"),
        ("Beslut enligt LSS Insatser beviljas.", "VARDENHET", "LSS Insatser"),
        # a care unit on "-enheten" in a town is still a unit
        ("Vi fick hjälp av Ätstörningsenheten i Lund.", "ORGANISATION", "Ätstörningsenheten i Lund"),
        # two words joined by "och" that are no field of a municipality's work
        ("Sol och bad i Arboga kommun var bra.", "ORGANISATION", "Sol och bad i Arboga kommun"),
        # the board in lower case in running text
        ("Frågan ska upp i kommunstyrelsen i höst.", "ORGANISATION", "kommunstyrelsen"),
        # a farm or a yard the lexicon knows is no home
        ("Vi köpte ägg på bondgården i Kil.", "VARDENHET", "bondgården i Kil"),
        ("Vi köpte ägg på gården i Kil.", "VARDENHET", "gården i Kil"),
        # a saint's and a doctor's short forms are no initials
        ("Vi var på St. Görans i går.", "PERSON", "St. Görans"),
        ("Dr. Berg ringde i morse.", "PERSON", "Dr. Berg"),
        # an ordinary word after a field that names no person
        ("Resultat: A. Bra jobbat av alla.", "PERSON", "A. Bra"),
        # a trade word after a verb or a preposition opening a sentence
        ("Ring Inkasso direkt om du inte kan betala.", "ORGANISATION", "Ring Inkasso"),
        ("Om Inkasso och skulder finns mer att läsa.", "ORGANISATION", "Om Inkasso"),
        # a hamlet's name with no care, no relative and no invoice around it stays a place
        ("Vi bor på Ekbacken sedan tio år.", "VARDENHET", "Ekbacken"),
        # an everyday office or employer in the definite form, and an island on the place list
        ("Min mamma jobbar på Posten och hemtjänsten kommer till pappa.", "VARDENHET", "Posten"),
        ("Vi var på Kommunen i går om hemtjänsten.", "VARDENHET", "Kommunen"),
        ("Min pappa bor på Tjörn och har hemtjänst.", "VARDENHET", "Tjörn"),
        # a woman by her nation or a language in the definite form is no home
        ("Personalen var trevlig, vi satt på Spanjorskan hela kvällen.", "VARDENHET", "Spanjorskan"),
        # a firm's invoice, not a home's
        ("Fakturan från Telia var hög i år.", "VARDENHET", "Telia"),
        # the person is still found when the firm stands apart
        ("Ett krav från Rut Inkasso kom.", "PERSON", "Rut"),
    ],
)
def test_round52_look_alikes_stay_untouched(text: str, label: str, value: str) -> None:
    assert value not in values_labelled(text, label, KEY)
