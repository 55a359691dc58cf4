"""Pages of the Gazette's publishing system, known by their ``generator`` meta tag: the
story is the paragraphs of ``div.gz-story``, whatever else the page holds."""

from provenance.toolkit import (
    Extractor,
    ParsedDocument,
    RawDocument,
    hookimpl,
    page_tree,
    read_html,
)

STORY = "//div[contains(concat(' ', normalize-space(@class), ' '), ' gz-story ')]/p"


class GazetteExtractor(Extractor):
    name = "gazette"
    formats = ("gazette",)

    def claim(self, document: RawDocument) -> float:
        tree = page_tree(document)
        if tree is None:
            return 0.0
        generator = tree.xpath("string(//meta[@name='generator']/@content)")
        return 0.9 if generator.startswith("GazettePress") else 0.0

    def parse(self, document: RawDocument) -> ParsedDocument:
        tree = page_tree(document)
        assert tree is not None
        meta = read_html(tree).metadata
        paragraphs = [" ".join(p.text_content().split()) for p in tree.xpath(STORY)]
        return ParsedDocument(
            body="\n\n".join(paragraphs),
            title=meta.title,
            authors=meta.authors,
            published=meta.published,
            format="gazette",
        )


@hookimpl
def register_extractors(register):
    register(GazetteExtractor())
