"""PERSON: names, from the name lists and from context (titles, greetings, verbs)."""

from __future__ import annotations

from nlp.pseudonymise.category import Category
from nlp.pseudonymise.recognisers.attendance_lists import find_listed_people
from nlp.pseudonymise.recognisers.authority_pairs import find_authority_pairs
from nlp.pseudonymise.recognisers.bracketed_relations import find_bracketed_relations
from nlp.pseudonymise.recognisers.care_notes import find_care_notes
from nlp.pseudonymise.recognisers.care_providers import find_care_providers
from nlp.pseudonymise.recognisers.chat_handles import find_chat_handles
from nlp.pseudonymise.recognisers.chat_names import find_chat_names
from nlp.pseudonymise.recognisers.child_ages import find_child_ages
from nlp.pseudonymise.recognisers.comment_headers import find_comment_headers
from nlp.pseudonymise.recognisers.complaint_bodies import find_complaint_bodies
from nlp.pseudonymise.recognisers.dialogue import find_chat_speakers
from nlp.pseudonymise.recognisers.english_kin import find_english_kin
from nlp.pseudonymise.recognisers.forum import find_forum_names
from nlp.pseudonymise.recognisers.insurers import find_insurers
from nlp.pseudonymise.recognisers.interview_notes import find_ip_names
from nlp.pseudonymise.recognisers.introduced_ages import find_introduced_ages
from nlp.pseudonymise.recognisers.introductions import find_kin_names, find_self_introduction
from nlp.pseudonymise.recognisers.later_ages import find_later_ages
from nlp.pseudonymise.recognisers.law_firms import find_law_firms
from nlp.pseudonymise.recognisers.mail_headers import find_mail_senders
from nlp.pseudonymise.recognisers.name_predicates import find_name_predicates
from nlp.pseudonymise.recognisers.name_spellings import find_name_spellings
from nlp.pseudonymise.recognisers.names_before_heter import find_names_before_heter
from nlp.pseudonymise.recognisers.names_in_context import find_person_in_context
from nlp.pseudonymise.recognisers.nicknames import find_nicknames
from nlp.pseudonymise.recognisers.parent_threads import find_parent_threads
from nlp.pseudonymise.recognisers.person_place import find_person_and_place
from nlp.pseudonymise.recognisers.praised_staff import find_praised_staff
from nlp.pseudonymise.recognisers.predicate_ages import find_predicate_ages
from nlp.pseudonymise.recognisers.pronoun_named import find_pronoun_named
from nlp.pseudonymise.recognisers.pupil_names import find_pupil_names
from nlp.pseudonymise.recognisers.script_names import find_script_names
from nlp.pseudonymise.recognisers.self_ages import find_self_ages
from nlp.pseudonymise.recognisers.sick_children import find_sick_children
from nlp.pseudonymise.recognisers.signature_lines import find_signature_lines
from nlp.pseudonymise.recognisers.spoken_names import find_spoken_names
from nlp.pseudonymise.recognisers.staff_in_brackets import find_staff_in_brackets
from nlp.pseudonymise.recognisers.staff_initials import find_staff_initials
from nlp.pseudonymise.recognisers.street_notes import find_street_notes
from nlp.pseudonymise.recognisers.unit_purposes import find_unit_purposes
from nlp.pseudonymise.recognisers.usernames import find_usernames
from nlp.pseudonymise.recognisers.ward_names import find_ward_names
from nlp.pseudonymise.recognisers.work_organisations import find_work_organisations

CATEGORY = Category(
    label="PERSON",
    priority=90,
    recognisers=(
        find_person_and_place,
        find_introduced_ages,  # ALDER: alder.py is at the module size limit
        find_later_ages,  # ALDER, as above
        find_person_in_context,
        find_self_introduction,
        find_kin_names,
        find_forum_names,
        find_staff_initials,
        find_staff_in_brackets,  # "kirurg (Lundin)", "svar till lisa:"
        find_signature_lines,
        find_listed_people,
        find_usernames,
        find_nicknames,
        find_ip_names,
        find_spoken_names,
        find_name_predicates,
        find_pronoun_named,  # "Sten på dialysen har … . Han …"
        find_praised_staff,  # "Ros på apoteket är en ängel"
        find_self_ages,  # ALDER "Jag (student, 24)": alder.py is at the module size limit
        find_pupil_names,  # "Bo i 6A", "Dina som mentor", "J. Berg", "Namn: dina björklund"
        find_chat_names,
        find_chat_speakers,  # "[18:42] Eva Lind:", "09.15 olle b:"
        find_chat_handles,  # "<Sara_apotekare>", "[2024-05-11 08:12] farm.Oskar:" (its date DATUM)
        find_mail_senders,
        find_comment_headers,
        find_bracketed_relations,
        find_script_names,  # names in Arabic, Persian, Cyrillic, Ethiopic and Thai script
        find_english_kin,  # "my grandfather Kofi Boateng"
        find_care_notes,  # a contact book's signed entries, a rota's first names
        find_authority_pairs,  # "med TLV och Läkemedelsverket" (ORGANISATION)
        find_care_providers,  # "Läkaren på <Provider>", "<X>.se", "<X>-psykologen", "chatten hos <X>" (ORGANISATION)
        # firms, newspapers, a region's services (ORGANISATION; organisation.py is at the size limit)
        find_complaint_bodies,
        find_street_notes,  # outreach notes: rough ages (ALDER), initials, names by their room
        find_insurers,  # "<X> Skadeförsäkring", "försäkring hos <X>" (ORGANISATION), likewise
        find_ward_names,  # "avd granen" (VARDENHET), "/<Förnamn> B, avd <X>" at the end
        find_law_firms,  # "Advokatfirman <X> & <Y>", "<X> Advokatbyrå" (ORGANISATION), likewise
        find_sick_children,  # "Max hade 39,5" (PERSON), "Elsa var 5 månader" (ALDER, likewise)
        find_name_spellings,  # "Nej förresten, Sjöbergh med h."
        find_parent_threads,  # "ture är 9 nu", "pappa_till_Sixten" (PERSON), "Elvira (nästan 9)" (ALDER, likewise)
        find_work_organisations,  # "Facket (<X>)", "<X> Region Syd", "avslag från <FÖRK>" (ORGANISATION), likewise
        find_unit_purposes,  # "Mottagningen för ätstörningar vid Karolinska" (VARDENHET; vardenhet.py is at the limit)
        find_child_ages,  # "barn i hemmet, 4 och 9 år", "Tyra (sju) sa" (ALDER and PERSON; alder.py is at the limit)
        find_predicate_ages,  # "Jag är lastbilschaufför och 52 år", "Lova är 3,5 år" (ALDER; alder.py is at the limit)
        find_names_before_heter,  # "Dag och Sol heter mina barn"
    ),
    description="namn",
)
