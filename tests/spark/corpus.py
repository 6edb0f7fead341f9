"""A tiny mixed corpus the Spark tests build themselves: Markdown with front matter (with an
exact and a near copy, and a near-identical text a year later that is no copy), JSON Lines (with bad records) and a WARC archive written with warcio."""
from __future__ import annotations

import io
import json
from pathlib import Path

STORIES = {
    "talks": (
        "2022-02-14",
        "Ukraine talks stall as Moscow rejects proposal",
        'Russian Foreign Minister Sergey Lavrov said on Monday that Moscow would not accept the '
        'latest proposal from Washington. "We will not accept ultimatums from anyone," Lavrov '
        "told reporters in Moscow. He added that Russia was ready to continue talks with the "
        "United States next week.\n\n"
        "Secretary of State Antony Blinken accused Russia of threatening its neighbour. "
        '"The door to diplomacy remains open," Blinken said in a statement on Tuesday, '
        "adding that Washington would impose sanctions if Russian troops crossed the border.\n",
    ),
    "aid": (
        "2022-03-02",
        "Germany pledges aid to Ukraine",
        "German Chancellor Olaf Scholz announced on Wednesday that Germany would send humanitarian "
        'aid to Ukraine. "We stand with the people of Ukraine," Scholz said in Berlin. '
        "The European Union agreed to support the government in Kyiv with 500 million euros, "
        "officials said on Thursday.\n\n"
        "Ukrainian President Volodymyr Zelensky thanked Germany for its help and asked NATO "
        'to close the skies over Ukraine. "We need more help now," he said in a video address.\n',
    ),
    "summit": (
        "2022-06-28",
        "NATO leaders meet in Madrid",
        "NATO Secretary General Jens Stoltenberg said on Tuesday that the alliance would increase "
        "its forces on high readiness to more than 300,000 troops. Leaders met in Madrid for a "
        "two-day summit, and Turkey agreed to lift its objection to Finland and Sweden joining "
        'the alliance. "This is a historic decision," Stoltenberg told a news conference.\n\n'
        "President Joe Biden said the United States would station more troops in Europe. "
        '"We are stepping up," Biden said.\n',
    ),
    "briefing": (
        "2022-01-24",
        "Press briefing on Russia",
        "Press Secretary Jen Psaki said on Monday that the administration was preparing for every "
        'scenario. "We have been clear about the consequences," Psaki told reporters at the White '
        "House. She said the President had spoken with European leaders on Sunday and that the "
        "allies had agreed to coordinate their response.\n\n"
        "Asked about evacuations, Psaki said the State Department had ordered the departure of "
        "family members of embassy staff in Kyiv.\n",
    ),
}

JSONL_STORIES = [
    {"id": "wire-1", "date": "2022-04-05", "title": "China warns on Taiwan",
     "text": "Chinese Foreign Ministry spokesman Zhao Lijian said on Tuesday that China would take "
             'strong measures if the United States continued arms sales to Taiwan. "The United States '
             'should stop playing with fire," Zhao told a regular briefing in Beijing. Officials in '
             "Taipei rejected the warning and said the island would defend itself.\n"},
    {"id": "wire-2", "date": "2022-05-10",
     "text": "Israeli Prime Minister Naftali Bennett met Egyptian President Abdel Fattah al-Sisi in "
             "Sharm el-Sheikh on Monday. The two leaders discussed energy cooperation and regional "
             'security, Bennett\'s office said. "Egypt is an important partner," Bennett said.\n'},
]

