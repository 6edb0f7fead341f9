"""Markdown with YAML front matter (the White House corpus form)."""
from __future__ import annotations

import datetime as dt

from chronicle.read import read_paths
from tests.read.helpers import FIXTURES


def test_front_matter_gives_date_title_url_and_the_body_is_the_text():
    [article] = read_paths([str(FIXTURES / "corpus")])
    assert article.date == dt.date(2022, 1, 27)
    assert article.title == "Press Briefing, January 27, 2022"
    assert article.url == "https://example.gov/briefing-room/2022/01/27/briefing/"
    assert article.text == ("MS. PSAKI:  Good afternoon.  The Secretary spoke with the "
                            "Foreign Minister today.\n")
    assert article.meta["tags"] == "press-briefings"
    assert article.meta["published_time"] == "2022-01-27T15:30:00-05:00"


def test_markdown_id_is_the_path_relative_to_the_folder_given_without_extension():
    [from_corpus] = read_paths([str(FIXTURES / "corpus")])
    [from_press] = read_paths([str(FIXTURES / "corpus" / "press")])
    [alone] = read_paths([str(FIXTURES / "corpus" / "press" / "2022-01" / "briefing.md")])
    assert from_corpus.id == "press/2022-01/briefing"
    assert from_press.id == "2022-01/briefing"
    assert alone.id == "briefing"


def test_published_time_is_the_date_when_date_is_absent(tmp_path):
    (tmp_path / "a.md").write_text(
        "---\npublished_time: 2022-02-01 23:59:00-05:00\n---\nBody.\n", encoding="utf-8")
    [article] = read_paths([str(tmp_path / "a.md")])
    assert article.date == dt.date(2022, 2, 1)  # the date as written, no time-zone shift


def test_markdown_without_front_matter_is_read_with_the_date_given(tmp_path):
    (tmp_path / "a.md").write_text("# Heading\n\nBody.\n", encoding="utf-8")
    [article] = read_paths([str(tmp_path / "a.md")], date=dt.date(2022, 1, 1))
    assert (article.text, article.date) == ("Heading\n\nBody.\n", dt.date(2022, 1, 1))


def test_markup_goes_and_the_words_and_their_breaks_stay(tmp_path):
    # the White House corpus names speakers as bold links: the URL is not part of the text
    assert text_of(tmp_path,
                   "---\ndate: 2025-03-01\n---\nSupport continues to roll\nin.\n\n"
                   "[**Speaker Mike\nJohnson**](https://x.com/SpeakerJohnson/status/1)**:**\n"
                   "\u201cThe days of *that* are OVER &amp; done.\u201d\n\n- one\n- two\n") == (
        "Support continues to roll\nin.\n\nSpeaker Mike\nJohnson:\n"
        "\u201cThe days of that are OVER & done.\u201d\n\none\n\ntwo\n")


def test_raw_html_keeps_its_words_not_its_tags_and_addresses(tmp_path):
    # the corpus embeds photos as <figure><img srcset=...>: their URLs became "people"
    assert text_of(tmp_path,
                   "---\ndate: 2025-08-01\n---\nBefore.\n\n<figure>\n<img\nsrc=\"https://x.gov/a.jpg\"\n"
                   "srcset=\"https://x.gov/a.jpg?resize=476,600 476w\" />\n<figcaption>The President speaks"
                   "</figcaption>\n</figure>\n\n<script>alert(1)</script>\n\nAfter.\n") == \
        "Before.\n\nThe President speaks\n\nAfter.\n"


def test_emphasis_marks_markdown_cannot_pair_are_no_words(tmp_path):
    # pages converted to Markdown put the space inside the marks; CommonMark then keeps them
    # as text, and "**White House ... Desai:" was no speaker label
    assert text_of(tmp_path,
                   "---\ndate: 2025-02-26\n---\n**White House Deputy Press Secretary Kush Desai:\u00a0\u00a0**"
                   "\u201cThe law is clear.\u201d\n\n**IBM\u00a0**announced a plan, and 5 * 3 is 15.\n") == (
        "White House Deputy Press Secretary Kush Desai:\u00a0\u00a0\u201cThe law is clear.\u201d\n\n"
        "IBM\u00a0announced a plan, and 5 * 3 is 15.\n")


def text_of(tmp_path, markdown: str) -> str:
    """The text Chronicle reads from a Markdown file holding ``markdown``."""
    (tmp_path / "a.md").write_text(markdown, encoding="utf-8")
    [article] = read_paths([str(tmp_path / "a.md")])
    return article.text


def test_a_list_item_is_a_block_without_its_bullet_but_with_its_number(tmp_path):
    (tmp_path / "a.md").write_text("- President Trump signed the order.\n\n1. First step\n",
                                   encoding="utf-8")
    [article] = read_paths([str(tmp_path / "a.md")], date=dt.date(2025, 1, 1))
    assert article.text == "President Trump signed the order.\n\n1. First step\n"


def test_a_bold_linked_speaker_before_a_colon_is_the_quote_s_speaker(tmp_path):
    from chronicle.analyze.pipeline import Pipeline

    (tmp_path / "a.md").write_text(
        "---\ndate: 2025-03-01\n---\nReactions came in.\n\n"
        "[**Secretary of State Marco\nRubio**](https://x.com/a/status/1895664016774889)**:** \u201cThe\n"
        "only person on the planet who is trying to end this conflict is the President.\u201d\n",
        encoding="utf-8")
    [article] = read_paths([str(tmp_path / "a.md")])
    [quote] = Pipeline().analyze(article).quotes
    assert quote.speaker.name == "Marco Rubio"
    assert "x.com" not in article.text


def test_invalid_front_matter_is_rejected_with_the_file_named(tmp_path):
    (tmp_path / "bad.md").write_text("---\ntitle: [unclosed\n---\nBody.\n", encoding="utf-8")
    [reject] = read_paths([str(tmp_path / "bad.md")])
    assert reject.record == "bad.md"
    assert reject.reason.startswith("has front matter that is not valid YAML")


def test_front_matter_that_is_not_a_mapping_is_rejected(tmp_path):
    (tmp_path / "list.md").write_text("---\n- a\n- b\n---\nBody.\n", encoding="utf-8")
    [reject] = read_paths([str(tmp_path / "list.md")])
    assert reject.reason == "has front matter that is not a mapping of keys to values"


def test_front_matter_without_a_body_is_rejected(tmp_path):
    (tmp_path / "empty.md").write_text("---\ntitle: x\n---\n\n", encoding="utf-8")
    [reject] = read_paths([str(tmp_path / "empty.md")])
    assert reject.reason == "has no text after its front matter"


def test_an_impossible_front_matter_date_is_rejected(tmp_path):
    (tmp_path / "d.md").write_text("---\ndate: '2022-02-30'\n---\nBody.\n", encoding="utf-8")
    [reject] = read_paths([str(tmp_path / "d.md")])
    assert "impossible" in reject.reason and "2022-02-30" in reject.reason
