"""The recruiter's flows in a real headless Chromium (Debian's chromium and chromium-driver, driven by
Selenium; .ci/run installs them) against the real server on 127.0.0.1, on the bundled examples."""

from __future__ import annotations

import csv
import io
import shutil
import time
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("starlette")
pytest.importorskip("selenium")

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from matcher.web import Workspace, running

from .conftest import EXAMPLE_POSTING, ROOT

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None or DRIVER is None, reason="needs chromium and chromium-driver (.ci/run installs them)"
)
RESUMES = sorted((ROOT / "data" / "examples" / "resumes").glob("*.pdf"))
AS_OF = date(2026, 11, 1)


def chromium(profile: Path, width: int = 1280, height: int = 1000) -> Any:
    """A headless Chromium with its own fresh profile, logging the page's console."""
    options = Options()
    options.binary_location = str(CHROMIUM)
    for arg in (
        "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", f"--user-data-dir={profile}",
        f"--window-size={width},{height}",
    ):  # fmt: skip
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(executable_path=str(DRIVER)), options=options)


def until(check: Callable[[], Any], timeout: float = 120.0) -> Any:
    """Poll ``check`` until it gives a true value (the browser and the workers run on their own)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            value = check()
        except Exception:  # the element was swapped out by htmx between two looks
            value = None
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {check}")
        time.sleep(0.1)


def progress_done(driver: Any) -> bool:
    return bool(driver.find_element(By.ID, "progress").get_attribute("data-status") == "done")


def skill_names(driver: Any, importance: str) -> list[str]:
    return [e.text for e in driver.find_elements(By.CSS_SELECTOR, f"#skills-{importance} .skill")]


def severe(driver: Any) -> list[str]:
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def scores(driver: Any) -> list[tuple[str, str]]:
    rows = driver.find_elements(By.CSS_SELECTOR, "tr[data-rank]")
    return [
        (r.find_element(By.CSS_SELECTOR, "a.candidate").text, r.find_element(By.CSS_SELECTOR, ".total").text)
        for r in rows
    ]


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    ws = Workspace(tmp_path / "data", workers=1, as_of=AS_OF, timeout=120)  # a busy machine is no timeout
    try:
        with running(ws) as url:
            yield url
    finally:
        ws.close()


@pytest.fixture
def driver(tmp_path: Path) -> Iterator[Any]:
    browser = chromium(tmp_path / "profile")
    try:
        yield browser
    finally:
        browser.quit()


def new_job(driver: Any, url: str) -> str:
    driver.get(url)
    driver.find_element(By.ID, "posting-file").send_keys(str(EXAMPLE_POSTING))
    driver.find_element(By.CSS_SELECTOR, "#new-job button").click()
    until(lambda: "/jobs/" in driver.current_url and driver.find_element(By.TAG_NAME, "h1").text)
    return str(driver.current_url)


def upload(driver: Any, files: list[Path]) -> str:
    driver.find_element(By.ID, "files-input").send_keys("\n".join(str(p) for p in files))
    driver.find_element(By.CSS_SELECTOR, "#upload-form button").click()
    summary = until(
        lambda: driver.find_element(By.CSS_SELECTOR, "#upload-result .upload-summary").text.endswith(".")
    )
    return str(driver.find_element(By.CSS_SELECTOR, "#upload-result .upload-summary").text if summary else "")


def test_recruiter_corrects_ranks_decides_and_exports(server: str, driver: Any) -> None:
    job_url = new_job(driver, server)
    assert driver.find_element(By.TAG_NAME, "h1").text == "Machine Learning Engineer"
    assert "Python" in skill_names(driver, "required") and driver.find_elements(
        By.CSS_SELECTOR, "#posting-text mark"
    )

    assert upload(driver, RESUMES).startswith("7 accepted")
    until(lambda: progress_done(driver) and "7 resumes read" in driver.find_element(By.ID, "progress").text)

    driver.get(job_url + "/ranking")
    before = scores(driver)
    assert len(before) == 6 and "locked-resume.pdf" in driver.find_element(By.ID, "failures").text

    driver.get(job_url)
    Select(driver.find_element(By.CSS_SELECTOR, 'select[data-skill="Python"]')).select_by_value("preferred")
    driver.find_element(By.ID, "save-requirements").click()
    until(lambda: "Python" in skill_names(driver, "preferred"))
    assert "Python" not in skill_names(driver, "required")

    driver.get(job_url + "/ranking")
    until(lambda: progress_done(driver) or driver.refresh())  # the page reloads itself when done
    after = until(lambda: progress_done(driver) and scores(driver))
    assert after != before and len(after) == 6

    driver.find_element(By.CSS_SELECTOR, "tr[data-rank='1'] a.candidate").click()
    until(lambda: driver.find_elements(By.ID, "decision"))
    assert driver.find_elements(By.CSS_SELECTOR, "#matched li") and driver.find_elements(
        By.CSS_SELECTOR, "#resume-text mark"
    )
    driver.find_element(By.CSS_SELECTOR, "input[name=decision][value=shortlist]").click()
    driver.find_element(By.CSS_SELECTOR, "#decision-form textarea").send_keys("strong PyTorch")
    driver.find_element(By.ID, "save-decision").click()
    until(lambda: "shortlist" in driver.find_element(By.ID, "current-decision").text)

    driver.get(job_url + "/ranking")
    assert driver.find_element(By.CSS_SELECTOR, "tr[data-rank='1'] td.decision").text == "shortlist"
    href = driver.find_element(By.ID, "export-csv").get_attribute("href")
    csv_text = driver.execute_async_script(
        "const done = arguments[1]; fetch(arguments[0]).then(r => r.text()).then(done);", href
    )
    first = next(csv.DictReader(io.StringIO(csv_text)))
    assert (first["rank"], first["decision"], first["note"]) == ("1", "shortlist", "strong PyTorch")
    Select(driver.find_element(By.ID, "filter-decision")).select_by_value("shortlist")
    until(lambda: len(driver.find_elements(By.CSS_SELECTOR, "tr[data-rank]")) == 1)
    assert severe(driver) == []


def test_resume_with_script_payloads_runs_no_script(server: str, driver: Any, tmp_path: Path) -> None:
    job_url = new_job(driver, server)
    evil = tmp_path / "evil.txt"
    evil.write_text(
        "<script>document.body.dataset.pwned = 'script'</script> Eve Example\nEXPERIENCE\n"
        "Engineer, Acme Inc, 2015 - 2023\n"
        "Python and SQL <img src=x onerror=\"document.body.dataset.pwned = 'img'\">\n"
        "<svg onload=\"document.body.dataset.pwned = 'svg'\"></svg>\n",
        encoding="utf-8",
    )
    assert upload(driver, [evil]).startswith("1 accepted")
    until(lambda: progress_done(driver))
    driver.get(job_url + "/ranking")
    driver.find_element(By.CSS_SELECTOR, "a.candidate").click()
    until(lambda: driver.find_elements(By.ID, "resume-text"))
    text = driver.find_element(By.ID, "resume-text").text
    assert "<script>" in text and "onerror=" in text  # shown as text
    assert driver.execute_script("return document.body.dataset.pwned || null") is None
    assert (
        driver.find_elements(By.CSS_SELECTOR, "#resume-text img, #resume-text script, #resume-text svg") == []
    )
    sources = driver.execute_script("return [...document.scripts].map(s => s.getAttribute('src'))")
    assert sources == ["/static/htmx.min.js", "/static/app.js"]
    assert severe(driver) == []


def test_dropped_files_upload_and_bad_ones_are_listed(server: str, driver: Any) -> None:
    new_job(driver, server)
    driver.execute_script(
        """
        const data = new DataTransfer();
        data.items.add(new File(["Dee Drop\\nSKILLS\\nPython, SQL"], "dee.txt", {type: "text/plain"}));
        data.items.add(new File(["not a resume"], "photo.png", {type: "image/png"}));
        const zone = document.getElementById("dropzone");
        zone.dispatchEvent(new DragEvent("dragover", {dataTransfer: data, bubbles: true, cancelable: true}));
        zone.dispatchEvent(new DragEvent("drop", {dataTransfer: data, bubbles: true, cancelable: true}));
        """
    )
    summary = until(lambda: driver.find_element(By.CSS_SELECTOR, "#upload-result .upload-summary").text)
    until(lambda: "not taken" in driver.find_element(By.CSS_SELECTOR, "#upload-result .upload-summary").text)
    assert driver.find_element(By.CSS_SELECTOR, "#upload-result .upload-summary").text.startswith(
        "1 accepted"
    )
    assert "photo.png" in driver.find_element(By.CSS_SELECTOR, "#upload-result .failures").text and summary
    until(lambda: progress_done(driver) and "1 resume read" in driver.find_element(By.ID, "progress").text)
    assert severe(driver) == []


def test_skill_suggestions_come_from_the_taxonomy_as_you_type(server: str, driver: Any) -> None:
    new_job(driver, server)
    driver.find_element(By.ID, "add-skill").send_keys("k8s")
    options = until(
        lambda: [
            o.get_attribute("value") for o in driver.find_elements(By.CSS_SELECTOR, "#skill-options option")
        ]
    )
    assert options[0] == "Kubernetes"
