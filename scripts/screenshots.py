"""Screenshots of the web app for the README: the job, ranking and candidate pages, made from the
bundled examples in headless Chromium (Debian's chromium + chromium-driver, Selenium).

    python scripts/screenshots.py [--out docs/images]

Writes web-job.png, web-ranking.png and web-candidate.png (palette PNGs when Pillow is there,
to keep them small). Nothing is fetched from the network.
"""

from __future__ import annotations

import argparse
import io
import shutil
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

EXAMPLES = ROOT / "data" / "examples"
WIDTH, HEIGHT = 1280, 860


def _save(png: bytes, path: Path) -> None:
    try:
        from PIL import Image
    except ImportError:  # a plain screenshot, larger
        path.write_bytes(png)
        return
    image = Image.open(io.BytesIO(png)).convert("RGB").quantize(colors=64, method=Image.Quantize.MEDIANCUT)
    image.save(path, optimize=True)


def main() -> int:
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By

    from matcher.web import Workspace, running

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "images")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    browser, driver_path = shutil.which("chromium"), shutil.which("chromedriver")
    if not browser or not driver_path:
        print(
            "needs chromium and chromium-driver (apt-get install chromium chromium-driver)", file=sys.stderr
        )
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        ws = Workspace(Path(tmp) / "data", workers=2, as_of=date(2026, 11, 1))
        job = ws.create_job("posting-ml-engineer.md", (EXAMPLES / "posting-ml-engineer.md").read_bytes())
        resumes = sorted((EXAMPLES / "resumes").glob("*.pdf"))
        ws.add_resumes(job, [(p.name, p.read_bytes()) for p in resumes])
        ws.wait(job)
        ws.decide(job, "lena-fischer.pdf", "shortlist", "Strong PyTorch and forecasting; call this week")
        ws.decide(job, "grace-mensah.pdf", "reject", "")
        options = Options()
        options.binary_location = browser
        for arg in (
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={Path(tmp) / 'profile'}",
            f"--window-size={WIDTH},{HEIGHT}",
            "--hide-scrollbars",
        ):
            options.add_argument(arg)
        driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
        try:
            with running(ws) as url:
                lena = ws.candidate(job, "lena-fischer.pdf").sha
                for name, page in [
                    ("web-job.png", f"jobs/{job}"),
                    ("web-ranking.png", f"jobs/{job}/ranking"),
                    ("web-candidate.png", f"jobs/{job}/candidates/{lena}"),
                ]:
                    driver.get(url + page)
                    driver.find_element(By.TAG_NAME, "h1")
                    time.sleep(0.3)  # htmx and the stylesheet settle
                    target = args.out / name
                    _save(driver.get_screenshot_as_png(), target)
                    print(f"wrote {target.relative_to(ROOT)} ({target.stat().st_size:,} bytes)")
        finally:
            driver.quit()
            ws.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
