"""Methodology: how the numbers are made, what they leave out, where the defaults come from.

A thin page: text, formulas and tables only. The input tables are built from
the core's own constants (PARAMS, COLUMNS, OUTPUT_COLUMNS, Z95, EXACT_EVENTS,
WEEKS_PER_MONTH), so the names, bounds and help shown here are those the code
enforces. Money amounts are written "USD 1,000" because a dollar sign would
start a formula in Streamlit's Markdown.
"""

import streamlit as st

from connectivity.model.lognormal import Z95
from connectivity.model.routes import WEEKS_PER_MONTH
from connectivity.model.simulate import EXACT_EVENTS
from connectivity.schema.columns import BIG, COLUMNS, ID_PATTERN, LEGAL_ALIASES, Column
from connectivity.schema.currency import CODES
from connectivity.schema.outputs import OUTPUTS
from connectivity.schema.params import PARAMS, Param
from pages import _ui

_ui.require_entrypoint()


def _number(x: float) -> str:
    return f"{int(x):,}" if float(x).is_integer() else f"{x:,g}"


def _param_row(p: Param) -> dict:
    if p.kind == "choice":
        allowed = "the `option_id` of a route in the options table"
    elif p.kind == "currency":
        allowed = ", ".join(f"`{code}`" for code in CODES)
    else:
        whole = "whole number, " if p.kind == "int" else ""
        allowed = f"{whole}{_number(p.low)} to {_number(p.high)}"
    default = p.default if isinstance(p.default, str) else _number(p.default)
    return {"Name": f"`{p.name}`", "On the form": p.label, "Default": f"`{default}`",
            "Allowed": allowed, "What it means": p.help}


def _column_row(c: Column) -> dict:
    if c.kind == "id":
        allowed = f"`{ID_PATTERN.pattern}`, unique in the table"
    elif c.kind == "text":
        allowed = f"up to {_number(c.max_len)} characters"
    elif c.kind == "choice":
        allowed = ", ".join(f"`{choice}`" for choice in c.choices)
        aliases = [alias for alias, meant in LEGAL_ALIASES.items() if meant in c.choices]
        if aliases:
            allowed += " (" + ", ".join(f"`{a}`" for a in aliases) + " accepted and normalised)"
    else:
        high = "1 billion" if c.high == BIG else _number(c.high)
        allowed = f"{_number(c.low)} to {high}"
    return {"Column": f"`{c.name}`", "Required": "yes" if c.required else "optional",
            "Allowed": allowed, "What it means": c.help}


