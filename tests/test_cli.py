"""`python -m connectivity` as a user runs it (SPEC section 6): strict about input and
never showing a traceback. The CLI's `main(argv)` runs in-process (a Python process
costs a second or two here); one test starts a real process from the project root."""

from __future__ import annotations

import csv
import io

from connectivity import compare, comparison_csv, parse_query, read_default
from harness.cli import Done, run_process
from harness.cli import run_cli as cli
from harness.server import ROOT

HEADER = ("option_id,name,legal_status,reach,setup_usd,service_usd,productivity_loss_usd,"
          "outage_loss_usd,incident_loss_usd,talent_loss_usd,expected_total_usd,npv_usd,p10_usd,"
          "p50_usd,p90_usd,prob_lowest_cost,expected_regret_usd,usd_per_user_month,rank,scenario")
BOM = b"\xef\xbb\xbf"
FAST = ["--trials", "1000"]  # the smallest allowed: these tests check plumbing, not spread


def rows(data: bytes) -> list[dict]:
    assert data.startswith(BOM)
    return list(csv.DictReader(io.StringIO(data[len(BOM):].decode("utf-8"))))


def scenario_cell(data: bytes) -> dict[str, str]:
    cells = {row["scenario"] for row in rows(data)}
    assert len(cells) == 1  # the same scenario on every row
    return dict(pair.split("=", 1) for pair in cells.pop().split("&"))


def assert_clean_failure(done: Done, problems: int) -> list[str]:
    """Exit status 2, one stderr line per problem, nothing on stdout, no traceback."""
    err = done.stderr
    assert done.returncode == 2, err
    assert "Traceback" not in err
    assert done.stdout == b""
    lines = err.strip().splitlines()
    assert len(lines) == problems, lines
    return lines


def test_a_real_process_writes_the_same_bytes_and_fails_the_same_way():
    """`python -m connectivity` from the project root: the entry point, its exit status."""
    done = run_process("compare", *FAST, "--users", "40")
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == cli("compare", *FAST, "--users", "40").stdout
    broken = "tests/tables/broken/three_faults.csv"
    failed = run_process("validate", broken)
    assert assert_clean_failure(failed, 3) == assert_clean_failure(cli("validate", broken), 3)


def test_compare_writes_the_csv_to_stdout():
    done = cli("compare", *FAST)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert done.stdout.startswith(BOM + HEADER.encode() + b"\r\n")
    table = rows(done.stdout)
    assert [r["option_id"] for r in table] == ["approved_vpn", "leased_circuit", "do_nothing"]
    # The same bytes as the app's download for that scenario.
    s, notices = parse_query("trials=1000", read_default())
    assert notices == []
    assert done.stdout == comparison_csv(compare(read_default(), s).comparison)


def test_out_writes_the_same_bytes_to_a_file(tmp_path):
    out = tmp_path / "comparison.csv"
    done = cli("compare", *FAST, "--users", "40", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert done.stdout == b""
    assert out.read_bytes() == cli("compare", *FAST, "--users", "40").stdout


def test_flags_win_over_query_and_a_whole_link_works():
    done = cli("compare", "--query", "https://example.org/app/?users=10&sites=2&trials=1000#top",
               "--users", "40")
    assert done.returncode == 0, done.stderr
    cell = scenario_cell(done.stdout)
    assert (cell["users"], cell["sites"], cell["trials"]) == ("40", "2", "1000")


def test_query_alone_is_the_scenario():
    done = cli("compare", "--query", "users=40&sites=2&trials=1000&approved_vpn.monthly_usd=900")
    assert done.returncode == 0, done.stderr
    cell = scenario_cell(done.stdout)
    assert (cell["users"], cell["sites"], cell["approved_vpn.monthly_usd"]) == ("40", "2", "900")


# SPEC section 2, every name with a non-default value, written as the link writes it.
EVERY = [("sites", "3"), ("users", "40"), ("mbps", "25.5"), ("hourly_usd", "62.25"),
         ("hours_month", "150"), ("dependency_pct", "45"), ("horizon_months", "24"),
         ("discount_pct", "6.5"), ("status_quo", "approved_vpn"), ("correlation", "0.35"),
         ("trials", "1000"), ("seed", "7"), ("currency", "CNY"), ("fx_rate", "7.25"),
         ("replacement_months", "6.5")]


def test_every_scenario_name_is_a_flag():
    flags = [part for name, value in EVERY for part in ("--" + name.replace("_", "-"), value)]
    done = cli("compare", *flags)
    assert done.returncode == 0, done.stderr
    cell = scenario_cell(done.stdout)
    assert list(cell.items()) == EVERY  # every parameter, in SPEC order, with our values
    # The flags and the equivalent link give the same bytes.
    link = cli("compare", "--query", "&".join(f"{k}={v}" for k, v in EVERY))
    assert link.stdout == done.stdout


def test_bad_values_fail_with_one_line_each():
    done = cli("compare", "--users", "abc", "--sites", "0", "--correlation", "2",
               "--query", "nope=1&trials=1000")
    lines = assert_clean_failure(done, 4)
    for name in ("users", "sites", "correlation", "nope"):
        assert sum(name in line for line in lines) == 1, (name, lines)


def test_bad_override_and_unknown_flag_fail_cleanly():
    lines = assert_clean_failure(cli("compare", *FAST, "--query",
                                     "approved_vpn.monthly_usd=abc&nosuch.setup_usd=1"), 2)
    assert any("approved_vpn.monthly_usd" in line for line in lines)
    assert any("nosuch" in line for line in lines)
    assert_clean_failure(cli("compare", "--colour", "red"), 1)
    assert_clean_failure(cli("frobnicate"), 1)


def test_validate_the_default_table():
    done = cli("validate", "data/options.csv")
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode().strip() == "ok: 3 options"


def test_validate_a_missing_file(tmp_path):
    missing = tmp_path / "nope.csv"
    lines = assert_clean_failure(cli("validate", str(missing)), 1)
    assert "nope.csv" in lines[0]
    lines = assert_clean_failure(cli("compare", "--options", str(missing)), 1)
    assert "nope.csv" in lines[0]


def test_validate_a_broken_table_names_each_problem(tmp_path):
    text = (ROOT / "data" / "options.csv").read_text(encoding="utf-8-sig")
    header, *lines = text.splitlines(keepends=True)
    # Line 2: a monthly charge that is not a number; line 3: an unknown legal status.
    cells = next(csv.reader([lines[0]]))
    cells[header.split(",").index("monthly_usd")] = "lots"
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(cells)
    lines[0] = out.getvalue()
    lines[1] = lines[1].replace(",authorised,", ",licensed,", 1)
    broken = tmp_path / "broken.csv"
    broken.write_text(header + "".join(lines), encoding="utf-8")
    found = assert_clean_failure(cli("validate", str(broken)), 2)
    assert any("line 2" in f and "monthly_usd" in f for f in found), found
    assert any("line 3" in f and "legal_status" in f for f in found), found


def test_every_command_explains_itself_with_help():
    # A label with "%" in it once made argparse fail while formatting the help.
    for command in ((), ("compare",), ("memo",), ("validate",)):
        done = cli(*command, "--help")
        assert done.returncode == 0, done.stderr
        assert b"usage:" in done.stdout and "error" not in done.stderr
    assert b"Discount rate for NPV (% a year)" in cli("compare", "--help").stdout
