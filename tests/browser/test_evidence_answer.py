"""Evidence-first answers in the browser (issue 18): the guideline's own sentence, with document and section,
comes before the model's draft, and a number the model invented is marked in the answer the user reads.

The model is a real OpenAI-compatible server on 127.0.0.1 that answers with a fixed draft holding an invented
duration ("36 Monate"; the sample guideline says 12, at most 24) — the mistake a small model makes.
"""

from __future__ import annotations

import pytest

from chat.core import messages as texts
from tests.browser.conftest import login, send
from tests.conftest import settings_dict
from tests.support.openai_stub import RecordingProvider
from tests.support.server import start_server_with_users

pytestmark = pytest.mark.browser

PASSWORD = "sicheres-passwort-123"
QUESTION = "Für wie lange wird Wohngeld bewilligt?"
INVENTED = "Wohngeld wird für 36 Monate bewilligt [1]. Danach ist ein Weiterleistungsantrag nötig [1]."
DOCUMENT = "Wohngeld – Beratung und Antragstellung"
SECTION = "5. Fristen und Bewilligungszeitraum"
QUOTED = "Wohngeld wird in der Regel für 12 Monate bewilligt"


@pytest.fixture(scope="module")
def inventing_model():
    provider = RecordingProvider(name="erfindet", reply=INVENTED).start()
    yield provider
    provider.stop()


@pytest.fixture(scope="module")
def server(tmp_path_factory, inventing_model):
    tmp = tmp_path_factory.mktemp("evidence-answer")
    settings = settings_dict(tmp / "data", inventing_model, samples=True)
    srv = start_server_with_users(settings, tmp, {"fachkraft": "staff"}, PASSWORD)
    yield srv
    srv.stop()


def test_the_quote_comes_first_and_the_invented_number_is_marked(server, inventing_model, page):
    login(page, server.base_url, "fachkraft", PASSWORD)
    send(page, QUESTION)

    answer = page.locator(".step").filter(has_text=texts.MARK_UNSUPPORTED).last
    answer.wait_for(timeout=120_000)
    shown = answer.inner_text()

    # The guideline's sentence, verbatim, with its document and section …
    origin = texts.EVIDENCE_FROM.format(title=DOCUMENT, section=SECTION, page="")
    assert origin in shown, shown
    assert f"»{QUOTED}" in shown or QUOTED in shown
    # … before the model's draft, which is labelled as a draft to be checked.
    assert shown.index(origin) < shown.index(QUOTED) < shown.index(texts.DRAFT_LABEL) < shown.index("36 Monate")

    # The invented duration stays (nothing is rewritten silently) and carries the mark right behind it.
    marked = shown[shown.index("36 Monate"):]
    assert marked.split(texts.MARK_UNSUPPORTED)[0].replace("⚠️", "").replace("(", "").strip() == "36 Monate"
    # The supported part of the draft is not marked.
    assert shown.count(texts.MARK_UNSUPPORTED) == 1

    # The model was asked (the answer is grounded), with the question restated after the quoted excerpts.
    assert inventing_model.requests, "the model was never called"
    user = inventing_model.requests[-1]["messages"][-1]["content"]
    assert user.startswith(texts.ANSWER_SOURCES_LABEL) and user.rstrip().endswith(QUESTION)
    assert page.request_log.hosts() <= {"127.0.0.1"}, page.request_log.hosts()
