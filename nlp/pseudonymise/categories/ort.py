"""ORT: towns and places ("från Vilhelmina", "961 23 Boden"); countries are not personal data."""

from __future__ import annotations

from nlp.pseudonymise.category import Category
from nlp.pseudonymise.recognisers.adjective_centres import find_adjective_centres
from nlp.pseudonymise.recognisers.assessment_units import find_assessment_units
from nlp.pseudonymise.recognisers.birth_units import find_birth_units
from nlp.pseudonymise.recognisers.care_homes import find_care_homes
from nlp.pseudonymise.recognisers.chat_answers import find_chat_answers
from nlp.pseudonymise.recognisers.clinic_sites import find_clinic_sites
from nlp.pseudonymise.recognisers.complaint_units import find_complaint_units
from nlp.pseudonymise.recognisers.datelines import find_datelines
from nlp.pseudonymise.recognisers.emergency_units import find_emergency_units
from nlp.pseudonymise.recognisers.event_places import find_event_places
from nlp.pseudonymise.recognisers.foreign_units import find_foreign_units
from nlp.pseudonymise.recognisers.health_compounds import find_health_compounds
from nlp.pseudonymise.recognisers.holiday_places import find_holiday_places
from nlp.pseudonymise.recognisers.hospital_shorthands import find_hospital_shorthands
from nlp.pseudonymise.recognisers.hospital_transfers import find_hospital_transfers
from nlp.pseudonymise.recognisers.housing_support import find_housing_support
from nlp.pseudonymise.recognisers.institution_stays import find_institution_stays
from nlp.pseudonymise.recognisers.interpreter_agencies import find_interpreter_agencies
from nlp.pseudonymise.recognisers.interview_notes import find_form_places
from nlp.pseudonymise.recognisers.names_in_context import find_person_in_context
from nlp.pseudonymise.recognisers.occupational_health import find_occupational_health
from nlp.pseudonymise.recognisers.organisation_centres import find_organisation_centres
from nlp.pseudonymise.recognisers.origin_places import find_origin_places
from nlp.pseudonymise.recognisers.person_place import find_person_and_place
from nlp.pseudonymise.recognisers.place_compounds import find_place_compounds
from nlp.pseudonymise.recognisers.places_in_speech import find_places_in_speech
from nlp.pseudonymise.recognisers.private_clinics import find_private_clinics
from nlp.pseudonymise.recognisers.rural_place_names import find_rural_place_names
from nlp.pseudonymise.recognisers.rural_units import find_rural_units
from nlp.pseudonymise.recognisers.school_names import find_school_names
from nlp.pseudonymise.recognisers.script_places import find_script_places
from nlp.pseudonymise.recognisers.script_units import find_script_units
from nlp.pseudonymise.recognisers.specialty_units import find_specialty_units
from nlp.pseudonymise.recognisers.spoken_addresses import find_spoken_addresses
from nlp.pseudonymise.recognisers.sports_clubs import find_sports_clubs
from nlp.pseudonymise.recognisers.written_out import find_shouted
from nlp.pseudonymise.recognisers.youth_homes import find_youth_homes

CATEGORY = Category(
    label="ORT",
    priority=100,
    recognisers=(
        find_person_and_place,
        find_person_in_context,
        find_shouted,
        find_place_compounds,
        find_form_places,
        find_places_in_speech,
        find_holiday_places,  # "semester i Torrevieja"
        find_foreign_units,  # "Hospital Quirónsalud Marbella" (VARDENHET; vardenhet.py is near its size limit)
        find_chat_answers,
        # homes for young people and the town after them (VARDENHET + ORT); named here, not in
        # vardenhet.py, which is at the module size limit
        find_youth_homes,
        find_rural_place_names,
        find_rural_units,  # home-care groups, cottage hospitals, mobile teams (VARDENHET), likewise
        find_spoken_addresses,  # the town after a postcode said in words
        find_script_places,  # "в Кируне", "في كارلستاد", "Karlstad'da", "Pajalasta"
        # hospitals named in Arabic or Cyrillic letters (VARDENHET; vardenhet.py is at its size limit)
        find_script_units,
        find_clinic_sites,  # "Vaccinationscentralen <Ort>" (VARDENHET; vardenhet.py is at its size limit)
        find_care_homes,  # "bor på <X>backen" in a text about care (VARDENHET), likewise
        find_complaint_units,  # "Geriatrisk avdelning 14", "<enhet>, <Ort>" (VARDENHET), likewise
        # shelters (VARDENHET), missions, landlords and offices (ORGANISATION; organisation.py and
        # vardenhet.py are at the module size limit)
        find_housing_support,
        find_private_clinics,  # "<X> Knee Center <Ort>", "Ortopedi Väst", "vc i <ort>" (VARDENHET), likewise
        find_birth_units,  # "Neonatalavdelning 12 på <sjukhus>", "BMM Norr", "<X> IVF" (VARDENHET), likewise
        # "Barnakuten <Kunglig> <X>s barnsjukhus", "Ambulanssjukvården Region <Län>", "akuten på <FÖRK>", likewise
        find_emergency_units,
        # "Neurocentrum Syd", "utredning hos <Firma>" (VARDENHET), "Autism <Län>" (ORGANISATION), likewise
        find_assessment_units,
        # "Företagshälsan <X> Norr", "<X> Företagshälsa <Ort>", "<X>medicin i <Ort>", "IVA <sjukhus>", likewise
        find_occupational_health,
        # "Mora IK", "IFK Norrköping", "Göteborgs Schackförbund" (ORGANISATION), likewise
        find_sports_clubs,
        # "på mora lasarett", "ligger på SÄS Borås" (VARDENHET), likewise
        find_hospital_shorthands,
        find_hospital_transfers,  # "från <Ort> lasarett till <FÖRK>" (VARDENHET), likewise
        # "ÖNH i <Ort>", "<Vårdgivare> ÖNH <Ort>", "att hörcentralen i <Ort> …" (VARDENHET), likewise
        find_specialty_units,
        # "<Förening>s behandlingscenter för … i <Ort>", "<X>hälsan i <Ort>", "Psykosocialt centrum"
        # (VARDENHET), "tolken från <Firma>" (ORGANISATION), likewise
        find_organisation_centres,
        find_health_compounds,
        find_adjective_centres,
        find_interpreter_agencies,
        find_origin_places,  # "41 år, från <Stad>", "ensamkommande från <Stad>"
        # "Anna Lindhgymnasiet", "Rudbeckianska gymnasiet", "LÖNNBACKASKOLAN" (ORGANISATION;
        # organisation.py is at the module size limit)
        find_school_names,
        find_event_places,  # "knivskuren i <X>", "hem till oss i <X>", "vägen genom <X>"
        # "har suttit på <X>", "kom till <X> på LVM" in a text about LVM or treatment (VARDENHET), likewise
        find_institution_stays,
        find_datelines,  # "<Ort> 2025-03-14." closing a certificate, "<Ort> den 4 maj 2025" a letter
    ),
    description="orter",
)
