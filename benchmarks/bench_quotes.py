"""Time find_quotes on synthetic news copy beside a plain regular-expression scan of marks.

Run:  .venv/bin/python benchmarks/bench_quotes.py [--seed 7] [--rounds N]

The copy is generated here (no downloads, no outside data): story after story, each naming a
few new people (titles, party tags, appositives, possessives) and quoting them by name,
surname, pronoun and description, among plain reporting, split quotes, block quotes with
attribution lines, outlets, scare quotes and titles; so an article names as many distinct
people a megabyte as real news does (hundreds), and a longer article names more of them.
One article each of 50 KB, 0.5 MB and 5 MB is timed, best of six runs each, the runs of
the three sizes and of the baseline interleaved (so a swing of a shared machine's speed
falls on all alike): find_quotes should read all three at the same speed. The baseline is
the cheapest thing that could be called a quote finder, ``re.finditer`` over “…” and "…"
pairs, measured in the same run on the same text so the ratio is fair on any machine.
"""

from __future__ import annotations

import argparse
import gc
import random
import re
import time
from collections.abc import Callable, Sized
from pathlib import Path

from tui.core import find_quotes, load_article

FIRST_MEN = """James John Robert Michael William David Richard Joseph Thomas Charles Daniel
Matthew Anthony Mark Paul Steven Andrew Kenneth Joshua Kevin Brian George Timothy Ronald
Jason Edward Jeffrey Ryan Jacob Gary Nicholas Eric Jonathan Stephen Larry Justin Scott
Brandon Benjamin Samuel Gregory Frank Raymond Patrick Jack Dennis Jerry Tyler Aaron Henry
Adam Douglas Nathan Peter Zachary Kyle Walter Harold Carl Jeremy Keith Roger Gerald Ethan
Arthur Terry Christian Sean Lawrence Austin Joe Noah Jesse Albert Bryan Billy Bruce Willie
Jordan Dylan Alan Ralph Gabriel Roy Juan Wayne Eugene Logan Randy Louis Russell Vincent
Philip Bobby Johnny Bradley Omar Carlos Ahmed Tomas Hiroshi Kwame Ivan Rafael""".split()
FIRST_WOMEN = """Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen
Lisa Nancy Betty Margaret Sandra Ashley Kimberly Emily Donna Michelle Carol Amanda Dorothy
Melissa Deborah Stephanie Rebecca Sharon Laura Cynthia Kathleen Amy Angela Shirley Anna
Brenda Pamela Emma Nicole Helen Samantha Katherine Christine Debra Rachel Carolyn Janet
Catherine Maria Heather Diane Ruth Julie Olivia Joyce Virginia Victoria Kelly Lauren Christina
Joan Evelyn Judith Megan Andrea Cheryl Hannah Jacqueline Martha Gloria Teresa Ann Sara
Madison Frances Kathryn Janice Jean Abigail Alice Judy Sophia Grace Denise Amber Doris Marilyn
Danielle Beverly Isabella Theresa Diana Natalie Brittany Charlotte Marie Kayla Alexis Lori
Aisha Sofia Nadia Elena Priya Mei Ingrid Fatima Lucia Yuki""".split()
LAST = """Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez
Lopez Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White
Harris Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen
Hill Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts Gomez
Phillips Evans Turner Diaz Parker Cruz Edwards Collins Reyes Stewart Morris Morales Murphy
Cook Rogers Gutierrez Ortiz Morgan Cooper Peterson Bailey Reed Kelly Howard Ramos Kim Cox
Ward Richardson Watson Brooks Chavez Wood James Bennett Gray Mendoza Ruiz Hughes Price Alvarez
Castillo Sanders Patel Myers Long Ross Foster Jimenez Powell Jenkins Perry Russell Sullivan
Bell Coleman Butler Henderson Barnes Gonzales Fisher Vasquez Simmons Romero Jordan Patterson
Alexander Hamilton Graham Reynolds Griffin Wallace Moreno West Cole Hayes Bryant Herrera
Gibson Ellis Tran Medina Aguilar Stevens Murray Ford Castro Marshall Owens Harrison Fernandez
McDonald Woods Washington Kennedy Wells Vargas Henry Chen Freeman Webb Tucker Guzman Burns
Crawford Olson Simpson Porter Hunter Gordon Mendez Silva Shaw Snyder Mason Dixon Munoz Hunt
Hicks Holmes Palmer Wagner Black Robertson Boyd Rose Stone Salazar Fox Warren Mills Meyer
Rice Schmidt Garza Daniels Ferguson Nichols Stephens Soto Weaver Ryan Gardner Payne Grant
Dunn Kelley Spencer Hawkins Arnold Pierce Hansen Peters Santos Hart Bradley Knight Elliott
Cunningham Duncan Armstrong Hudson Carroll Lane Riley Andrews Ray Berry Perkins Hoffman
Johnston Matthews Pena Richards Willis Carpenter Lawrence Sandoval Okafor Novak Duarte Haddad
Lindqvist Moreau Tanaka Brennan Osei Varga""".split()
STATES = (
    "Fla. Ohio Texas Calif. N.Y. Ill. Pa. Mich. Ga. N.C. Va. Wash. Ariz. Mass. Ore. Wis.".split()
)
# (title before a name, what a later description calls that person)
OFFICES = [
    ("Sen.", "the senator"),
    ("Rep.", "the congressman"),
    ("Gov.", "the governor"),
    ("Mayor", "the mayor"),
    ("Finance Minister", "the minister"),
    ("Secretary of State", "the secretary"),
    ("campaign manager", "the campaign manager"),
    ("pollster", "the pollster"),
    ("spokeswoman", "the spokeswoman"),
    ("Attorney General", "the attorney general"),
]
VERBS = ["said", "told reporters", "added", "argued", "wrote", "explained", "noted", "warned"]
WORDS = (
    "the government will continue working on a plan to cut costs and protect families while "
    "talks with partners go on across the region despite pressure from markets and voters "
    "budget deficit taxes schools hospitals roads election campaign district council vote "
    "bill committee hearing report figures investigation agreement"
).split()
SCARE = ["the controversial “free trade” deal", "the so-called “Grand Bargain”", "a “reset”"]
OUTLETS = ["The Daily Courier", "The Evening Post", "the Lakeside Herald", "Metro News"]


