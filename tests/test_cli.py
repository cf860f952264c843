"""The kg command as a whole: errors become exit codes in one place."""
from pathlib import Path

import typer

from kg import cli

KG_DIR = Path(cli.__file__).resolve().parent


def _callbacks(app: typer.Typer):
    for command in app.registered_commands:
        yield command.callback
    for group in app.registered_groups:
        yield from _callbacks(group.typer_instance)


def test_every_command_goes_through_the_one_error_handler():
    callbacks = list(_callbacks(cli.app))
    assert len(callbacks) >= 12
    assert all(getattr(cb, "__wrapped__", None) for cb in callbacks)


def test_no_command_module_maps_errors_itself():
    for path in KG_DIR.glob("cli_*.py"):
        text = path.read_text(encoding="utf-8")
        assert "kg: error:" not in text and "exc.exit_code" not in text, path.name


def test_the_base_option_help_names_the_vocabularys_default_base():
    import inspect

    from kg.vocab import KGR

    for command in (cli.extract_cmd, cli.explain_cmd):
        assert f"(default {KGR})." in inspect.signature(command).parameters["base"].default.help


def test_importing_the_cli_imports_no_rdf_library():
    # Every start pays for what kg.cli imports: `kg --help`, `kg version` and each TAB completion.
    import subprocess
    import sys

    code = "import sys, kg.cli; print(sorted({m.split('.')[0] for m in sys.modules} & {'rdflib', 'pyoxigraph', 'pyshacl_turbo'}))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_a_command_runs_without_pydantic(tmp_path):
    # typer 0.29 builds a pydantic TypeAdapter for each option of the invoked command (~150 ms
    # of CPU at every start); the pin typer<0.29 keeps click-style conversion. Same options,
    # same parsed values; only the wording of an invalid value's error differs.
    import subprocess
    import sys

    example = Path(__file__).resolve().parents[1] / "examples" / "csto-kazakhstan.json"
    code = ("import atexit, sys\nfrom kg.cli import main\n"
            "atexit.register(lambda: print(sorted({m.split('.')[0] for m in sys.modules}"
            " & {'pydantic', 'pydantic_core'}), file=sys.stderr))\n"
            f"sys.argv = ['kg', 'extract', {str(example)!r}, '-o', {str(tmp_path / 'out.ttl')!r}]\nmain()")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip().splitlines()[-1] == "[]"
    assert (tmp_path / "out.ttl").stat().st_size > 0


def _names() -> list[str]:
    from typer.main import get_command

    return sorted(get_command(cli.app).commands)


def test_a_run_builds_only_the_command_it_names():
    names = _names()
    assert len(names) >= 16
    for name in names:
        one = cli.app_for([name, "x"], {})
        assert one is not cli.app  # every command and group has a name to be found by
        held = [c.name for c in one.registered_commands] + [g.name for g in one.registered_groups]
        assert held == [name]
    for args in ([], ["--help"], ["--version"], ["extrat"]):
        assert cli.app_for(args, {}) is cli.app
    # completion lists every command
    assert cli.app_for(["extract"], {"_KG_COMPLETE": "complete_bash"}) is cli.app


def test_the_lone_command_parses_helps_and_fails_as_in_the_whole_app():
    from typer.main import get_command
    from typer.testing import CliRunner

    runner = CliRunner()
    whole = get_command(cli.app)
    for name in _names():
        subs = [[]] + [[sub] for sub in sorted(getattr(whole.commands[name], "commands", {}))]
        for sub in subs:
            for tail in (["--help"], ["--no-such-option"]):
                args = [name, *sub, *tail]
                expected = runner.invoke(cli.app, args, prog_name="kg", terminal_width=100)
                got = runner.invoke(cli.app_for(args, {}), args, prog_name="kg", terminal_width=100)
                assert (got.exit_code, got.output) == (expected.exit_code, expected.output), args
                assert expected.exit_code in (0, 2) and "Usage: kg " in expected.output, args


def test_only_a_kg_process_collects_no_cyclic_garbage(tmp_path):
    import gc
    import subprocess
    import sys

    from typer.testing import CliRunner

    example = Path(__file__).resolve().parents[1] / "examples" / "csto-kazakhstan.json"
    # Invoked by another program (here the test): the collector is left as it was.
    done = CliRunner().invoke(cli.app, ["extract", str(example), "-o", str(tmp_path / "a.ttl")])
    assert done.exit_code == 0 and gc.isenabled()
    code = ("import atexit, gc, sys\nfrom kg.cli import main\n"
            "atexit.register(lambda: print(gc.isenabled(), file=sys.stderr))\n"
            f"sys.argv = ['kg', 'extract', {str(example)!r}, '-o', {str(tmp_path / 'b.ttl')!r}]\nmain()")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert run.returncode == 0 and run.stderr.strip().splitlines()[-1] == "False"
    assert (tmp_path / "a.ttl").read_bytes() == (tmp_path / "b.ttl").read_bytes()


def test_a_kg_extract_process_ends_as_pythons_exit_would(tmp_path):
    # kg extract leaves without tearing the interpreter down (cli._exit_now): what Python's exit
    # does that matters must still happen: atexit functions (the regex cache is saved), output
    # flushed whole, the exit code.
    import os
    import subprocess
    import sys

    example = Path(__file__).resolve().parents[1] / "examples" / "csto-kazakhstan.json"
    env = {**os.environ, "KG_CACHE_DIR": str(tmp_path / "cache")}

    def kg(*args):
        return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, env=env)

    to_file = kg("extract", str(example), "-o", str(tmp_path / "out.ttl"))
    assert to_file.returncode == 0 and to_file.stdout == b""
    assert list((tmp_path / "cache").glob("regex-code-*.bin"))  # saved by its atexit function
    to_stdout = kg("extract", str(example), "--explain")
    assert to_stdout.returncode == 0
    assert to_stdout.stdout == (tmp_path / "out.ttl").read_bytes()
    assert to_stdout.stderr.strip()  # the explanation, flushed
    missing = kg("extract", str(tmp_path / "missing.txt"))
    assert missing.returncode == 2 and missing.stderr.decode().startswith("kg: error:")
