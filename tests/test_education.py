"""Education entries: level, field, institution, year and status from the layouts resumes use; a
field is a field of study (models/fields.json, built from ESCO ISCED-F and a list of majors)."""

from __future__ import annotations

import importlib.util
import sys
from datetime import date
from typing import Any

import pytest

from matcher import parse_resume_text
from matcher.facts import field_of_study, is_field_word

from .conftest import ROOT

AS_OF = date(2026, 11, 1)


def _education(lines: str) -> list[tuple[str | None, str | None, str | None, int | None, bool]]:
    r = parse_resume_text(f"Jane Doe\nEDUCATION\n{lines}\nSKILLS\nExcel", as_of=AS_OF)
    return [(e.level, e.field, e.institution, e.year, e.in_progress) for e in r.education]


@pytest.mark.parametrize(
    ("text", "level", "field"),
    [
        ("B.S. Computer Science, State University, 2014", "bachelor", "computer science"),
        ("B.Sc. Economics, University of Leeds, 2017", "bachelor", "economics"),
        ("M.Sc. Statistics, Technical University of Munich, 2017", "master", "statistics"),
        ("Bachelor of Engineering (Computer Science)", "bachelor", "computer science"),
        ("MBA, Finance", "master", "finance"),
        ("B.E. in Computer Science", "bachelor", "computer science"),
        ("BE in Mechanical Engineering, Anna University, 2010", "bachelor", "mechanical engineering"),
        ("Master of Science in Computer Science; GPA: 4.00 Aug 2012 – Dec 2013", "master",
         "computer science"),
        ("Bachelor of Science : Accounting  2008  Curry College", "bachelor", "accounting"),
        ("Bachelor of Arts  :  Business Management  2008  Curry College", "bachelor", "business management"),
        ("Bachelor of Science  :\nUrban and Regional Planning  University of Technology", "bachelor",
         "urban and regional planning"),
        ("M.S  :\nComputer Science  Illinois Institute of Technology", "master", "computer science"),
        ("B.S. Degree  :\nCognitive Science  June 1993  University of California", "bachelor",
         "cognitive science"),
        ("Master of Public Administration  :\nHealth Care Management  Grand Canyon University", "master",
         "health care management"),
        ("Master of Business Administration", "master", "business administration"),
        ("Computer Science, B.S., 2012", "bachelor", "computer science"),
        ("Associate of Applied Science in Nursing", "associate", "nursing"),
        ("BACHELOR OF SCIENCE : NURSING  Illinois State University", "bachelor", "nursing"),
        ("B.A  :\nBusiness Mgt  University of Houston Downtown", "bachelor", "business management"),
        ("Bachelor of Engineering in Electrical and Electronics; GPA: 3.66", "bachelor",
         "electrical and electronics"),
        ("M. S  :\nComputer Science  ,\n1989  Union College", "master", "computer science"),
        ("Bachelor Fine Art  :\nInterior Design, Art History Minor  ,", "bachelor", "interior design"),
        ("Associates  Borough of Manhattan Community College", "associate", None),
        ("Associates Borough of Manhattan Community College ï¼ City , State", "associate", None),
        # one line as pdfium writes it: the comma before the school is not the field's end
        ("Bachelor of Business Administration : Finance, General Business 1988 Western Michigan University",
         "bachelor", "finance, general business"),
        # dotted abbreviations with a space after the dot, as LaTeX CVs write them
        ("M. Sc. Physics.\nUniversität Bonn", "master", "physics"),
        ("B. Sc. Physics.\nUniversität Bonn", "bachelor", "physics"),
        ("M. Eng. Mechanical Engineering, TU Delft, 2015", "master", "mechanical engineering"),
        ("B. Tech. Computer Science, IIT Delhi, 2012", "bachelor", "computer science"),
        ("M. Ed. Special Education, 2011", "master", "special education"),
        # an abbreviation of a field, read as the field (data/fields/acronyms.txt)
        ("B.S. in IT, State University, 2014", "bachelor", "information technology"),
        ("BS EE, Anna University, 2010", "bachelor", "electrical engineering"),
        ("M.S. CS  Georgia Institute of Technology  2016", "master", "computer science"),
        ("Master of Science : MIS  2011  University of Houston", "master", "management information systems"),
        ("M.A. Industrial & Organizational Psychology, 2013", "master",
         "industrial and organizational psychology"),
        # in the field's place (after "Degree :" or on the line below it) a field may start with
        # words no list has, when it ends in a field's word
        ("BS  :\nHolistic Nutrition  ,\n2010  Clayton College of Natural Health", "bachelor",
         "holistic nutrition"),
        ("BBA  :\nRadio Communication  Pontifical Catholic University", "bachelor", "radio communication"),
        ("BS : Holistic Nutrition , 2010 Clayton College of Natural Health", "bachelor",
         "holistic nutrition"),
        # listed abbreviations in their dotted forms (data/fields/degrees.txt); the field the
        # degree's name gives when none is printed, and a printed field before it
        ("M.F.A  :\n1972  San Francisco Art Institute", "master", "fine arts"),
        ("B.F.A  :\n1970  University of California Berkeley-Fine Arts", "bachelor", "fine arts"),
        ("M.B.A  :\nFinance  Manonmaniam Sundaranar University", "master", "finance"),
        ("MBA  2016  Grand Canyon University", "master", "business administration"),
        # the less common abbreviations of degrees (data/fields/degrees.txt), with their fields
        ("BBM  :\nBusiness Management  ,\n2000  Mysore University India", "bachelor", "business management"),
        ("M.Div. , Theology 2002 Duke Divinity School", "master", "theology"),
        ("MLIS , Library and Information Science 2001 Simmons College", "master",
         "library and information science"),
        ("BSME  2009  Purdue University", "bachelor", "mechanical engineering"),
        ("MSIT  :  2014  Capella University", "master", "information technology"),
        ("B.Pharm  ,  2011  Manipal University", "bachelor", "pharmacy"),
        ("Bachelors  :  BAAS Dallas Baptist University 2012", "bachelor", "applied arts and sciences"),
        ("BAS  :\nManagement & Organizational Leadership  2012  St. Petersburg College", "bachelor",
         "management and organizational leadership"),
        ("M.A  ,\nArts  June 1996  Colorado State University", "master", "arts"),
        ("Degree Institution/College/School University/Board Year M.B.A -HR Annamalai University", "master",
         "human resources"),
        # an associate's degree by its name: "Associate of <Name> Degree", "Associates Degree"
        ("Associate of Occupational Science Degree  :\nCulinary  Le Cordon Bleu College of Culinary Arts",
         "associate", "culinary"),
        ("Associates Degree  ,\nAdministrative Occupational Studies  May 2003  Olean Business Institute",
         "associate", "administrative occupational studies"),
        ("ASSOCIATE DEGREE : Nursing 2010", "associate", "nursing"),
        ("Associate of Science  :\nAirframe & Power Plant Technology  Enterprise Community College",
         "associate",
         "airframe and power plant technology"),
        ("PhD in Enzyme Biotechnology, University Putra Malaysia", "doctorate", "enzyme biotechnology"),
        ("Bachelor of Science  :  Texas Tech  2001", "bachelor", None),
        ("Bachelor of Science  :\nSumma Cum Laude  2001", "bachelor", None),
        ("M.Sc.7                   Game Dev\nJavascriptDigital Media", "master", None),
        ("ASSOCIATE OF ARTS  :\nASSOCIATE OF ARTS  2010  COLUMBUS STATE COMMUNITY COLLEGE", "associate",
         None),
        # "Arts and Sciences" is the degree's name, not its field
        ("Associate of Arts and Sciences  :\nBusiness Administration  2009  SUNY Orange", "associate",
         "business administration"),
        ("Bachelor of Arts and Sciences  :\nPsychology  UNIVERSITY OF PORTLAND", "bachelor", "psychology"),
        # the field before the degree, in a part of its own
        ("Criminal Justice & Psychology  ASSOCIATE OF ARTS AND SCIENCE DEGREE", "associate",
         "criminal justice and psychology"),
        ("Texas A&M University  Bachelor of Science  2012", "bachelor", None),
        # "Doctor of Philosophy" and "Master of Philosophy" are degrees' names
        ("Doctor of Philosophy  :\nMechanical Engineering  Dec 2016  Arizona State University", "doctorate",
         "mechanical engineering"),
        ("Master of Philosophy, Economics, University of Cambridge, 2011", "master", "economics"),
        # a named degree with its abbreviation, the field on the line below
        ("Bachelor of Engineering (B. E  :\nComputer Science & Engg  ,\nJune-2005", "bachelor",
         "computer science and engineering"),
        # a field printed twice on one line is read once
        ("MBA  :\nHealthcare Administration Management Healthcare Administration\n,", "master",
         "healthcare administration management"),
        ("Master of Science  :\nHuman Resource Management Human Resource Generalist  ,\n"
         "2019  Strayer University",
         "master", "human resource management"),
        ("Masters of Science  :\nEducation & Special Education  Touro College", "master",
         "education and special education"),
        # "Degree : School - Field City": the field after the school
        ("Bachelor of Arts  :  West Virginia State University  - Marketing  City  ,\nState  ,\nUS",
         "bachelor", "marketing"),
        ("Masters  :  UNIVERSITY OF PENNSYLVANIA  - Public Policy  City  ,\nState", "master",
         "public policy"),
        # the colon or comma on a line of its own, the field below it
        ("The University of Texas at San Antonio  1999  Bachelor of Arts\n:\nCriminal Justice  City  ,",
         "bachelor", "criminal justice"),
        ("Master of Science\n,\nIndustrial Engineering\nPurdue University", "master",
         "industrial engineering"),
    ],
)  # fmt: skip
def test_education_reads_level_and_field_from_every_layout(text: str, level: str, field: str | None) -> None:
    entries = _education(text)
    assert [(e[0], e[1]) for e in entries] == [(level, field)]


