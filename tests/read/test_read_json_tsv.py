"""JSON files (an array of articles, or one) and tab-separated values, in folders and named."""
from __future__ import annotations

import datetime as dt
import json

from chronicle.model import Reject
from chronicle.read import read_paths


def test_a_json_array_is_one_article_per_element(tmp_path):
    (tmp_path / "arts.json").write_text(json.dumps([
        {"id": "a", "date": "2023-01-02", "text": "The mayor said the bridge would open."},
        {"text": "The minister said talks would go on."},
        {"date": "2023-13-01", "text": "Bad date."},
    ]), encoding="utf-8")
    out = list(read_paths([str(tmp_path)]))  # found in a folder, not skipped
    assert [a.id for a in out if not isinstance(a, Reject)] == ["a", "arts:2"]
    assert out[0].date == dt.date(2023, 1, 2) and out[0].text.startswith("The mayor")
    assert isinstance(out[2], Reject) and out[2].record == "3"


def test_a_json_file_that_is_no_article_list_is_rejected_not_stored_as_text(tmp_path):
    (tmp_path / "n.json").write_text("42", encoding="utf-8")
    (tmp_path / "bad.json").write_text('[{"text": "x"', encoding="utf-8")
    one, two = list(read_paths([str(tmp_path / "bad.json"), str(tmp_path / "n.json")]))
    assert one.reason.startswith("is not valid JSON")
    assert two.reason == "holds a JSON int, not an array of articles or one article"


def test_tab_separated_values_are_read_like_csv(tmp_path):
    (tmp_path / "arts.tsv").write_text("id\tdate\ttext\nx1\t2023-01-05\tThe mayor said, "
                                       "\"It opens in May.\"\n", encoding="utf-8")
    [article] = read_paths([str(tmp_path)])
    assert (article.id, article.date, article.text) == ("x1", dt.date(2023, 1, 5),
                                                       'The mayor said, "It opens in May."')
