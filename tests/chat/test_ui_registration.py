"""The Chainlit handlers are bound to the wired app they are registered with (chat.ui.chainlit_app.register), not
read from a global, and importing the UI registers nothing. Each check runs in a fresh interpreter: Chainlit keeps
its handlers in one process-wide table."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.conftest import settings_dict

_CHECK = """
import asyncio, json, os
from chainlit.config import config
import chat.ui.chainlit_app as ui
from chat.settings import load_settings
from chat.wiring import SafeGPT

code = config.code
registered = lambda: sorted(name for name in ("on_message", "on_chat_start", "on_chat_resume", "set_chat_profiles",
                                              "set_starters", "password_auth_callback") if getattr(code, name))
after_import = {"handlers": registered(), "buttons": sorted(code.action_callbacks)}
shown = []
for values in json.loads(os.environ["APPS"]):
    app = SafeGPT(load_settings(use_file=False, **values))
    ui.register(app)
    shown.append([p.name for p in asyncio.run(code.set_chat_profiles(None))])
print(json.dumps({"after_import": after_import, "handlers": registered(), "buttons": sorted(code.action_callbacks),
                  "profiles": shown}))
"""


def _app_values(tmp_path, provider, name: str, display: str) -> dict:
    values = settings_dict(tmp_path / name, provider)
    for entry in values["model_list"]:
        entry["safegpt"]["display_name"] = f"{display} {entry['model_name']}"
    return values


def test_import_registers_nothing_and_each_app_gets_handlers_bound_to_itself(tmp_path, provider):
    apps = [_app_values(tmp_path, provider, "first", "Erste"), _app_values(tmp_path, provider, "second", "Zweite")]
    env = {**os.environ, "APPS": json.dumps(apps), "CHAINLIT_APP_ROOT": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", _CHECK], capture_output=True, text=True, timeout=300, env=env)
    assert result.returncode == 0, result.stderr[-3000:]
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["after_import"] == {"handlers": [], "buttons": []}
    assert seen["handlers"] == ["on_chat_resume", "on_chat_start", "on_message", "password_auth_callback",
                                "set_chat_profiles", "set_starters"]
    assert {"feedback", "feedback_reason", "mark_value", "Wie funktioniert das?"} <= set(seen["buttons"])
    first, second = seen["profiles"]
    assert first and all(name.startswith("Erste ") for name in first)
    assert second and all(name.startswith("Zweite ") for name in second)  # the second registration replaces the first
