"""Secret files: created 0600 in one step (never readable by others, not even for a moment or after a crash
between writing and chmod), in a secrets folder that is 0700 every time; the first admin's password file is
deleted once the password has been changed, and the terminal says so."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from chat.store.secret_files import read_or_create_secret, secrets_dir, write_secret
from tests.conftest import settings_dict
from tests.support.server import run_cli, write_toml


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def no_late_chmod(monkeypatch):
    """A permissive umask and no chmod after the fact: what a crash between writing and chmod leaves."""
    old = os.umask(0)
    monkeypatch.setattr(Path, "chmod", lambda self, mode, **kw: None)
    yield
    os.umask(old)


def _each_secret(data_dir: Path) -> dict[str, Path]:
    from chat.store.history.keys import load_history_key
    from chat.store.secret_files import login_signing_key

    os.environ.pop("CHAINLIT_AUTH_SECRET", None)
    os.environ.pop("SAFEGPT_HISTORY_KEY", None)
    load_history_key(data_dir)
    login_signing_key(data_dir)
    return {p.name: p for p in (data_dir / "secrets").iterdir()}


def test_secrets_are_private_from_the_first_byte(tmp_path, no_late_chmod, monkeypatch):
    monkeypatch.delenv("CHAINLIT_AUTH_SECRET", raising=False)
    monkeypatch.delenv("SAFEGPT_HISTORY_KEY", raising=False)
    files = _each_secret(tmp_path)
    assert set(files) == {"history.key", "chainlit_auth_secret"}
    for path in files.values():
        assert _mode(path) == 0o600, path.name
    assert _mode(tmp_path / "secrets") == 0o700


def test_the_first_admin_password_file_is_private(tmp_path, no_late_chmod, make_settings, provider):
    from chat.first_run import ensure_first_admin
    from chat.wiring import SafeGPT

    app = SafeGPT(make_settings(provider))
    _, path = ensure_first_admin(app)
    assert _mode(path) == 0o600 and _mode(path.parent) == 0o700
    app.close()


def test_a_secrets_folder_made_too_wide_is_narrowed_again(tmp_path):
    folder = tmp_path / "secrets"
    folder.mkdir(mode=0o755)
    os.chmod(folder, 0o755)
    secrets_dir(tmp_path)
    assert _mode(folder) == 0o700


def test_a_write_that_fails_leaves_no_partial_secret(tmp_path, monkeypatch):
    target = secrets_dir(tmp_path) / "history.key"
    write_secret(target, b"alt")

    def broken_fsync(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OSError):
        write_secret(target, b"neu-aber-halb")
    assert target.read_bytes() == b"alt"
    assert [p.name for p in target.parent.iterdir()] == ["history.key"]


def test_processes_creating_a_secret_together_get_the_same_one(tmp_path):
    path = tmp_path / "secrets" / "chainlit_auth_secret"
    values, start = [], threading.Barrier(8)

    def create(i: int) -> None:
        start.wait()
        values.append(read_or_create_secret(path, lambda: f"wert-{i}".encode()))

    threads = [threading.Thread(target=create, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(set(values)) == 1 and path.read_bytes() == values[0]
    assert [p.name for p in path.parent.iterdir()] == ["chainlit_auth_secret"]


def test_initial_password_file_goes_once_the_admin_changed_the_password(tmp_path, provider):
    config = write_toml(tmp_path / "safegpt.toml", settings_dict(tmp_path / "data", provider))
    setup = run_cli(config, "setup", "--no-index")
    password_file = tmp_path / "data" / "secrets" / "initial_admin_password"
    assert password_file.is_file() and "automatisch gelöscht" in setup.stdout
    run_cli(config, "setup", "--no-index")  # unchanged password: the file stays
    assert password_file.is_file()
    changed = run_cli(config, "user", "passwd", "admin", "--password-stdin", input="ein-neues-passwort-42\n")
    assert not password_file.exists()
    assert f"Die Datei mit dem Anfangspasswort ({password_file}) wurde gelöscht." in changed.stdout
