"""newsreader's core: pure Python, no terminal. Files in, plain frozen dataclasses out."""

from .inbox import ArticleFile, list_articles
from .model import Article, Pair, PairKind, Paragraph, Quote, Role, WordChange
from .pairing import (
    SAME_STORY_THRESHOLD,
    Fingerprint,
    fingerprint,
    fingerprint_similarity,
    pair_paragraphs,
    version_similarity,
)
from .quotes import find_quotes
from .roles import classify_roles
from .text import (
    MAX_BYTES,
    ArticleError,
    BinaryFile,
    MissingFile,
    NotAFile,
    TooLarge,
    UndecodableFile,
    UnreadableFile,
    clean,
    decode,
    load_article,
    paragraph_spans,
    parse_article,
    printable,
    read_bytes,
)
from .words import diff_words

__all__ = [
    "MAX_BYTES",
    "SAME_STORY_THRESHOLD",
    "Article",
    "ArticleError",
    "ArticleFile",
    "BinaryFile",
    "Fingerprint",
    "MissingFile",
    "NotAFile",
    "Pair",
    "PairKind",
    "Paragraph",
    "Quote",
    "Role",
    "TooLarge",
    "UndecodableFile",
    "UnreadableFile",
    "WordChange",
    "classify_roles",
    "clean",
    "decode",
    "diff_words",
    "find_quotes",
    "fingerprint",
    "fingerprint_similarity",
    "list_articles",
    "load_article",
    "pair_paragraphs",
    "paragraph_spans",
    "parse_article",
    "printable",
    "read_bytes",
    "version_similarity",
]
