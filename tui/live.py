"""Live arrivals: the watched directory listed again and the list and panes brought up to
date, without moving the highlight, the scroll position or the reader's place."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.worker import get_current_worker

from tui.core import ArticleFile, list_articles, printable
from tui.core.stories import Story
from tui.inbox.stories import small_enough
from tui.inbox.watch import directory_changes
from tui.messages import StoriesGrouped
from tui.screens.compare import ComparePicker
from tui.widgets.article_view import ArticleView
from tui.widgets.diff_view import DiffView
from tui.widgets.file_list import FileList
from tui.widgets.status_line import StatusLine

if TYPE_CHECKING:
    from tui.app import NewsReaderApp

GROUP_SLICE_SECONDS = 0.01
"""Grouping works this long, then rests as long, so keys stay quick while it runs."""

RESCAN_SECONDS = 30.0
"""The directory is listed again this often whatever the watcher says: a missed event or a
network mount cannot leave the list wrong for long."""


class LiveInbox:
    """Applies a fresh listing of the directory to the app."""

    def __init__(self, app: NewsReaderApp) -> None:
        self.app = app
        """The app whose list this keeps up to date."""

    def apply(self, files: list[ArticleFile]) -> tuple[list[Path], list[Path]]:
        """Show ``files`` as the list; return the paths added and those changed on disk."""
        app = self.app
        before = len(app.inbox)
        app.inbox.replace(files)
        file_list = app.query_one(FileList)
        added, changed = file_list.sync_files(files)
        for path in changed:
            app.inbox.summarised.discard(path)
        if added or changed:
            app.scan_files([f.path for f in files])
        if added or changed or len(files) != before:
            app.start_grouping()  # a new version joins its story
        current = app.current_path
        if current is not None and app.inbox.get(current) is None:
            self.show_removed(current)
        elif current is not None and current in changed:
            app.panes.reload(current)
        app.panes.update_titles()
        return added, changed

    def show_removed(self, path: Path) -> None:
        """Say in the panes that the file shown is gone from the directory."""
        app = self.app
        name = printable(str(path))
        app.query_one(ArticleView).show_message(
            "This file was removed (or renamed) while it was shown.", name
        )
        app.query_one(DiffView).show_message("Nothing to compare: the file is gone.")
        app.query_one(StatusLine).diff = "file removed"


class InboxActions:
    """The App's inbox keys and its watching workers (mixed into `NewsReaderApp`, so the
    App module stays a router)."""

    def start_grouping(self: NewsReaderApp) -> None:
        """Group the listed files into stories: at once for a few small files, else in a
        worker while the list shows a row per file."""
        if len(self.files) < 2:
            self.show_stories([])  # one file is a story of one: nothing to read for it
        elif small_enough(self.files):
            stories = self.inbox.stories.group(self.files)
            assert stories is not None  # never cancelled
            self.show_stories(stories)
        else:
            # After the first frame: grouping holds the interpreter in slices, and the first
            # frame of a reopened inbox (every cached row in it) should not wait on them.
            self.call_after_refresh(self.group_stories, list(self.files))

    @work(thread=True, exclusive=True, group="stories", exit_on_error=False)
    def group_stories(self: NewsReaderApp, files: list[ArticleFile]) -> None:
        """Group ``files`` into stories off the UI thread and post them."""
        worker = get_current_worker()
        rested = time.monotonic()

        def stop() -> bool:
            """True once cancelled; meanwhile rest now and then, and while keys are pressed,
            leaving the UI thread the interpreter (as the scan does)."""
            nonlocal rested
            if time.monotonic() - rested > GROUP_SLICE_SECONDS:
                time.sleep(GROUP_SLICE_SECONDS)
                rested = time.monotonic()
            return not self.loader.give_way(lambda: worker.is_cancelled)

        stories = self.inbox.stories.group(files, stop)
        if stories is not None:
            self.post_message(StoriesGrouped(tuple(stories)))

    def on_stories_grouped(self: NewsReaderApp, message: StoriesGrouped) -> None:
        """Show the stories grouped by the worker."""
        self.show_stories(message.stories)

    def show_stories(self: NewsReaderApp, stories: Sequence[Story]) -> None:
        """Put each story's versions under one row, and compare along the stories."""
        self.inbox.set_stories(stories)
        for files in self.query(FileList):  # none once the app is closing
            files.set_stories(self.inbox.versions)

    def action_toggle_read(self: NewsReaderApp) -> None:
        """Mark the highlighted article read, or unread again."""
        self.marks.toggle()

    def action_next_unread(self: NewsReaderApp) -> None:
        """Highlight the next unread article."""
        self.marks.next_unread()

    def action_mark_all_read(self: NewsReaderApp) -> None:
        """Mark every listed article read."""
        self.marks.mark_all()

    def action_toggle_hide_read(self: NewsReaderApp) -> None:
        """Hide or show the read articles."""
        self.marks.toggle_hidden()

    def action_mark(self: NewsReaderApp) -> None:
        """Pin the highlighted file as the one every other is compared with (◆), or unpin
        it; the status line says which."""
        files = self.query_one(FileList)
        path = files.highlighted_path
        unpin = path is None or path == self.marked
        self.panes.pin_note = "Unpinned" if unpin else "Pinned ◆"
        self.marked = None if unpin else path
        files.pinned = self.marked

    def action_compare_with(self: NewsReaderApp) -> None:
        """Open the picker for the file to compare with."""
        files = self.query_one(FileList)
        summaries = [row.summary for row in files.file_rows if row.summary is not None]
        current = self.panes.compared or self.marked
        picker = ComparePicker(self.files, summaries, current=current, clock=self.clock)

        def picked(path: Path | None) -> None:
            if path is not None:
                self.panes.pin_note = "Pinned ◆"
                self.marked = path
                files.pinned = path

        self.push_screen(picker, picked)

    def action_rescan(self: NewsReaderApp) -> None:
        """List the directory again now."""
        if self.directory is None:
            self.query_one(StatusLine).diff = "Nothing to rescan: no directory was named"
            return
        self.rescan(say=True)

    def start_watching(self: NewsReaderApp) -> None:
        """Watch the directory named, if one was, and list it again now and then."""
        if self.directory is not None:
            self.watch_inbox()
            self.set_interval(RESCAN_SECONDS, self.rescan)

    @work(exclusive=True, group="watch", exit_on_error=False)
    async def watch_inbox(self: NewsReaderApp) -> None:
        """List the directory again after each burst of changes to its article files."""
        assert self.directory is not None
        async for _ in directory_changes(self.directory):
            await self.relist()

    @work(exclusive=True, group="rescan", exit_on_error=False)
    async def rescan(self: NewsReaderApp, say: bool = False) -> None:
        """List the directory again (``r``, or the periodic rescan)."""
        added = await self.relist()
        if say and added is not None:
            self.query_one(StatusLine).diff = f"Rescanned: {len(added)} new"

    async def relist(self: NewsReaderApp) -> list[Path] | None:
        """List the directory off the UI thread and apply it; the paths added, or None when
        the directory cannot be read (said once)."""
        assert self.directory is not None
        try:
            files = await asyncio.to_thread(list_articles, self.directory)
        except OSError as error:
            self.query_one(StatusLine).diff = f"Cannot list the directory: {error.strerror}"
            return None
        added, _ = self.live.apply(files)
        return added
