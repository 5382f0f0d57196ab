"""Taxonomies as data: etiketter/<id>.yaml, validated by a pydantic schema.

A taxonomy names where it comes from (document and section) and lists labels with a
verbatim title, an optional short title (a heading of a few words, for theme names), a
plain-Swedish description, example phrases and an optional parent.
Broken files give a Swedish ConfigError naming the file and the label/field at fault;
the message never quotes values from the file.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from nlp.config import get_settings
from nlp.errors import ConfigError

ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
SHORT_TITLE_MAX = 30  # characters: "Tillgänglighet – telefontider" must still read as a name


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Source(_Strict):
    document: str = Field(min_length=1)
    section: str = Field(min_length=1)  # page, slide or section where the labels are found
    url: str | None = None


class Label(_Strict):
    id: str = Field(pattern=ID_PATTERN, max_length=64)
    title: str = Field(min_length=1)  # verbatim from the source
    # A heading of a few words faithful to the title ("Tillgänglighet"): a theme's name leads
    # with it, where a title that is a whole goal statement would not fit. Optional, so a
    # region's own taxonomy and snapshots stored before it existed still load.
    short_title: str | None = Field(default=None, min_length=1, max_length=SHORT_TITLE_MAX)
    description: str = Field(min_length=10)  # plain Swedish, written for the project
    examples: list[str] = Field(min_length=1)  # example phrases written from the source
    parent: str | None = None

    @model_validator(mode="after")
    def _no_empty_examples(self) -> Label:
        if any(not e.strip() for e in self.examples):
            raise ValueError("tomma exempelfraser är inte tillåtna")
        return self


class Taxonomy(_Strict):
    id: str = Field(pattern=ID_PATTERN, max_length=64)
    name: str = Field(min_length=1)
    source: Source
    description: str | None = None
    labels: list[Label] = Field(min_length=1)
    # Phrases that belong to no label ("vet ej", parking …): they teach the zero-shot
    # classifier what "off-topic" looks like so such answers get no label.
    off_topic_examples: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _check_ids_and_parents(self) -> Taxonomy:
        ids = [lab.id for lab in self.labels]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"etikett-id förekommer flera gånger: {', '.join(dupes)}")
        known = set(ids)
        for lab in self.labels:
            if lab.parent is not None and lab.parent not in known:
                raise ValueError(f"etiketten {lab.id!r} har en förälder som inte finns")
            if lab.parent == lab.id:
                raise ValueError(f"etiketten {lab.id!r} kan inte vara sin egen förälder")
        parents = {lab.id: lab.parent for lab in self.labels}
        for start in ids:  # cycles make the hierarchy meaningless
            seen, cur = set(), start
            while cur is not None:
                if cur in seen:
                    raise ValueError(f"etiketten {start!r} ingår i en cirkel av föräldrar")
                seen.add(cur)
                cur = parents.get(cur)
        return self

    @property
    def label_ids(self) -> list[str]:
        return [lab.id for lab in self.labels]

    def name_titles(self) -> dict[str, str]:
        """label id → what a theme's name leads with: the short title, else the title
        (naming decides whether a long title fits in a name)."""
        return {lab.id: lab.short_title or lab.title for lab in self.labels}

    def label(self, label_id: str) -> Label:
        for lab in self.labels:
            if lab.id == label_id:
                return lab
        raise KeyError(label_id)


_TYPE_MESSAGES = {
    "missing": "fältet saknas",
    "extra_forbidden": "okänt fält",
    "string_too_short": "får inte vara tomt eller för kort",
    "too_short": "måste innehålla minst ett värde",
    "string_pattern_mismatch": "ogiltigt id (använd bara a–z, 0–9 och bindestreck)",
    "string_too_long": "är för långt",
    "string_type": "måste vara text",
    "list_type": "måste vara en lista",
    "model_type": "måste vara en mappning med fält",
    "dict_type": "måste vara en mappning med fält",
}


def _describe_location(loc: tuple[Any, ...], data: Any) -> str:
    """'etikett nr 3 (id 'respekt'), fält 'description'' — never a field's value."""
    parts: list[str] = []
    i = 0
    while i < len(loc):
        key = loc[i]
        if key == "labels" and i + 1 < len(loc) and isinstance(loc[i + 1], int):
            idx = loc[i + 1]
            label_id = None
            try:
                label_id = data["labels"][idx].get("id")
            except (KeyError, IndexError, TypeError, AttributeError):
                pass
            text = f"etikett nr {idx + 1}"
            if isinstance(label_id, str) and len(label_id) <= 64:
                text += f" (id {label_id!r})"
            parts.append(text)
            i += 2
            continue
        if isinstance(key, int):
            parts.append(f"rad nr {key + 1} i listan")
        else:
            parts.append(f"fält {key!r}")
        i += 1
    return ", ".join(parts)


