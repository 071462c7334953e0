"""The readiness probe's model check (chat/web/readiness.py): a load balancer calls it every few seconds."""

from __future__ import annotations

import asyncio
import ssl

from chat.web import readiness
from tests.conftest import open_app, settings_dict


def test_models_are_probed_and_repeated_probes_load_the_certificates_once(tmp_path, provider, monkeypatch):
    app = open_app(settings_dict(tmp_path / "data", provider, local=True))
    contexts = []
    real = ssl.SSLContext.load_verify_locations

    def counting(self, *args, **kwargs):
        contexts.append(self)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(ssl.SSLContext, "load_verify_locations", counting)
    readiness._tls_context.cache_clear()
    try:
        results = [asyncio.run(readiness.readiness(app)) for _ in range(5)]
    finally:
        app.close()
    assert all(r["checks"]["models"] == {"extern": "ok", "lokal-klein": "ok"} for r in results), results
    assert len(contexts) == 1  # the CA bundle was read once, not per probe


def test_an_unreachable_model_server_is_reported_by_its_error(tmp_path, provider):
    values = settings_dict(tmp_path / "data", provider)
    values["model_list"][0]["litellm_params"]["api_base"] = "http://127.0.0.1:9/v1"  # discard port: refused
    app = open_app(values)
    try:
        result = asyncio.run(readiness.readiness(app))
    finally:
        app.close()
    assert result["checks"]["models"] == {"extern": "ConnectError"} and result["ready"] is False
