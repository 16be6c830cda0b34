"""Every setting is declared once with help text (datasette's rule), and the CLI exposes it."""

from click.testing import CliRunner

from marsad.cli import main
from marsad.config import Config, describe


def test_every_setting_has_help():
    settings = describe(Config)
    assert "events.unknown_names" in settings
    assert all(len(text) > 20 for text in settings.values()), settings


def test_names_flag_is_documented_on_the_commands():
    for command in ("extract", "annotate", "ingest"):
        out = CliRunner().invoke(main, [command, "--help"]).stdout
        assert "--names" in out and "name tagger" in out