# (source, date, tag, what it supports). Tags: [S] solid, [V] vendor or informal,
# [G] our estimate, no public source.
SOURCES = [
    ("South China Morning Post, \"Beijing defends crackdown on VPNs, saying there are "
     "alternatives for businesses\" (the article this calculator starts from)", "25 Jul 2017",
     "[S]", "The ministry's position that licensed VPNs are unaffected; leased circuits "
     "quoted (via Associated Press) at more than USD 1,000 a month; the closure of Chuang "
     "Lian; WhatsApp disruption the week before; who relies on VPNs for work, and staff "
     "saying they might leave China if access became too expensive."),
    ("MIIT Telecommunications Department notice [2017] No. 32, \"Notice on Cleaning Up and "
     "Regulating the Internet Access Service Market\"", "17 Jan 2017 (published 22 Jan; "
     "campaign to 31 Mar 2018)", "[S]", "Setting up or renting cross-border private lines, "
     "VPNs included, needs approval."),
    ("International private-line licences held only by China Telecom, China Unicom and "
     "China Mobile", "2017", "[S], lightly sourced", "Who can sell a legal route."),
    ("Associated Press report of a China Telecom letter to corporate customers", "Jul 2017",
     "[S]", "Corporate VPN lines may connect only to the firm's own head office abroad "
     "(hence `reach = hq_only`)."),
    ("Shutdowns: GreenVPN; Chuang Lian (by MIIT); Apple removing major VPN apps from its "
     "China App Store", "1 Jul, 7 Jul and 29 Jul 2017", "[S]",
     "Unauthorised services can stop at short notice."),
    ("Provisional Regulations on the international networking of computer information "
     "networks", "1996, amended 1997", "[S]",
     "Fines up to RMB 15,000 plus confiscation of illegal income."),
    ("Enforcement cases: individual fined RMB 1,000 (Shaoguan); company fined for proxy "
     "software (amount not published); man working for a foreign firm, RMB 1.058 million "
     "income confiscated plus RMB 200 fine (Chengde); VPN sellers jailed 5.5 years plus "
     "RMB 500,000", "notice 28 Dec 2018; May 2019; 18 Aug 2023; Dec 2017", "[S]",
     "The size and frequency of incidents for unauthorised use."),
    ("Relaxation signals: MIIT-approved international data channels for industrial parks "
     "(Lianyungang, Xiamen); Lingang (Shanghai) easier-access pilot (SCMP); Shanghai policy "
     "on firms' access; Hainan service for staff of registered firms",
     "2020; 2022; 9 Apr 2024; Jan 2025; 2025", "[S]",
     "Why a `pilot` legal status exists; rules may loosen during the horizon."),
    ("Reported disruptions: foreign VPN outages; Two Sessions blocking; outages (about "
     "2 hours on the first); crackdown", "Jan 2015; Mar 2016; 20 Jul and 30 Oct 2018; "
     "Feb 2020", "[S]/[V]", "Disruption rates, and their clustering around the March Two "
     "Sessions, 4 June and party congresses in October."),
    ("Wu et al., USENIX Security Symposium", "2023", "[S]",
     "Fully encrypted proxy protocols detected and blocked since Nov 2021."),
    ("Community reports of large-scale blocking of TLS-based circumvention tools",
     "from about 3 Oct 2022", "[V] (informal)", "Disruption rates of unauthorised tools."),
    ("Zhu et al., ACM SIGMETRICS", "2020", "[S]", "Public internet across the border: 79% "
     "of foreign-to-China connections under 1 Mbps, packet loss about 15% on average and up "
     "to 40% in the slow hours, slow from about 06:00 to 03:30."),
    ("Connet and other private-line sellers", "undated", "[V]", "MPLS round trip about "
     "50 ms China to Hong Kong and 300 ms China to US; 99.8% delivery objective; IPLC "
     "Shenzhen to Hong Kong 1.5 to 2.5 ms; typical SLA 99.9%."),
    ("TeleGeography, MPLS port prices", "Q4 2016", "[S]", "A 10 Mbps MPLS port at a median "
     "USD 392 a month in New York and USD 1,448 in Mumbai (for scale only)."),
    ("Network World", "2016", "[V]", "MPLS at USD 100 to 300 per Mbps per month in North "
     "America and Europe (for scale only)."),
    ("China Telecom Hainan business-line tariff", "undated", "[S], one province",
     "10 Mbps static line CNY 1,760 to 2,110 a month, BGP CNY 3,200 to 6,500: the domestic "
     "underlay of an SD-WAN."),
    ("Alibaba Cloud CEN and Tencent Cloud (via China Unicom) terms", "undated",
     "[S] terms only", "Billed per Mbps per month, 2 Mbps minimum, enterprise verification; "
     "prices only in their consoles."),
    ("Global Times", "2014", "[S]", "A consumer VPN at about CNY 98 (roughly USD 15) per "
     "user per month."),
    ("Vendor lead times", "undated", "[V]",
     "MPLS delivery 30 to 90 days; approvals 30 to 60 working days."),
    ("AmCham China member surveys", "2013 and 2016", "[S]", "55% (2013) and about 80% "
     "(2016) of members report harm from internet restrictions."),
    ("European Chamber business confidence survey", "2017", "[S]", "More than one firm in "
     "five says restrictions affect over 10% of its China revenue."),
    ("Our estimates", "no public source", "[G]", "Licensed VPN or SD-WAN at about USD 800 to "
     "2,500 per site per month for some 10 Mbps to Hong Kong, plus USD 1,000 to 5,000 "
     "setup; delivery in 4 to 12 weeks; 2 to 8 hours lost per user per month without a "
     "route; all risk ranges; RMB converted at roughly 7 per US dollar."),
]

# ----------------------------------------------------------------------------------

st.title("Methodology")
st.markdown(
    "How the calculator turns your scenario and the options table into the numbers on the "
    "other pages, what it deliberately ignores, and where its default figures come from. "
    "Each part starts in plain words; the formulas underneath are for anyone who wants to "
    "check the arithmetic. All amounts are in US dollars."
)
if _ui.scenario().overrides:
    with st.expander("Your figures in this comparison", expanded=True):
        _ui.your_figures(_ui.scenario(), _ui.base_table())

