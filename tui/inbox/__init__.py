"""The inbox: the files listed, their summaries, stories, read flags; no terminal here."""

from tui.core.inbox import ARTICLE_SUFFIXES, ArticleFile, is_article_name, list_articles

from .model import FileSummary, Inbox, stat_files

__all__ = [
    "ARTICLE_SUFFIXES",
    "ArticleFile",
    "FileSummary",
    "Inbox",
    "is_article_name",
    "list_articles",
    "stat_files",
]