@pytest.mark.parametrize(
    "text",
    [
        "Graduated as M.Sc. Digital Media University of Bremen",
        "M.S. Texas A&M University, 2012",
        "Bachelor of Science, University of Illinois Chicago",
        "Master of Science : Bremen",
    ],
)
def test_a_place_or_a_school_is_never_a_field(text: str) -> None:
    fields = [e[1] for e in _education(text)]
    assert all(f is None or ("bremen" not in f and "texas" not in f and "illinois" not in f) for f in fields)
    assert all(f is None or "university" not in f for f in fields)


def test_a_thesis_or_a_project_line_is_no_degree() -> None:
    entries = _education(
        "2015 / 07 Graduated as M.Sc. Digital Media University of Bremen\n"
        "Master Thesis: A netless neural network for scoring\n"
        "2012 - 2013 Master Project - PrIMA University of Bremen"
    )
    assert entries == [("master", "digital media", "University of Bremen", 2015, False)]


@pytest.mark.parametrize(
    "text",
    [
        "Master's Certificate  :\nProject Management  ,\n2006  The George Washington University",
        "Master Certficate in Six Sigma  :  Leadership  2008  Villanova University",
        "Master Certificate in Six Sigma, Villanova University, 2008",
        "Bachelor's Certification in Paralegal Studies, 2015",
    ],
)
def test_a_certificate_named_after_a_degree_is_no_degree(text: str) -> None:
    assert _education(text) == []


