"""The dependency audit's decision rules (deploy/dependency_audit.py), on pip-audit's JSON format."""

from __future__ import annotations

import importlib.util
import sys

import pytest

from tests.support.server import REPO

_spec = importlib.util.spec_from_file_location("dependency_audit", REPO / "deploy" / "dependency_audit.py")
audit = importlib.util.module_from_spec(_spec)
sys.modules["dependency_audit"] = audit  # dataclasses look their module up there
_spec.loader.exec_module(audit)


def _report(*deps):
    return audit.parse_report({"dependencies": list(deps), "fixes": []})


CLEAN = {"name": "jinja2", "version": "3.1.6", "vulns": []}
FIXABLE = {"name": "h11", "version": "0.14.0", "vulns": [
    {"id": "GHSA-vqfr-h8mv-ghfj", "fix_versions": ["0.16.0"], "aliases": ["CVE-2025-43859"], "description": ""}]}
UNFIXED = {"name": "ecdsa", "version": "0.19.1", "vulns": [
    {"id": "GHSA-wj6h-64fc-37mp", "fix_versions": [], "aliases": [], "description": ""}]}
SKIPPED = {"name": "aiofiles", "version": "25.1.0", "skip_reason": "Dependency not found on PyPI"}


def test_clean_lock_passes():
    assert audit.decide(_report(CLEAN), frozenset(), True, False) == audit.OK


def test_vulnerability_with_a_fix_fails_unless_ignored_with_reason():
    report = _report(CLEAN, FIXABLE)
    assert audit.decide(report, frozenset(), True, False) == audit.FAILED
    assert audit.decide(report, frozenset({"GHSA-vqfr-h8mv-ghfj"}), True, False) == audit.OK


def test_vulnerability_without_a_fix_is_listed_but_does_not_fail(capsys):
    report = _report(CLEAN, UNFIXED)
    assert audit.decide(report, frozenset(), True, False) == audit.OK
    audit.print_table(report, frozenset())
    assert "GHSA-wj6h-64fc-37mp" in capsys.readouterr().out


def test_a_package_that_could_not_be_audited_fails_when_the_service_answers():
    assert audit.decide(_report(CLEAN, SKIPPED), frozenset(), True, False) == audit.FAILED


def test_unreachable_service_is_never_a_silent_pass():
    report = _report(SKIPPED)
    assert audit.decide(report, frozenset(), False, False) == audit.UNREACHABLE
    # Only an explicit flag turns it into a warning (offline machines); main() then prints the warning.
    assert audit.decide(report, frozenset(), False, True) == audit.OK


def test_an_empty_result_is_a_failure_not_a_pass():
    assert audit.decide(_report(), frozenset(), True, True) == audit.FAILED


def test_ignore_file_needs_a_reason(tmp_path):
    good = tmp_path / "ok.txt"
    good.write_text("# comment\nGHSA-1  only affects the CLI, which SafeGPT does not use\n", encoding="utf-8")
    assert audit.read_ignored(good) == {"GHSA-1"}
    bad = tmp_path / "bad.txt"
    bad.write_text("GHSA-2\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="line 1"):
        audit.read_ignored(bad)
    assert audit.read_ignored(audit.IGNORE_FILE) is not None  # the shipped file parses
