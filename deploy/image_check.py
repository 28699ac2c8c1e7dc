"""`make image-check`: what we ship is what we test. The real image, built, run and walked.

deploy/image.py builds deploy/Dockerfile (with a stand-in base where the FROM image
cannot be pulled) and starts it on the loopback; then, through the container:

- every page in Debian's Chromium (the shared harness): no exception, no failure box,
  Methodology with every section its parts hold; a screenshot of each page;
- the comparison CSV downloaded from the page = the CLI's bytes, inside the
  container and on this machine;
- memos built inside the container, in euro and with Chinese route names: pdffonts
  says every font is embedded, pdftotext finds € or ¥ and no "?" (outside the
  share link's own), the same text as the memo this machine builds with the same
  command, and the pages are drawn to PNGs for a person to look at.

Screenshots and memo pages go to tests/artifacts/image-*. Where Docker cannot run at
all (no dockerd, not root) it prints one line and exits 0; IMAGE_CHECK_REQUIRED=1
makes that a failure.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import traceback
from datetime import date
from pathlib import Path

from connectivity.views.methodology import methodology
from deploy import image
from harness.browse import download_csv, go_to, healthy, open_link
from harness.chromium import chromium, watched_page
from harness.cli import cli_csv, run_cli
from harness.memo import ARTIFACTS, render
from harness.selectors import HEADLINE, MAIN, NAV_LINK, TITLE

QUERY = "users=60&horizon_months=24"
# Sidebar link and page title; every link the sidebar shows must be here.
PAGES = (("Compare", "Compare the routes"), ("Your quotes", "Your quotes"),
         ("Estimate losses", "Estimate losses"), ("Risk", "Risk"), ("Decide", "Decide"),
         ("Sensitivity", "Sensitivity"), ("Assumptions", "Assumptions"),
         ("Methodology", "Methodology"))
MEMOS = {
    "eur": (["--currency", "EUR"], "€"),
    "chinese": (["--currency", "CNY", "--set", "approved_vpn.name=获批跨境专用VPN",
                 "--set", "leased_circuit.name=国际专线（IPLC）"], "¥"),
}


class CheckFailed(AssertionError):
    pass


def expect_that(condition: bool, what: str) -> None:
    if not condition:
        raise CheckFailed(what)


def walk(url: str, cid: str) -> None:
    """Every page through the container; the CSV the page downloads."""
    sections = [b.text for b in methodology() if b.kind == "header"]
    with chromium() as browser:
        page, watch = watched_page(browser, url)
        open_link(page, url, QUERY, expect_shown=HEADLINE)
        # A link's text is its icon's name, then its label.
        links = [text.split("\n")[-1].strip() for text in page.locator(NAV_LINK).all_inner_texts()]
        expect_that(sorted(links) == sorted(link for link, _ in PAGES),
                    f"the sidebar's pages {links} are not the ones walked")
        for link, title in PAGES:
            go_to(page, link, title)
            healthy(page)
            if link == "Methodology":
                shown = page.locator(f"{MAIN} h2").all_inner_texts()
                missing = [s for s in sections if not any(s in h for h in shown)]
                expect_that(not missing, f"Methodology lacks the sections {missing}")
                expect_that(page.locator(f"{MAIN} .katex").count() > 0,
                            "Methodology shows no typeset formula")
            expect_that(page.locator(TITLE).count() == 1, f"{link}: no title")
            page.screenshot(path=str(ARTIFACTS / f"image-page-{link.split()[-1].lower()}.png"),
                            full_page=True)
            image.log(f"page {link}: drawn, healthy")
        go_to(page, "Compare", "Compare the routes")
        downloaded = download_csv(page)
        expect_that(not watch.problems(), f"the pages reported {watch.problems()}")
        page.context.close()
    inside = image.output("exec", cid, "python", "-m", "connectivity", "compare",
                          "--query", QUERY)
    expect_that(downloaded == inside, "the downloaded CSV differs from the container's CLI")
    expect_that(downloaded == cli_csv(QUERY), "the downloaded CSV differs from the CLI here")
    image.log(f"CSV: the page's download = the CLI's {len(downloaded)} bytes")


def memo(cid: str, name: str, args: list[str], sign: str) -> None:
    """A memo built inside the container, read and drawn here."""
    inside, day = f"/tmp/memo-{name}.pdf", date.today().isoformat()
    image.docker("exec", cid, "python", "-m", "connectivity", "memo", *args,
                 "--date", day, "--out", inside, capture=True)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    local = ARTIFACTS / f"image-memo-{name}.pdf"
    image.docker("cp", f"{cid}:{inside}", str(local), capture=True)
    pdf = local.read_bytes()
    fonts = subprocess.run(["pdffonts", str(local)], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]
    expect_that(bool(fonts), f"memo {name}: pdffonts lists no font")
    loose = [line for line in fonts if line.split()[-5] != "yes"]
    expect_that(not loose, f"memo {name}: fonts not embedded: {loose}")
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(local), "-"],
                          capture_output=True, text=True, check=True).stdout
    expect_that(sign in text, f"memo {name}: no {sign} in its text")
    # The share link prints its own '?' (and wraps over lines): leave the link out.
    words = re.sub(r"https?://\S+(\n[^\s]*%[0-9A-F]{2}\S*)*", "", text)
    expect_that("?" not in words, f"memo {name}: '?' in its text (an undrawn character): "
                + " | ".join(line for line in words.splitlines() if "?" in line)[:400])
    here = ARTIFACTS / f"image-memo-{name}-here.pdf"
    done = run_cli("memo", *args, "--date", day, "--out", str(here))
    expect_that(done.returncode == 0, f"memo {name} on this machine: {done.stderr}")
    same = subprocess.run(["pdftotext", "-enc", "UTF-8", str(here), "-"], capture_output=True,
                          text=True, check=True).stdout
    expect_that(text == same, f"memo {name}: the container's text differs from the memo "
                "built here by the same command (a face drew other characters)")
    pages = render(pdf, f"image-memo-{name}")
    image.log(f"memo {name}: {len(fonts)} fonts all embedded, {sign} present, no '?', "
              f"{len(pages)} pages drawn")


def main() -> int:
    why = image.why_no_docker()
    if why:
        required = os.environ.get("IMAGE_CHECK_REQUIRED") == "1"
        print(f"image-check {'FAILED' if required else 'skipped'}: Docker cannot run here "
              f"({why})", flush=True)
        return 1 if required else 0
    start = time.monotonic()
    try:
        with image.daemon():
            image.ensure_base()
            image.build()
            image.log(f"image {image.TAG}: {image.image_size() / 1e6:.0f} MB")
            with image.running() as (url, cid):
                walk(url, cid)
                for name, (args, sign) in MEMOS.items():
                    memo(cid, name, args, sign)
    except Exception as error:  # a browser timeout as much as a failed check: one verdict
        if not isinstance(error, (CheckFailed, image.ImageError)):
            traceback.print_exc()
        image.log(f"image-check FAILED after {time.monotonic() - start:.0f} s: {error}")
        return 1
    image.log(f"image-check passed in {time.monotonic() - start:.0f} s; pictures in "
              f"{Path(ARTIFACTS).relative_to(image.ROOT)}/image-*")
    return 0


if __name__ == "__main__":
    sys.exit(main())
