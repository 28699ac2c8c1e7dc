"""What every page shares, by one name: each piece lives in a module named for it.

_scenario: the session's one Scenario and the one way to change it; _link: the link
read once and the address bar kept equal to the scenario; _form: the sidebar; _cache:
what is computed and drawn once per scenario; _columns: table columns in words; _text:
Markdown escaping and shared words. Pages may import those modules directly.
"""

from pages._cache import (  # noqa: F401
    KEYS,
    cached_compare,
    cached_tornado,
    chart,
    computed,
    default_table,
    drawn,
)
from pages._columns import money_column, output_columns, your_figures  # noqa: F401
from pages._form import sidebar  # noqa: F401
from pages._link import (  # noqa: F401
    link_fits,
    open_link,
    require_entrypoint,
    scenario_of_this_run,
    show_notices,
    sync_url,
)
from pages._scenario import (  # noqa: F401
    base_table,
    change,
    replace,
    result,
    scenario,
    scenario_tornado,
    set_overrides,
    set_table,
)
from pages._text import FAILURE_KEY, FAILURE_TEXT, plain  # noqa: F401

# Cached functions of the pages take a scenario with these hash functions.
BY_SCENARIO = KEYS
