"""The one loader for the YAML rule files in ``rules/``.

Each extractor module declares how to turn its rules file into frozen dataclasses
(a ``load_rules(path)`` function). This module gives them the shared pieces: where
the rules live, reading YAML, and validation helpers that raise :class:`RuleError`
naming the file, the rule and the allowed values.
"""
from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable, Optional

import yaml

RULES_ENV = "KB_RULES_DIR"


class RuleError(ValueError):
    """A rules file is invalid. The message names file, rule and what is allowed."""

    def __init__(self, file: str, rule: str, problem: str):
        self.file = file
        self.rule = rule
        self.problem = problem
        super().__init__(f"{file}: rule {rule!r}: {problem}")


def rules_dir() -> Path:
    """The rules folder: $KB_RULES_DIR, else ``rules/`` at the project root."""
    env = os.environ.get(RULES_ENV)
    if env:
        return Path(env)
    return Path(__file__).resolve().parent.parent / "rules"


def rules_path(name: str) -> Path:
    return rules_dir() / name


def read_yaml(path: Path) -> Any:
    try:
        with open(path, encoding="utf-8") as f:
            return yaml.safe_load(f)
    except FileNotFoundError:
        raise RuleError(path.name, "-", "file not found") from None
    except yaml.YAMLError as e:
        raise RuleError(path.name, "-", f"not valid YAML: {e}") from None


def require_mapping(data: Any, file: str, rule: str = "-") -> dict:
    if not isinstance(data, dict):
        raise RuleError(file, rule, f"expected a mapping, got {type(data).__name__}")
    return data


def require_keys(
    entry: Any, file: str, rule: str, required: Iterable[str], optional: Iterable[str] = ()
) -> dict:
    """Check an entry has the required keys and no unknown ones."""
    entry = require_mapping(entry, file, rule)
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
        raise RuleError(file, rule, "; ".join(problems) + f"; allowed keys: {sorted(allowed)}")
    return entry


def require_choice(value: Any, file: str, rule: str, key: str, allowed: Iterable[Any]) -> Any:
    allowed = list(allowed)
    if value not in allowed:
        raise RuleError(file, rule, f"{key} is {value!r}; allowed values: {allowed}")
    return value


def require_regex(pattern: Any, file: str, rule: str, key: str = "pattern", flags: int = 0) -> re.Pattern:
    if not isinstance(pattern, str):
        raise RuleError(file, rule, f"{key} must be a string (a regular expression)")
    try:
        return re.compile(pattern, flags)
    except re.error as e:
        raise RuleError(file, rule, f"{key} is not a valid regular expression: {e}") from None


def require_examples(entry: dict, file: str, rule: str) -> tuple:
    examples = entry.get("examples")
    if not examples or not isinstance(examples, list):
        raise RuleError(file, rule, "needs a non-empty list of real Danish 'examples'")
    return tuple(examples)


# Registry of rule files and the loader that validates each: filled by
# extract.rule_files (imported lazily to avoid import cycles).
def all_loaders() -> dict[str, Callable[[Optional[Path]], Any]]:
    from extract.rule_files import LOADERS

    return LOADERS


def check_all() -> list[str]:
    """Validate every rules file; return a list of error messages (empty = all good).

    Also reports YAML files in ``rules/`` that no loader knows.
    """
    errors: list[str] = []
    loaders = all_loaders()
    for name, loader in loaders.items():
        try:
            loader(rules_path(name))
        except RuleError as e:
            errors.append(str(e))
    for path in sorted(rules_dir().glob("*.yml")):
        if path.name not in loaders:
            errors.append(f"{path.name}: no loader knows this file; known files: {sorted(loaders)}")
    return errors


def cached(name: str, loader: Callable[[Path], Any]) -> Any:
    """Load a rules file once per process and rules folder (a worker that is sent the
    rules of a build puts them in a folder of their own)."""
    return _load_once(str(rules_dir()), name, loader)


@lru_cache(maxsize=None)
def _load_once(folder: str, name: str, loader: Callable[[Path], Any]) -> Any:
    return loader(Path(folder) / name)
