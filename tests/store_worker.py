"""Subprocess used by the store's crash and concurrency tests.

    python tests/store_worker.py STORE FIRST LAST [PAUSE_SECONDS]

adds numbered_article(i) for FIRST <= i < LAST through the fake pipeline, skipping articles
already stored (as `strikemap ingest` does), pausing between articles so a test can kill it
mid-way. With STRIKEMAP_TEST_GO_FILE set, touches FILE.ready.FIRST and waits for FILE to
exist before writing. Prints "done" at the end.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from fakes import fake_process, numbered_article

from dashboard.store import Store


def main(store_path: str, first: int, last: int, pause: float) -> None:
    store = Store(store_path)
    go = os.environ.get("STRIKEMAP_TEST_GO_FILE")  # start line, so concurrent workers really overlap
    if go:
        Path(f"{go}.ready.{first}").touch()
    while go and not Path(go).exists():
        time.sleep(0.005)
    for i in range(first, last):
        article = numbered_article(i)
        if not store.has_article(article.id):
            store.add(fake_process(article))
        if pause:
            time.sleep(pause)
    store.close()
    print("done", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]) if len(sys.argv) > 4 else 0.0)