@pytest.mark.parametrize(
    ("text", "institution"),
    [
        ("Bachelor of Arts : Business Management 2008  Curry College", "Curry College"),
        ("High School Diploma  :  Jun 2015  Oldham County High School", "Oldham County High School"),
        ("M.Sc. Statistics, Technical University of Munich, 2017", "Technical University of Munich"),
        ("Graduated as M.Sc. Digital Media University of Bremen", "University of Bremen"),
        # two names of one degree: the one a field follows is read, and the field is no school
        (
            "M.B.A., Masters : Business Administration Adelphi University ï¼ City , State",
            "Adelphi University",
        ),
    ],
)
def test_education_reads_the_institution(text: str, institution: str) -> None:
    assert [e[2] for e in _education(text)] == [institution]


@pytest.mark.parametrize(
    "text",
    [
        "Currently enrolled MBA program, State University",
        "Currently enrolled\nMBA, State University",
        "Pursuing B.S. in Computer Science",
        "MBA Candidate, Wharton School",
        "B.S. Computer Science (expected May 2027)",
        "78 semester hours toward Bachelors degree",
        "60 credits toward a Bachelor of Science in Nursing",
        "Coursework toward B.A. in Psychology",
        "Associate of Arts  Business Administration  Coursework\nin Business, degree not completed",
        # the entry's date alone on the line above it, as livecareer prints it
        "Present\nMaster of Science  :\nCivil Engineering  New Jersey Institute of Technology",
        "current\nBachelor's Degree  :\nBusiness Administration Finance  Ashworth College",
        # a comma alone on a line is not one of the entry's lines
        "MBA  :\nHealthcare Administration\n,\nCurrent  American InterContinental University",
        # a marker further down the entry, past its school and place lines
        "Associate of Applied Science  :\nAviation Pilot Training  Southwestern Illinois College  ï¼\n"
        "City  ,\nState  ,\nUSA\nI am currently enrolled in SWIC's\nAviation Pilot Program.",
        "Associate of Arts  ,\nGeneral Education  Santa Ana College  ï¼\nCity  ,\nState\n"
        "I am currently attending",
        "Bachelor's Degree  :\nHuman Services Management  ,\n2017  University of Phoenix  ï¼\nCity  ,\n"
        "State  ,\nKing\nHuman Services Management In progress",
    ],
)
def test_a_degree_not_completed_is_in_progress(text: str) -> None:
    r = parse_resume_text(f"EDUCATION\n{text}\nSKILLS\nExcel", as_of=AS_OF)
    assert r.education and all(e.in_progress and not e.completed for e in r.education)
    assert r.highest_degree is None