st.header("In short")
st.markdown(
    "- Over the period you choose, the calculator prices each way your China offices can "
    "reach services abroad: by default a licensed VPN, a leased private circuit, and "
    "carrying on without a sanctioned route.\n"
    "- A route's cost is **what you pay** (setup and monthly charges) plus **what you "
    "lose** (staff time wasted on slow or blocked access and on outages) plus **what "
    "enforcement can cost** (fines, confiscation, re-installing).\n"
    "- While a new route is being installed, the route you use today keeps running, and "
    "its losses count against the new route.\n"
    "- Uncertain inputs are ranges you are 90% sure of. Averages are worked out exactly; "
    "a simulation of many possible futures shows how widely costs can spread and how "
    "often each route ends up cheapest.\n"
    "- Many defaults are informed estimates, not quotes (see *Sources*). Put your own "
    "quotes in before you decide: upload your own options table, or change single cells."
)

st.header("What is compared")
st.markdown(
    "Each row of the options table is one route. The default table has three:\n\n"
    "- **Approved VPN** (`approved_vpn`): a licensed cross-border VPN or SD-WAN sold by "
    "China Telecom, China Unicom, China Mobile or a partner using their licence. Legal, "
    "but it may connect only to your own head office abroad.\n"
    "- **Leased private circuit** (`leased_circuit`): a dedicated line (IPLC, IEPL or "
    "international MPLS) rented from a state carrier. The best quality and the highest "
    "price; the ministry itself said such circuits cost more than USD 1,000 a month. The "
    "same head-office-only limit applies.\n"
    "- **Do nothing** (`do_nothing`): no sanctioned route. Staff work with the filtered "
    "domestic internet and with whatever unauthorised tools still work, and the firm "
    "carries the enforcement risk.\n\n"
    "Every route is costed over the same horizon for the same offices, staff and "
    "bandwidth. The comparison ranks routes by expected cost; legal status and reach are "
    "shown beside the numbers but not priced, so read them as well."
)

st.header("The timeline")
st.markdown(
    "A new route is not working on the day you order it. For the lead time, your office "
    "carries on with the route it uses today (the *status quo*, chosen in the sidebar) and "
    "suffers that route's losses. From the day the new route works until the end of the "
    "horizon, the new route serves. You pay for it from that day, and for at least its "
    "minimum term, even if the term runs past the end of the horizon. The status quo is "
    "already in place: no lead time, no setup, no minimum term, paid for the whole "
    "horizon.\n\n"
    f"Weeks become months at {WEEKS_PER_MONTH:.3f} weeks a month (52 weeks over 12 months), "
    "so 8 weeks is about 1.85 months. Months may be fractional."
)
st.markdown("For a route $o$ that is not the status quo $q$, with horizon $H$ in months:")
st.latex(r"L_o = \text{lead\_time\_weeks}_o \times \tfrac{12}{52}"
         r"\qquad A_o = \max(0,\; H - L_o)\qquad W_o = \min(L_o,\; H)")
st.latex(r"B_o = \begin{cases} \max(A_o,\ \text{min\_term\_months}_o) & \text{if } A_o > 0 \\"
         r" 0 & \text{if } A_o = 0 \end{cases}")
st.markdown(
    "$L$ is the lead time, $A$ the months the route itself is in use, $W$ the months the "
    "status quo serves while you wait, and $B$ the months you are billed. A lead time "
    "longer than the horizon means the route never starts and is never billed. For the "
    "status quo itself:"
)
st.latex(r"L_q = 0 \qquad A_q = H \qquad W_q = 0 \qquad B_q = H")

st.header("What each route costs")
st.markdown(
    "Five parts, added up. The first two are what the carrier bills; the last three are "
    "what the route fails to protect you from."
)
st.subheader("Setup")
st.markdown("A one-time charge per office (installation, equipment, approval paperwork), "
            "paid on the order date. The status quo has none.")
st.latex(r"\text{setup}_o = \text{setup\_usd}_o \times \text{sites}\qquad \text{setup}_q = 0")
st.subheader("Service")
st.markdown("A fixed charge per office, a charge per Mbps per office and a charge per user "
            "(licences or seats), every billed month.")
