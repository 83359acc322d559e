"""Screenshots of the interactive page for the README, taken by the tests' headless Chromium.

Run by ``make docs`` after make_docs.py: each page is written by the ``arc`` command, opened
offline, a point hovered and a passage clicked, and the page saved as a PNG in docs/. Each
PNG records the fingerprint of its chart's data (as docs/'s charts do), the same as the static
chart beside it, so a test can tell a stale screenshot without comparing pixels.
"""

from __future__ import annotations

import io
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
sys.path.insert(0, str(ROOT))

#: Screenshot -> (the arc arguments that write its page, the static chart it shows).
SHOTS = {
    "page_final_goodbyes.png": (["plot"], "final_goodbyes.png"),
    "page_frankenstein.png": (["plot", "--example", "frankenstein"], "frankenstein.png"),
}
#: The browser's window: as wide as a laptop's, tall enough for the chart and a passage.
WIDTH, HEIGHT = 1160, 1240


def _act(driver, name: str) -> None:
    """Show what the page does: a passage clicked open, a point hovered."""
    from selenium.webdriver.common.actions.action_builder import ActionBuilder

    def point(x: float, y: float, click: bool = False) -> None:
        actions = ActionBuilder(driver)
        actions.pointer_action.move_to_location(round(x), round(y))
        if click:
            actions.pointer_action.click()
        actions.perform()

    index = driver.execute_script("return window.arcPage.data.units.index")
    if name == "page_final_goodbyes.png":  # the lowest paragraph read, the highest hovered
        low = driver.execute_script("return window.arcPage.locate(arguments[0])", index.index(7))
        point(low["x"], low["y"], click=True)
        high = driver.execute_script("return window.arcPage.locate(arguments[0])", index.index(3))
        point(high["x"], high["y"])
    else:  # the deepest valley's passage read, a sentence in the strip hovered
        turns = driver.execute_script("return window.arcPage.turnPoints()")
        valley = min(
            (t for t in turns if t["kind"] == "valley"), key=lambda t: t["sy"], default=turns[0]
        )
        point(valley["sx"], valley["sy"], click=True)
        at = driver.execute_script("return window.arcPage.locate(arguments[0])", len(index) // 3)
        point(at["x"], at["y"])
    driver.execute_script("document.activeElement && document.activeElement.blur()")
    time.sleep(0.4)


def run(folder: Path = DOCS) -> int:
    """Write the screenshots into ``folder``; 0, or 1 with a line saying what is missing."""
    from PIL import Image, PngImagePlugin

    from arc.charts.render import DIGEST_KEY, png_digest
    from arc.cli import main
    from tests.browser import chromium, missing_reason, open_page

    if missing_reason() is not None:
        print(f"screenshots not taken: {missing_reason()}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp, chromium(WIDTH, HEIGHT) as driver:
        for shot, (args, chart) in SHOTS.items():
            page = Path(tmp) / shot.replace(".png", ".html")
            if main([*args, "-o", str(page)]):
                return 1
            open_page(driver, page)
            _act(driver, shot)
            image = Image.open(io.BytesIO(driver.get_screenshot_as_png()))
            info = PngImagePlugin.PngInfo()
            info.add_text(DIGEST_KEY, png_digest(DOCS / chart) or "")
            image.convert("RGB").save(folder / shot, pnginfo=info, optimize=True)
            print(folder / shot)
    return 0


if __name__ == "__main__":
    sys.exit(run(Path(sys.argv[1]) if len(sys.argv) > 1 else DOCS))
