"""HTML pages and Markdown files read as articles, on pages the tests write."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.core import ArticleError, Role, load_article
from tui.core.formats import NoArticleText, parse_html, parse_markdown
from tui.core.inbox import list_articles

BODY_ONE = (
    "The city council voted on Tuesday to fund the new bridge across the river, ending a"
    " year of debate over its cost."
)
BODY_TWO = (
    "Opponents said the money should go to schools instead, and promised to raise the issue"
    " again next year."
)
QUOTE = "We have waited long enough for this bridge and the people of the east side deserve it."


def page(article: str, *, title: str = "Council backs the bridge plan | Daily Bugle") -> str:
    """A news page around ``article``: navigation, cookie banner, share bar, related links."""
    return f"""<!doctype html>
<html><head><title>{title}</title>
<meta property="og:title" content="Council backs the bridge plan"></head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
<div class="cookie-banner" id="cookie-consent">We use cookies to improve your experience.
 <button>Accept all cookies</button></div>
<article>
<h1>Council backs the bridge plan</h1>
<div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
{article}
</article>
<aside class="related"><h3>Related stories</h3><ul>
<li><a href="/a">Mayor wins a second term in a close race</a></li>
<li><a href="/b">River floods the east side again this spring</a></li></ul></aside>
<footer>Copyright 2026 Daily Bugle</footer>
</body></html>"""


def roles_and_texts(article) -> list[tuple[Role, str]]:  # type: ignore[no-untyped-def]
    return [(p.role, p.text) for p in article.paragraphs]


def test_a_page_keeps_its_block_quote_with_the_attribution_line_and_drops_the_furniture() -> None:
    html = page(
        f"<p>{BODY_ONE}</p>\n"
        f"<blockquote><p>{QUOTE}</p><footer>— Jane Doe, mayor of Springfield</footer>"
        "</blockquote>\n"
        f"<p>{BODY_TWO}</p>"
    )
    article = parse_html(html, "bridge.html")
    assert article.title == "Council backs the bridge plan"
    assert roles_and_texts(article) == [
        (Role.TITLE, "Council backs the bridge plan"),
        (Role.BODY, BODY_ONE),
        (Role.BLOCK_QUOTE, QUOTE),
        (Role.ATTRIBUTION, "— Jane Doe, mayor of Springfield"),
        (Role.BODY, BODY_TWO),
    ]


def test_a_quote_in_a_figure_keeps_its_caption_as_the_attribution() -> None:
    html = page(
        f"<p>{BODY_ONE}</p>\n"
        f"<figure><blockquote><p>{QUOTE}</p></blockquote>"
        "<figcaption>— Jane Doe, mayor of Springfield</figcaption></figure>\n"
        f"<p>{BODY_TWO}</p>"
    )
    texts = roles_and_texts(parse_html(html, "figure.html"))
    assert (Role.BLOCK_QUOTE, QUOTE) in texts
    assert (Role.ATTRIBUTION, "— Jane Doe, mayor of Springfield") in texts


def test_nested_markup_and_entities_become_plain_words() -> None:
    html = page(
        f"<p>{BODY_ONE}</p>\n"
        "<p>The vote was <b>7 to <i>2</i></b>, with <a href='/m'>two members</a> &amp; their"
        " aides opposed; work starts in &ldquo;early spring&rdquo; at &pound;4&nbsp;million.</p>\n"
        f"<p>{BODY_TWO}</p>"
    )
    texts = [text for _, text in roles_and_texts(parse_html(html, "entities.html"))]
    assert texts[2] == (
        "The vote was 7 to 2, with two members & their aides opposed; work starts in"
        " “early spring” at £4 million."
    )


def test_a_page_with_no_article_says_so() -> None:
    html = (
        "<html><head><title>Sign in</title></head><body><div id='app'></div>"
        "<form>Please log in to continue reading.</form><script>start()</script></body></html>"
    )
    with pytest.raises(NoArticleText) as caught:
        parse_html(html, "wall.html")
    assert caught.value.reason.startswith("has almost no article text")


def test_an_empty_page_says_so() -> None:
    with pytest.raises(NoArticleText):
        parse_html("", "empty.html")


def test_a_truncated_page_gives_what_it_has() -> None:
    html = page(f"<p>{BODY_ONE}</p>\n<p>{BODY_TWO}</p>")
    cut = html[: html.index(BODY_TWO) + 40]  # stops mid-paragraph, no closing tags
    article = parse_html(cut, "cut.html")
    texts = [text for _, text in roles_and_texts(article)]
    assert texts[:2] == ["Council backs the bridge plan", BODY_ONE]
    assert texts[2] == BODY_TWO[:40]


def test_markdown_marks_are_dropped_and_block_quotes_kept() -> None:
    text = (
        "# Council backs the *bridge* plan\n\n"
        "The city council voted on [Tuesday](https://example.com/t) to fund the **new**"
        " bridge,\nending a year of `debate` over its cost.\n\n"
        f"> {QUOTE}\n>\n> — Jane Doe, mayor of Springfield\n\n"
        "## What happens next\n\n"
        "- Work starts in the spring\n"
        "- The river path closes for a year\n\n"
        f"{BODY_TWO}\n"
    )
    article = parse_markdown(text, "bridge.md")
    assert article.title == "Council backs the bridge plan"
    assert roles_and_texts(article) == [
        (Role.TITLE, "Council backs the bridge plan"),
        (Role.BODY, "The city council voted on Tuesday to fund the new bridge, ending a year"
         " of debate over its cost."),
        (Role.BLOCK_QUOTE, QUOTE),
        (Role.ATTRIBUTION, "— Jane Doe, mayor of Springfield"),
        (Role.BODY, "What happens next"),
        (Role.BODY, "• Work starts in the spring"),
        (Role.BODY, "• The river path closes for a year"),
        (Role.BODY, BODY_TWO),
    ]  # fmt: skip


def test_markdown_without_a_heading_has_no_title() -> None:
    article = parse_markdown(f"{BODY_ONE}\n\n{BODY_TWO}\n", "plain.md")
    assert article.title is None
    assert [p.text for p in article.paragraphs] == [BODY_ONE, BODY_TWO]


def test_html_and_markdown_files_are_listed_and_read_by_their_ending(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(page(f"<p>{BODY_ONE}</p><p>{BODY_TWO}</p>"))
    (tmp_path / "b.htm").write_text(page(f"<p>{BODY_ONE}</p><p>{BODY_TWO}</p>"))
    (tmp_path / "c.md").write_text(f"# Title here\n\n> {QUOTE}\n")
    (tmp_path / "d.css").write_text("body {}")
    names = sorted(f.path.name for f in list_articles(tmp_path))
    assert names == ["a.html", "b.htm", "c.md"]
    assert load_article(tmp_path / "a.html").title == "Council backs the bridge plan"
    md = load_article(tmp_path / "c.md")
    assert [(p.role, p.text) for p in md.paragraphs] == [
        (Role.TITLE, "Title here"),
        (Role.BLOCK_QUOTE, QUOTE),
    ]


def test_a_login_wall_file_is_an_article_error(tmp_path: Path) -> None:
    path = tmp_path / "wall.html"
    path.write_text("<html><body><p>Subscribe to read.</p></body></html>")
    with pytest.raises(ArticleError):
        load_article(path)