st.latex(r"\begin{aligned} \text{service}_o = \Big[&(\text{monthly\_usd}_o + "
         r"\text{per\_mbps\_usd}_o \times \text{mbps}) \times \text{sites} \\ "
         r"&+ \text{per\_user\_usd}_o \times \text{users}\Big] \times B_o \end{aligned}")
st.subheader("Lost productivity")
st.markdown(
    "Even a working route leaves some work undone: pages load slowly, and services the "
    "route cannot reach stay blocked (a licensed line reaches only head office, so Google "
    "is still out). The table states this as a share of the time that depends on services "
    "abroad. The share is capped at 100%: a route cannot lose more than all of that time. "
    "Each hour in which that whole dependent time is lost costs the team's *exposure* $E$:"
)
st.latex(r"E = \text{users} \times \frac{\text{dependency\_pct}}{100} \times "
         r"\text{hourly\_usd}")
st.latex(r"\text{productivity}_o = E \times \text{hours\_month} \times "
         r"\big(p_o\,A_o + p_q\,W_o\big)")
st.latex(r"p = \min(X,\ 1)\qquad X \sim \text{the range of } "
         r"\tfrac{\text{productivity\_loss\_pct}}{100}")
st.subheader("Outages")
st.markdown(
    "Crackdowns around sensitive dates, throttling and faults. Each disruption costs every "
    "affected person some working hours. How many disruptions happen is a matter of chance "
    "around an uncertain yearly rate. The new route's disruptions count while it is in use, "
    "the status quo's while you wait for it."
)
st.latex(r"\text{outage}_o = E \times \Big(\sum_{k=1}^{N_o} h_{o,k} + "
         r"\sum_{k=1}^{N_q} h_{q,k}\Big)")
st.latex(r"N_o \sim \text{Poisson}\Big(\lambda_o\,\frac{A_o}{12}\Big)\qquad "
         r"N_q \sim \text{Poisson}\Big(\lambda_q\,\frac{W_o}{12}\Big)")
st.markdown("Here $\\lambda$ is a draw from `outages_per_year` and each $h$ a separate draw "
            "from `outage_hours`.")
st.subheader("Incidents")
st.markdown("Enforcement actions or forced shutdowns: fines, confiscated income or "
            "equipment, re-installing, legal work. Counted exactly like outages.")
st.latex(r"\text{incident}_o = \sum_{k=1}^{M_o} c_{o,k} + \sum_{k=1}^{M_q} c_{q,k}")
st.latex(r"M_o \sim \text{Poisson}\Big(\kappa_o\,\frac{A_o}{12}\Big)\qquad "
         r"M_q \sim \text{Poisson}\Big(\kappa_q\,\frac{W_o}{12}\Big)")
st.markdown("Here $\\kappa$ is a draw from `incidents_per_year` and each $c$ a separate draw "
            "from `incident_cost_usd`.")
st.subheader("Total")
st.latex(r"\text{total}_o = \text{setup}_o + \text{service}_o + \text{productivity}_o + "
         r"\text{outage}_o + \text{incident}_o")

st.header("Ranges: how an uncertain number is entered")
st.markdown(
    "Where nobody knows a number exactly, the table asks for two: a **low** value you would "
    "be surprised to fall below (1 chance in 20) and a **high** value you would be "
    "surprised to exceed (1 chance in 20). So the pair is a 90% range: `_low` is the 5th "
    "percentile and `_high` the 95th. The calculator fits a lognormal curve through the "
    "two, a shape that never goes below zero and leans to the right: most outcomes sit near "
    "the middle, a few are much worse. Netflix's riskquant, Guesstimate and Squiggle use "
    "the same convention."
)
st.latex(r"\mu = \frac{\ln \text{low} + \ln \text{high}}{2}\qquad \sigma = "
         r"\frac{\ln \text{high} - \ln \text{low}}{2\,z_{0.95}}\qquad X = e^{\mu + \sigma Z},"
         r"\ Z \sim \mathcal{N}(0, 1)")
