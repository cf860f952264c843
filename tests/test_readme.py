"""The README's quickstart and tour, run as written.

Each ``console`` or ``sh`` block of the sections from "Quickstart" to "The output model" is run,
command by command, in a temporary copy of ``examples/`` with ``kg`` on PATH from this
environment and a fresh home folder (so the default store and cache are new). Every command must
exit 0, and where the README shows output under a command, the command's output (standard output
and standard error, as a terminal shows them) must match it: ``…`` on a line of its own stands for
any number of lines, within a line for any text, and the home folder is written ``~``. A block
after ``<!-- tour: not run ... -->`` (one that needs the network, a SPARQL server or a fresh
clone) is left out.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
_FENCE = re.compile(r"^```(console|sh)\n(.*?)^```\n", re.M | re.S)
_NOT_RUN = "<!-- tour: not run"


@dataclass(frozen=True)
class Command:
    line: int  # in README.md
    text: str
    shown: tuple[str, ...]  # the output the README shows; () when it shows none


def tour_blocks(readme: str) -> list[tuple[int, list[Command]]]:
    start = readme.index("\n## Quickstart")
    end = readme.index("\n## The output model")
    blocks = []
    for m in _FENCE.finditer(readme, start, end):
        if readme[:m.start()].rstrip().endswith("-->") and \
                readme[:m.start()].rstrip().rsplit("\n", 1)[-1].startswith(_NOT_RUN):
            continue
        first = readme.count("\n", 0, m.start(2)) + 1
        commands: list[Command] = []
        for offset, text in enumerate(m.group(2).splitlines()):
            if m.group(1) == "sh":  # a script: one command per line, no output shown
                if text.strip() and not text.lstrip().startswith("#"):
                    commands.append(Command(first + offset, text, ()))
            elif text.startswith("$ "):
                commands.append(Command(first + offset, text[2:], ()))
            elif commands:
                last = commands[-1]
                commands[-1] = Command(last.line, last.text, last.shown + (text,))
        blocks.append((first, commands))
    return blocks


def matches(shown: tuple[str, ...], output: str) -> bool:
    lines = list(shown)
    while lines and not lines[-1].strip():
        lines.pop()
    pattern = "".join(r"(?:[^\n]*\n)*?" if line.strip() == "…" else
                      r"[^\n]*".join(map(re.escape, line.rstrip().split("…"))) + r"[ \t]*\n"
                      for line in lines)
    text = "\n".join(line.rstrip() for line in output.splitlines()) + "\n"
    return re.fullmatch(pattern + r"\n*", text) is not None


BLOCKS = tour_blocks(README.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    work = tmp_path_factory.mktemp("tour")
    shutil.copytree(ROOT / "examples", work / "examples")
    home = work / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("KG_")}
    env.update(HOME=str(home), PATH=f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}",
               COLUMNS="200", XDG_DATA_HOME=str(home / ".local" / "share"),
               XDG_CACHE_HOME=str(home / ".cache"))
    return work, env


def test_the_tour_has_blocks_to_run():
    assert len(BLOCKS) >= 8 and sum(len(c) for _, c in BLOCKS) >= 25


@pytest.mark.parametrize("first, commands", BLOCKS, ids=[f"README.md:{first}" for first, _ in BLOCKS])
def test_tour_block(workspace, first, commands):
    work, env = workspace
    home = env["HOME"]
    for command in commands:
        done = subprocess.run(["bash", "-c", command.text], cwd=work, env=env, stdin=subprocess.DEVNULL,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=600)
        output = done.stdout.replace(home, "~")
        assert done.returncode == 0, f"README.md:{command.line}: {command.text}\n{output}"
        if command.shown:
            assert matches(command.shown, output), (
                f"README.md:{command.line}: {command.text}\nshown:\n" + "\n".join(command.shown)
                + f"\ngot:\n{output}")


def test_ellipses_match_lines_and_text():
    assert matches(("a", "…", "d"), "a\nb\nc\nd\n") and matches(("a", "…", "b"), "a\nb\n")
    assert matches(("x … z",), "x yyy z\n") and not matches(("a", "d"), "a\nb\nd\n")
    assert not matches(("loaded 3",), "loaded 4\n")
