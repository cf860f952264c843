"""Shell completion through Typer: ``kg --show-completion SHELL`` and the environment variable
(``_KG_COMPLETE``) that the installed script calls back with."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

KG_BIN = Path(sys.executable).parent / "kg"


def run(*args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(list(args), capture_output=True, text=True, timeout=120,
                          env={**os.environ, **env})


def test_show_completion_prints_a_bash_script_for_kg():
    done = run(str(KG_BIN), "--show-completion", "bash")
    assert done.returncode == 0, done.stderr
    assert "_kg_completion()" in done.stdout and "complete -o default -F _kg_completion kg" in done.stdout


def test_python_m_kg_prints_the_same_script():
    done = run(sys.executable, "-m", "kg", "--show-completion", "bash")
    assert done.returncode == 0 and "_kg_completion()" in done.stdout, done.stderr


def test_the_script_s_callback_completes_commands_and_choices():
    commands = run(str(KG_BIN), _KG_COMPLETE="complete_bash", COMP_WORDS="kg gaz", COMP_CWORD="1")
    assert commands.stdout.split() == ["gazetteer"]
    choices = run(str(KG_BIN), _KG_COMPLETE="complete_bash", COMP_WORDS="kg link X --type p", COMP_CWORD="4")
    assert sorted(choices.stdout.split()) == ["person", "place"]


def test_help_lists_the_completion_options():
    out = run(str(KG_BIN), "--help").stdout
    assert "--install-completion" in out and "--show-completion" in out
