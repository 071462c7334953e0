"""The test order (tests/support/schedule.py) and the shared Chromium (tests/conftest.py) of `make test`."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from pathlib import Path

from tests.support.schedule import SECONDS_FILE, heavy_first, read_seconds, summarise

REPO = Path(__file__).resolve().parents[1]


@dataclass
class Item:
    nodeid: str


def test_listed_files_come_first_longest_first_and_each_file_stays_together():
    items = [Item(n) for n in ("tests/a.py::t1", "tests/b.py::t1", "tests/a.py::t2", "tests/c.py::t1",
                               "tests/d.py::t1", "tests/c.py::t2", "tests/e.py::t1")]
    ordered = [i.nodeid for i in heavy_first(items, {"tests/c.py": 90.0, "tests/d.py": 120.0})]
    assert ordered == ["tests/d.py::t1", "tests/c.py::t1", "tests/c.py::t2",
                       "tests/a.py::t1", "tests/a.py::t2", "tests/b.py::t1", "tests/e.py::t1"]


def test_seconds_file_is_read_with_comments_and_every_listed_file_exists(tmp_path):
    sample = tmp_path / "s.tsv"
    sample.write_text("# a comment\n12\ttests/x.py  # trailing note\n\n3.5\ttests/y.py\n")
    assert read_seconds(sample) == {"tests/x.py": 12.0, "tests/y.py": 3.5}
    assert read_seconds(tmp_path / "missing.tsv") == {}
    shipped = read_seconds(SECONDS_FILE)
    assert len(shipped) >= 20
    missing = [name for name in shipped if not (REPO / name).is_file()]
    assert not missing, f"tests/file_seconds.tsv names files that are gone: {missing}"


def test_summary_adds_up_per_file_and_lists_the_longest_first(tmp_path):
    (tmp_path / "gw0-1.tsv").write_text("2.00\ttests/a.py::t1\n30.50\ttests/b.py::t[x]\n")
    (tmp_path / "gw1-2.tsv").write_text("3.00\ttests/a.py::t2\n1.00\ttests/c.py::t\n")
    text = summarise(tmp_path, top=2)
    rows = [line.split("\t") for line in text.splitlines() if not line.startswith("#")]
    assert rows == [["30", "tests/b.py"], ["5", "tests/a.py"]]
    assert read_seconds_from_text(tmp_path, text) == {"tests/b.py": 30.0, "tests/a.py": 5.0}


def read_seconds_from_text(folder: Path, text: str) -> dict[str, float]:
    path = folder / "out.tsv"
    path.write_text(text)
    return read_seconds(path)


# The next three run in this order in one process: a browser test, an asyncio test, a browser test again.
_seen: list = []


def test_a_browser_test_gets_chromium(browser):
    page = browser.new_page()
    page.set_content("<p id='x'>eins</p>")
    assert page.inner_text("#x") == "eins"
    page.close()
    _seen.append(browser)


async def test_an_asyncio_test_after_a_browser_test_runs_its_own_loop():
    # Fails with "Cannot run the event loop while another loop is running" while Playwright's sync API is up.
    assert await asyncio.sleep(0, result="ok") == "ok"


def test_asyncio_run_works_after_a_browser_test():
    assert asyncio.run(asyncio.sleep(0, result="ok")) == "ok"


def test_the_next_browser_test_gets_a_freshly_started_chromium(browser):
    page = browser.new_page()
    page.set_content("<p id='x'>zwei</p>")
    assert page.inner_text("#x") == "zwei"
    page.close()
    assert _seen, "runs after test_a_browser_test_gets_chromium"
    assert _seen[0] is not browser and not _seen[0].is_connected()  # the first Chromium was stopped
