"""Model catalogue and policy changes (made in the settings file) are recorded in the audit log."""

from chat.first_run import audit_catalogue_changes
from chat.settings import load_settings
from chat.wiring import SafeGPT
from tests.conftest import settings_dict


def test_catalogue_changes_are_audited(tmp_path, provider):
    base = settings_dict(tmp_path / "data", provider)
    app = SafeGPT(load_settings(use_file=False, **base))
    assert sorted(audit_catalogue_changes(app)) == ["approved model:extern", "approved policy"]
    assert audit_catalogue_changes(app) == []  # unchanged at the next start

    changed = dict(base)
    changed["model_list"] = [dict(base["model_list"][0], safegpt={**base["model_list"][0]["safegpt"],
                                                                   "data_classes": ["none"]})]
    changed["policy"] = {"local": ["none"], "on-prem": ["none"], "eu-cloud": ["none", "pseudonymised"]}
    app2 = SafeGPT(load_settings(use_file=False, **changed))
    assert sorted(audit_catalogue_changes(app2)) == ["changed model:extern", "changed policy"]
    entries = app2.audit.entries(area="models")
    assert entries[0].actor == "config" and "key" not in str(entries).lower().replace("fingerprint", "")
