import pytest

from chat.accounts import AccountError, Accounts, Role
from chat.db import open_database
from chat.db.schema import users
from sqlalchemy import select


@pytest.fixture
def accounts(tmp_path):
    engine = open_database(f"sqlite:///{tmp_path / 'db.sqlite'}")
    yield Accounts(engine)
    engine.dispose()


def test_add_and_authenticate_with_argon2(accounts):
    accounts.add("fachkraft", "ein-langes-passwort", Role.STAFF)
    account = accounts.authenticate("fachkraft", "ein-langes-passwort")
    assert account is not None and account.role is Role.STAFF
    assert accounts.authenticate("fachkraft", "falsch-falsch") is None
    assert accounts.authenticate("niemand", "ein-langes-passwort") is None
    with accounts.engine.connect() as conn:
        stored = conn.execute(select(users.c.password_hash)).scalar_one()
    assert stored.startswith("$argon2id$") and "ein-langes-passwort" not in stored


def test_disabled_account_cannot_log_in(accounts):
    accounts.add("alt", "ein-langes-passwort")
    accounts.disable("alt")
    assert accounts.authenticate("alt", "ein-langes-passwort") is None


def test_duplicate_short_password_and_unknown_user_give_clear_errors(accounts):
    accounts.add("a", "ein-langes-passwort")
    with pytest.raises(AccountError, match="gibt es bereits"):
        accounts.add("a", "ein-langes-passwort")
    with pytest.raises(AccountError, match="mindestens 10"):
        accounts.add("b", "kurz")
    with pytest.raises(AccountError, match="gibt es nicht"):
        accounts.set_role("zzz", Role.ADMIN)


def test_migrations_are_idempotent(tmp_path):
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    open_database(url).dispose()
    engine = open_database(url)
    Accounts(engine).add("x", "ein-langes-passwort", Role.ADMIN)
    assert [a.role for a in Accounts(open_database(url)).list()] == [Role.ADMIN]
