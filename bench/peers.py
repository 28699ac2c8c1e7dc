"""Peers: the same losses simulated as pyfair's and squigglepy's users would write them.

Both peers get the 90% ranges of the default table's `do_nothing` route (the
status quo, so it is in use for the whole 36 months) and must land on our exact
expected value (connectivity.model.expected) within Monte Carlo error; the z-score
says how far they are, in standard errors.

- pyfair: FAIR's risk = loss event frequency (LEF) × loss magnitude (LM), one
  FairModel per loss type, `n_simulations` trials. pyfair has no lognormal, so
  its users pass lognormal draws as raw inputs. One magnitude per trial (no
  Poisson count), so the mean matches ours and the spread is not the same.
- squigglepy: the compound Poisson–lognormal loss as its docs write models, a
  Python function sampled once per trial: a rate from its range, a Poisson
  count, one lognormal size per event.

Our side of each ratio is `simulate` for the whole table (3 routes, every
component), timed in the same loop as the peer.
"""

from __future__ import annotations

import importlib.metadata
import math
import traceback
from collections.abc import Callable

import numpy as np
import pandas as pd

from connectivity import Scenario
from connectivity.model.expected import expected_components
from connectivity.model.routes import exposure
from connectivity.model.simulate import simulate

from .report import Row, progress, verdict
from .timing import interleaved, ms, us_per_trial

ROUTE = "do_nothing"
PYFAIR_TRIALS = (20_000, 100_000, 200_000)
SQUIGGLE_TRIALS = (20_000,)  # a Python call per trial: fewer trials than the others
PYFAIR_RUNS = 5
SQUIGGLE_RUNS = 3
SPEED_TARGET = 10.0
Z95 = 1.6448536269514722


def _version(package: str) -> str:
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def _lognormal_params(low: float, high: float) -> tuple[float, float]:
    """mu, sigma of a lognormal whose 5th and 95th percentiles are low and high."""
    return (math.log(low) + math.log(high)) / 2.0, (math.log(high) - math.log(low)) / (2 * Z95)


class Inputs:
    """The do_nothing route's ranges, the horizon and the exposure, as plain numbers."""

    def __init__(self, table: pd.DataFrame, s: Scenario) -> None:
        row = table.set_index("option_id").loc[ROUTE]
        self.years = s.horizon_months / 12.0
        self.exposure = exposure(s)  # USD per hour the whole team's abroad work stops
        self.outage_rate = (row["outages_per_year_low"], row["outages_per_year_high"])
        self.outage_hours = (row["outage_hours_low"], row["outage_hours_high"])
        self.incident_rate = (row["incidents_per_year_low"], row["incidents_per_year_high"])
        self.incident_cost = (row["incident_cost_usd_low"], row["incident_cost_usd_high"])
        exact = expected_components(table, s).loc[ROUTE]
        self.exact_incident = float(exact["incident_loss"])
        self.exact_outage = float(exact["outage_loss"])


# --- pyfair ---------------------------------------------------------------------------

def pyfair_incidents(inp: Inputs, n: int, seed: int = 42) -> np.ndarray:
    """One FairModel: LEF = incidents over the horizon, LM = cost per incident."""
    import pyfair

    rng = np.random.default_rng(seed)
    model = pyfair.FairModel(name="Incidents", n_simulations=n, random_seed=seed)
    mu, sigma = _lognormal_params(*inp.incident_rate)
    model.input_raw_data("Loss Event Frequency",
                         pd.Series(rng.lognormal(mu, sigma, n) * inp.years))
    mu, sigma = _lognormal_params(*inp.incident_cost)
    model.input_raw_data("Loss Magnitude", pd.Series(rng.lognormal(mu, sigma, n)))
    model.calculate_all()
    return model.export_results()["Risk"].to_numpy()


def pyfair_both(inp: Inputs, n: int, seed: int = 42) -> np.ndarray:
    """Two FairModels (outages, incidents) summed by a FairMetaModel."""
    import pyfair

    rng = np.random.default_rng(seed)
    models = []
    for name, rate, size, scale in (
            ("Outages", inp.outage_rate, inp.outage_hours, inp.exposure),
            ("Incidents", inp.incident_rate, inp.incident_cost, 1.0)):
        model = pyfair.FairModel(name=name, n_simulations=n, random_seed=seed)
        mu, sigma = _lognormal_params(*rate)
        model.input_raw_data("Loss Event Frequency",
                             pd.Series(rng.lognormal(mu, sigma, n) * inp.years))
        mu, sigma = _lognormal_params(*size)
        model.input_raw_data("Loss Magnitude", pd.Series(rng.lognormal(mu, sigma, n) * scale))
        model.calculate_all()
        models.append(model)
    meta = pyfair.FairMetaModel(name="Do nothing", models=models)
    meta.calculate_all()
    return meta.export_results()["Risk"].to_numpy()


# --- squigglepy -----------------------------------------------------------------------