@pytest.mark.parametrize(
    ("summary", "entry"),
    [
        ("I am currently pursuing Master's in Civil Engineering at Auburn University.",
         "Master of Science : Civil Engineering , 11/2019\nAuburn University - City , State"),
        ("Currently Working on MS in Instructional Design",
         "2017\nMS : Instructional Design Saint Leo University"),
        ("Nurse, presently enrolled in an MBA program at night.", "MBA : Healthcare Administration 2015"),
    ],
)  # fmt: skip
def test_a_degree_the_summary_says_is_being_pursued_is_in_progress(summary: str, entry: str) -> None:
    """The resume's own words elsewhere ("currently pursuing Master's in X") say its listed degree of
    that level (and field, when both name one) is not finished."""
    text = (
        f"Jane Doe\nSUMMARY\n{summary}\nEDUCATION\n{entry}\nBachelor of Science : Biology 2012\nSKILLS\nExcel"
    )
    r = parse_resume_text(text, as_of=AS_OF)
    assert [(e.level, e.in_progress) for e in r.education] == [("master", True), ("bachelor", False)]
    assert r.highest_degree == "bachelor"


@pytest.mark.parametrize(
    "summary",
    [
        "Currently pursuing a Master's in Data Science.",  # another field: a degree not listed
        "Currently pursuing Scrum Master certification.",  # no degree
        "Completed a Master's in Finance while working full time.",  # no pursuit
    ],
)
def test_a_pursuit_of_another_degree_leaves_the_listed_one_completed(summary: str) -> None:
    text = (
        f"Jane Doe\nSUMMARY\n{summary}\nEDUCATION\nMaster of Science : Finance , 2015\n"
        "Boston University\nSKILLS\nExcel"
    )
    r = parse_resume_text(text, as_of=AS_OF)
    assert [(e.level, e.in_progress) for e in r.education] == [("master", False)]


