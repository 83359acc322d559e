"""The facts each notebook's reading rests on, checked in its kernel after it runs.

They live here, not in the notebooks: a reader sees prose and charts, the tests see the checks.
"""

FACTS = {
    "scorers.ipynb": """
body = vignette[vignette["role"] == "body"]
for name in ["vader", "afinn", "ensemble"]:
    assert body.loc[body[name].idxmin(), "index"] == 7, name
frank_r = arcs["Frankenstein"]
r = agreement(frank_r).set_index(["a", "b"])["r"]
assert r.min() > 0.8 and r.max() < 1
alice_r = agreement(arcs["Alice"]).set_index(["a", "b"])["r"]
assert abs(alice_r[("vader", "textblob")]) < 0.2 and alice_r[("vader", "afinn")] > 0.7
top = story.nlargest(3, "split")
assert (top["textblob"] > 0).all() and (top["vader"] < 0).all()
low = story.nsmallest(3, "split")
assert (low["textblob"] < 0).all() and (low["vader"] > 0).all()
assert (test["ensemble"] > test["vader"]).all()
assert round(results.set_index(["set", "scorer"]).loc[("tweets", "vader"), "pearson"], 3) == 0.872
""",
    "honest.ipynb": """
assert list(line.columns) == ["time", "value", "low", "high", "null_low", "null_high"]
assert line.attrs["band"]["resamples"] == 200 and line.attrs["null"]["draws"] == 200
assert line.attrs["null"]["outside"] > 0.6
assert alice_line.attrs["null"]["outside"] < 0.2
assert 65 < longest[-1][0] < longest[-1][1] < 85  # the Mock Turtle
assert outside["shuffled Alice"] < 0.1 and outside["two halves"] > 0.9
assert outside["shuffled Alice"] < outside["Alice"] < outside["two halves"]
assert 0.05 < frank.attrs["coverage"] < 0.15
assert check.turns["survives"].sum() == 2
assert set(check.turns.loc[check.turns["survives"], "kind"]) == {"peak", "valley"}
""",
    "explain.ipynb": """
import math

assert vader == summed == round(words["share"].sum(), 4) == -0.9044
assert words.set_index("token").loc["killed", "rule"] == "booster"
assert guilt.attrs["value"] < -0.3 and departure.attrs["value"] > guilt.attrs["value"]
guilt_words = guilt.groupby(guilt["token"].str.lower())["contribution"].sum().sort_values()
assert {"killed", "kill", "died"} <= set(guilt_words.index[:4])
dep = departure.set_index(departure["token"].str.lower())
assert dep.loc["no", "valence"] < 0 and dep.loc["harmed", "valence"] < 0
assert dep.loc["well", "valence"] > 0
happy_words = happiest.groupby(happiest["token"].str.lower())["contribution"].sum()
assert {"amazing", "happiest", "happy"} <= set(happy_words.nlargest(3).index)
assert (happy_words > 0).all()
assert math.isclose(shift["shift"].sum(), shift.attrs["difference"], abs_tol=1e-9)
deepest = turns.loc[turns["value"].idxmin()]
assert deepest["kind"] == "valley" and deepest["index"] == 7 and deepest["word"] == "killed"
assert turns.iloc[-1]["kind"] == "peak" and turns.iloc[-1]["time"] == 100.0
assert turns.iloc[-1]["excerpt"].startswith("Please come back soon")
by_chapter = dict(zip(fturns["chapter"].astype(str), fturns["kind"], strict=False))
assert by_chapter.get("8") == "valley" and by_chapter.get("14") == "peak"
assert by_chapter.get("21") in ("valley", "peak") and "mother" in fturns.iloc[1]["excerpt"]
assert math.isclose(halves["shift"].sum(), halves.attrs["difference"], abs_tol=1e-9)
assert halves.attrs["difference"] > 0
assert (shapes["rolling mean"] == "no clear shape").all()
assert (shapes["nearest"] == "riches to rags").all()
assert shapes.loc["Frankenstein", "DCT low-pass"] == "riches to rags"
assert shapes.loc["Frankenstein", "r (DCT)"] >= 0.7
""",
    "final_goodbyes.ipynb": """
import math

assert len(df) == 13
assert len(story) == 10
assert df.attrs["title"] == "Final Goodbyes"
assert df["role"].tolist() == ["note", "title", *["body"] * 10, "end"]
assert paratext["position"].isna().all()
assert low["index"] == 7 and low.text.startswith("Because of me, because I was too weak")
assert high["index"] == 3 and "the happiest girl in the world" in high.text
assert last.text.rstrip().endswith("I never want to come back.")
assert 0 < last.compound < 0.1  # just above zero
assert story["compound"].head(5).mean() > story["compound"].tail(5).mean()
assert ending["text"].iloc[-1] == "I never want to come back."
assert ending["compound"].iloc[-1] < 0 < ending["compound"].max()
assert ending["text"].loc[ending["compound"].idxmax()] == 'Please come back soon."'
assert (sizes["abs_compound_raw"] >= sizes["abs_compound"]).all()
assert sorted(sizes.index[sizes["abs_compound_raw"] > 0.9]) == [3, 7, 8, 9]
assert sizes["outside_range"].sum() > len(sizes) / 2
assert by_length.loc[True, "abs_compound_raw"] > by_length.loc[False, "abs_compound_raw"]
assert jenny["index"] == 8 and jenny.n_sentences == len(rows) == 16
assert math.isclose(rows["compound"].mean(), jenny.compound)
""",
    "novels.ipynb": """
letters = [f"L{i}" for i in range(1, 5)]
numbers = [str(i) for i in range(1, 32)]
assert chapter_labels(paragraphs["Frankenstein"]) == letters + numbers[:24]
assert chapter_labels(paragraphs["Alice"]) == numbers[:12]
assert chapter_labels(paragraphs["Northanger Abbey"]) == numbers[:31]
for name, df in paragraphs.items():
    body = df["role"] == "body"
    assert df.loc[body, "chapter"].notna().all(), name  # every story paragraph has a chapter
    assert df.loc[~body, "position"].isna().all(), name  # paratext is outside narrative time
assert roles.loc["boilerplate", "Frankenstein"] > 0 and roles.loc["boilerplate", "Alice"] > 0
assert roles.loc["contents", "Frankenstein"] > 0
assert "boilerplate" not in paragraphs["Northanger Abbey"]["role"].values  # no Gutenberg text
assert high.time < 10 and by_chapter.nlargest(1).index[0].startswith("Letter")
assert 100 * 2 / 3 < low.time < 100
assert last_tenth < 0 < mean
assert (by_chapter.iloc[-6:] < mean).sum() >= 4  # most of the last six chapters are below average
assert chapter_at(fs, low.time) == "Chapter 21" and by_chapter.idxmin() == "Chapter 23"
assert (methods["end value"] < 0).all() and methods["lowest at"].nunique() > 1
assert methods.loc["savgol", "lowest at"].endswith("(Chapter 8)")
assert methods.loc["lowess", "lowest at"].startswith("100%")
ends = summary["end (rescaled)"]
frank_title, alice_title, austen_title = summary.index
assert ends.idxmin() == frank_title and ends.idxmax() == alice_title
assert (summary["highest at"] == "0%").all()
assert (
    summary["min (compound)"].idxmax() == austen_title
    and summary.loc[austen_title, "min (compound)"] > 0
)
assert summary["mean (compound)"].idxmax() == austen_title
assert summary["troughs"].str.count("%").eq(2).all()  # each shape has two dips
assert (summary["start (compound)"] > summary["mean (compound)"]).all()
assert summary.loc[frank_title, "end (compound)"] < 0
assert len(alice_bins) == 100
assert alice_windows["position"].between(0, 1).all() and alice_bins["position"].between(0, 1).all()
""",
}