st.markdown(
    f"$z_{{0.95}} = {Z95:.4f}$ is the standard normal's 95th percentile. The median is "
    "$\\sqrt{\\text{low} \\times \\text{high}}$ and the average is higher than the median: "
    "for a range of 1 to 10 the median is 3.16 and the average 4.04.\n\n"
    "- **low equal to high** means the value is known: that exact number is used, and 0 "
    "with 0 means none at all.\n"
    "- **low above high** is refused; the message says to swap them.\n"
    "- **low 0 with a positive high** is refused too. A lognormal value is always above "
    "zero, so its 5th percentile cannot be 0, and the logarithm of 0 does not exist. The "
    "message suggests a small positive low (a hundredth of the high), or 0 for both if the "
    "thing never happens."
)

st.header("Averages: exact, not simulated")
st.markdown(
    "The expected (average) costs on every page come from formulas, not from the "
    "simulation, so they do not move when you change the seed or the number of trials. "
    "Because the number of events and their sizes are independent, the average of a sum "
    "of events is the average count times the average size."
)
st.latex(r"\mathbb{E}[X] = e^{\mu + \sigma^2/2}")
st.latex(r"\mathbb{E}[\min(X, 1)] = e^{\mu + \sigma^2/2}\,"
         r"\Phi\!\Big(\frac{-\mu - \sigma^2}{\sigma}\Big) + 1 - "
         r"\Phi\!\Big(\frac{-\mu}{\sigma}\Big)")
st.latex(r"\mathbb{E}[\text{productivity}_o] = E \times \text{hours\_month} \times "
         r"\big(\mathbb{E}[p_o]\,A_o + \mathbb{E}[p_q]\,W_o\big)")
st.latex(r"\mathbb{E}[\text{outage}_o] = E \times \Big(\mathbb{E}[\lambda_o]\,"
         r"\frac{A_o}{12}\,\mathbb{E}[h_o] + \mathbb{E}[\lambda_q]\,\frac{W_o}{12}\,"
         r"\mathbb{E}[h_q]\Big)")
st.latex(r"\mathbb{E}[\text{incident}_o] = \mathbb{E}[\kappa_o]"
         r"\,\frac{A_o}{12}\,\mathbb{E}[c_o] + \mathbb{E}[\kappa_q]\,\frac{W_o}{12}\,"
         r"\mathbb{E}[c_q]")
st.markdown(
    "$\\Phi$ is the standard normal distribution function; the capped share uses the "
    "truncated mean below 100% plus 100% times the chance of exceeding it. As a check, "
    "riskquant's published example (0.1 incidents a year, each costing 1 to 10, over 12 "
    "months) comes out at an expected loss of 0.4040012826945718, and the default table's "
    "results are checked against sums worked out by hand, both to within one part in a "
    "billion."
)

st.header("Simulation: the spread of possible futures")
st.markdown(
    "An average hides how bad a bad year can be. The simulation plays out many possible "
    "futures (`trials`, 20,000 by default) and costs every route in each of them.\n\n"
    "- **One future for all routes.** Each trial first draws a *climate*: how tense the "
    "period is (a crackdown, a sensitive anniversary). The climate pushes every route's "
    "lost share, disruption rate and incident rate up or down together. How strongly is "
    "set by `correlation`: at 1 the routes rise and fall together, at 0 each has its own "
    "luck. Changing it moves the spread and the chance of being cheapest, never the "
    "averages.\n"
    "- **Counts and sizes by chance.** Given the rates of that future, the number of "
    "disruptions and incidents is a Poisson draw, and every event gets its own size.\n"
    "- **The same wait for everyone.** The status quo's disruptions and incidents during "
    "the lead time are drawn once per future and shared: every route lives through the "
    "same status-quo events up to its own switch-over date.\n"
    "- **Charges do not vary.** Setup and service are the same in every future.\n"
    "- **Repeatable.** The same scenario and seed give the same numbers to the last digit."
)
st.markdown("In trial $t$, with $c$ = `correlation`, a route's lost share, disruption rate "
            "and incident rate are each read at their own score")
st.latex(r"z = \sqrt{c}\,\cdot \text{climate}_t + \sqrt{1 - c}\,\cdot \text{own}"
         r"\qquad \text{climate}_t,\ \text{own} \sim \mathcal{N}(0, 1)\ \text{independent}")
