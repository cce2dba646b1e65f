"""Reading HTML pages and Markdown files as articles: their blocks become paragraphs with roles.

An HTML page's main text is extracted with trafilatura (imported only when a page is read, so
start-up never pays for it); a Markdown file is parsed with markdown-it-py. Both give a list of
`Passage` values, turned into the same `Article` a plain text gives, with block quotes and
their attribution lines marked from the markup rather than guessed from the lines' shape.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from .model import Article, Paragraph, Role
from .roles import classify_roles, is_attribution_line
from .text import ArticleError, clean

HTML_SUFFIXES = frozenset({".html", ".htm"})
"""File endings read as HTML pages."""

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
"""File endings read as Markdown."""

MIN_ARTICLE_WORDS = 20
"""An extraction with fewer words than this (besides its title) is not an article: a login
wall, a cookie notice, a page built by scripts."""

_WHITESPACE = re.compile(r"\s+")


class NoArticleText(ArticleError):
    """An HTML page whose extraction found (almost) no article text."""


class PassageKind(StrEnum):
    """What a block of marked-up text was in its markup."""

    HEADING = "heading"
    BODY = "body"
    QUOTE = "quote"
    ITEM = "item"


@dataclass(frozen=True, slots=True)
class Passage:
    """One block of a page or Markdown file: its text on one line and what it was."""

    text: str
    """The words, whitespace collapsed, markup dropped."""
    kind: PassageKind
    """Heading, body paragraph, block-quote paragraph or list item."""
    group: int = 0
    """Which block quote a QUOTE passage belongs to (consecutive quotes may be separate)."""


def _one_line(text: str) -> str:
    return _WHITESPACE.sub(" ", clean(text)).strip()


def article_from_passages(
    passages: list[Passage], name: str, title: str | None, encoding: str = "utf-8"
) -> Article:
    """Return the Article made of ``passages`` under ``title``: roles from the markup for
    block quotes and their attribution lines, from the lines' shape for page furniture."""
    kept = [p for p in passages if p.text]
    if title and kept and kept[0].kind is PassageKind.HEADING and kept[0].text == title:
        kept = kept[1:]  # the page's own headline, already the title
    pieces = ([title] if title else []) + [p.text for p in kept]
    roles = classify_roles(pieces, has_title=bool(title))
    offset = 1 if title else 0
    for k, passage in enumerate(kept):
        index = k + offset
        if passage.kind is PassageKind.HEADING:
            # A subheading is a plain paragraph, unless it is furniture ("Related stories").
            alone = classify_roles([passage.text])[0]
            roles[index] = Role.BOILERPLATE if alone is Role.BOILERPLATE else Role.BODY
        elif passage.kind is PassageKind.ITEM:
            # A list item is read as body text, unless it is furniture or follows furniture
            # (the links under "Related stories").
            alone = classify_roles([passage.text])[0]
            furniture = alone is Role.BOILERPLATE or roles[index - 1] is Role.BOILERPLATE
            roles[index] = Role.BOILERPLATE if index and furniture else Role.BODY
        elif passage.kind is PassageKind.QUOTE:
            roles[index] = Role.BLOCK_QUOTE
            follows = k > 0 and kept[k - 1].kind is PassageKind.QUOTE
            last = k + 1 == len(kept) or kept[k + 1].group != passage.group
            same = follows and kept[k - 1].group == passage.group
            if same and last and is_attribution_line(passage.text, after_speech=True):
                roles[index] = Role.ATTRIBUTION  # the quote's own footer or signature line
        elif (
            k > 0
            and kept[k - 1].kind is PassageKind.QUOTE
            and roles[index - 1] is Role.BLOCK_QUOTE
            and is_attribution_line(passage.text, after_speech=True)
        ):
            roles[index] = Role.ATTRIBUTION  # the line under the quote names its speaker
    paragraphs = []
    pos = 0
    for index, (piece, role) in enumerate(zip(pieces, roles, strict=True)):
        paragraphs.append(Paragraph(index, pos, pos + len(piece), piece, role))
        pos += len(piece) + 2
    return Article(name, "\n\n".join(pieces), tuple(paragraphs), title or None, encoding)


# -- HTML -------------------------------------------------------------------------------------


def _prepare_html(html: str) -> Any:
    """Parse the page, keeping a block quote's footer, cite and caption as its last lines
    (the extractor drops them otherwise, and with them who said the quote)."""
    import lxml.html

    tree = lxml.html.fromstring(html)
    for quote in tree.iter("blockquote"):
        for element in quote.iter("footer", "cite", "figcaption"):
            element.tag = "p"
    for figure in list(tree.iter("figure")):
        quotes = list(figure.iter("blockquote"))
        if quotes:
            # A quote in a figure: its caption names the speaker. The extractor reads a figure
            # as one block, so the figure gives way to the quote, the caption moved inside.
            for caption in figure.findall("figcaption"):
                caption.tag = "p"
                quotes[-1].append(caption)
            figure.drop_tag()
    return tree