def _swedish_errors(exc: ValidationError, data: Any) -> str:
    msgs = []
    for err in exc.errors(include_input=False, include_url=False):
        where = _describe_location(tuple(err["loc"]), data)
        if err["type"] == "string_too_long":  # say the limit, so the writer knows how far to cut
            limit = err.get("ctx", {}).get("max_length")
            what = f"är för långt (högst {limit} tecken)" if limit else _TYPE_MESSAGES["string_too_long"]
        elif err["type"] == "value_error":
            # our own validators already speak Swedish; drop pydantic's prefix
            what = str(err.get("ctx", {}).get("error", err["msg"]))
        else:
            what = _TYPE_MESSAGES.get(err["type"], "har fel typ eller format")
        msgs.append(f"{where}: {what}" if where else what)
    return "; ".join(msgs)


def load_taxonomy_text(yaml_text: str, filename: str = "taxonomi.yaml") -> Taxonomy:
    """Parse and validate a taxonomy from YAML text (used for uploads through the API)."""
    name = Path(filename).name
    try:
        data = yaml.safe_load(yaml_text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (rad {mark.line + 1})" if mark is not None else ""
        raise ConfigError(f"Taxonomifilen {name} är inte giltig YAML{where}.") from None
    if not isinstance(data, dict):
        raise ConfigError(f"Taxonomifilen {name} måste vara en YAML-mappning med id, name, source och labels.")
    try:
        return Taxonomy.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(f"Fel i taxonomifilen {name}: {_swedish_errors(exc, data)}") from None


def taxonomy_dir() -> Path:
    return get_settings().taxonomy_dir


def list_taxonomies(directory: Path | None = None) -> list[str]:
    """Ids of the taxonomy files available (file stem = id)."""
    d = directory or taxonomy_dir()
    return sorted(p.stem for p in d.glob("*.yaml"))


def load_taxonomy(id_or_path: str | Path) -> Taxonomy:
    """Load etiketter/<id>.yaml, or a path to any taxonomy file, validated."""
    path = Path(id_or_path)
    if not (path.suffix in (".yaml", ".yml") or path.exists()):
        path = taxonomy_dir() / f"{id_or_path}.yaml"
        if not path.exists():
            known = ", ".join(list_taxonomies()) or "inga"
            raise ConfigError(f"Taxonomin {str(id_or_path)!r} finns inte. Tillgängliga: {known}.")
    if not path.is_file():
        raise ConfigError(f"Taxonomifilen {path.name} finns inte.")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ConfigError(f"Taxonomifilen {path.name} är inte UTF-8-kodad.") from None
    return load_taxonomy_text(text, path.name)


SNAPSHOT_FORMAT = 1


def taxonomy_snapshot(tax: Taxonomy) -> dict[str, Any]:
    """The parsed taxonomy as JSON with its sha256, to store with a run that used it."""
    data = tax.model_dump(mode="json")
    canonical = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return {
        "format": SNAPSHOT_FORMAT,
        "sha256": hashlib.sha256(canonical.encode("utf-8")).hexdigest(),
        "taxonomy": data,
    }


def taxonomy_from_snapshot(snapshot: dict[str, Any]) -> Taxonomy:
    """The taxonomy a run stored; ConfigError if the snapshot cannot be read."""
    try:
        return Taxonomy.model_validate(snapshot["taxonomy"])
    except (KeyError, TypeError, ValidationError):
        raise ConfigError("Analysens sparade taxonomi kan inte läsas.") from None
