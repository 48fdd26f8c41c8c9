"""The `strikemap` command: one subcommand per pipeline step, mirroring the Python API."""

from __future__ import annotations

import sys
from pathlib import Path

import click

DEFAULT_STORE = Path("data/strikemap.sqlite")


@click.group()
@click.option(
    "--store",
    "store_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=DEFAULT_STORE,
    envvar="STRIKEMAP_STORE",
    show_default=True,
    help="SQLite event store.",
)
@click.pass_context
def cli(ctx: click.Context, store_path: Path) -> None:
    """Turn news reports of strikes into a map you can trace back to every sentence."""
    ctx.ensure_object(dict)
    ctx.obj["store_path"] = store_path


def main() -> None:
    cli(obj={})


if __name__ == "__main__":
    sys.exit(main())
