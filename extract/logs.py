"""Where the messages of the libraries we read documents with go: to the build log (and to
the terminal only with ``--debug``), never between the build's own one-line messages.

PDF and image libraries warn about every damaged object they step over ("Not adding
object 14 to xref …"); a user needs the one line that says which file failed and why,
while the details stay in the log. Worker processes read the same settings from the
environment, so a warning raised while extracting in parallel goes the same way.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import Optional

# Loggers of the libraries the readers use, and Python's warnings (captured as a logger).
LIBRARY_LOGGERS = ("pdfminer", "pdfplumber", "pypdfium2", "fontTools", "PIL", "py.warnings")
LOG_ENV, DEBUG_ENV = "KB_BUILD_LOG", "KB_DEBUG"
FORMAT = "%(asctime)s %(process)d %(name)s %(levelname)s %(message)s"
MAX_LINE = 200  # a user's error line, at most


def build_log_path(db_path: str) -> Path:
    """The build log beside the database: kb.db → kb.log."""
    return Path(db_path).with_suffix(".log")


def route_library_logs(log_path: Optional[str], debug: bool = False) -> None:
    """Send the libraries' warnings to ``log_path`` (appending) and, with ``debug``, to the
    terminal too; nothing of theirs reaches the terminal otherwise. Remembered in the
    environment for worker processes."""
    os.environ[LOG_ENV] = log_path or ""
    os.environ[DEBUG_ENV] = "1" if debug else ""
    _configure(log_path, debug)


def route_from_environment() -> None:
    """In a worker process: the settings the build process made."""
    if LOG_ENV in os.environ:
        _configure(os.environ[LOG_ENV] or None, bool(os.environ.get(DEBUG_ENV)))


def _configure(log_path: Optional[str], debug: bool) -> None:
    logging.captureWarnings(True)
    handlers: list[logging.Handler] = []
    if log_path:
        handlers.append(logging.FileHandler(log_path, encoding="utf-8", delay=True))
    if debug:
        handlers.append(logging.StreamHandler(sys.stderr))
    for handler in handlers:
        handler.setFormatter(logging.Formatter(FORMAT))
    for name in LIBRARY_LOGGERS:
        logger = logging.getLogger(name)
        for old in list(logger.handlers):
            logger.removeHandler(old)
            old.close()
        for handler in handlers or [logging.NullHandler()]:
            logger.addHandler(handler)
        logger.propagate = False
        logger.setLevel(logging.DEBUG if debug else logging.WARNING)


def one_line(reason: str, limit: int = MAX_LINE) -> str:
    """A reason as a user reads it: its first line, at most ``limit`` characters."""
    first = " ".join(reason.strip().splitlines()[:1]) if reason.strip() else reason
    return first if len(first) <= limit else first[: limit - 1].rstrip() + "…"
