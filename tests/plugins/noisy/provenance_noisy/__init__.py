"""An extractor whose house style deserves warnings, and still loads."""

from provenance.toolkit import CuePhrase, Extractor, RawDocument, hookimpl


class NoisyExtractor(Extractor):
    name = "noisy"
    formats = ("noisy",)
    cues = {"say": ("clause",)}  # noqa: RUF012
    self_names = ("The Noisy Post",)
    cue_phrases = (CuePhrase(pattern="{speaker} whispered to the {self}:"),)
    examples = ('Jo Roe told the Noisy Post: "Nothing to add."',)

    def claim(self, document: RawDocument) -> float:
        return 0.0


@hookimpl
def register_extractors(register):
    register(NoisyExtractor())
