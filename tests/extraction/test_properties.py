"""Any text extracts without error and offsets stay consistent (see also
test_extraction_bounds.py)."""

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.extraction.conftest import attribute_body, run

_NEWSY = st.lists(
    st.sampled_from([*"aAbBsSdD .,;:!?\n\"“”‘’'()[]-—", "said ", "He ", "Mr. ", "that ", "Jo Ng "]),
    max_size=120,
).map("".join)


def _consistent(found) -> None:
    body = found.body if hasattr(found, "body") else None
    for statement in found.statements:
        assert 0 <= statement.start <= statement.end
        if body is not None:
            assert body[statement.start : statement.end] == statement.text


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=500))
def test_any_text(plugins, text: str):
    _consistent(run(text, plugins))


@settings(max_examples=150, deadline=None)
@given(_NEWSY)
def test_newsy_text_with_unbalanced_quotes(plugins, text: str):
    _consistent(run(text, plugins))


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=0x1F), max_size=300))
def test_control_characters(text: str):
    found = attribute_body(text)
    for statement in found.statements:
        assert text[statement.start : statement.end] == statement.text
