"""Incremental builds of the knowledge base from files and folders.

A document whose bytes, extractor version and rules are unchanged is skipped; a
changed one is re-extracted and replaced in one transaction; a document whose
file is gone (below a folder being built) is removed. A file that fails is
recorded in ``build_errors`` and, if it was built before, keeps its previous
records marked ``stale``. The other documents are always built.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator, Optional, Sequence

from extract import save
from extract.errors import BuildAbortedError, BuildLockedError, SourceError
from extract.facts.corrections import CORRECTIONS_DIR, load_corrections
from extract.jobs import Job, JobResult, run_jobs
from extract.links import stage as links_stage
from extract.pipeline import EXTRACTOR_VERSION, Limits, check_size, check_supported, project_rules, rules_hash
from extract.rules import RULES_DIR


@dataclass
class BuildSummary:
    added: int = 0
    changed: int = 0
    unchanged: int = 0
    removed: int = 0
    failed: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)
    records: dict[str, int] = field(default_factory=dict)
    run_id: int = 0
    strict: bool = False
    stages_run: Counter = field(default_factory=Counter)  # stage → documents it was computed for
    corrections: list[dict] = field(default_factory=list)  # what each correction did (rows of ``corrections``)

    def counts(self) -> dict[str, int]:
        return {
            "inserted": self.added,
            "updated": self.changed,
            "unchanged": self.unchanged,
            "removed": self.removed,
            "failed": self.failed,
        }


@dataclass(frozen=True)
class SourceFile:
    path: Path  # where to read it
    stored_path: str  # the path stored in the database


def stored_path(path: Path, root: Path) -> str:
    """Relative to the project root when inside it, else the absolute path: one path for a
    file however it was typed (relative, as "../notes/a.txt", or as its absolute path)."""
    full = Path(os.path.abspath(path))
    try:
        return full.relative_to(os.path.abspath(root)).as_posix()
    except ValueError:
        return full.as_posix()


def find_sources(inputs: Sequence[Path], root: Path) -> tuple[list[SourceFile], list[tuple[str, str]]]:
    """Files to build below the inputs, and problems found while looking."""
    found: dict[str, SourceFile] = {}
    problems: list[tuple[str, str]] = []
    for given in inputs:
        if given.is_dir():
            base = given.resolve()
            for path in sorted(given.rglob("*")):
                if path.name.startswith(".") or not (path.is_file() or path.is_symlink()):
                    continue
                if path.is_symlink() and not _inside(path.resolve(), base):
                    problems.append((stored_path(path, root), "symlink to a file outside the folder: not followed"))
                    continue
                found[stored_path(path, root)] = SourceFile(path, stored_path(path, root))
        elif given.exists():
            found[stored_path(given, root)] = SourceFile(given, stored_path(given, root))
        else:
            problems.append((given.as_posix(), "no such file or folder"))
    return sorted(found.values(), key=lambda s: s.stored_path), problems


def _inside(path: Path, base: Path) -> bool:
    try:
        path.relative_to(base)
        return True
    except ValueError:
        return False


def _under_inputs(path: str, inputs: Sequence[Path], root: Path) -> bool:
    for given in inputs:
        prefix = stored_path(given, root).rstrip("/")
        if path == prefix or path.startswith(prefix + "/") or prefix in ("", "."):
            return True
    return False


@contextmanager
def build_lock(db_path: str) -> Iterator[None]:
    """Only one build per database at a time; a second one fails at once, clearly."""
    lock_path = f"{db_path}.lock"
    with open(lock_path, "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildLockedError(f"{db_path} is being built by another 'kb build'; try again when it ends") from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@dataclass(frozen=True)
class BuildOptions:
    rebuild: bool = False
    strict: bool = False  # stop at the first failure
    limits: Limits = Limits()
    workers: int = 1  # extraction processes (1: in this process)
    dask: Optional[str] = None  # address of a Dask scheduler to run extraction on
    cache_dir: Optional[str] = None  # parsed PDFs and extraction stages (None: no cache)
    rules_dir: Path = RULES_DIR
    corrections_dir: Path = CORRECTIONS_DIR


def build(
    inputs: Sequence[Path],
    db_path: str,
    rebuild: bool = False,
    root: Optional[Path] = None,
    on_progress: Optional[Callable[[str], None]] = None,
    strict: bool = False,
    limits: Limits = Limits(),
    workers: int = 1,
    dask: Optional[str] = None,
    cache_dir: Optional[Path] = None,
    rules_dir: Path = RULES_DIR,
    corrections_dir: Path = CORRECTIONS_DIR,
) -> BuildSummary:
    """Build or update ``db_path`` from the given files and folders.

    Documents are extracted in ``workers`` processes (or as tasks on the Dask
    cluster at ``dask``); this process alone writes the database. With ``strict``
    the first failing file stops the build (BuildAbortedError); documents written
    before it stay, each complete. ``cache_dir`` keeps parsed PDFs, documents read into
    text and each extraction stage's result, so a build after a rules change redoes only
    the stages those rules touch. The rules are those of ``rules_dir``; the corrections of
    ``corrections_dir`` are applied after extraction, on every build.
    """
    root = root or Path.cwd()
    options = BuildOptions(
        rebuild=rebuild,
        strict=strict,
        limits=limits,
        workers=max(1, workers),
        dask=dask,
        cache_dir=str(cache_dir) if cache_dir is not None else None,
        rules_dir=rules_dir,
        corrections_dir=corrections_dir,
    )
    with build_lock(db_path):
        db = save.open_db(db_path)
        try:
            return _build(db, inputs, options, root, on_progress)
        finally:
            db.close()


def _build(db, inputs, options: BuildOptions, root, on_progress) -> BuildSummary:
    summary = BuildSummary(strict=options.strict)
    rules = project_rules(options.rules_dir)
    corrections = load_corrections(options.corrections_dir)  # a broken file stops the build before it writes
    rhash = rules_hash(rules)
    summary.run_id = save.start_run(db, EXTRACTOR_VERSION, rhash)
    sources, problems = find_sources(inputs, root)
    for file, reason in problems:
        _fail(db, summary, file, reason)
    existing = save.documents_by_path(db)
    jobs = _plan(db, summary, sources, existing, options, rhash, on_progress)
    workers = max(1, min(options.workers, len(sources)))
    for n, result in enumerate(run_jobs(jobs, rules.files, workers, options.dask)):
        if n == 0:  # checked while the first document is extracted; a build that extracts nothing needs no rules
            rules.validate()  # a broken rules file stops the build before any document is written (RuleError)
        _write(db, summary, result, existing.get(result.stored_path), rhash)
        summary.stages_run.update(result.stages_run)
        if on_progress:
            on_progress(result.stored_path)
    seen = {s.stored_path for s in sources}
    for path, row in existing.items():
        if path not in seen and _under_inputs(path, inputs, root):
            with db.atomic():
                save.delete_document(db, row["id"])
            summary.removed += 1
    summary.corrections = save.apply_corrections(db, corrections)
    if summary.removed or links_stage.pending(db, rules):  # across documents: what changed is linked
        linked, rows = links_stage.compute(db, rules)
        save.write_links(db, **rows)
        if linked.linked:
            summary.stages_run["links"] += len(linked.linked)
    summary.records = save.table_counts(db, save.RECORD_TABLES)
    save.finish_run(db, summary.run_id, summary.counts())
    return summary


def read_bytes(source: SourceFile, limits: Limits) -> bytes:
    """The file's bytes, after checking its type and size (SourceError says why not)."""
    check_supported(source.path)
    try:
        check_size(source.path, source.path.stat().st_size, limits)
        return source.path.read_bytes()
    except OSError as e:
        raise SourceError(source.path.name, f"cannot read the file: {e.strerror or e}") from None


