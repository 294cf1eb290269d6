"""The desk's time zone: the region's local time, whatever zone the machine running elsdesk is in.

Ticket times are stored as naive local times of the region (a Swedish region: Europe/Stockholm).
A time written with ``Z`` or an offset is converted to that zone, not to the machine's, so an
import on a UTC server stores the same time as one on a workstation in Sweden. The environment
variable ``ELSDESK_TIMEZONE`` names another IANA zone (``Europe/Helsinki``) for a desk elsewhere.
"""

from __future__ import annotations

import logging
import os
from datetime import date, datetime, tzinfo
from functools import lru_cache

DEFAULT_ZONE = "Europe/Stockholm"
ZONE_VARIABLE = "ELSDESK_TIMEZONE"

log = logging.getLogger(__name__)


def desk_zone_name() -> str:
    """The IANA name of the desk's zone: ``ELSDESK_TIMEZONE`` when set, else Europe/Stockholm."""
    return os.environ.get(ZONE_VARIABLE, "").strip() or DEFAULT_ZONE


@lru_cache(maxsize=8)
def _zone_named(name: str) -> tzinfo | None:
    """The zone *name*, or None (with one logged warning) when the zone data does not know it."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError  # its path search reads sysconfig: not before the first paint

    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        log.warning("tidszonen %r hittades inte (saknas tidszonsdata?); maskinens lokala tid används", name)
        return None


def desk_zone() -> tzinfo | None:
    """The desk's zone; None means the machine's local zone (the named zone could not be loaded)."""
    return _zone_named(desk_zone_name())


def to_region_local(moment: datetime) -> datetime:
    """*moment* as the region's naive local time: an aware time is converted to the desk's zone,
    a naive one is already the region's local time and is returned as written."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        return moment.replace(tzinfo=None)
    return moment.astimezone(desk_zone()).replace(tzinfo=None)


def region_now() -> datetime:
    """Now, as the region's naive local time (a UTC server logs a ticket at Swedish time)."""
    return datetime.now(desk_zone()).replace(tzinfo=None)  # no zone: the machine's local time


def region_today() -> date:
    """Today in the region (a UTC server just after midnight in Sweden is already on the next day)."""
    return region_now().date()
