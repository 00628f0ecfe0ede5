"""The ``kb`` command: a thin layer over the library.

It parses arguments, calls the library and turns typed errors into one-line
``Error: …`` messages with an exit code.
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from pathlib import Path

import click

from extract.errors import KbError, SourceError
from extract.rules import RULES_DIR, RuleError

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def db_option(f):
    return click.option(
        "--db",
        "db_path",
        default="kb.db",
        show_default=True,
        type=click.Path(dir_okay=False),
        help="SQLite knowledge base file.",
    )(f)


def corrections_option(f):
    return click.option(
        "--corrections",
        "corrections_dir",
        default="corrections",
        show_default=True,
        type=click.Path(file_okay=False, path_type=Path),
        help="Folder of the corrections files (*.yml), applied after extraction.",
    )(f)


def rules_option(f):
    return click.option(
        "--rules",
        "rules_dir",
        default=str(RULES_DIR),
        show_default="the project's rules/",
        type=click.Path(exists=True, file_okay=False, path_type=Path),
        help="Folder of the rules files.",
    )(f)


@click.group()
@click.version_option(package_name="kb-dk-policy")
def cli() -> None:
    """Knowledge base of Danish municipal policy documents."""


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@db_option
@click.option("--rebuild", is_flag=True, help="Re-extract every document, changed or not.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.option("--strict", is_flag=True, help="Stop at the first file that fails (exit status 1).")
@click.option("--max-mb", default=16.0, show_default=True, type=float, help="Refuse files larger than this (MB).")
@click.option("--max-pages", default=1500, show_default=True, type=int, help="Refuse PDFs with more pages.")
@click.option("--max-seconds", default=1800, show_default=True, type=int, help="Stop a file's extraction after N s.")
@click.option(
    "--debug",
    is_flag=True,
    help="Show Python tracebacks of unexpected errors and the readers' warnings (else in DB's .log).",
)
@click.option(
    "--workers",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    help="Documents extracted in parallel processes (default: all cores).",
)
@click.option(
    "--dask",
    "dask_address",
    default=None,
    metavar="ADDRESS",
    help="Extract on the Dask cluster whose scheduler is at ADDRESS (tcp://host:8786).",
)
@click.option(
    "--cache/--no-cache",
    default=True,
    show_default=True,
    help="Keep parsed PDFs and stage results in DB.cache/ so a rebuild after a rules change redoes only what it must.",
)
@rules_option
@corrections_option
def build(
    paths: tuple[Path, ...],
    db_path: str,
    rebuild: bool,
    quiet: bool,
    strict: bool,
    max_mb: float,
    max_pages: int,
    max_seconds: int,
    debug: bool,
    workers: int | None,
    dask_address: str | None,
    cache: bool,
    rules_dir: Path,
    corrections_dir: Path,
) -> None:
    """Build or update the knowledge base from sources/ (or the given files and folders).

    Example: kb build            (all of sources/ into kb.db)
             kb build sources/new-note.pdf --db kb.db
             kb build --dask tcp://scheduler:8786
    """
    from functools import partial

    from extract.build import build as build_db
    from extract.build import default_sources
    from extract.cache import default_cache_dir
    from extract.jobs import default_workers
    from extract.logs import build_log_path, route_library_logs
    from extract.pipeline import Limits

    missing = [p.as_posix() for p in paths if not p.exists() and not p.is_symlink()]
    if missing:  # before the database, its lock or its log is created
        raise click.ClickException(f"no such file or folder: {', '.join(missing)} (nothing built)")
    route_library_logs(str(build_log_path(db_path)), debug)
    inputs = list(paths) or default_sources()
    run_build = partial(
        build_db,
        strict=strict,
        limits=Limits(int(max_mb * 1e6), max_pages, max_seconds),
        workers=workers or default_workers(),
        dask=dask_address,
        cache_dir=default_cache_dir(db_path) if cache else None,
        rules_dir=rules_dir,
        corrections_dir=corrections_dir,
    )
    try:
        if quiet:
            summary = run_build(inputs, db_path, rebuild=rebuild)
        else:
            summary = _build_with_progress(run_build, inputs, db_path, rebuild)
    except (KbError, RuleError) as e:
        raise click.ClickException(str(e))
    except Exception as e:
        if debug:
            raise
        raise click.ClickException(f"build failed: {type(e).__name__}: {e} (run with --debug for details)")
    _report(summary, db_path)
    if summary.failed:
        sys.exit(1)


def _report(summary, db_path: str) -> None:
    """One line per file that failed, then what the build did and what the database holds."""
    from extract.logs import build_log_path, one_line

    for file, reason in summary.errors:
        click.echo(f"Error: {file}: {one_line(reason)}", err=True)
    if summary.errors:
        click.echo(
            f"(whole reasons in the build_errors table; the readers' warnings in {build_log_path(db_path)})", err=True
        )
    click.echo(
        f"{db_path}: {summary.added} added, {summary.changed} changed, {summary.unchanged} unchanged, "
        f"{summary.removed} removed, {summary.failed} failed"
    )
    r = summary.records
    click.echo(
        f"records: {r.get('sections', 0)} sections, {r.get('amounts', 0)} amounts, "
        f"{r.get('target_groups', 0)} target groups, {r.get('milestones', 0)} milestones, "
        f"{r.get('tables', 0)} tables, {r.get('allocations', 0)} allocations"
    )
    applied = [c for c in summary.corrections if c["status"] == "applied"]
    if summary.corrections:
        click.echo(f"corrections: {len(applied)} applied, {len(summary.corrections) - len(applied)} orphaned")
    for c in summary.corrections:
        if c["status"] != "applied":
            click.echo(f"Warning: {c['id']}: {c['problem']}: {c['quote']!r} in {c['document']}", err=True)


def _build_with_progress(run_build, inputs, db_path, rebuild):
    from extract.build import find_sources

    total = len(find_sources(inputs, Path.cwd())[0])
    if total < 20:
        return run_build(inputs, db_path, rebuild=rebuild)
    with click.progressbar(length=total, label="Extracting", file=sys.stderr) as bar:
        return run_build(inputs, db_path, rebuild=rebuild, on_progress=lambda _: bar.update(1))


@cli.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the records as one JSON document.")
@click.option("--jsonl", "as_jsonl", is_flag=True, help="Print one JSON record per line (for head, grep, jq).")
@click.option(
    "--debug-page",
    type=click.IntRange(min=1),
    default=None,
    help="Write a PNG of this page of a PDF with its headings, tables, amounts and dates boxed.",
)
@click.option(
    "--debug-out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Where to write the --debug-page PNG (default: FILE-STEM.page-N.png here).",
)
@rules_option
def extract(
    file: Path, as_json: bool, as_jsonl: bool, debug_page: int | None, debug_out: Path | None, rules_dir: Path
) -> None:
    """Print the records of one document without touching a database: each record under its
    section, or with --jsonl one JSON record per line.

    Example: kb extract sources/budget-2013-nye-initiativer.md --jsonl | grep '"type": "amount"'
             kb extract sources/budget-2013-nye-initiativer.md --json
             kb extract sources/note.pdf --debug-page 3   (writes note.page-3.png)
    """
    from extract.pipeline import extract_file, project_rules
    from extract.publish.records_text import jsonl_lines, text_lines

    if debug_page is not None and file.suffix.lower() != ".pdf":
        raise click.ClickException(f"{file.name}: --debug-page needs a PDF")
    try:
        ex = extract_file(file, project_rules(rules_dir))
        if debug_page is not None:
            _debug_page(file, debug_page, ex, debug_out or Path(f"{file.stem}.page-{debug_page}.png"))
            return
    except (SourceError, RuleError) as e:
        raise click.ClickException(str(e))
    if as_json:
        click.echo(json.dumps(ex.to_dict(), ensure_ascii=False, indent=1))
        return
    for line in (jsonl_lines if as_jsonl else text_lines)(ex, str(file)):
        click.echo(line)


def _debug_page(file: Path, page: int, ex, out: Path) -> None:
    from extract.read.pdf_debug import COLOURS, draw_page

    result = draw_page(file, page, ex, out)
    boxed = ", ".join(f"{n} {kind}{'s' if n != 1 else ''} ({COLOURS[kind]})" for kind, n in result.boxed.items())
    click.echo(f"{out}: page {page} with {boxed or 'nothing'} boxed")
    for kind, text in result.not_found:
        click.echo(f"  not located on the page: {kind} {text[:80]!r}")


@cli.group()
def rules() -> None:
    """Work with the rule files in rules/."""


@rules.command("check")
@rules_option
@corrections_option
def rules_check(rules_dir: Path, corrections_dir: Path) -> None:
    """Validate every file in rules/ and corrections/ and report errors with file, rule and
    allowed values.

    Example: kb rules check
             kb rules check --rules my-rules/
    """
    from extract.facts.corrections import check_corrections
    from extract.pipeline import check_rules

    errors = check_rules(rules_dir) + check_corrections(corrections_dir)
    for e in errors:
        click.echo(f"Error: {e}", err=True)
    n = len(list(rules_dir.glob("*.yml")))
    m = len(list(corrections_dir.glob("*.yml"))) if corrections_dir.is_dir() else 0
    if errors:
        raise click.ClickException(f"{len(errors)} error(s) in {n} rule files and {m} corrections files")
    click.echo(f"{n} rule files OK" + (f", {m} corrections files OK" if m else ""))


@cli.command("eval")
@click.argument("golden_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON: fields, allocations, links.")
@click.option(
    "--details",
    is_flag=True,
    help="List each labelled record the database reads otherwise (of tuned documents only: held-out "
    "documents keep their misses unseen).",
)
def evaluate(golden_dir: Path, db_path: str, as_json: bool, details: bool) -> None:
    """Score a built knowledge base against label files a reader wrote.

    For documents labelled field by field (tests/golden/dev/README.md): precision and
    recall of headings, amounts, milestones and target groups, the share of matched records
    with each value right, and title and date. For documents whose money is labelled
    (tests/golden/allocations/README.md): status, scope, totals and per-year totals. Per
    document, and over all of them with held-out documents apart.

    Example: kb build && kb eval tests/golden/allocations
    """
    from extract.evaluation.run import evaluate_folder

    _print_report(lambda db: evaluate_folder(db, golden_dir, details), db_path, as_json, "not in {db}: {}")


@cli.command("agree")
@click.argument("first_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("second_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--details", is_flag=True, help="List each record the two readers label otherwise.")
def agree(first_dir: Path, second_dir: Path, db_path: str, as_json: bool, details: bool) -> None:
    """How far two readers' labels of the same documents agree, field by field.

    FIRST_DIR and SECOND_DIR hold label files (tests/golden/dev/README.md) of the same
    documents, matched by file name; the knowledge base gives their texts. The second
    reader's records are scored by the first reader's labels as kb eval scores a build:
    "labelled" counts the first reader's, "built" the second's. What two readers agree on
    is what a tool can be measured to: read kb eval's figures beside these.

    Example: kb build && kb agree labels/anna labels/bo
    """
    from extract.evaluation.run import agree_folders

    lines = _print_report(lambda db: agree_folders(db, first_dir, second_dir, details), db_path, as_json, "Warning: {}")
    if not lines:
        raise click.ClickException(f"{first_dir} and {second_dir}: no document both label that {db_path} holds")


def _print_report(run, db_path: str, as_json: bool, problem: str) -> list[str]:
    """Print what ``run`` (over the knowledge base at ``db_path``) reports, its scores as JSON
    with ``as_json``, and each problem on stderr as ``problem`` says; a label folder's error in
    one line. Returns the report's lines."""
    import sqlite_utils

    if not Path(db_path).exists():
        raise click.ClickException(f"{db_path}: no knowledge base here (build it with kb build)")
    try:
        lines, as_dict, problems = run(sqlite_utils.Database(db_path))
    except KbError as e:  # no label files, or one that is no JSON: one line naming the folder or file
        raise click.ClickException(str(e)) from None
    if lines:
        click.echo(json.dumps(as_dict, ensure_ascii=False, indent=1) if as_json else "\n".join(lines))
    for line in problems:
        click.echo(problem.format(line, db=db_path), err=True)
    return lines


