"""An options table carried in a link, and the blank template a manager fills in."""

from __future__ import annotations

import base64
import csv
import io
import re
import tracemalloc
import zlib

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from connectivity import compare, comparison_csv, parse_query, read_default, read_table
from connectivity.inputs.problems import TableError
from connectivity.inputs.scenario import TABLE_KEY
from connectivity.inputs.table import table_to_csv, template_csv
from connectivity.inputs.tablelink import decode_table, encode_table
from harness.cli import Done, run_cli
from harness.server import ROOT

EXTENDED = ROOT / "data" / "options_extended.csv"
DEFAULT_IDS = ["approved_vpn", "leased_circuit", "do_nothing"]
HEADER = ("option_id,name,legal_status,reach,setup_usd,monthly_usd,per_mbps_usd,per_user_usd,"
          "min_term_months,lead_time_weeks,productivity_loss_pct_low,productivity_loss_pct_high,"
          "outages_per_year_low,outages_per_year_high,outage_hours_low,outage_hours_high,"
          "incidents_per_year_low,incidents_per_year_high,incident_cost_usd_low,"
          "incident_cost_usd_high,attrition_pct_low,attrition_pct_high,latency_ms,sources,notes")
URL_SAFE = re.compile(r"^[A-Za-z0-9_.\-]+$")


@pytest.fixture(scope="module")
def default():
    return read_default()


@pytest.fixture(scope="module")
def extended():
    return read_table(EXTENDED.read_bytes())


def _code(payload: bytes) -> str:
    """A code in the link format around arbitrary bytes."""
    return "z1." + base64.urlsafe_b64encode(payload).rstrip(b"=").decode("ascii")


def _two_routes() -> pd.DataFrame:
    """A table of two routes the default does not have, and no do_nothing."""
    text = "\r\n".join([
        HEADER,
        "alpha_line,Alpha line,authorised,hq_only,100,50,1,0,0,0,1,2,0,0,0,0,0,0,0,0,0,0,,,",
        "beta_seats,Beta seats,unauthorised,open_internet,0,0,0,9,0,0,10,20,1,2,1,2,0,0,0,0,0,0,,,",
    ])
    return read_table(text.encode())


# -- encode / decode ------------------------------------------------------------------------


@pytest.mark.parametrize("which", ["default", "extended"])
def test_round_trip_is_exact(which, default, extended):
    frame = default if which == "default" else extended
    code = encode_table(frame)
    back = decode_table(code)
    assert_frame_equal(back, frame)
    assert list(back["option_id"]) == list(frame["option_id"])
    assert URL_SAFE.match(code)
    assert encode_table(back) == code  # canonical: decoding then encoding changes nothing


def test_encoding_is_deterministic(extended):
    codes = {encode_table(extended.copy()) for _ in range(3)}
    assert len(codes) == 1
    assert encode_table(read_table(EXTENDED.read_bytes())) in codes


def test_decoded_table_is_a_copy(default):
    code = encode_table(default)
    first = decode_table(code)
    first.loc[0, "monthly_usd"] = 1.0
    assert decode_table(code).loc[0, "monthly_usd"] == default.loc[0, "monthly_usd"]


def test_code_survives_a_url_untouched(extended):
    code = encode_table(extended)
    s, notices = parse_query(f"https://example.org/?users=3&{TABLE_KEY}={code}", read_default())
    assert notices == []
    assert s.table == code
    assert f"{TABLE_KEY}={code}" in s.query()  # nothing needed escaping


