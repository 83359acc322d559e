"""Headless Chromium for the page tests and the README's screenshots (Debian's packages).

``chromium`` and ``chromium-driver`` from apt, driven by selenium; nothing is downloaded at
run time (selenium is told where both are, so its manager never looks for a driver). Every
start is a fresh profile with networking that Chromium does on its own turned off, and a
proxy that answers nothing, so a request the page makes fails loudly instead of leaving
the machine.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

#: Where Debian puts them.
CHROMIUM = ("chromium", "chromium-browser")
DRIVER = ("chromedriver",)
#: What a test says when they are missing.
INSTALL = "needs Chromium: apt-get install -y chromium chromium-driver (and pip install selenium)"
#: Set by .ci/run: there the browser tests must run, never skip.
REQUIRED = "ARC_BROWSER_TESTS"
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
    "--proxy-server=127.0.0.1:9",  # nothing listens there: any request fails
    "--proxy-bypass-list=<-loopback>",
)


def _room_to_start() -> None:
    """Lift the address-space soft limit (to the hard one) for Chromium and its driver.

    .ci/run limits every process's address space (a soft limit, ``ulimit -S -v``): Chromium
    reserves tens of gigabytes of address space that it never uses (V8's and its
    allocator's cages) and its driver dies at start under the limit. Memory actually used
    is not what the limit guards against here; the browser's own processes are bounded by
    the page they show.
    """
    import resource

    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    resource.setrlimit(resource.RLIMIT_AS, (hard, hard))


def found() -> tuple[str, str] | None:
    """The paths of Chromium and its driver, or None when either (or selenium) is missing."""
    import importlib.util

    if importlib.util.find_spec("selenium") is None:
        return None
    browser = next((shutil.which(n) for n in CHROMIUM if shutil.which(n)), None)
    driver = next((shutil.which(n) for n in DRIVER if shutil.which(n)), None)
    return (browser, driver) if browser and driver else None


def missing_reason() -> str | None:
    """Why the browser tests cannot run here (None: they can)."""
    return None if found() else INSTALL


@contextmanager
def chromium(width: int = 1200, height: int = 900):
    """A headless Chromium (selenium WebDriver) with a fresh profile, quit afterwards."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    paths = found()
    if paths is None:
        raise RuntimeError(INSTALL)
    browser, driver_path = paths
    profile = tempfile.mkdtemp(prefix="arc-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.add_argument(f"--window-size={width},{height}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    env = {**os.environ, "SE_OFFLINE": "true"}
    service = Service(executable_path=driver_path, env=env, popen_kw={"preexec_fn": _room_to_start})
    driver = webdriver.Chrome(service=service, options=options)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def open_page(driver, path: Path, timeout: float = 60.0) -> None:
    """Open a page file and wait until its script says it is ready (or failed)."""
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get_log("performance")  # what the browser did before: not the page's
    driver.get_log("browser")
    driver.get(Path(path).resolve().as_uri())
    WebDriverWait(driver, timeout).until(
        lambda d: d.execute_script(
            "return !!(window.arcPage && (window.arcPage.ready || window.arcPage.failed))"
        )
    )


def console_errors(driver) -> list[str]:
    """The browser console's errors and warnings since the last call."""
    return [e["message"] for e in driver.get_log("browser") if e["level"] in ("SEVERE", "WARNING")]


def requests(driver) -> list[str]:
    """Every URL asked for since the last call that is not the page's file or in memory.

    ``chrome://`` addresses are the browser's own pages (its new tab), never the network.
    """
    import json

    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    local = ("file://", "data:", "blob:", "about:", "chrome://", "chrome-untrusted://")
    return [u for u in urls if not u.startswith(local)]