def _plan(
    db, summary: BuildSummary, sources: list[SourceFile], existing: dict, options: BuildOptions, rhash: str, on_progress
) -> Iterator[Job]:
    """The documents to extract, as jobs; unchanged, unreadable and duplicate files are settled here."""
    planned: dict[str, str] = {}  # document id -> path, for files with the same bytes in this build
    for source in sources:
        old = existing.get(source.stored_path)
        try:
            data = read_bytes(source, options.limits)
        except SourceError as e:
            _fail(db, summary, source.stored_path, e.reason, old)
            continue
        sha = hashlib.sha256(data).hexdigest()
        if (
            old
            and not options.rebuild
            and old["sha256"] == sha
            and old["rules_hash"] == rhash
            and old["status"] == "ok"
        ):
            summary.unchanged += 1
            if on_progress:
                on_progress(source.stored_path)
            continue
        doc_id = sha[:16]
        stored = db.execute(
            "select path from documents where id = ? and path != ?", [doc_id, source.stored_path]
        ).fetchone()
        twin = planned.get(doc_id) or (stored[0] if stored else None)
        if twin:
            _fail(db, summary, source.stored_path, f"same bytes as {twin}: not built twice", old)
            continue
        planned[doc_id] = source.stored_path
        same_bytes = old is not None and old["sha256"] == sha and old["status"] == "ok"
        yield Job(
            source.stored_path,
            str(source.path),
            options.limits,
            options.cache_dir,
            data,
            sha,
            old["records_hash"] if same_bytes else None,
        )


