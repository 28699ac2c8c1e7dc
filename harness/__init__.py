"""The one harness: what the tests, `make bench`, `make load`, `make capacity` and
`make deploy-check` share. It imports none of them (tests/test_layers.py checks).

- `server`: a Streamlit server on a free local port (`streamlit_server`);
- `served`: that server's process watched (memory, CPU, sessions, log problems);
- `chromium`: Debian's Chromium under Playwright, pages that reach only the app
  and record what no test asked for (`Watch`);
- `selectors`: the app's DOM as the tests read it, and the "page drawn" check;
- `browse`: settle a run, open a link, click a page, download the CSV;
- `quotes`: type a quote into a route's form on "Your quotes" and save it;
- `cli`: the command line in-process (`run_cli`, `cli_csv`);
- `apptest`: the app under `streamlit.testing`'s AppTest;
- `tables`: small hand-made options tables for model tests.

Importable as `harness` from the project root (pytest's pythonpath is ".", and
`python -m bench.run` / `python -m load.run` run from there).
"""