@cli.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind.")
@click.option("--port", default=8001, show_default=True, type=int)
@click.option(
    "--metadata",
    default=str(PROJECT_ROOT / "metadata.yml"),
    show_default=False,
    type=click.Path(exists=True, dir_okay=False),
    help="Datasette metadata file.",
)
def serve(db_path: str, host: str, port: int, metadata: str) -> None:
    """Serve the knowledge base with Datasette on http://127.0.0.1:8001.

    Example: kb serve --db kb.db
    """
    if not Path(db_path).exists():
        raise click.ClickException(f"{db_path} does not exist: run 'kb build' first")
    from extract.publish.serve import datasette_command
    from extract.save import add_missing_columns

    try:
        added = add_missing_columns(db_path)
    except sqlite3.Error as e:  # a read-only copy: served as it is
        added = []
        click.echo(f"{db_path}: its tables were not brought up to date ({e})", err=True)
    if added:
        click.echo(f"{db_path} was built by an older version: added {', '.join(added)}, empty until "
                   "the next kb build", err=True)  # fmt: skip
    cmd = datasette_command(db_path, host, port, metadata)
    sources = Path(os.environ.get("KB_SOURCES", "sources"))
    if sources.is_dir():
        os.environ["KB_SOURCES_DIR"] = str(sources.resolve())  # read by plugins/kb_links.py
    click.echo(f"Serving {db_path} on http://{host}:{port}/", err=True)
    os.execv(sys.executable, cmd)


def main() -> None:
    cli()


if __name__ == "__main__":
    main()
