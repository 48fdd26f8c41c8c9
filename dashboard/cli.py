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


@cli.command("geocode")
@click.argument("name")
@click.option("--country", "country", metavar="CC", help="Only places in this country (ISO 3166 alpha-2).")
@click.option("--feature", "features", multiple=True, metavar="F",
              help="Only this feature (city, settlement, admin1, river, ...); repeatable.")
@click.option("--limit", default=10, show_default=True, type=click.IntRange(1, 1000))
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list instead of a table.")
@click.option("--online", is_flag=True,
              help="Ask Nominatim (cached, 1 request/s) when the gazetteer has nothing; "
                   "also on with STRIKEMAP_ONLINE_GEOCODER=1.")
@click.option("--gazetteer", "gazetteer_path", type=click.Path(path_type=Path), envvar="STRIKEMAP_GAZETTEER",
              help="Gazetteer directory (default: the repository's geodata/).")
def geocode_command(name: str, country: str | None, features: tuple[str, ...], limit: int, as_json: bool,
                    online: bool, gazetteer_path: Path | None) -> None:
    """Ranked gazetteer candidates for NAME: id, name, coordinates, feature, admin1, country, source."""
    import json

    from .gazetteer import Gazetteer, GazetteerError
    from .geocode import GazetteerGeocoder, OnlineFallback

    try:
        gazetteer = Gazetteer.load(gazetteer_path)
    except GazetteerError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(2)
    fallback = OnlineFallback.from_env(force=online)
    try:
        geocoder = GazetteerGeocoder(gazetteer, fallback=fallback)
        found = geocoder.geocode(name, exactly_one=False, country_codes=country, features=features or None,
                                 limit=limit)
    finally:
        if fallback is not None:
            fallback.close()
    columns = ("id", "name", "lat", "lon", "feature", "admin1", "country", "population", "precision", "source")
    rows = [{c: loc.raw.get(c, "") for c in columns} for loc in found]
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not rows:
        click.echo(f"No place named {name!r} in the gazetteer.", err=True)
        return
    cells = [[f"{v:.4f}" if isinstance(v, float) else str(v) for v in row.values()] for row in rows]
    widths = [max(len(c), *(len(r[i]) for r in cells)) for i, c in enumerate(columns)]
    click.echo("  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip())
    for r in cells:
        click.echo("  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip())


def main() -> None:
    cli(obj={})


if __name__ == "__main__":
    sys.exit(main())
