"""Swedish for the frame typer draws around our (Swedish) help texts and errors.

typer keeps its panel titles and hints as module-level strings in `typer.rich_utils`
(meant to be overridden), and prints usage errors through `rich_format_error`. Its
vendored click writes the error sentences themselves in English with no translation
hook, so those are translated here by pattern before typer prints them. Not covered:
the "Usage:" prefix and the --help option's own line, which typer hard-codes.
"""

from __future__ import annotations

import re
from typing import Any

from typer import rich_utils

# typer.rich_utils constant -> Swedish
PANEL_TEXTS: dict[str, str] = {
    "ARGUMENTS_PANEL_TITLE": "Argument",
    "OPTIONS_PANEL_TITLE": "Val",
    "COMMANDS_PANEL_TITLE": "Kommandon",
    "ERRORS_PANEL_TITLE": "Fel",
    "ABORTED_TEXT": "Avbrutet.",
    "DEFAULT_STRING": "[standard: {}]",
    "ENVVAR_STRING": "[miljövariabel: {}]",
    "REQUIRED_LONG_STRING": "[krävs]",
    "DEPRECATED_STRING": "(föråldrad) ",
    "RICH_HELP": "Skriv [blue]'{command_path} {help_option}'[/] för hjälp.",
}

# click's error sentences (as typer's vendored click writes them) -> Swedish
ERRORS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^Missing argument '(.+?)'\.(.*)$", re.S), r"Argumentet '\1' saknas.\2"),
    (re.compile(r"^Missing option '(.+?)'\.(.*)$", re.S), r"Valet '\1' saknas.\2"),
    (re.compile(r"^Missing parameter '(.+?)'\.(.*)$", re.S), r"Värdet '\1' saknas.\2"),
    (re.compile(r"^No such option: (\S+?)\s+Did you mean (\S+?)\?$"), r"Valet \1 finns inte. Menade du \2?"),
    (re.compile(r"^No such option: (\S+)$"), r"Valet \1 finns inte."),
    (re.compile(r"^No such command '(.+?)'\.$"), r"Kommandot '\1' finns inte."),
    (re.compile(r"^Got unexpected extra arguments? \((.*)\)$"), r"Oväntat extra argument: \1"),
    (re.compile(r"^Option '(.+?)' requires an argument\.$"), r"Valet '\1' behöver ett värde."),
    (re.compile(r"^Invalid value for (.+?): (.*)$", re.S), r"Ogiltigt värde för \1: \2"),
]
# the reasons inside "Invalid value for …: <reason>"
REASONS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"'(.*)' is not a valid float\."), r"'\1' är inget decimaltal (skriv till exempel 0.9)."),
    (re.compile(r"'(.*)' is not a valid integer\."), r"'\1' är inget heltal."),
    (re.compile(r"'(.*)' is not one of (.*)\."), r"'\1' är inte något av \2."),
    (re.compile(r"(?:File|Path|Directory) '(.*)' does not exist\."), r"'\1' finns inte."),
    # typer's own type checks
    (re.compile(r"Input should be a valid number[^\n]*"), "skriv ett tal, till exempel 0.9."),
    (re.compile(r"Input should be a valid integer[^\n]*"), "skriv ett heltal, till exempel 5."),
    (re.compile(r"Input should be a valid boolean[^\n]*"), "skriv ja eller nej (true/false)."),
]


def translate(message: str) -> str:
    """One click error sentence in Swedish (unchanged if no pattern knows it)."""
    for pattern, repl in ERRORS:
        if pattern.match(message):
            message = pattern.sub(repl, message, count=1)
            break
    for pattern, repl in REASONS:
        message = pattern.sub(repl, message)
    return message


def install() -> None:
    """Swedish panel texts, and errors translated before typer prints them (idempotent)."""
    for name, text in PANEL_TEXTS.items():
        if hasattr(rich_utils, name):
            setattr(rich_utils, name, text)
    original = getattr(rich_utils.rich_format_error, "__wrapped_sv__", rich_utils.rich_format_error)

    def rich_format_error_sv(self: Any) -> None:
        english = self.format_message
        self.format_message = lambda: translate(english())
        original(self)

    rich_format_error_sv.__wrapped_sv__ = original  # type: ignore[attr-defined]
    rich_utils.rich_format_error = rich_format_error_sv
