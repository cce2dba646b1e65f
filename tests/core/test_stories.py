"""Grouping versions of one story: three versions and an unrelated file; blocking."""

from __future__ import annotations

from tui.core.stories import StoryFile, candidate_pairs, group_stories

V1 = (
    "The city council voted on Tuesday to fund the new bridge across the Marrow river.",
    "The vote was seven to two after a year of debate over the bridge's cost.",
    "Mayor Jane Doe said construction would begin in the spring.",
)
V2 = (*V1[:2], "Mayor Jane Doe said construction would begin in early spring next year.")
V3 = (*V2, "Opponents promised to raise the issue again at the next council meeting.")
OTHER = (
    "Heavy snow closed the mountain pass for a third day, stranding dozens of lorries.",
    "Forecasters expect the storm to clear by the weekend.",
)


def test_three_versions_group_under_the_newest_title_and_an_unrelated_file_stands_alone() -> None:
    files = [
        StoryFile("bridge-2.txt", "Council backs bridge", V2, 200.0),
        StoryFile("snow.txt", "Snow closes pass", OTHER, 250.0),
        StoryFile("bridge-3.txt", "Council backs bridge, opponents vow fight", V3, 300.0),
        StoryFile("bridge-1.txt", "Council votes on bridge", V1, 100.0),
    ]
    stories = group_stories(files)
    newest = "Council backs bridge, opponents vow fight"
    assert [(s.versions, s.newest_title) for s in stories] == [
        (("bridge-1.txt", "bridge-2.txt", "bridge-3.txt"), newest),
        (("snow.txt",), "Snow closes pass"),
    ]


def test_only_files_sharing_a_rare_word_are_compared() -> None:
    filler = [f"Unrelated item number {k} about gardening tips for {k} roses." for k in range(5)]
    files = [StoryFile(f"f{k}", f"Note {k}", (text,), float(k)) for k, text in enumerate(filler)]
    files.append(StoryFile("bridge", "Bridge", V1, 10.0))
    files.append(StoryFile("bridge-2", "Bridge", V2, 11.0))
    pairs = candidate_pairs(files)
    assert (5, 6) in pairs
    assert all(5 not in pair and 6 not in pair for pair in pairs - {(5, 6)})


def test_grouping_stops_when_cancelled_and_reads_only_files_with_a_candidate() -> None:
    from tui.core.pairing import fingerprint
    from tui.core.stories import group_sketches, sketch

    files = [
        ("bridge-1", "Council votes on bridge", V1, 100.0),
        ("bridge-2", "Council backs bridge", V2, 200.0),
        ("snow", "Snow closes pass", OTHER, 250.0),
    ]
    sketches = [sketch(*file) for file in files]
    asked: list[int] = []

    def print_of(index: int):  # type: ignore[no-untyped-def]
        asked.append(index)
        return fingerprint(files[index][2])

    stories = group_sketches(sketches, print_of)
    assert stories is not None
    assert [s.versions for s in stories] == [("snow",), ("bridge-1", "bridge-2")]
    assert sorted(asked) == [0, 1]  # the unrelated file is never fingerprinted
    assert group_sketches(sketches, print_of, cancelled=lambda: True) is None