def html_passages(html: str) -> tuple[str | None, list[Passage]]:
    """Return a page's title (from its metadata) and the passages of its main text."""
    if not html.strip():
        return None, []
    # Precision first: on a broken page the default falls back to the whole body as one
    # paragraph, share bar and all. A page too short for that gets the default's recall.
    title, passages = _extract(html, precise=True)
    if sum(len(p.text.split()) for p in passages) < MIN_ARTICLE_WORDS:
        title, passages = _extract(html, precise=False)
    return title, passages


def _extract(html: str, *, precise: bool) -> tuple[str | None, list[Passage]]:
    import trafilatura  # slow to import: only when a page is read

    try:
        source: Any = _prepare_html(html)
    except Exception:  # lxml refuses some broken pages; the extractor may still cope
        source = html
    xml = trafilatura.extract(
        source,
        output_format="xml",
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        favor_precision=precise,
    )
    if not xml:
        return _metadata_title(html), []
    root = ElementTree.fromstring(xml)
    title = _one_line(root.get("title") or "") or None
    main = root.find("main")
    passages: list[Passage] = []
    if main is not None:
        _walk_xml(main, passages, quote=None)
    return title, passages


def _metadata_title(html: str) -> str | None:
    import trafilatura

    try:
        metadata = trafilatura.extract_metadata(html)
    except Exception:
        return None
    return _one_line(metadata.title) if metadata is not None and metadata.title else None


def _walk_xml(element: ElementTree.Element, out: list[Passage], quote: int | None) -> None:
    """Append the passages under ``element``; ``quote`` is the block quote they are in."""
    for child in element:
        tag = child.tag
        if tag == "quote":
            group = len(out) + 1
            if list(child):
                _walk_xml(child, out, quote=group)
            else:
                out.append(Passage(_one_line(child.text or ""), PassageKind.QUOTE, group))
        elif tag in ("list", "div"):
            _walk_xml(child, out, quote)
        elif tag == "item":
            text = _one_line("".join(child.itertext()))
            kind = PassageKind.QUOTE if quote else PassageKind.ITEM
            out.append(Passage(text if quote else f"• {text}", kind, quote or 0))
        elif tag in ("p", "head", "code", "lb", "hi", "ref"):
            text = _one_line("".join(child.itertext()))
            if quote is not None:
                out.append(Passage(text, PassageKind.QUOTE, quote))
            elif tag == "head":
                out.append(Passage(text, PassageKind.HEADING))
            else:
                out.append(Passage(text, PassageKind.BODY))


def parse_html(raw: str, name: str = "<page>", encoding: str = "utf-8") -> Article:
    """Return the Article in an HTML page; raise NoArticleText when it has almost none."""
    title, passages = html_passages(raw)
    words = sum(len(p.text.split()) for p in passages if p.text != title)
    if words < MIN_ARTICLE_WORDS:
        raise NoArticleText(
            name,
            "has almost no article text (a login wall, a cookie notice or a page built by"
            " scripts?)",
        )
    if title is None and passages and passages[0].kind is PassageKind.HEADING:
        title = passages[0].text  # no metadata (a cut page): the first heading is the title
    return article_from_passages(passages, name, title, encoding)


# -- Markdown ---------------------------------------------------------------------------------


def _inline_text(token: Any) -> str:
    """The words of an inline token: emphasis, link and code marks dropped, images' alt."""
    parts = []
    for child in token.children or ():
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            parts.append(child.content)
    return _one_line("".join(parts))


def markdown_passages(raw: str) -> list[Passage]:
    """Return a Markdown text's passages: headings, paragraphs, quotes and list items."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").parse(raw)
    passages: list[Passage] = []
    quote_depth = list_depth = 0
    group = 0
    heading = False
    for token in tokens:
        kind = token.type
        if kind == "blockquote_open":
            quote_depth += 1
            if quote_depth == 1:
                group += 1
        elif kind == "blockquote_close":
            quote_depth -= 1
        elif kind in ("bullet_list_open", "ordered_list_open"):
            list_depth += 1
        elif kind in ("bullet_list_close", "ordered_list_close"):
            list_depth -= 1
        elif kind == "heading_open":
            heading = True
        elif kind == "heading_close":
            heading = False
        elif kind == "inline":
            text = _inline_text(token)
            if quote_depth:
                passages.append(Passage(text, PassageKind.QUOTE, group))
            elif heading:
                passages.append(Passage(text, PassageKind.HEADING))
            elif list_depth:
                passages.append(Passage(f"• {text}", PassageKind.ITEM))
            else:
                passages.append(Passage(text, PassageKind.BODY))
        elif kind in ("fence", "code_block"):
            passages.append(Passage(_one_line(token.content), PassageKind.BODY))
    return passages


def parse_markdown(raw: str, name: str = "<markdown>", encoding: str = "utf-8") -> Article:
    """Return the Article in a Markdown text: a leading heading is its title."""
    passages = markdown_passages(raw)
    title = None
    if passages and passages[0].kind is PassageKind.HEADING and len(passages) > 1:
        title = passages[0].text
    return article_from_passages(passages, name, title, encoding)


__all__ = [
    "HTML_SUFFIXES",
    "MARKDOWN_SUFFIXES",
    "NoArticleText",
    "Passage",
    "PassageKind",
    "article_from_passages",
    "html_passages",
    "markdown_passages",
    "parse_html",
    "parse_markdown",
]
