"""A writer process for the store's tests: `python -m tests.store.writer URL FIRST COUNT`.

Creates the short links of scenarios users=FIRST … FIRST+COUNT-1, each as another
session from another address (the caps are per session and address), and prints
`users id` once each save has returned: a printed id is one the app handed out.
"""

from __future__ import annotations

import sys

from connectivity.inputs.scenario import Scenario
from connectivity.inputs.table import read_default
from connectivity.inputs.tablelink import encode_table
from connectivity.store import open_store


def main(url: str, first: int, count: int) -> int:
    store = open_store(url)
    code = encode_table(read_default())
    for users in range(first, first + count):
        link_id = store.save_scenario(Scenario(users=users), code, session=f"s{users}",
                                      address=f"10.0.{users // 250}.{users % 250}")
        print(users, link_id, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3])))
