"""`rasid ingest URL` and `rasid ingest --feed URL` against servers on 127.0.0.1 only."""

from typer.testing import CliRunner

from rasid.cli import app

from ingest_support import LocalServer, Route, article_page

runner = CliRunner()

FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>أخبار</title><link>{base}</link>
<item><title>خبر أول</title><link>{base}/a</link></item>
<item><title>خبر ثان</title><link>{base}/b</link></item>
</channel></rss>"""


def test_cli_ingest_url_needs_allow_private_on_loopback(tmp_path):
    with LocalServer({"/a": Route(body=article_page().encode())}) as srv:
        db = tmp_path / "r.db"
        refused = runner.invoke(app, ["ingest", srv.url("/a"), "--db", str(db)])
        text = refused.output.lower()
        assert refused.exit_code == 1 and ("private" in text or "loopback" in text)
        ok = runner.invoke(app, ["ingest", srv.url("/a"), "--db", str(db), "--allow-private"])
        assert ok.exit_code == 0 and "1 ingested" in ok.output


def test_cli_ingest_feed_and_not_again(tmp_path):
    pages = {"/a": Route(body=article_page().encode()),
             "/b": Route(body=article_page(title="الحكومة تعلن خطة جديدة").encode())}
    with LocalServer(pages) as srv:
        srv.routes["/feed.xml"] = Route(body=FEED.format(base=srv.url("")).encode(),
                                        headers={"Content-Type": "application/rss+xml"})
        db = tmp_path / "r.db"
        first = runner.invoke(app, ["ingest", "--feed", srv.url("/feed.xml"), "--db", str(db), "--allow-private"])
        assert first.exit_code == 0 and "2 ingested" in first.output, first.output
        second = runner.invoke(app, ["watch", srv.url("/feed.xml"), "--db", str(db), "--allow-private",
                                     "--rounds", "1", "--interval", "0"])
        assert second.exit_code == 0
        assert srv.hits["/a"] == 1 and srv.hits["/b"] == 1  # already-seen pages are not fetched again


def test_issue13_cli_unresolvable_host_is_reported_as_such(tmp_path, monkeypatch):
    import socket

    real = socket.getaddrinfo

    def resolver(host, *args, **kwargs):
        # .invalid never resolves (RFC 2606); answered here as a resolver would, with no lookup traffic
        if isinstance(host, str) and host.endswith(".invalid"):
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", resolver)
    db = tmp_path / "r.db"
    for args in (["http://news.invalid/a"], ["--feed", "http://feeds.invalid/rss.xml"]):
        res = runner.invoke(app, ["ingest", *args, "--db", str(db)])
        text = res.output
        assert res.exit_code == 1, text
        assert "does not resolve" in text and "invalid" in text, text
        assert "private" not in text and "public addresses" not in text and "loopback" not in text
