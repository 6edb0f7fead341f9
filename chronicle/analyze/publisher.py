"""The country an article is published in, from what the reader gave: a ``country`` field in
its metadata (a name or an ISO code), else its address (``whitehouse.gov`` → USA, ``tass.ru`` →
RUS, ``gov.uk`` → GBR). Formal writing names its own country's officials by title alone ("The
President signed ...", ``THE VICE PRESIDENT:``); this says whose office that is. None when
nothing says: a ``.com`` address tells nothing."""
from __future__ import annotations

from functools import lru_cache
from urllib.parse import urlsplit

import pycountry

# Country-code domains sold for their letters, not their country (".io", ".tv", ".ai" ...).
_VANITY = {"io", "co", "tv", "me", "ai", "ly", "fm", "am", "gg", "to", "cc", "ws", "la", "sh",
           "ac", "vc", "nu", "tk", "ag", "gl", "im", "so", "st", "cx", "ms", "mu", "md", "gd", "eu"}
# Top-level domains of one country's government that are not country codes.
_GOVERNMENT_TLDS = {"gov": "USA", "mil": "USA", "uk": "GBR"}


def publisher_country(url: str | None, meta: dict | None = None) -> str | None:
    """ISO 3166 alpha-3 code of the publisher's country, or None."""
    given = (meta or {}).get("country")
    if isinstance(given, str) and given.strip():
        return _country_code(given.strip())
    if not url:
        return None
    host = urlsplit(url if "//" in url else "//" + url).hostname or ""
    tld = host.rsplit(".", 1)[-1].lower() if "." in host else ""
    if tld in _GOVERNMENT_TLDS:
        return _GOVERNMENT_TLDS[tld]
    if len(tld) != 2 or tld in _VANITY:
        return None
    return _country_code(tld)


@lru_cache(maxsize=256)
def _country_code(value: str) -> str | None:
    try:
        country = pycountry.countries.lookup(value)
    except LookupError:
        return None
    return country.alpha_3
