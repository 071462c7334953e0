"""Chat session files (attachments not yet read, source excerpts) do not outlive the retention the page states,
also when the process that served the session died and Chainlit never cleaned up."""

from __future__ import annotations

import os
import time

from chat.web.server import remove_stale_session_files


def _session(root, name: str, age_hours: float) -> None:
    folder = root / ".files" / name
    folder.mkdir(parents=True)
    excerpt = folder / "auszug.txt"
    excerpt.write_text("Auszug aus einer Richtlinie", encoding="utf-8")
    then = time.time() - age_hours * 3600
    for path in (excerpt, folder):
        os.utime(path, (then, then))


def test_folders_older_than_a_session_can_last_are_removed(tmp_path):
    _session(tmp_path, "abgestuerzt", age_hours=12)
    _session(tmp_path, "laufend", age_hours=2)
    assert remove_stale_session_files(tmp_path, older_than_seconds=11 * 3600) == 1
    assert sorted(p.name for p in (tmp_path / ".files").iterdir()) == ["laufend"]


def test_a_recent_file_keeps_an_old_folder(tmp_path):
    _session(tmp_path, "lang-offen", age_hours=30)
    (tmp_path / ".files" / "lang-offen" / "neu.txt").write_text("eben gezeigt", encoding="utf-8")
    assert remove_stale_session_files(tmp_path, older_than_seconds=11 * 3600) == 0


def test_nothing_to_do_without_files(tmp_path):
    assert remove_stale_session_files(tmp_path, older_than_seconds=1) == 0
