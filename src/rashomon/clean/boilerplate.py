"""Line-by-line removal of page chrome left in scraped text, each with its reason.

Rules are deliberately narrow: a line is removed only when its whole shape says
chrome (a comment heading, a "Read more:" link, a share prompt, a reading-time
badge...). Body sentences never match them; what is uncertain stays. The rules
read the line's words, not any site's name, so they carry over to other sites.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "})

COMMENT_HEADING = re.compile(
    r"^(comments?|\d+\s+comments?|leave a (comment|reply)|post a comment|join the (discussion|conversation)|"
    r"(discussion|comment|commenting|community) (policy|guidelines|rules)|add (a|your) comment|"
    r"show comments|view comments|reader comments)$", re.I)
POLICY_WORDS = re.compile(
    r"\b(comments?|post(ing)?|policy|policies|profanity|moderat\w*|users?|inappropriate|"
    r"personal attacks|reserves the right|guidelines|offensive)\b", re.I)
READ_MORE = re.compile(
    r"^(read more|read also|also read|see also|related( articles?| stories| news)?|recommended|"
    r"more on this( story)?|you (may|might) also like|suggested reading|watch|listen)\s*[:|\-–—»>]", re.I)
SHARE = re.compile(
    r"^(follow|like|share|subscribe|join|find|connect with)( us| this( article| story)?| on| to)?\b.{0,80}"
    r"(facebook|twitter|instagram|telegram|youtube|linkedin|whatsapp|tiktok|newsletter|email|social media)",
    re.I)
SOCIAL = re.compile(r"facebook|twitter|instagram|telegram|youtube|linkedin|whatsapp|tiktok|pinterest|reddit", re.I)
NAVIGATION = re.compile(
    r"^(back to top( button)?|skip to (main )?content|go to top|scroll to top|menu|search|home|print|"
    r"print this (page|article)|email this( article)?|share( this)?( article)?|next article|previous article|"
    r"click here to (subscribe|share)|advertisement|sponsored( content)?|loading\.*)$", re.I)
BANNER = re.compile(r"^\s*\|.*|.*\|\s*$|^welcome to\b.{0,60}$", re.I)
BYLINE = re.compile(
    r"^(by\s+)?([A-Z][\w.'-]*\s+){0,3}(?i:(news\s+desk|desk|staff( writer| reporter)?|agencies|"
    r"correspondent|bureau))$|^(?i:by)\s+[A-Z][\w.'-]*(\s+[A-Z][\w.'-]*){0,3}(\s*(,|and|&)\s*[A-Z][\w.'-]*(\s+[A-Z][\w.'-]*){0,3})*$")
# "5 min read", "5-10 minutes": the second number only after a dash or "to", so a long
# run of digits is not split every possible way (that was quadratic: 4 s for 5,000 digits)
READING_TIME = re.compile(
    r"^(\d+\s*(?:(?:-|to)\s*\d+\s*)?(min|mins|minute|minutes)(\s+read(ing)?)?( time)?|reading time:?.*)$", re.I)
IMAGE_PROMPT = re.compile(
    r"^\[?\s*(click|tap) (to|here to) (enlarge|expand|zoom|view( larger)?)\s*\]?$|"
    r"^(photo|image|picture|file photo|photograph)( credit)?\s*:|"
    r"^\[?(image|photo) (source|credit)\b", re.I)
CREDIT_TAIL = re.compile(
    r"[\[(]\s*(getty( images)?|afp|reuters|ap|anadolu( agency)?|epa|shutterstock|file|photo[^\])]{0,40}|"
    r"[\w .-]{0,30}(photo|images?|via [\w .-]+))\s*[\])]\s*$", re.I)
CAPTION_MARK = re.compile(r"\((left|right|centre|center|l|r|c|pictured|file)\)", re.I)
COPYRIGHT = re.compile(r"^(©|\(c\)|copyright\b|all rights reserved)", re.I)
SENTENCE_END = re.compile(r"[.!?\"'\u201d\u2019:)]$")


@dataclass(frozen=True)
class LineVerdict:
    keep: bool
    reason: str = ""


def normalize(line: str) -> str:
    """A comparison key: quotes and spaces unified, case folded."""
    s = unicodedata.normalize("NFKC", line).translate(_QUOTES)
    return re.sub(r"\s+", " ", s).strip().casefold()


def judge_line(line: str) -> LineVerdict:
    """Whether one stripped, non-empty line is chrome, looking at the line alone."""
    s = line.translate(_QUOTES).strip()
    words = s.split()
    if COMMENT_HEADING.match(s):
        return LineVerdict(False, "comment section")
    if READ_MORE.match(s):
        return LineVerdict(False, "read-more link")
    if len(words) <= 25 and (SHARE.match(s) or (len(SOCIAL.findall(s)) >= 2 and not SENTENCE_END.search(s))):
        return LineVerdict(False, "share/follow prompt")
    if NAVIGATION.match(s):
        return LineVerdict(False, "navigation")
    if len(words) <= 12 and BANNER.match(s):
        return LineVerdict(False, "site banner")
    if len(words) <= 8 and BYLINE.match(s):
        return LineVerdict(False, "byline")
    if READING_TIME.match(s):
        return LineVerdict(False, "reading time")
    if IMAGE_PROMPT.match(s):
        return LineVerdict(False, "image prompt")
    if len(words) <= 40 and CREDIT_TAIL.search(s):
        return LineVerdict(False, "image caption")
    if len(words) <= 12 and COPYRIGHT.match(s):
        return LineVerdict(False, "copyright")
    return LineVerdict(True)


def is_policy_paragraph(line: str) -> bool:
    """A comment-policy paragraph: several words of moderation vocabulary."""
    return len({m.group(0).lower() for m in POLICY_WORDS.finditer(line)}) >= 3


def is_caption_like(line: str) -> bool:
    """A photo caption: positional markers such as "(left)" and no sentence ending."""
    return bool(CAPTION_MARK.search(line)) and not line.rstrip().endswith(".")
