"""Write the bundled example resumes, data/examples/resumes/*.pdf (made up for the project).

    pip install -e ".[test]" && python scripts/make_examples.py

Seven candidates for the example Machine Learning Engineer posting, with different fits: strong,
partial, backend (other skills), wrong field, no degree, too junior, and one password-protected
file that cannot be read. The PDFs are deterministic (fixed creation date).
"""

from __future__ import annotations

import datetime
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "data" / "examples" / "resumes"
FIXED = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)

CANDIDATES = {
    "lena-fischer.pdf": [
        "Lena Fischer", "lena.fischer@example.com | +49 151 2345 6789 | github.com/lenafischer",
        "SUMMARY", "Machine learning engineer shipping forecasting models to production.",
        "EXPERIENCE",
        "Senior Machine Learning Engineer, Northstar Retail GmbH", "Berlin | Apr 2021 - Present",
        "- Built time series forecasting models in Python with PyTorch, pandas and NumPy.",
        "- Deployed models with Docker on Kubernetes; tracked experiments in MLflow; CI/CD in GitHub Actions.",
        "Data Scientist, Helios Energy AG", "Hamburg | Jan 2018 - Mar 2021",
        "- Statistics and model evaluation with scikit-learn; SQL on PostgreSQL; pipelines in Airflow.",
        "EDUCATION", "M.Sc. Statistics, Technical University of Munich, 2017",
        "SKILLS", "Python, PyTorch, TensorFlow, scikit-learn, pandas, NumPy, SQL, PostgreSQL, MLflow, Kubernetes",
        "LANGUAGES", "English (fluent), German (native)",
    ],
    "omar-haddad.pdf": [
        "Omar Haddad", "omar.haddad@example.com | +44 7700 900123",
        "SUMMARY", "Data analyst turning sales data into decisions.",
        "EXPERIENCE",
        "Data Analyst, Quantix Retail Ltd", "Manchester | Feb 2019 - Present",
        "- Built Tableau dashboards and Excel models; SQL reporting; statistics for A/B tests.",
        "Junior Analyst, Blue Harbor Bank", "Leeds | Sep 2017 - Jan 2019",
        "- Reporting in Excel and SQL; some Python scripting with pandas.",
        "EDUCATION", "B.Sc. Economics, University of Leeds, 2017",
        "SKILLS", "SQL, Excel, Tableau, Python, pandas, statistics, communication",
    ],
    "sofia-rossi.pdf": [
        "Sofia Rossi", "sofia.rossi@example.com | +39 333 123 4567",
        "SUMMARY", "Backend engineer building payment services.",
        "EXPERIENCE",
        "Senior Backend Engineer, Pinecone Health Srl", "Milan | Mar 2020 - Present",
        "- Java and Spring Boot microservices on Kubernetes with Docker; PostgreSQL and Kafka.",
        "Software Engineer, Wonka Logistics SpA", "Turin | Jun 2016 - Feb 2020",
        "- REST APIs in Java; SQL on MySQL; CI/CD with Jenkins.",
        "EDUCATION", "B.Sc. Computer Science, University of Turin, 2016",
        "SKILLS", "Java, Spring Boot, Kubernetes, Docker, PostgreSQL, Kafka, SQL, Git",
    ],
    "grace-mensah.pdf": [
        "Grace Mensah", "grace.mensah@example.com | +1 312 555 0147",
        "SUMMARY", "Registered nurse with eight years in acute care.",
        "EXPERIENCE",
        "Registered Nurse, Lakeside General Hospital", "Chicago | May 2017 - Present",
        "- Patient care, medication administration, IV therapy and EMR charting in Epic.",
        "Nursing Assistant, Riverside Clinic", "Chicago | Jun 2014 - Apr 2017",
        "- Vital signs, patient intake and scheduling.",
        "EDUCATION", "BSN Nursing, University of Illinois Chicago, 2017",
        "SKILLS", "Patient care, Epic, IV therapy, phlebotomy, CPR, medication administration",
    ],
    "kai-nakamura.pdf": [
        "Kai Nakamura", "kai.nakamura@example.com | +81 90 1234 5678 | github.com/kainakamura",
        "SUMMARY", "Self-taught machine learning engineer; open source maintainer.",
        "EXPERIENCE",
        "Machine Learning Engineer, Cyberdyne Analytics KK", "Tokyo | Jan 2019 - Present",
        "- Forecasting models in Python with PyTorch and scikit-learn; pandas and NumPy pipelines.",
        "- Deployed on Kubernetes with Docker; MLflow experiment tracking; SQL on PostgreSQL.",
        "Software Developer, Soylent Labs KK", "Osaka | Apr 2016 - Dec 2018",
        "- Python services and statistics tooling.",
        "SKILLS", "Python, PyTorch, scikit-learn, pandas, NumPy, SQL, PostgreSQL, Kubernetes, MLflow, statistics",
    ],
    "maya-patel.pdf": [
        "Maya Patel", "maya.patel@example.com | +91 98765 43210",
        "SUMMARY", "Graduate machine learning engineer.",
        "EXPERIENCE",
        "Machine Learning Engineer, Massive Dynamic Pvt Ltd", "Bangalore | Sep 2025 - Present",
        "- Time series forecasting in Python with PyTorch, pandas and scikit-learn; SQL on PostgreSQL.",
        "Machine Learning Intern, Oscorp Labs", "Bangalore | Jan 2025 - Jun 2025",
        "- Model evaluation and statistics in Python.",
        "EDUCATION", "M.Sc. Data Science, Indian Institute of Technology Delhi, 2025",
        "SKILLS", "Python, PyTorch, scikit-learn, pandas, NumPy, SQL, statistics, MLflow",
    ],
}  # fmt: skip


def _pdf(lines: list[str]) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_creation_date(FIXED)
    pdf.add_page()
    for line in lines:
        heading = line.isupper()
        pdf.set_font("Helvetica", "B" if heading else "", 13 if heading else 10)
        pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def _locked(data: bytes) -> bytes:
    import io

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(data)).pages:
        writer.add_page(page)
    writer.add_metadata({"/Producer": "matcher examples"})
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, lines in CANDIDATES.items():
        (OUT / name).write_bytes(_pdf(lines))
    (OUT / "locked-resume.pdf").write_bytes(_locked(_pdf(["Locked Candidate", "EXPERIENCE"])))
    print(f"wrote {len(CANDIDATES) + 1} PDFs to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
