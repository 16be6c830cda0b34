"""Header and metadata date strings."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.dates import parse_date
from marsad.errors import InputError


@pytest.mark.parametrize(("text", "expected"), [
    ("2015-07-21 10:22:00", date(2015, 7, 21)),
    ("2019-05-14", date(2019, 5, 14)),
    ("2019-05-14T08:00:00Z", date(2019, 5, 14)),
    ("2019-05-14T08:00:00+03:00", date(2019, 5, 14)),
    ("  2019-05-14  ", date(2019, 5, 14)),
    ("14/05/2019", date(2019, 5, 14)),
    ("14-5-2019", date(2019, 5, 14)),
    ("١٤/٠٥/٢٠١٩", date(2019, 5, 14)),
    ("14 مايو 2019", date(2019, 5, 14)),
    ("١٤ أيار ٢٠١٩", date(2019, 5, 14)),
    ("الثلاثاء 14 ماي 2019", date(2019, 5, 14)),
    ("نشر في: الثلاثاء، 14 مايو 2019 - 10:22", date(2019, 5, 14)),
    ("Tue, 14 May 2019 10:00:00 +0300", date(2019, 5, 14)),
    ("", None),
    ("لا تاريخ هنا", None),
    ("14 مايو", None),  # no year: not a date a header can stand on
    ("2019-02-30", None),
    ("31/02/2019", None),
])
def test_parse_date(text: str, expected: date | None) -> None:
    assert parse_date(text) == expected


def test_parse_date_rejects_non_string() -> None:
    with pytest.raises(InputError, match="string"):
        parse_date(20190514)  # type: ignore[arg-type]