st.markdown(
    "so any two such scores correlate by exactly $c$ while each remains standard normal "
    "(that is why the averages do not depend on $c$). The value is $e^{\\mu + \\sigma z}$, "
    "the lost share capped at 100%. Counts and event sizes use fresh independent draws:"
)
st.latex(r"N \sim \text{Poisson}\Big(\lambda\,\frac{\text{months}}{12}\Big)\qquad "
         r"\text{sum} = \sum_{k=1}^{N} e^{\mu_h + \sigma_h \varepsilon_k}")
st.markdown(
    f"When one trial has more than {EXACT_EVENTS} events of one kind, drawing each would "
    "waste memory, so their sum is drawn in one go from a gamma distribution with the same "
    "mean and variance as the exact sum ($m$ and $v$ being one event's mean and variance):"
)
st.latex(r"\text{sum} \sim \text{Gamma}\Big(\text{shape} = \frac{N m^2}{v},\ "
         r"\text{scale} = \frac{v}{m}\Big)\qquad \text{mean } N m,\ \text{variance } N v")
st.markdown("The tests check that the simulated average of every component lies within four "
            "standard errors of its exact average.")

st.header("Reading the results")
st.markdown(
    "- **10th, 50th and 90th percentiles** (`p10_usd`, `p50_usd`, `p90_usd`) of the "
    "simulated total: one future in ten costs less than the first, half cost less than the "
    "median, nine in ten cost less than the third. Do not confuse them with the 5th and "
    "95th percentiles used to enter ranges.\n"
    "- **Chance of being cheapest** (`prob_lowest_cost`): the share of futures in which the "
    "route has the lowest total. If several routes tie for the lowest in a future, they "
    "share it equally. Shares are rounded to four decimals so that the column still adds "
    "up to exactly 1.\n"
    "- **Rank** goes by expected total; **per user-month** divides the expected total by "
    "users and by horizon months."
)
st.latex(r"\text{prob\_lowest\_cost}_o = \frac{1}{T}\sum_{t=1}^{T}"
         r"\frac{\mathbf{1}\big[\text{total}_{o,t} = \min_{r}\text{total}_{r,t}\big]}"
         r"{\#\{r : \text{total}_{r,t} = \min_{s}\text{total}_{s,t}\}}")
st.markdown("The exported comparison has these columns, in this order:")
st.table([{"Column": f"`{o.name}`", "Heading on the pages": o.label, "Meaning": o.meaning}
          for o in OUTPUTS], hide_index=True)

st.header("Net present value")
st.markdown(
    "A dollar paid in two years weighs less than a dollar paid today. The NPV spreads each "
    "route's expected costs over the months in which they fall and discounts them at your "
    "annual rate `discount_pct`: setup on the order date, everything else at the end of its "
    "month, months billed past the horizon included. Losses stop at the horizon. At a 0% "
    "rate the NPV equals the expected total."
)
st.latex(r"r = (1 + d)^{1/12} - 1\qquad \text{NPV}_o = \text{setup}_o + "
         r"\sum_{m \ge 1} \frac{F_{o,m}}{(1 + r)^m}")
st.latex(r"\begin{aligned} F_{o,m} = {} & s_o\,\big|I_m \cap [L_o,\ L_o + B_o]\big| \\ "
         r"&+ \ell_o\,\big|I_m \cap [L_o,\ H]\big| + \ell_q\,\big|I_m \cap [0,\ W_o]\big|"
         r"\qquad I_m = [m - 1,\ m] \end{aligned}")
st.markdown(
    "$d$ is `discount_pct` / 100, $s$ the monthly service charge, $\\ell$ a route's expected "
    "loss per month in use (productivity, outages and incidents), and $|\\cdot|$ the part of "
    "month $m$ that falls inside an interval, so a partly used month counts in part."
)

st.header("What each input means")
st.markdown("These tables are generated from the calculator's own definitions, so the names "
            "and limits are those it enforces.")
st.subheader("Your scenario (sidebar, link and command line)")
st.table([_param_row(p) for p in PARAMS], hide_index=True)
st.markdown(
    "A link may also change one cell of the options table with `<option_id>.<column>`, "
    "for example `approved_vpn.monthly_usd=900`; the cell obeys its column's rule below. "
    "A link value that is missing or out of range falls back to its default or is moved to "
    "the nearest limit, and the page says so."
)
st.subheader("The options table (one row per route)")
st.table([_column_row(c) for c in COLUMNS], hide_index=True)

