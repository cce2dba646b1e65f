"""Finding the article files in a directory."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm"})
"""File endings listed as articles; everything else in a directory is left out."""


@dataclass(frozen=True, slots=True)
class ArticleFile:
    """An article file found in a directory, with what the file list shows before reading it."""

    path: Path
    """Where the file is."""
    modified: float
    """Its modification time, seconds since the epoch."""
    size: int
    """Its size in bytes."""


def is_article_name(name: str) -> bool:
    """True for a visible file name with an article ending (``.txt``, ``.md``, ``.html``)."""
    return not name.startswith(".") and os.path.splitext(name)[1].lower() in ARTICLE_SUFFIXES


def list_articles(directory: str | os.PathLike[str]) -> list[ArticleFile]:
    """Return the article files directly in ``directory``, newest first.

    Hidden files, other endings, subdirectories, FIFOs and dangling links are left out; one
    scandir pass and one stat a file, so ten thousand files list in milliseconds. Raises
    OSError when the directory itself cannot be read.
    """
    found = []
    with os.scandir(directory) as entries:
        for entry in entries:
            if not is_article_name(entry.name):
                continue
            try:
                if not entry.is_file():  # follows links; False for FIFOs and loops
                    continue
                info = entry.stat()
            except OSError:
                continue
            found.append(ArticleFile(Path(entry.path), info.st_mtime, info.st_size))
    found.sort(key=lambda f: (-f.modified, f.path.name))
    return found
