"""`python -m connectivity compare|memo|link|validate`: strict where the app is lenient.

A problem with the input is one line on stderr and exit status 2; no
traceback ever reaches the user.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path

from .export.csv import comparison_csv
from .inputs.added import ROUTES_KEY
from .inputs.problems import TableError
from .inputs.scenario import TABLE_KEY, parse_query, split_query
from .inputs.table import read_default, read_table
from .inputs.tablelink import encode_table
from .model.compare import compare
from .schema.params import PARAMS
from .store import LimitReached, StoreUnavailable, open_store
from .store.resolve import CannotResolve, resolve, short_id
from .store.short import SHORT_KEY

# Where `make run` serves the app; a deployed app's address goes in --app-url or in
# APP_URL_ENV, else a memo says its link opens only on the machine that made it.
DEFAULT_APP_URL = "http://localhost:8501/"
APP_URL_ENV = "CONNECTIVITY_APP_URL"


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2, as for any input problem
        self.exit(2, f"error: {message}\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m connectivity",
                     description="Compare ways for an office in mainland China to reach "
                                 "services abroad, on cost and on risk.")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    cmp = _scenario_arguments(commands.add_parser("compare", help="write the comparison CSV"))
    cmp.add_argument("--out", type=Path,
                     help="output file (default: standard output); FILE.xlsx writes an Excel "
                          "workbook")
    memo = _scenario_arguments(commands.add_parser(
        "memo", help="write the decision memo (PDF) that the app's Compare page downloads"))
    memo.add_argument("--paper", choices=("a4", "letter"), default="a4", help="paper size")
    memo.add_argument("--date", type=_day, metavar="YYYY-MM-DD",
                      help="the memo's date (default: today in UTC, as the app prints it)")
    memo.add_argument("--out", type=Path, required=True, help="the PDF file to write")
    _scenario_arguments(commands.add_parser(
        "link", help="store the scenario in the link store (CONNECTIVITY_STORE) and print "
                     "its short link"))
    val = commands.add_parser("validate", help="check an options table")
    val.add_argument("file", type=Path, help="a CSV file or an .xlsx workbook")
    return parser


def _scenario_arguments(cmd: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """The options table and the scenario: the same for every command that compares."""
    cmd.add_argument("--options", type=Path,
                     help="options table, CSV or .xlsx (default: data/options.csv)")
    cmd.add_argument("--query", default="",
                     help="a share link, or its query string, e.g. 'users=40&sites=2'; a "
                          "short link (s=ID) is read from the link store CONNECTIVITY_STORE "
                          "names")
    for p in PARAMS:
        cmd.add_argument(p.flag, dest=p.name, metavar=p.name.upper(),
                         help=p.label.replace("%", "%%"))  # argparse formats help with %
    cmd.add_argument("--set", action="append", default=[], metavar="OPTION.COLUMN=VALUE",
                     help="override one cell of the table, e.g. approved_vpn.monthly_usd=900; "
                          "NEW.copy_of=OPTION adds a route, a copy of OPTION that further "
                          "--set NEW.COLUMN=VALUE change")
    cmd.add_argument("--routes", metavar="ID,ID,...",
                     help="the routes compared, in this order (default: every route); the "
                          "route in use today is always compared")
    cmd.add_argument("--app-url", metavar="URL",
                     help="the app's address the share link starts with, in a workbook or a "
                          f"memo (default: {APP_URL_ENV} in the environment, else the "
                          "address of a whole link given to --query, else "
                          f"{DEFAULT_APP_URL})")
    return cmd


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2026-03-31") from None


def _app_url(args: argparse.Namespace) -> str:
    configured = args.app_url or os.environ.get(APP_URL_ENV, "").strip()
    if configured:
        return configured.split("?", 1)[0]
    query = args.query.strip()
    if "://" in query:
        return query.split("?", 1)[0].split("#", 1)[0]
    return DEFAULT_APP_URL


def _fail(lines: list[str]) -> int:
    for line in lines:
        # One line per problem even when a cell quoted in a message holds a line break.
        line = line.replace("\r", "\\r").replace("\n", "\\n")
        print(f"error: {line}", file=sys.stderr)
    return 2


def _read(path: Path | None):
    if path is None:
        return read_default()
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise TableError([]) from exc
    return read_table(data)


def run(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    path = args.file if args.command == "validate" else args.options
    try:
        table = _read(path)
    except TableError as exc:
        if exc.__cause__ is not None:
            return _fail([f"cannot read {path}: {exc.__cause__.strerror or exc.__cause__}"])
        return _fail([f"{path}: {problem}" for problem in exc.problems])
    if args.command == "validate":
        print(f"ok: {len(table)} options")
        return 0
    pairs = split_query(args.query)
    given = short_id(pairs)  # a short link given: a memo or workbook carries it as it is
    if given is not None:
        try:
            pairs = _expand(pairs)
        except CannotResolve as exc:
            return _fail([f"--query: {exc}; give the full link instead (the share box's "
                          "'Full link')"])
    if args.options is not None:  # --options wins over a table carried in --query
        pairs = [(k, v) for k, v in pairs if k != TABLE_KEY]
    flags = {p.name: getattr(args, p.name) for p in PARAMS if getattr(args, p.name) is not None}
    if args.routes is not None:
        flags[ROUTES_KEY] = args.routes
    sets = []
    for item in args.set:
        key, sep, value = item.partition("=")
        if not sep:
            return _fail([f"--set {item}: expected OPTION.COLUMN=VALUE"])
        sets.append((key.strip(), value))
    # Flags win over --query: drop what they replace, then add them.
    replaced = set(flags) | {key for key, _ in sets}
    pairs = [(k, v) for k, v in pairs if k not in replaced] + list(flags.items()) + sets
    scenario, notices = parse_query(pairs, table)
    errors = [notice.error for notice in notices if notice.strict]
    if errors:
        return _fail(errors)
    for notice in notices:
        print(f"note: {notice}", file=sys.stderr)
    if args.options is not None:  # every link must reopen the file's table, as an upload's does
        scenario = scenario.with_values(table=encode_table(table))
    if args.command == "link":
        return _link(args, scenario)
    if args.command == "memo":
        # Imported here: fpdf2 and vl-convert would slow every other command's start.
        from .export.memo import memo_pdf, today

        link = _link_of(args, scenario, given)
        data = memo_pdf(compare(table, scenario), link, args.paper, args.date or today())
    elif args.out is not None and args.out.suffix.lower() == ".xlsx":
        from .export.xlsx import comparison_xlsx  # openpyxl only when a workbook is asked for

        result = compare(table, scenario)
        link = _link_of(args, scenario, given)
        data = comparison_xlsx(result.comparison, result.table, scenario, link)
    else:
        data = comparison_csv(compare(table, scenario).comparison)
    if args.out is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        try:
            args.out.write_bytes(data)
        except OSError as exc:
            return _fail([f"cannot write {args.out}: {exc.strerror or exc}"])
    return 0


def _link_of(args: argparse.Namespace, scenario, given: str | None) -> str:
    """The short link given in --query while no flag changed it, else the full link."""
    untouched = (given is not None and args.options is None and not args.set
                 and args.routes is None
                 and not any(getattr(args, p.name) is not None for p in PARAMS))
    return (f"{_app_url(args)}?{SHORT_KEY}={given}" if untouched
            else f"{_app_url(args)}?{scenario.query()}")


def _expand(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A short link's pairs → the full link's (the rest of such a link is ignored)."""
    record = resolve(str(short_id(pairs)), open_store)
    return split_query(record.link_query(encode_table(read_default())))


def _link(args: argparse.Namespace, scenario) -> int:
    try:
        store = open_store()
        if store is None:
            return _fail([f"the link store is off (CONNECTIVITY_STORE=off), so there is no "
                          f"short link; the full link is {_app_url(args)}?{scenario.query()}"])
        link_id = store.save_scenario(scenario, encode_table(read_default()),
                                      session="command line", address="command line")
    except (StoreUnavailable, LimitReached) as exc:
        return _fail([str(exc)])
    print(f"{_app_url(args)}?{SHORT_KEY}={link_id}")
    return 0


def main(argv: list[str] | None = None) -> int:
    try:
        return run(argv)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a last guard: the user sees one line, never a traceback
        print(f"error: unexpected failure ({type(exc).__name__}: {exc})", file=sys.stderr)
        return 1
