"""`kg` and `python -m kg`: the command line of kg.cli, entered here so that `kg ingest` starts
its workers' forkserver first. The server's warm-up (its own interpreter, the pipeline's imports,
the rule pack, gazetteer and shapes) then overlaps the command line's imports (typer and kg.cli,
about 0.1 s) instead of following them."""
import sys


def main() -> None:
    args = sys.argv[1:]
    if args[:1] == ["ingest"] and not any(a in ("--help", "--cluster") or a.startswith("--cluster=")
                                          for a in args[1:]):
        from kg.workers import start_forkserver

        start_forkserver()
    from kg.cli import main as run

    run()


if __name__ == "__main__":
    main()
