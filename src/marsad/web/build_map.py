"""Build the dashboard's shipped map geometry (static/world.geojson) from a Natural Earth 1:110m countries
shapefile: a development-time tool, never run by the server.

The shapefile used is ``naturalearth_lowres`` as shipped inside the geopandas 0.14.4 wheel (Natural Earth,
public domain). Rebuild with::

    pip download geopandas==0.14.4 --no-deps -d /tmp/gp && unzip -q /tmp/gp/*.whl -d /tmp/gp
    python -m marsad.web.build_map /tmp/gp/geopandas/datasets/naturalearth_lowres/naturalearth_lowres

The shapefile and dBase readers below cover exactly what that file uses (polygons, character and numeric
fields): no GIS dependency is needed for a 180 kB file.
"""

from __future__ import annotations

import json
import struct
import sys
from pathlib import Path
from typing import Any

PRECISION = 2  # decimal degrees kept: ~1 km, far below what a 1:110m outline can show
SHAPE_POLYGON = 5
SHAPE_NULL = 0


def read_dbf(path: Path) -> list[dict[str, str]]:
    """The records of a dBase III file as dicts of stripped strings."""
    data = path.read_bytes()
    count, header_len, record_len = struct.unpack("<IHH", data[4:12])
    fields = []
    pos = 32
    while data[pos] != 0x0D:
        name = data[pos : pos + 11].split(b"\0", 1)[0].decode("ascii")
        fields.append((name, data[pos + 16]))
        pos += 32
    out = []
    for i in range(count):
        rec = data[header_len + i * record_len : header_len + (i + 1) * record_len]
        if rec[:1] == b"*":  # deleted record
            continue
        values, at = {}, 1
        for name, size in fields:
            values[name.lower()] = rec[at : at + size].decode("utf-8", "replace").strip()
            at += size
        out.append(values)
    return out


def read_polygons(path: Path) -> list[list[list[tuple[float, float]]]]:
    """Every record of a polygon shapefile as its list of rings (lists of (lon, lat))."""
    data = path.read_bytes()
    pos, shapes = 100, []
    while pos < len(data):
        _num, words = struct.unpack(">II", data[pos : pos + 8])
        body = data[pos + 8 : pos + 8 + 2 * words]
        pos += 8 + 2 * words
        (kind,) = struct.unpack("<i", body[:4])
        if kind == SHAPE_NULL:
            shapes.append([])
            continue
        if kind != SHAPE_POLYGON:
            raise ValueError(f"{path}: shape type {kind} is not a polygon")
        n_parts, n_points = struct.unpack("<ii", body[36:44])
        parts = list(struct.unpack(f"<{n_parts}i", body[44 : 44 + 4 * n_parts]))
        start = 44 + 4 * n_parts
        points = [struct.unpack("<dd", body[start + 16 * j : start + 16 * j + 16]) for j in range(n_points)]
        bounds = [*parts, n_points]
        shapes.append([points[a:b] for a, b in zip(bounds, bounds[1:], strict=False)])
    return shapes


def _ring(points: list[tuple[float, float]]) -> list[list[float]]:
    out: list[list[float]] = []
    for lon, lat in points:
        p = [round(lon, PRECISION), round(lat, PRECISION)]
        if not out or out[-1] != p:  # rounding merges neighbouring points: drop the repeats
            out.append(p)
    return out


def build(stem: Path) -> dict[str, Any]:
    """A GeoJSON FeatureCollection of countries: properties iso3 and name; rings as the shapefile gives them."""
    records = read_dbf(stem.with_suffix(".dbf"))
    shapes = read_polygons(stem.with_suffix(".shp"))
    if len(records) != len(shapes):
        raise ValueError(f"{stem}: {len(records)} attribute records for {len(shapes)} shapes")
    features = []
    for rec, rings in zip(records, shapes, strict=True):
        kept = [r for r in (_ring(ring) for ring in rings) if len(r) >= 4]
        if not kept:
            continue
        iso3 = rec.get("iso_a3") or ""
        features.append(
            {
                "type": "Feature",
                "properties": {"iso3": iso3 if iso3 != "-99" else None, "name": rec.get("name")},
                "geometry": {"type": "MultiPolygon", "coordinates": [[r] for r in kept]},
            }
        )
    return {
        "type": "FeatureCollection",
        "source": "Natural Earth 1:110m admin-0 countries (public domain), via geopandas 0.14.4",
        "features": features,
    }


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python -m marsad.web.build_map SHAPEFILE_STEM", file=sys.stderr)
        return 2
    out = Path(__file__).parent / "static" / "world.geojson"
    out.write_text(json.dumps(build(Path(argv[1])), separators=(",", ":")), encoding="utf-8")
    print(f"wrote {out} ({out.stat().st_size} bytes)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
