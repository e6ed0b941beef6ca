"""Docs that cannot go stale: every command in the README, CI runs the README's test command."""

from __future__ import annotations

import re
import subprocess

import pytest
from typer.main import get_command

from conftest import ROOT
from tradelink.cli import app

README = (ROOT / "README.md").read_text(encoding="utf-8")


def commands() -> list[str]:
    return sorted(get_command(app).commands)


@pytest.mark.parametrize("name", commands())
def test_readme_documents_every_command(name):
    assert re.search(rf"`tradelink {re.escape(name)}\b", README), f"README does not show `tradelink {name}`"


@pytest.mark.parametrize("name", commands())
def test_every_command_has_help(name):
    assert get_command(app).commands[name].help, f"{name} has no help text"


def test_ci_runs_the_readme_test_command_exactly():
    fence = re.search(r"<!-- test-command -->\n```sh\n(.+)\n```", README)
    assert fence, "README marks its test command with <!-- test-command -->"
    printed = subprocess.run(["bash", str(ROOT / ".ci" / "run"), "--print-test-command"],
                             capture_output=True, text=True, check=True).stdout
    assert printed == fence.group(1) + "\n"
    assert "pytest" in printed and "'.[test]'" in printed


def test_readme_set_up_commands_are_single_lines():
    blocks = re.findall(r"```sh\n(.*?)```", README, re.S)
    assert any("ingest seeds/" in b and "export --format md" in b for b in blocks[:2])
    for block in blocks[:2]:
        assert block.count("\n") == 1, block


def test_ci_script_is_strict_and_checks_postgres():
    script = (ROOT / ".ci" / "run").read_text()
    assert "set -euo pipefail" in script
    assert "pg_isready -h 127.0.0.1" in script
    assert "apt-get install -y chromium" in script