WARC_PAGES = [
    ("https://news.example.org/2022/09/iran-talks", "2022-09-01", "Iran nuclear talks resume in Vienna",
     ["Iranian Foreign Minister Hossein Amir-Abdollahian said on Thursday that Tehran was ready to "
      "return to the nuclear deal if Washington lifted sanctions.",
      '"The ball is in the American court," Amir-Abdollahian told state television. European '
      "diplomats said talks would resume in Vienna next week.",
      "The United States accused Iran of delaying the negotiations, and State Department "
      "spokesman Ned Price said Washington would not make further concessions."]),
    ("https://news.example.org/2022/10/brazil-vote", "2022-10-31", "Brazil elects Lula",
     ["Luiz Inacio Lula da Silva won Brazil's presidential election on Sunday, defeating Jair "
      "Bolsonaro in a close runoff.",
      '"Today the only winner is the Brazilian people," Lula told supporters in Sao Paulo. '
      "Leaders in Europe and the United States congratulated him on Monday.",
      "Bolsonaro did not concede on Sunday night, and his allies said he would speak later in the week."]),
]


def _markdown(day: str, title: str, body: str) -> str:
    return f"---\ntitle: \"{title}\"\ndate: {day}\nsource: test\n---\n{body}"


def _html(title: str, day: str, paragraphs: list[str]) -> bytes:
    ps = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!DOCTYPE html><html><head><title>{title}</title>"
            f'<meta property="article:published_time" content="{day}T10:00:00Z">'
            f"</head><body><nav><a href='/'>Home</a></nav><article><h1>{title}</h1>{ps}"
            f"</article><footer>Example News</footer></body></html>").encode("utf-8")


def write_warc(path: Path) -> None:
    """A gzipped WARC: a warcinfo, for each page a request and a 200 text/html response, a 404."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "chronicle-tests"}))
        for url, day, title, paragraphs in WARC_PAGES:
            req = writer.create_warc_record(url, "request", payload=io.BytesIO(
                f"GET {url} HTTP/1.1\r\nHost: news.example.org\r\n\r\n".encode()))
            writer.write_record(req)
            body = _html(title, day, paragraphs)
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                                  ("Content-Length", str(len(body)))], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))
        missing = b"<html><body>Not found</body></html>"
        headers = StatusAndHeaders("404 Not Found", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("https://news.example.org/missing", "response",
                                                      payload=io.BytesIO(missing), http_headers=headers))


def build(root: Path) -> Path:
    """Write the corpus under ``root/corpus`` and return that folder."""
    corpus = root / "corpus"
    (corpus / "md" / "2022").mkdir(parents=True)
    for name, (day, title, body) in STORIES.items():
        (corpus / "md" / "2022" / f"{name}.md").write_text(_markdown(day, title, body), encoding="utf-8")
    day, title, body = STORIES["talks"]
    # The same story republished (different line breaks and curly quotes: an exact copy) ...
    republished = body.replace("\n\n", "\n").replace('"We will', "\u201cWe will").replace("anyone,\"", "anyone,\u201d")
    (corpus / "md" / "wire-talks.md").write_text(_markdown(day, title, republished), encoding="utf-8")
    # ... and lightly edited (a near copy): one sentence changed at the end.
    day, title, body = STORIES["summit"]
    edited = body.replace('"We are stepping up," Biden said.', '"We are stepping up," Biden said in Madrid.')
    (corpus / "md" / "wire-summit.md").write_text(_markdown(day, title + " (update)", edited), encoding="utf-8")
    # ... and the same text a year later (a yearly notice reusing its template): near in words,
    # far in time, so a document of its own, not a copy (chronicle.store.dedup.MAX_DAYS).
    day, title, body = STORIES["aid"]
    (corpus / "md" / "2023").mkdir()
    (corpus / "md" / "2023" / "aid.md").write_text(
        _markdown("2023-03-02", title, body.replace("500 million", "600 million")), encoding="utf-8")
    lines = [json.dumps(JSONL_STORIES[0]), "{not json at all", json.dumps({"id": "no-text", "title": "x"}),
             "", json.dumps(JSONL_STORIES[1]), json.dumps({"id": "bad-date", "date": "2022-13-45", "text": "x y"})]
    (corpus / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    write_warc(corpus / "crawl.warc.gz")
    (corpus / "README.txt.bak").write_text("not an input form: skipped", encoding="utf-8")
    return corpus
