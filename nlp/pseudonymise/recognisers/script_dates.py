"""Dates with the month named in another language: "١٢ مارس ٢٠٢٥", "۱۵ مارس", "3 апреля", "12 вересня",
"7 lutego", "5 Nisan'da", "10 maarso", "5. maaliskuuta", "5 มีนาคม 2568", "14. februar", "1. Mai".

A multilingual answer names the month in the writer's language, in its own script and in the
case a day number takes (Russian, Ukrainian, Polish and Finnish decline the month after a day;
Turkish adds its suffix after an apostrophe, which stays outside the date). The digits of any
script are read as 0-9 before this runs. A day (1-31) with a month name after it, and a year
when one follows (a Thai Buddhist-era year, 25xx, too), is a date, as "3 mars" is in Swedish.
"""

from __future__ import annotations

import re

from nlp.core import Span

_MONTHS = (
    # Arabic: the Egyptian/Gulf names and the Levantine ones
    "يناير فبراير مارس أبريل ابريل إبريل مايو يونيو يونيه يوليو يوليه أغسطس اغسطس سبتمبر أكتوبر اكتوبر نوفمبر "
    "ديسمبر شباط آذار نيسان أيار حزيران تموز آب أيلول "
    # Persian: Gregorian months and the solar calendar's
    "ژانویه فوریه آوریل ژوئن ژوئیه اوت سپتامبر اکتبر نوامبر دسامبر فروردین اردیبهشت خرداد تیر مرداد "
    "شهریور مهر آبان آذر دی بهمن اسفند "
    # Russian and Ukrainian (genitive, after a day)
    "января февраля марта апреля мая июня июля августа сентября октября ноября декабря "
    "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня "
    # Polish (genitive), Bosnian/Croatian/Serbian
    "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia "
    "januara februara marta aprila juna jula augusta septembra oktobra novembra decembra "
    "siječnja veljače ožujka travnja svibnja lipnja srpnja kolovoza rujna studenoga prosinca "
    # Turkish, Somali
    "Ocak Şubat Mart Nisan Mayıs Haziran Temmuz Ağustos Eylül Ekim Kasım Aralık "
    "Janaayo Jannaayo Febraayo Feberwari Maarso Abriil Abriil Maajo Juun Luulyo Ogosto Agoosto Sebtembar "
    "Oktoobar Nofembar Desembar "
    # Norwegian, Danish and German, the day with its ordinal point ("14. februar", "1. Mai", "3. mars"):
    # the names Swedish shares are here for that point, which the Swedish rule does not take
    "januar februar mars april mai juni juli august september oktober november desember december "
    "Januar Februar März Mai Juni Juli August September Oktober November Dezember Jänner "
    # Finnish (partitive, after "5.")
    "tammikuuta helmikuuta maaliskuuta huhtikuuta toukokuuta kesäkuuta heinäkuuta elokuuta syyskuuta "
    "lokakuuta marraskuuta joulukuuta "
    # Thai
    "มกราคม กุมภาพันธ์ มีนาคม เมษายน พฤษภาคม มิถุนายน กรกฎาคม สิงหาคม กันยายน ตุลาคม พฤศจิกายน ธันวาคม"
).split()
_MONTH = "|".join(sorted({m for w in _MONTHS for m in (w, w.lower())}, key=len, reverse=True))
_DATE = re.compile(
    r"(?<![\w.,/-])(?P<d>\d{1,2})\.?[ \t\u00a0]*(?:"
    + _MONTH
    + r")(?![^\W\d_])(?:[ \t\u00a0]+(?:1[89]|2[05])\d\d(?!\d))?"
)


def find_script_dates(text: str) -> list[Span]:
    """A day and a month named in another language (with the year after it)."""
    # the pattern opens with a digit, so the scan stops at digits only; a pre-check for a month
    # name (an alternation of 150 words, case-insensitive) cost more than the pattern itself
    return [Span(m.start(), m.end(), "DATUM") for m in _DATE.finditer(text) if 1 <= int(m.group("d")) <= 31]