def _damaged(default: pd.DataFrame) -> dict[str, str]:
    code = encode_table(default)
    csv_text = table_to_csv(default)
    return {
        "truncated": code[: len(code) // 2],
        "truncated at a row end": _code(zlib.compress(csv_text, 9)[:-4]),
        "cut by one character": code[:-1],
        "only the prefix": "z1.",
        "bad base64": "z1.@@@!!**",
        "non-ascii": "z1.ééé",
        "wrong prefix": "z2." + code[3:],
        "no prefix": code[3:],
        "empty": "",
        "not zlib": _code(b"option_id,name\r\nthis is not compressed\r\n"),
        "zlib bomb": _code(zlib.compress(b"a" * 2_000_000, 9)),
        "broken csv": _code(zlib.compress(b"option_id,name\r\nx,y\r\n", 9)),
        "unclosed quote": _code(zlib.compress(csv_text + b'x,"open\r\n', 9)),
        "empty csv": _code(zlib.compress(b"", 9)),
    }


@pytest.mark.parametrize("case", list(_damaged(read_default())))
def test_a_damaged_code_is_a_table_error_with_a_clear_message(case, default):
    code = _damaged(default)[case]
    with pytest.raises(TableError) as caught:
        decode_table(code)
    assert type(caught.value) is TableError
    message = str(caught.value)
    assert message and "Traceback" not in message
    assert caught.value.problems
    expected = {
        "truncated": "damaged", "truncated at a row end": "damaged",
        "cut by one character": "damaged", "only the prefix": "damaged",
        "bad base64": "damaged", "non-ascii": "damaged", "not zlib": "damaged",
        "wrong prefix": "not in a format", "no prefix": "not in a format",
        "empty": "not in a format", "zlib bomb": "1,000,000-byte limit",
        "broken csv": "missing from the header", "unclosed quote": "quote",
        "empty csv": "empty",
    }[case]
    assert expected in message, message


def test_every_cut_of_a_link_is_refused(default):
    # A link cut short anywhere must never load a shorter table silently.
    code = encode_table(default)
    for n in range(3, len(code)):
        with pytest.raises(TableError, match="damaged"):
            decode_table(code[:n])


def test_a_zlib_bomb_is_never_inflated_in_full():
    code = _code(zlib.compress(b"a" * 50_000_000, 9))  # about 50 kB that inflate to 50 MB
    tracemalloc.start()
    try:
        with pytest.raises(TableError, match="limit"):
            decode_table(code)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 10_000_000


def test_a_table_at_the_byte_limit_is_read_not_refused_for_size():
    # Exactly 1,000,000 bytes inflated is allowed; the CSV rules then speak.
    with pytest.raises(TableError) as caught:
        decode_table(_code(zlib.compress(b"x" * 1_000_000, 9)))
    assert "limit" not in str(caught.value)
    assert "unknown column" in str(caught.value)


# -- parse_query with table= ----------------------------------------------------------------


def test_parse_query_uses_the_linked_table(default, extended):
    code = encode_table(extended)
    query = f"users=40&status_quo=consumer_vpn&consumer_vpn.per_user_usd=5&{TABLE_KEY}={code}"
    s, notices = parse_query(query, default)
    assert notices == []
    assert s.status_quo == "consumer_vpn"
    assert s.overrides == (("consumer_vpn", "per_user_usd", 5.0),)
    assert s.table == code
    assert s.query().endswith(f"&{TABLE_KEY}={code}")
    # Without the table, the same link names a route that does not exist.
    plain, plain_notices = parse_query(query.split(f"&{TABLE_KEY}=")[0], default)
    assert plain.status_quo == "do_nothing" and plain.overrides == ()
    assert {n.name for n in plain_notices} == {"status_quo", "consumer_vpn.per_user_usd"}
    # compare() runs on the linked table, overrides applied.
    result = compare(default, s.with_values(trials=1000))
    assert list(result.comparison["option_id"]) == list(extended["option_id"])
    assert result.table.loc[3, "per_user_usd"] == 5.0
    assert result.comparison["scenario"].iloc[0].endswith(f"{TABLE_KEY}={code}")


def test_overrides_are_checked_against_the_linked_table(default):
    table = default.copy()
    table.loc[0, "productivity_loss_pct_high"] = 10.0
    code = encode_table(table)
    query = "approved_vpn.productivity_loss_pct_low=20"
    # 20 ≤ 25 is fine on the default table, but above the linked table's high of 10.
    s, notices = parse_query(query, default)
    assert notices == [] and s.overrides == (("approved_vpn", "productivity_loss_pct_low", 20.0),)
    s, notices = parse_query(f"{query}&{TABLE_KEY}={code}", default)
    assert s.overrides == ()
    assert [n.name for n in notices] == ["approved_vpn.productivity_loss_pct_low"]


def test_a_linked_table_without_do_nothing_picks_its_first_route(default):
    two = _two_routes()
    s, notices = parse_query(f"{TABLE_KEY}={encode_table(two)}", default)
    assert s.status_quo == "alpha_line"
    assert [n.name for n in notices] == ["status_quo"]
    result = compare(default, s.with_values(trials=1000))
    assert list(result.comparison["option_id"]) == ["alpha_line", "beta_seats"]
    assert result.comparison["prob_lowest_cost"].sum() == pytest.approx(1.0)


def test_a_non_canonical_code_is_re_encoded_canonically(default):
    # The same table written as Excel might (semicolons, decimal commas, BOM-less)
    # and compressed differently decodes to the same table and the canonical code.
    out = io.StringIO()
    default.to_csv(out, sep=";", decimal=",", index=False, lineterminator="\n")
    code = _code(zlib.compress(out.getvalue().encode("utf-8"), 1))
    assert_frame_equal(decode_table(code), default)
    s, notices = parse_query(f"users=7&{TABLE_KEY}={code}", default)
    assert notices == []
    assert s.table == encode_table(default) != code
    assert s.query().endswith(f"{TABLE_KEY}={encode_table(default)}")
    # The canonical link reopens the same scenario.
    again, notices = parse_query(s.query(), default)
    assert notices == [] and again == s


def test_query_has_no_table_without_one(default):
    s, _ = parse_query("users=40", default)
    assert s.table == ""
    assert TABLE_KEY not in s.query_dict()


@pytest.mark.parametrize("code", ["z1.garbage", "nonsense", "", "z1."])
def test_a_damaged_linked_table_falls_back_to_the_default(default, code):
    s, notices = parse_query(f"users=40&status_quo=consumer_vpn&{TABLE_KEY}={code}", default)
    table_notices = [n for n in notices if n.name == TABLE_KEY]
    assert len(table_notices) == 1
    assert table_notices[0].action == "used the default table"
    assert table_notices[0].problem
    assert s.table == "" and s.users == 40
    assert s.status_quo == "do_nothing"  # consumer_vpn is not in the default table
    assert any(n.name == "status_quo" for n in notices)
    assert TABLE_KEY not in s.query_dict()
    result = compare(default, s.with_values(trials=1000))
    assert list(result.comparison["option_id"]) == DEFAULT_IDS


def test_a_repeated_table_uses_the_first(default, extended):
    first, second = encode_table(extended), encode_table(_two_routes())
    s, notices = parse_query(f"{TABLE_KEY}={first}&{TABLE_KEY}={second}", default)
    assert s.table == first
    assert [(n.name, n.problem) for n in notices] == [(TABLE_KEY, "appears more than once")]


# -- the command line -----------------------------------------------------------------------


def _cli(*args: str) -> Done:
    return run_cli("compare", *args)


def _csv_rows(data: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def test_cli_compares_the_routes_of_a_table_in_the_query(extended):
    code = encode_table(extended)
    done = _cli("--query", f"users=40&trials=1000&{TABLE_KEY}={code}")
    assert done.returncode == 0, done.stderr
    rows = _csv_rows(done.stdout)
    assert [r["option_id"] for r in rows] == list(extended["option_id"])
    assert all(r["scenario"].endswith(f"{TABLE_KEY}={code}") for r in rows)
    assert all("users=40&" in r["scenario"] for r in rows)
    # The same bytes as the comparison computed in-process.
    s, _ = parse_query(f"users=40&trials=1000&{TABLE_KEY}={code}", read_default())
    assert done.stdout == comparison_csv(compare(read_default(), s).comparison)


def test_cli_options_file_wins_over_a_table_in_the_query(extended):
    code = encode_table(extended)
    done = _cli("--options", "data/options.csv", "--query",
                f"users=40&trials=1000&{TABLE_KEY}={code}")
    assert done.returncode == 0, done.stderr
    rows = _csv_rows(done.stdout)
    assert [r["option_id"] for r in rows] == DEFAULT_IDS
    # The link carries the file's table (SPEC 5), not the one the query brought.
    default = f"{TABLE_KEY}={encode_table(read_default())}"
    assert all(default in r["scenario"] and code not in r["scenario"] for r in rows)


def test_cli_refuses_a_damaged_table_in_the_query():
    done = _cli("--query", f"users=40&{TABLE_KEY}=z1.garbage")
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert lines and all(line.startswith("error: ") for line in lines)
    assert any(line.startswith(f"error: {TABLE_KEY}:") for line in lines)
    assert "Traceback" not in done.stderr
    assert done.stdout == b""


# -- the template ---------------------------------------------------------------------------


def test_template_starts_with_the_exact_header():
    data = template_csv()
    text = data.decode("utf-8-sig")
    assert text.split("\r\n", 1)[0] == HEADER
    assert data.startswith(b"\xef\xbb\xbf" + HEADER.encode())  # with a BOM, for Excel


def test_template_alone_has_no_routes():
    text = template_csv().decode("utf-8-sig")
    lines = text.split("\r\n")
    assert all(line.startswith("#") for line in lines[1:] if line)
    with pytest.raises(TableError) as caught:
        read_table(template_csv())
    assert "no routes" in str(caught.value)


def test_uncommenting_the_example_loads_one_route(default):
    text = template_csv().decode("utf-8-sig")
    lines = text.split("\r\n")
    example = [i for i, line in enumerate(lines) if line.startswith("#approved_vpn,")]
    assert len(example) == 1
    lines[example[0]] = lines[example[0]][1:]
    table = read_table("\r\n".join(lines).encode("utf-8-sig"))
    assert list(table["option_id"]) == ["approved_vpn"]
    assert_frame_equal(table, default.iloc[:1])


def test_comment_lines_are_skipped_but_still_counted(default):
    text = table_to_csv(default).decode("utf-8-sig").split("\r\n")
    # Comments (also indented ones, and ones with commas) between the routes.
    lines = [text[0], "# first comment, with, commas", text[1], "   # indented", text[2],
             text[3]]
    table = read_table("\r\n".join(lines).encode())
    assert_frame_equal(table, default)
    # A faulty row after two comment lines is reported on its spreadsheet line (6).
    broken = lines[:5] + [text[3].replace("do_nothing,", "Do Nothing!,", 1)]
    with pytest.raises(TableError) as caught:
        read_table("\r\n".join(broken).encode())
    assert [(p.line, p.column) for p in caught.value.problems] == [(6, "option_id")]


def test_a_link_never_carries_a_workbook():
    from harness.xlsx import options_workbook

    code = _code(zlib.compress(options_workbook(), 9))
    with pytest.raises(TableError) as caught:
        decode_table(code)
    assert "not in a format this calculator writes" in str(caught.value)
