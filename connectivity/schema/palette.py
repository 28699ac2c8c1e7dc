"""Colours, defined once: routes keep theirs on every page (and in .streamlit/config.toml)."""

# Okabe & Ito's colour-blind-safe palette; a route keeps its colour on every page.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442",
           "#000000")
COMPONENT_LABELS = {
    "setup": "Setup", "service": "Service charges", "productivity_loss": "Lost productivity",
    "outage_loss": "Outages", "incident_loss": "Enforcement incidents",
}
COMPONENT_COLORS = ("#3b3b3b", "#7f7f7f", "#a6cee3", "#fdbf6f", "#fb9a99")