def _words(rng: random.Random, low: int, high: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(low, high)))


def _sentence(rng: random.Random) -> str:
    text = _words(rng, 6, 18)
    return text[0].upper() + text[1:] + "."


def _said(rng: random.Random) -> str:
    return _words(rng, 4, 20).capitalize()


def _person(rng: random.Random) -> tuple[str, str, str, str, str]:
    """Return (first, last, sex pronoun, office, description) of a newly named person."""
    woman = rng.random() < 0.45
    first = rng.choice(FIRST_WOMEN if woman else FIRST_MEN)
    office, description = rng.choice(OFFICES)
    return first, rng.choice(LAST), "she" if woman else "he", office, description


def _story(rng: random.Random) -> str:
    """Return one story: a few people introduced (with titles, party tags, appositives,
    possessives), then paragraphs quoting them by name, surname, pronoun and description,
    among plain reporting, scare quotes, titles and block quotes. Real copy names a few
    hundred distinct people a megabyte; each story names three to six new ones."""
    cast = [_person(rng) for _ in range(rng.randint(3, 6))]
    first, last, _, office, _ = cast[0]
    paragraphs = [f"{office} {first} {last} (D-{rng.choice(STATES)}) met voters on Monday."]
    for name_first, name_last, _, name_office, _ in cast[1:]:
        intro = rng.randrange(3)
        if intro == 0:
            paragraphs.append(
                f"{name_first} {name_last}, a former {name_office.lower().rstrip('.')}, "
                f"{rng.choice(VERBS)} that {_words(rng, 6, 14)}."
            )
        elif intro == 1:
            paragraphs.append(
                f"{last}’s {name_office.lower().rstrip('.')}, {name_first} {name_last}, "
                f"{rng.choice(VERBS)}: “{_said(rng)}.”"
            )
        else:
            paragraphs.append(
                f"“{_said(rng)},” responded {name_office} {name_first} {name_last}. "
                f"{_sentence(rng)}"
            )
    for _ in range(rng.randint(8, 18)):
        first, last, pronoun, _, description = rng.choice(cast)
        verb = rng.choice(VERBS)
        kind = rng.randrange(30)
        if kind == 0:
            paragraphs.append(f"“{_said(rng)},” {last} {verb}. {_sentence(rng)}")
        elif kind == 1:
            paragraphs.append(f"{last} {verb}, “{_said(rng)}.”")
        elif kind == 2:
            paragraphs.append(f"“{_said(rng)},” said {first} {last}. “{_sentence(rng)}”")
        elif kind == 3:
            other = rng.choice(cast)[1]
            paragraphs.append(
                f"{last} criticised {other} on Tuesday. “{_said(rng)},” {pronoun} {verb}."
            )
        elif kind == 4:
            paragraphs.append(f"“{_said(rng)},” {description} {verb}.")
        elif kind == 5:
            paragraphs.append(f"{last} said the plan would “{_words(rng, 2, 6)}” soon.")
        elif kind == 6:
            paragraphs.append(f"{_sentence(rng)} Critics attacked {rng.choice(SCARE)} again.")
        elif kind == 7:
            paragraphs.append(f"{_sentence(rng).rstrip('.')} and {_words(rng, 8, 14)}.")
            paragraphs.append(f"{first} {last}")
        elif kind == 8:
            paragraphs.append(
                f"“{_said(rng)},” {rng.choice(OUTLETS)} wrote. “{_said(rng)},” the newspaper added."
            )
        elif kind == 9:
            paragraphs.append(f"“{_said(rng)},” {pronoun} said, “{_words(rng, 3, 9)}.”")
        else:
            paragraphs.append(" ".join(_sentence(rng) for _ in range(rng.randint(1, 3))))
    return "\n\n".join(paragraphs)


