"""The inbox's stories: each file sketched once (kept while its time is unchanged), grouped
again whenever the listing changes; no terminal here."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from tui.core import ArticleError, ArticleFile, Fingerprint, fingerprint, load_article
from tui.core.stories import Story, StorySketch, group_sketches, sketch

SAME_FRAME_FILES = 40
"""An inbox of this many files or fewer (and small ones) is grouped before the first frame."""

SAME_FRAME_BYTES = 200_000
"""...if its files hold this many bytes or fewer between them."""


class StoryIndex:
    """Groups the listed files into stories, reading each file's words once."""

    def __init__(self) -> None:
        self._sketches: dict[Path, tuple[float, StorySketch]] = {}
        """Each file's sketch, with the modification time it was made for."""

    def group(
        self, files: Sequence[ArticleFile], cancelled: Callable[[], bool] = lambda: False
    ) -> list[Story] | None:
        """Return the stories among ``files`` (an unreadable file is left out); None if
        ``cancelled()`` turned true meanwhile."""
        sketches = []
        kept: dict[Path, tuple[float, StorySketch]] = {}
        for file in files:
            if cancelled():
                return None
            found = self._sketches.get(file.path)
            if found is None or found[0] != file.modified:
                try:
                    article = load_article(file.path)
                except ArticleError:
                    continue
                paragraphs = [p.text for p in article.paragraphs]
                found = (
                    file.modified,
                    sketch(file.path, article.headline, paragraphs, file.modified),
                )
            kept[file.path] = found
            sketches.append(found[1])
        self._sketches = kept  # files gone from the listing are forgotten

        def print_of(index: int) -> Fingerprint | None:
            cancelled()  # lets the caller rest the thread (it is asked again per cluster)
            path = sketches[index].id
            assert isinstance(path, Path)
            try:
                return fingerprint([p.text for p in load_article(path).paragraphs])
            except ArticleError:
                return None

        return group_sketches(sketches, print_of, cancelled=cancelled)


def small_enough(files: Sequence[ArticleFile]) -> bool:
    """True when ``files`` can be grouped on the UI thread without a frame's delay showing."""
    if len(files) > SAME_FRAME_FILES or sum(f.size for f in files) > SAME_FRAME_BYTES:
        return False
    # A page's text extractor is imported when first needed: never before the first frame.
    return not any(f.path.suffix.lower() in (".html", ".htm") for f in files)
