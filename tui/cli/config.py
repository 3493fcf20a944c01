"""`claimmark config`: show or set a setting."""

from __future__ import annotations

from pathlib import Path

import click

from claimmark.tui.cli.base import Context, cli, echo, pass_context

CONFIG_KEYS = {"export_dir": "the folder ctrl+e and 'claimmark export' write to"}


@cli.command("config")
@click.argument("key", required=False, type=click.Choice(sorted(CONFIG_KEYS)))
@click.argument("value", required=False)
@pass_context
def config_command(context: Context, key: str | None, value: str | None) -> None:
    """Show or set a setting (KEY alone shows it; KEY VALUE sets it)."""
    from claimmark.store.export.files import export_folder

    store = context.store
    if key is None:
        echo(f"export_dir\t{export_folder(store)}")
        return
    if value is None:
        echo(str(export_folder(store)))
        return
    store.set_setting(key, str(Path(value).expanduser().resolve()))
    echo(f"{key}\t{store.get_setting(key)}")
