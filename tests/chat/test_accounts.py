import pytest
from sqlalchemy import select

from chat.store.accounts import AccountError, Accounts, Role
from chat.store.db import open_database
from chat.store.db.schema import users


@pytest.fixture
def accounts(database_url):
    engine = open_database(database_url)
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


def test_migrations_are_idempotent(database_url):
    url = database_url
    open_database(url).dispose()
    engine = open_database(url)
    Accounts(engine).add("x", "ein-langes-passwort", Role.ADMIN)
    assert [a.role for a in Accounts(open_database(url)).list()] == [Role.ADMIN]


def test_plain_postgresql_url_uses_psycopg3():
    from chat.store.db.engine import normalise_url

    assert normalise_url("postgresql://u:p@db:5432/safegpt") == "postgresql+psycopg://u:p@db:5432/safegpt"
    assert normalise_url("postgres://db/x") == "postgresql+psycopg://db/x"
    assert normalise_url("sqlite:///data/safegpt.db") == "sqlite:///data/safegpt.db"


def test_concurrent_first_starts_migrate_once(database_url):
    """Two processes starting together on one empty database: both come up, the schema exists once."""
    from concurrent.futures import ThreadPoolExecutor

    from sqlalchemy import inspect

    with ThreadPoolExecutor(2) as pool:
        engines = list(pool.map(lambda _: open_database(database_url), range(2)))
    try:
        assert "users" in inspect(engines[0]).get_table_names()
        Accounts(engines[0]).add("parallel", "ein-langes-passwort")
        assert Accounts(engines[1]).get("parallel") is not None
    finally:
        for engine in engines:
            engine.dispose()