@pytest.mark.parametrize(
    ("text", "degrees"),
    [
        # an education section that holds a licence, its degree under the certificates after it
        ("EDUCATION\nLicense  :\nLife and Health Insurance  2001\nCertification  :\n"
         "Paralegal Studies Program  1996\nBachelor of Arts  :\nSociology, Criminal Law  ,\n"
         "1995  Fairleigh Dickinson University", [("bachelor", 1995)]),
        ("EDUCATION\nCertification  :\nStreet Survival Seminar  2009\nBachelor of Arts  :\n"
         "Criminology  University of Washington  City  ,", [("bachelor", None)]),
        # a certificate that names a degree word is none, nor is a degree without a school
        ("EDUCATION\nB.S. Nursing, Ohio State University, 2010\nCERTIFICATIONS\n"
         "Master Electrician License, Northern Technical Institute, 2015\nMaster Gardener 2012",
         [("bachelor", 2010)]),
        ("EDUCATION\nB.S. Nursing, Ohio State University, 2010\nCERTIFICATIONS\n"
         "MBA Essentials online course 2018",
         [("bachelor", 2010)]),
    ],
)  # fmt: skip
def test_a_degree_listed_under_certifications_counts(
    text: str, degrees: list[tuple[str, int | None]]
) -> None:
    r = parse_resume_text(f"Jane Doe\n{text}\nSKILLS\nExcel", as_of=AS_OF)
    assert [(e.level, e.year) for e in r.education] == degrees


@pytest.mark.parametrize(
    "text",
    [
        "Attended Shoreline CC for 2 years where I obtained my AA in\ngeneral studies, as well as courses.",
        "I received my B.S. in Biology from Ohio State University in 2009.",
        "Earned my MBA at Wharton School, 2015",
    ],
)
def test_a_degree_one_says_one_obtained_is_held(text: str) -> None:
    r = parse_resume_text(f"Jane Doe\nEDUCATION\n{text}\nSKILLS\nExcel", as_of=AS_OF)
    assert r.education and all(e.completed for e in r.education)


@pytest.mark.parametrize(
    "text",
    [
        # the words further down are no status of the degree: prose, a job's title, a certificate
        "BSBA  :\nHuman Resource Management\n2011\nCity\n,\nState\nStudy Business Management. While "
        "enrolled I maintained a 3.95 G.P.A.",
        "Master of Science  :\nAnalytics  2017  University of New Hampshire\nCity\n,\nState\n"
        "GRADUATE STUDENT IN  City , State",
        "BSc Mathematics  University of Madras\n2004\nCity\n,\nState\nPursuing AWS Solution Architect - "
        "Associate certification",
    ],
)
def test_words_further_down_that_are_no_status_leave_it_completed(text: str) -> None:
    r = parse_resume_text(f"EDUCATION\n{text}\nSKILLS\nExcel", as_of=AS_OF)
    assert r.education and all(e.completed and not e.in_progress for e in r.education)


def test_a_table_header_naming_degree_is_no_degree() -> None:
    text = (
        "Degree/Certificate Institute Year of Passing Percentage  :\n"
        "Finance  2010  International Management Institute  City  GPA:\n"
        "Bachelor of Commerce  Bangalore University"
    )
    assert _education(text) == [("bachelor", "commerce", "Bangalore University", None, False)]


def test_a_date_above_the_degree_is_its_own() -> None:
    entries = _education("May 2017\nMaster of Science  :\nAnalytics  University of New Hampshire\n"
                         "Present\nBachelor of Science  :\nBiology  University of Houston")  # fmt: skip
    assert [(e[0], e[3], e[4]) for e in entries] == [("master", 2017, False), ("bachelor", None, True)]
    entries = _education("2003\nBachelor of Science  :\nBusiness Management  University of Phoenix\n"
                         "1995\nBachelor of Science  :\nFilm Production  Columbia College")  # fmt: skip
    assert [(e[1], e[3]) for e in entries] == [("business management", 2003), ("film production", 1995)]
    entries = _education("2012\nHigh School Diploma  2010  Prospect Mountain High School")
    assert [e[3] for e in entries] == [2010]  # the entry's own year first


def test_a_degree_one_means_to_take_is_not_held() -> None:
    entries = _education(
        "Associate of Applied Science  :\nAviation Pilot Training  Southwestern Illinois College\n"
        "Aviation Pilot Program. I will be completing two years and then transferring to fulfill my"
        " bachelors in Aviation Management."
    )
    assert [e[0] for e in entries] == ["associate"]


