"""Readable reports for the headless commands: coloured on a terminal, plain when piped."""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TextIO

from rich.console import Console
from rich.text import Text

from tui.core import Article, Pair, Quote, printable
from tui.core.quote_changes import QuoteChange, changes_only, quote_summary
from tui.diff_text import pair_lines, quote_change_text, summary


class _ReportConsole(Console):
    """A Console that lets a closed pipe reach the CLI, which ends quietly with status 0
    (Rich's own handler exits with status 1)."""

    def on_broken_pipe(self) -> None:
        """Raise, so ``newsreader quotes big.txt | head`` is not an error."""
        raise BrokenPipeError


def _console(out: TextIO) -> Console:
    # Rich decides colour from the stream (a terminal or not). NO_COLOR alone would still
    # leave bold and dim escapes, so it turns styling off altogether: plain text as promised.
    # Soft wrap keeps piped lines whole for grep.
    plain = bool(os.environ.get("NO_COLOR"))
    return _ReportConsole(
        file=out,
        highlight=False,
        soft_wrap=not out.isatty(),
        emoji=False,
        color_system=None if plain else "auto",
    )


def _emit(console: Console, out: TextIO, lines: list[Text]) -> None:
    """Print the lines: through Rich when they are styled, else written as they are.

    Rich's rendering costs far more than building the lines; a plain report of a
    100,000-paragraph diff is written in a moment instead of a minute. Every piece of file
    text in the lines is cleaned or escaped first, so nothing raw reaches the terminal.
    """
    if not lines:
        return
    if console.color_system is None:
        out.write("\n".join(line.plain for line in lines) + "\n")
    else:
        console.print(Text("\n").join(lines))


def quotes_report(name: str, article: Article, quotes: Sequence[Quote], out: TextIO) -> None:
    """Print each quote with its speaker, then the attribution lines that lost their quote."""
    _emit(_console(out), out, quotes_lines(name, article, quotes))


def quotes_lines(name: str, article: Article, quotes: Sequence[Quote]) -> list[Text]:
    """Return the lines of the quotes report, styled; ``.plain`` gives the text export."""
    orphans = article.orphaned_attributions
    head = Text(printable(name), style="bold")
    head.append(f" — {len(quotes)} attributed quote{'s' * (len(quotes) != 1)}")
    if orphans:
        head.append(f" · {len(orphans)} orphaned attribution{'s' * (len(orphans) != 1)}")
    lines = [head]
    for number, quote in enumerate(quotes, 1):
        line = Text(f"{number:>3}. ", style="dim")
        line.append(quote.speaker_name, style="bold cyan")
        if quote.speaker != quote.speaker_name:
            line.append(f" ({quote.speaker})", style="cyan")
        cue = f"{quote.cue} · " if quote.cue else ""
        line.append(f"  {cue}{quote.kind} · ¶{quote.paragraph + 1}", style="dim")
        lines.append(line)
        lines.append(Text("     ").append(quote.text, style="yellow"))
    for index in orphans:
        line = Text("  ⚠  ", style="bold red")
        line.append(f"¶{index + 1} attribution with no quote: ", style="red")
        line.append(article.paragraphs[index].text)
        lines.append(line)
    return lines


def diff_report(
    old_name: str,
    new_name: str,
    old: Article,
    new: Article,
    pairs: Sequence[Pair],
    out: TextIO,
    quote_changes: Sequence[QuoteChange] = (),
) -> None:
    """Print the quote changes first, then the pairs in order with their markers and
    word-level changes (each quote change shown again under its pair)."""
    changes = changes_only(quote_changes)
    lines = [
        Text(f"--- {printable(old_name)}", style="bold red"),
        Text(f"+++ {printable(new_name)}", style="bold green"),
        Text(summary(pairs), style="bold"),
        Text(quote_summary(changes), style="bold"),
    ]
    lines += [quote_change_text(change) for change in changes]
    on_pair: dict[int, list[QuoteChange]] = {}
    for change in changes:
        on_pair.setdefault(change.pair, []).append(change)
    lines += [
        line
        for k, pair in enumerate(pairs)
        for line in pair_lines(old, new, pair, quote_changes=on_pair.get(k, ()))
    ]
    _emit(_console(out), out, lines)
