"""`make bench` rewrites its table in bench/results.md but keeps the notes under it."""

from pathlib import Path

from bench.report import NOTES, Row, kept_notes, publish

RESULTS = Path(__file__).resolve().parents[1] / "bench" / "results.md"


def test_a_new_table_keeps_the_notes(tmp_path: Path, capsys) -> None:
    path = tmp_path / "results.md"
    path.write_text(f"# old run\n\n| old table |\n\n{NOTES}\n\n| where | figure |\n")
    publish([Row("engine", "simulate", "32.6 ms")], "# new run", path)
    text = path.read_text()
    assert text.startswith("# new run\n\n| group |")
    assert "old" not in text and "| engine | simulate | 32.6 ms |" in text
    assert text.endswith(f"\n{NOTES}\n\n| where | figure |\n")
    assert NOTES not in capsys.readouterr().out  # the notes go to the file, not the printout


def test_a_file_without_notes_gets_the_table_alone(tmp_path: Path, capsys) -> None:
    assert kept_notes(tmp_path / "missing.md") == ""
    path = tmp_path / "results.md"
    path.write_text("# old run\n")
    publish([Row("memo", "build")], "# new run", path)
    assert NOTES not in path.read_text()


def test_the_results_file_holds_the_figures_moved_out_of_comments() -> None:
    notes = kept_notes(RESULTS)
    for where in ("connectivity/views/spec.py", "pages/_cache.py", "deploy/serve.py",
                  "harness/postgres.py", "bench/peers.py"):
        assert f"| {where} |" in notes, where