st.header("What the model leaves out")
st.markdown(
    "Weigh these yourself; none of them is in the totals.\n\n"
    "- **Talent loss.** People whose work depends on reaching services abroad have said "
    "they might leave China if access became too costly. Losing and replacing them is "
    "expensive, above all if you do nothing, but no figure exists to put in.\n"
    "- **Legal reach.** A licensed VPN or leased circuit may link only to your own head "
    "office abroad, so Gmail, Google and other foreign sites stay blocked unless traffic "
    "is carried on from head office. `reach` is shown, not priced; it enters only through "
    "the lost share you give each route.\n"
    "- **Exchange rates.** Everything is in US dollars at fixed amounts. Amounts first "
    "stated in RMB (fines, confiscations, the consumer VPN price) were converted at a "
    "rough 7 yuan to the dollar; currency swings are not modelled.\n"
    "- **Taxes.** No VAT, withholding or tax relief. Enter every price on the same basis.\n"
    "- **Security and compliance.** Encryption, data-protection duties, audit trails, "
    "standing with regulators and reputation have no price here. Only the direct cost of "
    "an enforcement incident is counted.\n"
    "- **The status quo's charges while you wait.** Following the product's formula, the "
    "months in which today's route keeps serving carry its losses but not its service "
    "charges (for example the per-user tool reimbursement when doing nothing). Switching "
    "therefore looks slightly cheaper than it is; add today's monthly charge times the lead "
    "time if it matters.\n"
    "- **Outages at the same moment.** The climate makes a tense period raise every route's "
    "rates together, but each route's disruptions are then drawn separately: a single "
    "nationwide event hitting all routes on the same day, or a season of them, is not "
    "modelled. The cash flows spread losses evenly over the months.\n"
    "- **Overlaps.** Hours lost in outages are added to the lost share without netting, and "
    "nothing caps the total at the hours actually worked.\n"
    "- **Change over time.** Within one future, rates and prices stay the same for the "
    "whole horizon: no tightening or relaxation of the rules (pilot zones), price cuts or "
    "inflation.\n"
    "- **Contract fine print.** No early-termination fees, renewals, volume discounts or "
    "bandwidth floors (such as a cloud provider's 2 Mbps minimum); part months are billed "
    "pro rata.\n"
    "- **Other costs and benefits.** Latency is shown, not priced. Staff time spent on "
    "procurement, approvals and verification, and any value of a route after the "
    "horizon, are left out."
)

st.header("Sources")
st.markdown(
    "Tags: **[S]** solid (official text, major press, peer-reviewed study, carrier "
    "tariff); **[V]** vendor, industry marketing or informal reports; **[G]** our own "
    "estimate, with no public source. The default table's `sources` and `notes` columns "
    "(on the Assumptions page) say the same per route."
)
st.table([{"Source": s, "Date": d, "Tag": t, "Used for": u} for s, d, t, u in SOURCES],
         hide_index=True)
st.subheader("Which default numbers are estimates")
st.markdown(
    "No public China price list was found for a licensed VPN or a leased circuit, and no "
    "public figure for hours lost without one. So most defaults are **estimates [G]**, "
    "shaped by the sources above but not taken from them:\n\n"
    "- **Approved VPN:** every number is [G]: setup, monthly and per-Mbps charges, "
    "minimum term, lead time, latency and all five risk ranges.\n"
    "- **Leased private circuit:** the monthly charge is anchored on the ministry's "
    "\"more than USD 1,000 a month\" [S], but splitting it into a base plus a per-Mbps "
    "charge is [G], as are setup, term, lead time and all risk ranges. Latency follows a "
    "vendor figure [V].\n"
    "- **Do nothing:** the per-user charge of USD 15 a month (reimbursed tools) follows "
    "the 2014 Global Times price [S]; no setup or line charges by definition. The lost "
    "share and the outage and incident ranges are [G], informed by the Zhu et al. "
    "measurements, the disruption dates and the enforcement cases; the top of the "
    "incident cost range is the Chengde confiscation converted at about 7 yuan per dollar "
    "[G].\n\n"
    "Replace estimates with written quotes from the carriers and your own experience "
    "before relying on the comparison."
)
