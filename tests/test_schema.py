"""The shipped JSON Schema describes the same format the loader enforces."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from briefing.core import format_keys
from briefing.paths import bundled_deck_path

SCHEMA_PATH = Path(format_keys.__file__).with_name("deck.schema.json")


@pytest.fixture(scope="module")
def schema() -> dict:
    loaded = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(loaded)
    return loaded


@pytest.mark.parametrize(
    ("definition", "field_set"),
    [
        ("deck_metadata", format_keys.DECK_FOLDER),
        ("single_file_deck", format_keys.DECK_FILE),
        ("card", format_keys.CARD),
        ("source", format_keys.SOURCE),
    ],
)
def test_schema_keys_match_the_loaders_keys(schema, definition, field_set):
    described = schema["$defs"][definition]
    assert set(described["properties"]) == set(field_set.allowed)
    assert set(described["required"]) == set(field_set.required)


def test_schema_nested_keys_match_the_loaders_keys(schema):
    card = schema["$defs"]["card"]["properties"]
    for name, field_set in [("figure", format_keys.FIGURE), ("image", format_keys.IMAGE)]:
        assert set(card[name]["properties"]) == set(field_set.allowed)
        assert set(card[name]["required"]) == set(field_set.required)
    quote = card["quotes"]["items"]
    assert set(quote["properties"]) == set(format_keys.QUOTE.allowed)
    assert set(quote["required"]) == set(format_keys.QUOTE.required)


def test_every_file_of_the_bundled_deck_satisfies_the_schema(schema):
    files = sorted(bundled_deck_path().glob("*.yaml"))
    assert len(files) == 7
    for path in files:
        # BaseLoader keeps every scalar as text, as the app does.
        document = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
        jsonschema.validate(document, schema)


def test_schema_refuses_a_misspelt_card_key(schema):
    card_schema = {"$ref": "#/$defs/card", "$defs": schema["$defs"]}
    card = {"title": "Weapons", "headline": "x", "body": "y"}
    jsonschema.validate(card, card_schema)  # complete without the misspelt key
    with pytest.raises(jsonschema.ValidationError) as refused:
        jsonschema.validate({**card, "heading": "x"}, card_schema)
    assert refused.value.validator == "additionalProperties"
    assert list(refused.value.path) == []  # the card itself, for a key it does not know
    with pytest.raises(jsonschema.ValidationError):  # and as a card file on its own
        jsonschema.validate({**card, "heading": "x"}, schema)


def test_schema_accepts_a_single_file_deck(schema):
    deck = {"title": "T", "cards": [{"title": "A", "headline": "H.", "body": "- b"}]}
    jsonschema.validate(deck, schema)