def squigglepy_both(inp: Inputs, n: int, seed: int = 42) -> np.ndarray:
    """Outage plus incident loss, compound Poisson–lognormal, one model call per trial."""
    import squigglepy as sq

    sq.set_seed(seed)
    outage_rate = sq.lognorm(*inp.outage_rate)  # squigglepy reads (low, high) as a 90% range
    outage_hours = sq.lognorm(*inp.outage_hours)
    incident_rate = sq.lognorm(*inp.incident_rate)
    incident_cost = sq.lognorm(*inp.incident_cost)

    def model() -> float:
        outages = sq.sample(sq.poisson(sq.sample(outage_rate) * inp.years))
        incidents = sq.sample(sq.poisson(sq.sample(incident_rate) * inp.years))
        hours = np.sum(sq.sample(outage_hours, n=outages)) if outages else 0.0
        cost = np.sum(sq.sample(incident_cost, n=incidents)) if incidents else 0.0
        return inp.exposure * hours + cost

    return np.asarray(sq.sample(model, n=n), dtype=float)


# --- measuring ------------------------------------------------------------------------

def _z(values: np.ndarray, exact: float) -> tuple[float, float]:
    mean = float(values.mean())
    se = float(values.std(ddof=1)) / math.sqrt(values.size)
    return mean, (mean - exact) / se if se > 0 else float("nan")


def _peer_rows(label: str, what: str, fn: Callable[[Inputs, int], np.ndarray],
               trials: tuple[int, ...], runs: int, exact: float, table: pd.DataFrame,
               judged_at: int) -> list[Row]:
    rows: list[Row] = []
    progress(f"{label} computes {what}")
    for k, n in enumerate(trials):
        s = Scenario(trials=n, horizon_months=36)
        inp = Inputs(table, s)
        values = fn(inp, n)
        mean, z = _z(values, exact)
        m = interleaved({"ours": lambda s=s: simulate(table, s),
                         "peer": lambda inp=inp, n=n: fn(inp, n)}, runs, warmup=False)
        ratio = m["peer"] / m["ours"]  # the same trials: per trial alike
        cpu_ratio = m.cpu["peer"] / m.cpu["ours"]
        speed = (f"we are {ratio:.1f}× faster" if ratio >= 1
                 else f"we are {1 / ratio:.1f}× slower")
        progress(f"{label} {n:,} trials: {ms(m['peer'])} vs simulate {ms(m['ours'])} "
                 f"({speed} per trial); mean {mean:,.0f} vs exact {exact:,.0f}, z = {z:+.2f}")
        judged = n == judged_at
        agrees = "agrees" if abs(z) < 4 else "DISAGREES"
        check = (f"mean {mean:,.0f} vs exact {exact:,.0f}: z = {z:+.2f} ({agrees}, |z| < 4); "
                 f"median of {runs}; by CPU time peer ÷ ours = {cpu_ratio:.2f}×")
        rows.append(Row(
            "peers", f"{label}, {n:,} trials", ms(m["peer"]), us_per_trial(m["peer"], n),
            f"peer ÷ ours = {ratio:.2f}× per trial: {speed} (simulate {ms(m['ours'])} in "
            "the same loop)",
            f"≥ {SPEED_TARGET:.0f}×" if judged else "",
            verdict(ratio >= SPEED_TARGET) if judged else "",
            (f"{what}; " if k == 0 else "") + check))
    return rows


def _unavailable(label: str, package: str, reason: str) -> Row:
    progress(f"{label}: cannot run: {reason}")
    return Row("peers", label, "n/a", notes=f"{package} ({_version(package)}) could not run on "
               f"this Python/pandas: {reason}", target=f"≥ {SPEED_TARGET:.0f}×",
               verdict="n/a")


def _guarded(label: str, package: str, make_rows: Callable[[], list[Row]]) -> list[Row]:
    try:
        __import__(package)
    except Exception as error:  # a peer that cannot be installed or imported is reported
        return [_unavailable(label, package, f"import failed: {error!r}")]
    try:
        return make_rows()
    except Exception as error:
        last = traceback.format_exception_only(type(error), error)[-1].strip()
        return [_unavailable(label, package, f"running it failed: {last}")]


def run(table: pd.DataFrame) -> list[Row]:
    s = Scenario(horizon_months=36)
    inp = Inputs(table, s)
    both = inp.exact_outage + inp.exact_incident
    progress(f"peers: pyfair {_version('pyfair')}, squigglepy {_version('squigglepy')}; "
             f"{ROUTE} over 36 months: exact incident loss {inp.exact_incident:,.2f}, "
             f"outage loss {inp.exact_outage:,.2f}")
    rows = _guarded("pyfair FairModel", "pyfair", lambda: _peer_rows(
        "pyfair FairModel", f"pyfair {_version('pyfair')}: {ROUTE}'s incident loss over 36 "
        "months as LEF × LM (lognormal raw inputs, one magnitude per trial)",
        pyfair_incidents, PYFAIR_TRIALS, PYFAIR_RUNS, inp.exact_incident, table, 100_000))
    rows += _guarded("pyfair FairMetaModel", "pyfair", lambda: _peer_rows(
        "pyfair FairMetaModel", f"pyfair {_version('pyfair')}: {ROUTE}'s outage + incident "
        "loss, two FairModels summed by a FairMetaModel", pyfair_both, PYFAIR_TRIALS,
        PYFAIR_RUNS, both, table, 100_000))
    rows += _guarded("squigglepy", "squigglepy", lambda: _peer_rows(
        "squigglepy", f"squigglepy {_version('squigglepy')}: {ROUTE}'s outage + incident loss, "
        "compound Poisson–lognormal, sq.sample(model, n) with one call per trial (20,000 "
        "trials only: about 0.1–0.3 ms a trial)",
        squigglepy_both, SQUIGGLE_TRIALS, SQUIGGLE_RUNS, both, table, SQUIGGLE_TRIALS[0]))
    return rows