def _write(db, summary: BuildSummary, result: JobResult, old: Optional[dict], rhash: str) -> None:
    if result.records_unchanged and old is not None:  # a rules change that changes nothing in it
        save.mark_current(db, old["id"], EXTRACTOR_VERSION, rhash)
        summary.changed += 1
        return
    if result.extraction is None:
        _fail(db, summary, result.stored_path, result.error or "extraction failed", old)
        return
    row = _document_row(result, rhash)
    save.replace_document(db, row, result.extraction, old_id=old["id"] if old else None)
    if old:
        summary.changed += 1
    else:
        summary.added += 1


def _document_row(result: JobResult, rhash: str) -> dict:
    ex = result.extraction
    meta = ex.meta
    return {
        "id": result.sha256[:16],
        "path": result.stored_path,
        "sha256": result.sha256,
        "title": meta.title,
        "date": meta.date,
        "date_basis": meta.date_basis,
        "kind": meta.kind,
        **ex.place.columns(),
        "case_number": meta.case_number,
        "document_number": meta.document_number,
        "author": meta.author,
        "format": "pdf" if ex.source.origin == "pdf" else ex.source.format,
        "extracted_at": save.now_iso(),
        "extractor_version": EXTRACTOR_VERSION,
        "rules_hash": rhash,
        "status": "ok",
        "error": None,
        "warnings": json.dumps([*ex.source.warnings, *ex.warnings], ensure_ascii=False),
        "size_bytes": result.size,
        "pages": len(ex.source.page_starts) or None,
        "ocr_damaged": int(ex.source.ocr_damaged),
        "pages_lost": json.dumps(list(ex.source.pages_lost)) if ex.source.pages_lost else None,
        "damaged": int(ex.source.damaged),
        "ocr_pages": json.dumps([n for n, _ in ex.source.ocr_pages]) if ex.source.ocr_pages else None,
        "ocr_confidence": (
            round(sum(c for _, c in ex.source.ocr_pages) / len(ex.source.ocr_pages), 1) if ex.source.ocr_pages else None
        ),
        "records_hash": ex.fingerprint,
    }


def _fail(db, summary: BuildSummary, file: str, reason: str, old: Optional[dict] = None) -> None:
    summary.failed += 1
    summary.errors.append((file, reason))
    save.record_error(db, summary.run_id, file, reason)
    if old:
        save.mark_stale(db, old["id"], reason)
    if summary.strict:
        save.finish_run(db, summary.run_id, summary.counts())
        raise BuildAbortedError(f"{file}: {reason} (stopped: --strict)")


def default_sources() -> list[Path]:
    return [Path(os.environ.get("KB_SOURCES", "sources"))]
