"""Certifications as postings write them become certifications with importance, not skills."""

from __future__ import annotations

import json

from matcher import analyze_posting

POSTING = """Scrum Master
Requirements:
- 3+ years of experience as a Scrum Master (a Project Management Professional certification is preferred)
- Relevant certifications, such as Certified Scrum Master (CSM), Professional Scrum Master (PSM),
  or any other Agile certification
- Experience with Jira
Nice to have:
- Certifications: SAFe, ITIL
"""


def _certs(text: str) -> dict[str, str]:
    return {c.name: c.importance for c in analyze_posting(text).certifications_detail}


def test_names_acronyms_any_other_and_preferred() -> None:
    certs = _certs(
        "Requirements:\n- Certified Widget Engineer (CWE), or any other Gadget certification\n"
        "- Experience as a widget engineer (Widget Architect certification is preferred)\n"
    )
    assert certs == {
        "Certified Widget Engineer (CWE)": "required",
        "Gadget certification": "required",
        "Widget Architect certification": "preferred",
    }
    certs = _certs(POSTING)
    # the taxonomy's names where it knows them, the posting's words where it does not
    assert certs["Certified ScrumMaster"] == "required"
    assert certs["Professional Scrum Master"] == "required"
    assert certs["Agile certification"] == "required"
    assert certs["PMP"] == "preferred"
    assert certs["SAFe"] == "preferred" and certs["ITIL"] == "preferred"


def test_a_certification_is_not_also_a_skill() -> None:
    posting = analyze_posting("Requirements:\n- Any other Scrum certification\n- Experience with Jira\n")
    names = {s.name for s in posting.skills}
    assert "Scrum" not in names and "Jira" in names
    assert posting.certifications == ("Scrum certification",)


def test_no_certification_from_an_acronym_alone_or_from_boilerplate() -> None:
    assert _certs("Requirements:\n- Amazon Web Services (AWS) and Google Cloud Platform (GCP)\n") == {}
    assert _certs("Requirements:\n- Python\nBenefits:\n- We pay for your AWS certification\n") == {}


def test_json_contract_lists_certifications_with_importance() -> None:
    data = json.loads(json.dumps(analyze_posting("Requirements:\n- PMP certification is a plus\n").to_dict()))
    assert data["certifications"] == ["PMP"]
    assert [(c["name"], c["importance"]) for c in data["certifications_detail"]] == [("PMP", "preferred")]
