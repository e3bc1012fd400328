"""Cleaning text before analysis: mojibake, glued words and sentences, bullets, run-in headings.

Real postings arrive with their bullets and line breaks lost: "...IT related discipline, MS or
PhD preferred 8+ years of C++ OR ScriptingPreferred Qualifications: ..." or
"SQL Azure / NOSQL / MySQLMicrosoft Azure / AWSREST / JSONPREFERRED". These are split back
apart, but never inside a known name ("JavaScript", "PowerShell", "ASP.NET").
"""

from __future__ import annotations

import re
from functools import lru_cache

from matcher.text._tokens import token_key
from matcher.text._wordlists import wordlist

__all__ = ["fix_mojibake", "prepare_text", "split_glued"]


def fix_mojibake(text: str) -> str:
    """Repair mis-decoded text ("â€“" for "–") with ftfy; plain ASCII text is returned as is.

    Examples
    --------
    >>> fix_mojibake("2015 â€“ Present")
    '2015 – Present'
    """
    if text.isascii():
        return text
    import ftfy  # imported on first use: it is not needed for ASCII text

    # ftfy.fix_text's own loop (line by line, at most max_decode_length a segment, HTML entities
    # left alone from the first segment with a "<" on), with the lines no fixer changes passed
    # over: printable ASCII without "&", tabs and newlines (no mojibake, entity, line break to
    # normalise, control or escape character). tests/test_fast_paths.py holds it to fix_text.
    config = ftfy.TextFixerConfig(explain=False)
    out = []
    pos = 0
    while pos < len(text):
        cut = text.find("\n", pos) + 1
        if cut == 0:
            cut = len(text)
        if cut - pos > config.max_decode_length:
            cut = pos + config.max_decode_length
        segment = text[pos:cut]
        if config.unescape_html == "auto" and "<" in segment:
            config = config._replace(unescape_html=False)
        if segment.isascii() and _PLAIN_LINE.fullmatch(segment):
            out.append(segment)
        else:
            out.append(ftfy.fix_and_explain(segment, config).text)
        pos = cut
    return "".join(out)


_PLAIN_LINE = re.compile(r"[\t\n\x20-\x25\x27-\x7e]*+")


# Every pattern here runs in linear time on any text: quantifiers that could share characters with
# the next one are possessive (``*+``), runs are scanned from their first character only (a
# lookbehind for the character before), and words are bounded, so no run of capitals, spaces or
# dots makes the engine backtrack (issue 17: "Data Engineer. " + "A" * 300 hung for good).
_INLINE = re.compile(
    r"(?<=[a-z0-9.!?)\]:])\s*+(?=(?:(?:Basic|Minimum|Required|Preferred|Desired|Additional|Key) )?"
    r"(?:Qualifica\w*+|Requirements|Responsibilities)"
    r"\b(?!\s+(?:of|for|to|and|that|in|are|is|include)\b))"
    r"|(?<=[a-z.!?)])"
    r"(?=[A-Z][\w&.]{0,30}+(?: [A-Z][\w&.]{0,30}+){0,3} (?:is|are) an? (?:proud )?(?:equal|EEO)\b)"
    r"|(?<=[^A-Z\s,/&])\s*+(?=\b(?:[A-Z]{2,}+[ /&,]{0,2}+){1,5}:)"  # "...seamlessly.REQUIREMENTS:Analyze"
    r"|(?<=[a-z]:)(?=[A-Z])"  # "Let us know if you have experience with:API design"
)
_BULLET = re.compile(
    r"(?:(?<!\s)\s++)?[\u2022\u25aa\u25cf\u2023\u25e6\u00b7\u27a2\u2794\u261e\u2b9a\u2972]\s*"
)
_MAX_WORD = 80  # no two words glued together are longer; a longer run is left as it is
_CANDIDATE = re.compile(
    rf"(?<![\w@/.])[A-Za-z][\w+#.]{{0,{_MAX_WORD}}}[A-Za-z+#](?![\w@]|/[/\w.-]{{0,200}}\.)"
)
_GLUED_SENTENCE = re.compile(r"(?<=[a-z]{2}[!?])(?=[A-Z0-9][a-z ])")


