"""`claimmark export` and `import`: notes out to Markdown or JSON, and a JSON export back in."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

import click

from claimmark.tui.cli.base import Context, cli, echo, fail, pass_context, version_option


@cli.command("export")
@click.argument("articles", nargs=-1)
@click.option(
    "--all",
    "export_all",
    is_flag=True,
    help="Export every article in the library, earlier versions included (a backup).",
)
@click.option(
    "-o",
    "--output",
    "output",
    default=None,
    help="A file, a folder, or - for standard output (default: the export folder).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["markdown", "json"]),
    default="markdown",
    show_default=True,
    help="Markdown notes, or a lossless Web Annotation JSON.",
)
@click.option(
    "--group-by",
    type=click.Choice(["document", "tag"]),
    default="document",
    show_default=True,
    help="Order highlights by position or group them by tag.",
)
@click.option("--force", is_flag=True, help="Overwrite files that claimmark did not write.")
@click.option("--timestamp", is_flag=True, help="Record the export time in the file.")
@version_option
@pass_context
def export_command(
    context: Context,
    articles: tuple[str, ...],
    export_all: bool,
    output: str | None,
    fmt: str,
    group_by: str,
    force: bool,
    timestamp: bool,
    version: int | None,
) -> None:
    """Export the notes of ARTICLE... (or --all) to Markdown or JSON.

    With --version N, the Markdown of version N of each ARTICLE: that text, with the
    notes where they sat on it. A JSON export always carries every version."""
    from claimmark.store.export import export_articles, export_text

    store = context.store
    if export_all and articles:
        raise click.UsageError("give ARTICLE names or --all, not both")
    if version is not None and (export_all or fmt == "json"):
        raise click.UsageError(
            "--version exports one version to Markdown; "
            + ("--all exports every version" if export_all else "JSON carries every version")
        )
    if export_all:
        # Everything, earlier versions of articles and their notes included: --all is the
        # backup path, and a backup restored into an empty library must lack nothing.
        ids = [a.id for a in reversed(store.list_articles(all_versions=True))]
        if not ids:
            fail("the library is empty: nothing to export")
    elif articles:
        ids = [store.find_article(ref, version=version).id for ref in articles]
    else:
        raise click.UsageError("name at least one ARTICLE, or use --all")
    if output == "-":
        echo(
            export_text(store, ids, fmt=fmt, group_by=group_by, include_timestamp=timestamp),
            nl=False,
        )
        return
    from claimmark.store.export.files import export_folder

    target = Path(output).expanduser() if output else export_folder(store)

    def run(progress: Callable[[int, int], None] | None = None) -> list[Path]:
        return export_articles(
            store,
            ids,
            target,
            fmt=fmt,
            group_by=group_by,
            force=force,
            include_timestamp=timestamp,
            progress=progress,
        )

    if len(ids) >= 5 and sys.stderr.isatty():
        from rich.progress import Progress

        with Progress(transient=True) as bar:
            task = bar.add_task("Exporting", total=len(ids))
            written = run(lambda done, total: bar.update(task, completed=done))
    else:
        written = run()
    for path in written:
        echo(str(path))


@cli.command("import")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@pass_context
def import_command(context: Context, file: Path) -> None:
    """Restore articles and annotations from a claimmark JSON export."""
    from claimmark.store.export import import_collection
    from claimmark.store.ingest import path_problem
    from claimmark.store.sanitize import MAX_IMPORT_BYTES, size_label

    problem = path_problem(file)
    if problem is not None:
        fail(f"error: cannot read {file}: {problem}")
    try:
        with file.open("rb") as handle:
            if os.fstat(handle.fileno()).st_size > MAX_IMPORT_BYTES:
                fail(f"error: {file} is larger than {size_label(MAX_IMPORT_BYTES)}")
            data = handle.read(MAX_IMPORT_BYTES + 1)
    except OSError as error:
        fail(f"error: cannot read {file}: {error.strerror or error}")
    summary = import_collection(context.store, data)
    echo(
        f"{summary.articles_added} articles added, {summary.articles_existing} already there; "
        f"{summary.annotations_added} annotations added, {summary.annotations_skipped} "
        "already there"
    )
