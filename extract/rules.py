"""Rules as data: the YAML files of ``rules/``, read, validated and loaded.

Each stage module says how to turn its rules document into frozen dataclasses (a
``load_rules(data)`` function: parsed YAML in, rules out). Which file each loader
reads, and which files each stage of extraction reads, is declared once, in
:mod:`extract.pipeline`. This module gives the shared pieces: :class:`RuleFiles` (the
rules of a build as bytes, what a worker on another machine is sent),
:class:`RuleSet` (those files loaded and validated on first use, once per process and
content) and the validation helpers, which raise :class:`RuleError` naming the rule and
what is allowed; the file is named when the error leaves its loader.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, Optional

import yaml

Loader = Callable[[Any], Any]  # a rules document (parsed YAML) → its validated rules
RULES_DIR = Path(__file__).resolve().parent.parent / "rules"  # the project's rules folder


class RuleError(ValueError):
    """A rules file is invalid. The message names file, rule and what is allowed."""

    def __init__(self, rule: str, problem: str, file: Optional[str] = None):
        self.file = file
        self.rule = rule
        self.problem = problem
        super().__init__(f"{file or '?'}: rule {rule!r}: {problem}")

    def in_file(self, file: str) -> "RuleError":
        """The same error, naming the file it was found in."""
        return RuleError(self.rule, self.problem, file)


# libyaml's parser where PyYAML was built with it (its wheels are): ten times the pure-Python one
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(data: bytes, file: str) -> Any:
    try:
        return yaml.load(data.decode("utf-8"), Loader=_SAFE_LOADER)
    except (yaml.YAMLError, UnicodeDecodeError) as e:
        raise RuleError("-", f"not valid YAML: {e}", file) from None


@dataclass(frozen=True)
class RuleFiles:
    """The rules of a build as data: each file's name and bytes."""

    files: tuple[tuple[str, bytes], ...]

    @classmethod
    def from_folder(cls, folder: Path, names: Iterable[str]) -> "RuleFiles":
        """The named files of ``folder``; a missing one holds no bytes (its loader says so)."""
        found = []
        for name in sorted(names):
            try:
                found.append((name, (folder / name).read_bytes()))
            except FileNotFoundError:
                found.append((name, b""))
        return cls(tuple(found))

    def data(self, name: str) -> bytes:
        for file, data in self.files:
            if file == name:
                return data
        raise KeyError(name)

    def digest(self, names: Iterable[str]) -> str:
        """Digest of the named files' contents (the key of what reads them)."""
        return _files_digest(self, tuple(sorted(names)))


class RuleSet:
    """Rules files loaded and validated, each on first use: ``rules["amounts.yml"]``.

    ``only(names)`` gives a view that can read the named files alone, so a stage that
    reads a file it did not declare fails instead of being cached on the wrong key."""

    def __init__(self, files: RuleFiles, loaders: Mapping[str, Loader], allowed: Optional[frozenset] = None):
        self.files = files
        self.loaders = loaders
        self.allowed = allowed

    def __getitem__(self, name: str) -> Any:
        if self.allowed is not None and name not in self.allowed:
            raise KeyError(f"{name} is not among the rules this stage declares: {sorted(self.allowed)}")
        return load(name, self.files.data(name), self.loaders[name])

    def only(self, names: Iterable[str]) -> "RuleSet":
        return RuleSet(self.files, self.loaders, frozenset(names))

    def digest(self, names: Optional[Iterable[str]] = None) -> str:
        return self.files.digest(self.loaders if names is None else names)

    def validate(self) -> None:
        """Load every file; raise the first file's RuleError."""
        for name in sorted(self.loaders):
            self[name]

    def errors(self) -> list[str]:
        """Every file loaded and validated: the messages of those that fail (empty: all good)."""
        found = []
        for name in sorted(self.loaders):
            try:
                self[name]
            except RuleError as e:
                found.append(str(e))
        return found


@lru_cache(maxsize=256)
def _files_digest(files: RuleFiles, names: tuple[str, ...]) -> str:
    h = hashlib.sha256()
    for name in names:
        h.update(name.encode() + b"\0" + files.data(name) + b"\0")
    return h.hexdigest()


@lru_cache(maxsize=64)
def load(name: str, data: bytes, loader: Loader) -> Any:
    """``loader`` over the file's contents, once per process and content."""
    if not data:
        raise RuleError("-", "file not found or empty", name)
    try:
        return loader(parse_yaml(data, name))
    except RuleError as e:
        raise e.in_file(name) from None


def project_file(name: str, loader: Loader) -> Any:
    """One of the project's rules files (``rules/``) loaded by ``loader``, once per process
    and content: for the site's plugins and queries, which need one file, not a build's
    rule set."""
    path = RULES_DIR / name
    return load(name, path.read_bytes() if path.exists() else b"", loader)


# --- validation helpers ---------------------------------------------------------------


def require_mapping(data: Any, rule: str = "-") -> dict:
    if not isinstance(data, dict):
        raise RuleError(rule, f"expected a mapping, got {type(data).__name__}")
    return data


def require_keys(entry: Any, rule: str, required: Iterable[str], optional: Iterable[str] = ()) -> dict:
    """Check an entry has the required keys and no unknown ones."""
    entry = require_mapping(entry, rule)
    required = list(required)
    allowed = set(required) | set(optional)
    missing = [k for k in required if k not in entry]
    unknown = [k for k in entry if k not in allowed]
    problems = []
    if unknown:
        problems.append(f"unknown key(s) {unknown}")
    if missing:
        problems.append(f"missing key(s) {missing}")
    if problems:
        raise RuleError(rule, "; ".join(problems) + f"; allowed keys: {sorted(allowed)}")
    return entry


def require_choice(value: Any, rule: str, key: str, allowed: Iterable[Any]) -> Any:
    allowed = list(allowed)
    if value not in allowed:
        raise RuleError(rule, f"{key} is {value!r}; allowed values: {allowed}")
    return value


def require_regex(pattern: Any, rule: str, key: str = "pattern", flags: int = 0) -> re.Pattern:
    if not isinstance(pattern, str):
        raise RuleError(rule, f"{key} must be a string (a regular expression)")
    try:
        return re.compile(pattern, flags)
    except re.error as e:
        raise RuleError(rule, f"{key} is not a valid regular expression: {e}") from None


def require_examples(entry: dict, rule: str) -> tuple:
    examples = entry.get("examples")
    if not examples or not isinstance(examples, list):
        raise RuleError(rule, "needs a non-empty list of real Danish 'examples'")
    return tuple(examples)


def require_strings(value: Any, rule: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
        raise RuleError(rule, "must be a list of strings")
    return tuple(value)


def require_number(entry: dict, key: str, rule: str, kind: type = int, low: float = 0, high: float = 1e9) -> Any:
    """``entry[key]`` as a number of ``kind`` (a whole number for int) from ``low`` to ``high``."""
    value = entry.get(key)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or (kind is int and not isinstance(value, int)):
        raise RuleError(rule, f"{key} must be a {'whole ' if kind is int else ''}number from {low} to {high}")
    if not low <= value <= high:
        raise RuleError(rule, f"{key} is {value}; allowed values: {low} to {high}")
    return kind(value)