@lru_cache(maxsize=1)
def _brand_tails() -> frozenset[str]:
    """Right parts that never split a glued word alone: data/wordlists/text_cleaning.txt."""
    return frozenset(wordlist("text_cleaning", "brand_tails"))


def split_glued(word: str, known: frozenset[str]) -> str:
    r"""Split a word that is really two glued together; return it unchanged otherwise.

    Examples
    --------
    >>> known = frozenset({"mysql", "aws", "rest", "json", "opengl", "javascript", "asp.net"})
    >>> [split_glued(w, known) for w in ["MySQLMicrosoft", "AWSREST", "OpenGLWriting", "JavaScript"]]
    ['MySQL\nMicrosoft', 'AWS\nREST', 'OpenGL\nWriting', 'JavaScript']
    >>> [split_glued(w, known) for w in ["networksKnowledge", "scale.BS", "ASP.NET", "PowerShell"]]
    ['networks\nKnowledge', 'scale.\nBS', 'ASP.NET', 'PowerShell']
    """
    if len(word) < 5 or len(word) > _MAX_WORD or word.lower() in known:
        return word
    if "." in word:
        head, _, tail = word.partition(".")
        if len(head) >= 2 and tail[:1].isupper() and f"{head}.{tail.split('.')[0]}".lower() not in known:
            return f"{split_glued(head, known)}.\n{split_glued(tail, known)}"
        return word
    capitals = word.isupper()
    for i in range(len(word) - 2, 1, -1):  # longest known left part first
        if not word[i].isupper():
            continue
        left, right = word[:i], word[i:]
        if left.lower() in known and (
            right.lower() in known
            or re.fullmatch(r"[A-Z][a-z]{2,}\w*", right)
            or (right.isupper() and (len(right) >= 4 or not left.isupper()))
        ):
            if capitals and not (_known_word(right, known) or split_glued(right, known) != right):
                continue  # in capitals both parts are known words ("AWSREST", "JSONPREFERRED")
            if capitals and _whole_word(word):
                return word  # "MESSAGING" is a word, not "MES" (a skill) glued to "SAGING"
            return f"{left}\n{split_glued(right, known)}"
        if (
            re.fullmatch(r"[A-Za-z]*[a-z]{3}", left)
            and re.fullmatch(r"[A-Z][a-z]{2,}[A-Za-z]*", right)
            and right.lower() not in _brand_tails()
        ):
            return f"{left}\n{split_glued(right, known)}"
    return word


def _whole_word(word: str) -> bool:
    """True when a word (in capitals) is an English word, its plural or a past form as it stands."""
    from matcher.text._unglue import english_words

    lower = word.lower()
    return lower in english_words() or token_key(lower) in english_words()


def _known_word(word: str, known: frozenset[str]) -> bool:
    """True when a word is a known skill name or an English word."""
    return word.lower() in known or _whole_word(word)


_TRAILING_SPACE = re.compile(r"(?<![ \t])[ \t]++\n")  # from a run's first character only: linear


def prepare_text(text: str, known: frozenset[str] = frozenset()) -> str:
    r"""Repair mojibake, split glued words and sentences, and put every bullet and run-in heading
    on a line of its own. ``known`` holds lower-cased skill names that must never be split.

    Examples
    --------
    >>> prepare_text("Great team!Requirements: Python\u2022 SQL")
    'Great team!\nRequirements: Python\n• SQL'
    """
    text = fix_mojibake(text).replace("\r\n", "\n").replace("\r", "\n").replace("\xa0", " ")
    text = _CANDIDATE.sub(lambda m: split_glued(m.group(0), known), text)
    text = _GLUED_SENTENCE.sub(" ", text)
    text = _BULLET.sub("\n\u2022 ", text)
    text = _INLINE.sub("\n", text)
    text = _TRAILING_SPACE.sub("\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()