def article(characters: int, seed: int) -> str:
    """Return one synthetic article of about ``characters`` characters: story after story,
    so the people it names grow with its length, as a long live blog's do."""
    rng = random.Random(seed)
    stories: list[str] = []
    total = 0
    while total < characters:
        stories.append(_story(rng))
        total += len(stories[-1]) + 2
    return "\n\n".join(stories)


_BASELINE = re.compile(r"“[^”]*”|\"[^\"]*\"")


def baseline(text: str) -> list[tuple[int, int]]:
    """The plain scan: every “…” or "…" pair, no attribution at all."""
    return [m.span() for m in _BASELINE.finditer(text)]


def _time_one(fn: Callable[[str], Sized], text: str) -> tuple[float, float, int]:
    """Return (wall-clock seconds, CPU seconds, items found) of one run of ``fn`` on ``text``.
    CPU time (``process_time``) is what a busy shared machine disturbs least: other
    processes stretch the wall clock, not this process's CPU time."""
    # Each run starts from a collected heap, so no run pays for the garbage the one before
    # it (or the article generator) left behind.
    gc.collect()
    start, start_cpu = time.perf_counter(), time.process_time()
    found = len(fn(text))
    return time.perf_counter() - start, time.process_time() - start_cpu, found


_SIZES = ((50_000, "50 KB", 6), (500_000, "0.5 MB", 6), (5_000_000, "5 MB", 6))
"""Each size an article of its own, timed best of so many runs: as many for each, since a
best of more runs is a luckier one, and the sizes are compared with each other."""
_PERSON = re.compile(r"\b[A-Z][a-z]+ [A-Z][a-z]+\b")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--rounds", type=int, default=0, help="best of this many runs (0: 6 each)")
    args = parser.parse_args()

    find_quotes("A warm-up. “Tables load once,” said Jane Kim.")  # the name table, loaded once
    texts = [article(size, args.seed) for size, _, _ in _SIZES]
    rounds = [args.rounds or count for _, _, count in _SIZES]
    inf = float("inf")
    # best[i] = [ours wall, ours CPU, baseline wall, baseline CPU] for size i. The runs are
    # interleaved (each round runs every size, find_quotes then the baseline), so a change
    # of the machine's speed during the run falls on every size and on both sides alike.
    best = [[inf, inf, inf, inf] for _ in _SIZES]
    found = [[0, 0] for _ in _SIZES]
    for round_ in range(max(rounds)):
        for i, text in enumerate(texts):
            if round_ >= rounds[i]:
                continue
            wall, cpu, found[i][0] = _time_one(find_quotes, text)
            base, base_cpu, found[i][1] = _time_one(baseline, text)
            best[i] = [min(a, b) for a, b in zip(best[i], (wall, cpu, base, base_cpu), strict=True)]
    speeds: list[float] = []
    cpu_speeds: list[float] = []
    for (_, label, _), text, (ours, ours_cpu, base, base_cpu), (quotes, pairs) in zip(
        _SIZES, texts, best, found, strict=True
    ):
        people = len(set(_PERSON.findall(text)))
        speeds.append(len(text) / ours / 1e6)
        cpu_speeds.append(len(text) / ours_cpu / 1e6)
        print(
            f"{label:>6} article ({len(text) / 1e6:.2f} M characters, {people} distinct names, "
            f"{people / len(text) * 1e6:.0f} a million characters): "
            f"find_quotes {speeds[-1]:5.2f} MB/s ({quotes} quotes) · "
            f"baseline re scan {len(text) / base / 1e6:6.1f} MB/s ({pairs} pairs) · "
            f"ratio {ours / base:.0f}x"
        )
        print(
            f"{'':>6} CPU time: find_quotes {cpu_speeds[-1]:5.2f} MB/s · "
            f"baseline re scan {len(text) / max(base_cpu, 1e-9) / 1e6:6.1f} MB/s · "
            f"ratio {ours_cpu / max(base_cpu, 1e-9):.0f}x"
        )
    print(
        f"5 MB against 50 KB: {speeds[-1] / speeds[0]:.2f} of the speed wall-clock, "
        f"{cpu_speeds[-1] / cpu_speeds[0]:.2f} in CPU time "
        f"(linear would be 1.00; the target is at least 0.75)"
    )

    seeds = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))
    for path in seeds:
        text = load_article(path).text
        _, took, found = _time_one(lambda t: [q for _ in range(200) for q in find_quotes(t)], text)
        per_call = took / 200
        kinds = [q.kind for q in find_quotes(text)]
        print(
            f"seed {path.name}: {found // 200} quotes ({kinds.count('inline')} inline, "
            f"{kinds.count('block')} block), {per_call * 1e3:.2f} ms CPU a call, "
            f"{len(text) / per_call / 1e6:.2f} MB/s"
        )


if __name__ == "__main__":
    main()
