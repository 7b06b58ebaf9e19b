"""The text of an HTML page read flat, with no tree: for markup too deep for lxml.

lxml (under trafilatura) stops building the tree a few hundred levels down, so text
in deeply nested markup is lost to it. These regular expressions keep no tree and
read any depth; each is linear in the page (every unclosed construct runs to the
next ``<`` or to the end), so a hostile page costs one pass.
"""

from __future__ import annotations

import html as htmllib
import re

_HIDDEN = r"script|style|noscript|template|svg|math|iframe|object|head|title"
_HIDDEN_ELEMENT = re.compile(rf"<({_HIDDEN})\b[^<>]*>.*?(?:</\1\s*>|\Z)", re.DOTALL | re.IGNORECASE)
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)|<!\[CDATA\[.*?(?:\]\]>|\Z)", re.DOTALL)
_BLOCK_TAG = re.compile(
    r"</?(?:p|div|br|li|tr|h[1-6]|article|section|blockquote|pre|table|ul|ol|dd|dt|header|footer|main|"
    r"aside|hr)\b[^<>]*>", re.IGNORECASE)
_TAG = re.compile(r"<[!/?]?[a-zA-Z][^<>]*>")
_SPACE = re.compile(r"[ \t\r\f\v\u00a0]+")


def flat_text(html: str) -> str:
    """The visible text: one paragraph per block, scripts, styles and comments left out."""
    s = _COMMENT.sub(" ", html)
    s = _HIDDEN_ELEMENT.sub(" ", s)
    s = _BLOCK_TAG.sub("\n", s)
    s = htmllib.unescape(_TAG.sub("", s))
    lines = (_SPACE.sub(" ", line).strip() for line in s.split("\n"))
    return "\n\n".join(line for line in lines if line)


def tree_text(html: str) -> str | None:
    """The visible text as lxml's tree holds it (what trafilatura could have seen); None
    when lxml cannot parse the page at all."""
    import lxml.etree
    import lxml.html

    # bytes, not str: lxml refuses a str that starts with an XML encoding declaration (XHTML)
    parser = lxml.html.HTMLParser(encoding="utf-8")
    try:
        root = lxml.html.fromstring(html.encode("utf-8", "replace"), parser=parser)
    except (lxml.etree.ParserError, ValueError):
        return None
    lxml.etree.strip_elements(root, *_HIDDEN.split("|"), lxml.etree.Comment, with_tail=False)
    return str(root.text_content())
