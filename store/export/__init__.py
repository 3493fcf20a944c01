"""Exports of annotations: Markdown for reading (Obsidian and friends) and a lossless
W3C Web Annotation JSON collection that imports back.

- `store.export.markdown`: one article as a Markdown file (`article_markdown`,
  `export_filename`, and the escaping that keeps article text from becoming Markdown).
- `store.export.webanno`: the JSON collection (`collection_json`).
- `store.export.webanno_import`: checking and importing such a collection
  (`parse_collection`, `import_collection`).
- `store.export.files`: atomic writes that never clobber a foreign file (`write_atomic`),
  the default export folder (`export_folder`) and the one-call export of one or many
  articles (`export_article`, `export_articles`, `export_text`).
"""

from claimmark.store.export.errors import ExportError, ImportFormatError
from claimmark.store.export.files import (
    FORMATS,
    export_articles,
    export_text,
    is_claimmark_file,
    write_atomic,
)
from claimmark.store.export.markdown import (
    GROUP_BY,
    article_markdown,
    export_filename,
    obsidian_tag,
)
from claimmark.store.export.webanno import collection_json
from claimmark.store.export.webanno_import import (
    ImportSummary,
    ParsedCollection,
    import_collection,
    parse_collection,
)

__all__ = [
    "FORMATS",
    "GROUP_BY",
    "ExportError",
    "ImportFormatError",
    "ImportSummary",
    "ParsedCollection",
    "article_markdown",
    "collection_json",
    "export_articles",
    "export_filename",
    "export_text",
    "import_collection",
    "is_claimmark_file",
    "obsidian_tag",
    "parse_collection",
    "write_atomic",
]
