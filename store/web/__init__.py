"""Articles from the web: fetching a page, decoding it, and reading its article.

One module per job, each importing its heavy libraries (httpx, lxml, readability-lxml,
trafilatura, htmldate, charset-normalizer) inside its functions, so that importing
claimmark (the TUI's first frame, `claimmark list`) does not pay for them:

- `fetch`: an http(s) GET with httpx (user agent, timeouts, redirects, size cap, content
  type), every failure a `FetchError` with one line;
- `decode`: page bytes to text (header charset, meta charset, detection);
- `blocks`: an HTML tree to paragraphs;
- `extract`: the main text, from readability-lxml and trafilatura together;
- `metadata`: title, byline, site, dates, canonical URL and language;
- `page`: decoded HTML to an article claimmark stores (metadata + text, normalised);
- `add`: adding URLs, files and folders one by one, and refreshing articles (shared by
  the command line and the TUI).
"""