def test_the_same_degree_named_twice_is_one_entry() -> None:
    entries = _education(
        "Master Studies Digital Media University of Bremen, 2012 - 2015\n"
        "Graduated as M.Sc. Digital Media University of Bremen, 2015"
    )
    assert [(e[0], e[1]) for e in entries] == [("master", "digital media")]


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("Digital Media University of Bremen", "digital media"),
        (": Human Resources Mgt  05/2016", "human resources management"),
        ("Child, Adolescent, and Family Studies", "child, adolescent, and family studies"),
        # an adjective of a field ("educational", "metallurgical") is a word of the field
        ("Educational Leadership  May 2015  Concordia University", "educational leadership"),
        ("Metallurgical Engineering  6 1992  IIT Bombay", "metallurgical engineering"),
        ("Organizational Psychology", "organizational psychology"),
        # short forms of field words
        ("Math", "mathematics"),
        ("Mech. Eng. & Applied Mechanics Jun", "mechanical engineering and applied mechanics"),
        ("Econ", "economics"),
        # an adjective of a word that is no field is none
        ("Original Research", None),
        ("Texas", None),
        ("City, State", None),
        ("a netless neural network", None),
        ("hyperv", None),
    ],
)
def test_field_of_study_keeps_the_words_of_a_field(text: str, field: str | None) -> None:
    assert field_of_study(text) == field


def test_field_words_come_from_isced_f_and_majors() -> None:
    assert all(is_field_word(w) for w in ("midwifery", "entomology", "aeronautics", "accounting"))
    assert not any(is_field_word(w) for w in ("university", "bremen", "texas", "gpa"))


def _build_script() -> Any:
    spec = importlib.util.spec_from_file_location("build_fields", ROOT / "scripts" / "build_fields.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_fields"] = module
    spec.loader.exec_module(module)
    return module


def test_committed_fields_model_is_current() -> None:
    rebuilt = _build_script().build()
    committed = (ROOT / "models" / "fields.json").read_text(encoding="utf-8")
    assert rebuilt == committed, "models/fields.json is stale: run python scripts/build_fields.py"


@pytest.mark.parametrize(
    ("text", "field"),
    [
        # the degree's line names the school only: the field is a line of its own further down
        ("Bachelor of Science  Lewis University\nAirframe & Powerplant License\n"
         "Aviation Maintenance and Management", "aviation maintenance and management"),
        ("Master of Science  University of Houston\nMechanical Engineering", "mechanical engineering"),
        ("Bachelor of Arts  Bennett College  - City  ,\nState  Psychology", "psychology"),
        # a line of prose further down is no field
        ("Bachelor of Science  Lewis University\nGraduated with honors while working full time", None),
    ],
)  # fmt: skip
def test_a_field_on_a_line_of_its_own_below_the_school(text: str, field: str | None) -> None:
    assert [e[1] for e in _education(text)] == [field]


@pytest.mark.parametrize(
    ("text", "field"),
    [
        # a field in the field's place (after "Degree :") read whole, though the list knows only
        # its first words
        ("Associate of Science\n:\nMedical Billing and Coding\n2012", "medical billing and coding"),
        ("Associate of Applied Science\n:\nComputer Aided Drafting", "computer aided drafting"),
        ("Associate of Science  :  Medical Billing and Coding  2012", "medical billing and coding"),
        # honours, a minor or a school after the field are not part of it
        ("Bachelor of Science\n:\nBusiness Administration Magna Cum Laude", "business administration"),
        ("Bachelor of Arts  :  Psychology Minor", "psychology"),
    ],
)
def test_a_field_in_the_fields_place_is_read_whole(text: str, field: str) -> None:
    assert [e[1] for e in _education(text)] == [field]


@pytest.mark.parametrize(
    ("text", "field"),
    [
        # "Bachelor of Science and Psychology": the field joined to the degree's name by "and"
        ("Bachelors of Science and Psychology degree  :  2010", "psychology"),
        ("University of Mount Olive  2014  Bachelors of Science and Business", "business"),
        # "Arts and Sciences" stays the degree's name
        ("Bachelor of Arts and Sciences  Ohio University", None),
    ],
)
def test_a_field_joined_to_the_degree_name_by_and(text: str, field: str | None) -> None:
    assert [e[1] for e in _education(text)] == [field]
