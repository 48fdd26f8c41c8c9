"""Start the dashboard's Streamlit server with the map's heavy modules already imported.

Streamlit runs the page script in its own process, importing pandas, folium and the map code on
the first visit; a just-started server then draws its first marker a second or two later than a
warm one. Importing them before the server starts moves that cost to start-up, before anyone waits.

    python -m dashboard.server [streamlit options] -- --store PATH
"""

from __future__ import annotations

import sys
from pathlib import Path

APP = Path(__file__).resolve().parent / "app.py"


def command(port: int, address: str, store: Path) -> list[str]:
    """The command line that serves the dashboard of `store` (used by `strikemap serve` and tests)."""
    return [
        sys.executable, "-m", "dashboard.server",
        "--server.port", str(port),
        "--server.address", address,
        "--server.headless", "true",
        "--server.enableStaticServing", "true",
        "--browser.gatherUsageStats", "false",
        "--", "--store", str(store),
    ]


def main(argv: list[str]) -> int:
    # The page's imports, done before the first visit. Nothing that imports streamlit itself:
    # that would read Streamlit's configuration before the command-line options are applied.
    import folium  # noqa: F401
    import pandas  # noqa: F401
    from streamlit.web import cli as streamlit_cli

    import dashboard.mapview  # noqa: F401
    import dashboard.panel  # noqa: F401
    import dashboard.store  # noqa: F401

    sys.argv = ["streamlit", "run", str(APP), *argv]
    return streamlit_cli.main()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
