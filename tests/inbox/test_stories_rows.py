"""The inbox's story model: the version before each version, and the rows a story shows."""

from __future__ import annotations

from pathlib import Path

from tui.core import ArticleFile
from tui.core.stories import Story
from tui.inbox import Inbox
from tui.inbox.rows import FileRow, shown_rows

A, B, C, D = (Path(f"/inbox/{name}.txt") for name in "abcd")


def test_each_version_is_compared_with_the_one_before_it_the_oldest_with_the_next() -> None:
    inbox = Inbox([ArticleFile(p, t, 10) for p, t in ((A, 1.0), (B, 2.0), (C, 3.0), (D, 4.0))])
    inbox.set_stories([Story((A, B, D), "D's title"), Story((C,), "C's title")])
    assert [inbox.version_before(p) for p in (A, B, C, D)] == [B, A, None, B]


def test_a_story_shows_one_row_at_its_newest_version_and_opens_in_time_order() -> None:
    rows = [
        FileRow(D, 4.0, read=True),
        FileRow(C, 3.0),
        FileRow(B, 2.0, read=False),
        FileRow(A, 1.0),
    ]
    versions = dict.fromkeys((A, B, D), (A, B, D))
    shown = shown_rows(rows, versions, set())
    assert [(r.path, r.is_story, r.read) for r in shown] == [(D, True, False), (C, False, None)]
    shown = shown_rows(rows, versions, {A})
    assert [(r.path, r.version) for r in shown] == [(D, 0), (A, 1), (B, 2), (D, 3), (C, 0)]
    # A story is kept while any version is unread, and matches on any version's name.
    assert [r.path for r in shown_rows(rows, versions, set(), hide_read=True)] == [D, C]
    assert [r.path for r in shown_rows(rows, versions, set(), words="b.txt")] == [D]
