"""Login lockout bookkeeping on a real database: per account name (existing or not) and per address."""

from __future__ import annotations

import pytest

from chat.store.db import open_database
from chat.web.security import SecuritySettings
from chat.web.security.login_attempts import LoginAttempts


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def attempts(tmp_path):
    engine = open_database(f"sqlite:///{tmp_path / 'db.sqlite'}")
    clock = Clock()
    settings = SecuritySettings(max_failed_logins=3, max_failed_logins_per_ip=5, max_failed_logins_per_account=8,
                                login_delay_seconds=30, lockout_minutes=10)
    yield LoginAttempts(engine, settings, clock=clock), clock
    engine.dispose()


def test_a_name_waits_after_its_limit_from_that_address_and_the_wait_grows(attempts):
    guard, clock = attempts
    for _ in range(2):
        guard.failed("fachkraft", "10.0.0.1")
        assert guard.locked_seconds("fachkraft", "10.0.0.1") == 0
    guard.failed("fachkraft", "10.0.0.1")
    assert guard.locked_seconds("fachkraft", "10.0.0.1") == pytest.approx(30)
    assert guard.locked_seconds("FachKraft ", "10.0.0.1") > 0  # same name, other spelling
    # Staff at another address are not locked out by someone guessing their password elsewhere.
    assert guard.locked_seconds("fachkraft", "10.0.0.2") == 0
    waits = []
    for _ in range(4):
        clock.now += 31 * 2 ** len(waits)
        guard.failed("fachkraft", "10.0.0.1")
        waits.append(guard.locked_seconds("fachkraft", "10.0.0.1"))
    assert waits == [pytest.approx(60), pytest.approx(120), pytest.approx(240), pytest.approx(480)]
    clock.now += 481
    guard.failed("fachkraft", "10.0.0.1")
    assert guard.locked_seconds("fachkraft", "10.0.0.1") == pytest.approx(600)  # never longer than lockout_minutes
    clock.now += 601 + 600  # forgotten lockout_minutes after the last failure
    guard.failed("fachkraft", "10.0.0.1")
    assert guard.locked_seconds("fachkraft", "10.0.0.1") == 0


def test_guessing_one_name_from_many_addresses_meets_the_account_backstop(attempts):
    guard, _ = attempts
    for i in range(8):
        guard.failed("chefin", f"10.0.1.{i}")
    assert guard.locked_seconds("chefin", "10.0.9.9") == pytest.approx(30)
    assert guard.locked_seconds("kollegin", "10.0.9.9") == 0


def test_unknown_account_name_waits_exactly_like_a_real_one(attempts):
    guard, _ = attempts
    for _ in range(3):
        guard.failed("gibt-es-nicht", None)
    assert guard.locked_seconds("gibt-es-nicht", None) == pytest.approx(30)


def test_address_locks_after_its_own_limit_across_names(attempts):
    guard, _ = attempts
    for i in range(5):
        guard.failed(f"name{i}", "10.0.0.9")
    assert guard.locked_seconds("noch-ein-name", "10.0.0.9") > 0
    assert guard.locked_seconds("noch-ein-name", "10.0.0.10") == 0


def test_success_resets_the_account_but_not_the_address(attempts):
    guard, _ = attempts
    for _ in range(2):
        guard.failed("fachkraft", "10.0.0.1")
    guard.succeeded("fachkraft", "10.0.0.1")
    guard.failed("fachkraft", "10.0.0.1")
    assert guard.locked_seconds("fachkraft", None) == 0
    for _ in range(2):
        guard.failed("andere", "10.0.0.1")
    assert guard.locked_seconds("x", "10.0.0.1") > 0  # 5 failures from this address in the window


def test_old_failures_fall_out_of_the_window(attempts):
    guard, clock = attempts
    guard.failed("fachkraft", None)
    guard.failed("fachkraft", None)
    clock.now += 601
    guard.failed("fachkraft", None)
    assert guard.locked_seconds("fachkraft", None) == 0


def test_lockout_holds_across_processes(tmp_path):
    """A second LoginAttempts on the same database (another server process) sees the lock."""
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    settings = SecuritySettings(max_failed_logins=2, max_failed_logins_per_account=2)
    first, second = LoginAttempts(open_database(url), settings), LoginAttempts(open_database(url), settings)
    first.failed("fachkraft", None)
    second.failed("fachkraft", None)
    assert first.locked_seconds("fachkraft", None) > 0 and second.locked_seconds("fachkraft", None) > 0


def test_no_name_or_address_is_stored(attempts):
    guard, _ = attempts
    guard.failed("fachkraft", "10.0.0.1")
    with guard.engine.connect() as conn:
        from sqlalchemy import text

        rows = conn.execute(text("SELECT * FROM login_attempts")).all()
    assert rows and all("fachkraft" not in str(r) and "10.0.0.1" not in str(r) for r in rows)
