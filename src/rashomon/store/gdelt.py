"""A GDELT-style flat export of events: one CSV row per event.

Column names follow GDELT 2.0's event table where one exists (``SQLDATE``, ``Actor1Code``,
``QuadClass``, ``GoldsteinScale``, ``ActionGeo_Lat``, ``SOURCEURL``, ...); event codes are
PLOVER types instead of CAMEO codes, ``GoldsteinScale`` holds PLOVER's −10…+10 score, and
rashomon adds what GDELT lacks: the event's status, who alleges or denies it, and the
sentence offsets that ground it.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Any

from rashomon.vocab import PLOVER, coded_type

FILENAME = "events_gdelt_like.csv"
COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "EventDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2Type1Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventMode", "QuadClass", "GoldsteinScale",
    "Status", "Claimant", "ActionGeo_FullName", "ActionGeo_Lat", "ActionGeo_Long",
    "SOURCEURL", "ArticleId", "Outlet", "SentStart", "SentEnd", "Trigger",
]
_QUERY = """
SELECT e.id, e.date, e.type, e.mode, e.status, e.claimant, e.parent_id,
       e.source, e.target, e.place, e.lat, e.lon, e.article_id, e.sent_start, e.sent_end,
       e.trigger, e.quad_class,
       s.country, s.sectors, t.country, t.sectors,
       a.published, a.url, a.source, a.outlet
FROM events e
LEFT JOIN actors s ON s.id = e.source_id
LEFT JOIN actors t ON t.id = e.target_id
LEFT JOIN articles a ON a.id = e.article_id
ORDER BY e.article_id, e.start, e.id
"""


def _sqldate(event_date: str | None, published: str | None) -> str:
    """YYYYMMDD: the event's own date when it is a full day, else the article's date."""
    for value in (event_date, published):
        if value and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value[:10]):
            return value[:10].replace("-", "")
    return ""


def _code(country: str | None, sectors: Any) -> tuple[str, str, str]:
    sectors = list(sectors or [])
    first = sectors[0] if sectors else ""
    return f"{country or ''}{first}", country or "", first


def rows(store: Any) -> list[dict[str, Any]]:
    """Export rows as dicts (the CSV writer's input; also handy for tests)."""
    out = []
    for (eid, date, type_, mode, status, claimant, parent, source, target, place, lat, lon,
         article_id, sent_start, sent_end, trigger, quad, s_country, s_sectors, t_country,
         t_sectors, published, url, src_path, outlet) in store.con.execute(_QUERY).fetchall():
        a1, a1c, a1t = _code(s_country, s_sectors)
        a2, a2c, a2t = _code(t_country, t_sectors)
        out.append({
            "GLOBALEVENTID": eid, "SQLDATE": _sqldate(date, published), "EventDate": date or "",
            "Actor1Code": a1, "Actor1Name": source or "", "Actor1CountryCode": a1c,
            "Actor1Type1Code": a1t,
            "Actor2Code": a2, "Actor2Name": target or "", "Actor2CountryCode": a2c,
            "Actor2Type1Code": a2t,
            "IsRootEvent": int(parent is None), "EventCode": coded_type(type_, status),
            "EventBaseCode": type_, "EventMode": mode or "",
            "QuadClass": quad if quad is not None else PLOVER[type_][0],
            "GoldsteinScale": PLOVER[type_][1], "Status": status, "Claimant": claimant or "",
            "ActionGeo_FullName": place or "", "ActionGeo_Lat": "" if lat is None else lat,
            "ActionGeo_Long": "" if lon is None else lon,
            "SOURCEURL": url or src_path or "", "ArticleId": article_id, "Outlet": outlet or "",
            "SentStart": sent_start, "SentEnd": sent_end, "Trigger": trigger or "",
        })
    return out


def export_gdelt_like(store: Any, out_dir: Path) -> Path:
    """Write ``events_gdelt_like.csv`` (one row per event) into ``out_dir``; return its path."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / FILENAME
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows(store))
    return path
