"""The English temporal grammar behind Chronicle's time expressions: vocabulary and rules.

About fifty compiled regular expressions (dates, weekdays, months, relative units, durations,
quarters, seasons, decades, clock times, holidays, sets, fuzzy references) run over the
lower-cased text, each only in windows around the trigger words it needs, found by one cheap
regex pass. ``candidates(text)`` returns the matches, overlaps resolved longest first;
``chronicle.analyze.time`` normalizes them to TIMEX3 values.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

# --- vocabulary -------------------------------------------------------------------------------
MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5,
    "sat": 5, "sunday": 6, "sun": 6,
}
SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "a": 1, "an": 1, "single": 1, "couple": 2, "a couple of": 2, "dozen": 12,
    "a dozen": 12, "half a dozen": 6, "a half": 0.5, "half a": 0.5, "half an": 0.5,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3,
            "4th": 4, "fifth": 5, "last": -1, "final": -1}
FUZZY = ("few", "a few", "several", "many", "some", "numerous", "a number of", "multiple")
UNIT_CODE = {"second": "S", "minute": "M", "hour": "H", "day": "D", "night": "D",
             "week": "W", "weekend": "WE", "fortnight": "W", "month": "M", "year": "Y",
             "decade": "DE", "century": "CE", "quarter": "Q"}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
                "overnight": "NI", "midday": "MI"}

_MONTH = (r"(?:jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?\.?|"
          r"july?\.?|aug(?:ust|\.)?|sept?(?:ember|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|"
          r"dec(?:ember|\.)?)")
_MONTH_NAMES = ("january|february|march|april|may|june|july|august|september|october|"
                "november|december")
MONTH_FULL = (rf"(?:{_MONTH_NAMES}|jan\.|feb\.|mar\.|apr\.|jun\.|jul\.|aug\.|sept?\.|oct\.|"
              r"nov\.|dec\.|aug|sept|oct|nov|dec|jan|feb)")
WEEKDAY = r"(?:mon|tues?|wednes|thurs|fri|satur|sun)day"
_DIGIT_WORD = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_NUMWORD = (r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ]" + _DIGIT_WORD
            + r")?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
            r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|(?:a |one )?hundred|"
            r"(?:a |one )?thousand)")
_DAY_ORD_WORD = (r"(?:(?:twenty|thirty)[\s-]+)?(?:first|second|third|fourth|fifth|sixth|seventh|"
                 r"eighth|ninth)|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|"
                 r"sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth")
_NUM = (r"(?:(?<![\d,.])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s+\d/\d)?|" + _NUMWORD + r"(?:[- ](?:hundred|thousand))?(?:[- ]and[- ]a[- ]half)?|"
        r"a couple of|couple of|half a dozen|a dozen|dozens of|a few|few|several|many|some|"
        r"numerous|a number of|multiple|an?|single|half an?)")
_UNIT = (r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|fortnights?|months?|"
         r"years?|decades?|centur(?:y|ies)|quarters?)")
_UNIT_SG = r"(?:second|minute|hour|day|week|month|year|decade|century|quarter)"
_PART = r"(?:morning|afternoon|evening|night)"
_SEASON = r"(?:spring|summer|fall|autumn|winter)"
YEAR = r"(?:1[6-9]\d\d|20\d\d)"
_DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_APPROX = (r"(?:(?:about|around|approximately|nearly|almost|roughly|some|only|just|"
           r"at least|at most|more than|less than|fewer than|no more than|"
           r"no less than|as many as|as much as|as long as|as few as|upwards of)\s+"
           r"|(?:over|under|within|up to)\s+(?!the\b|past\b|last\b|next\b))")
_TZ = r"(?:\s*\(?(?:[ecmp][sd]t|gmt|utc|local time)\)?)?"
_AMPM = r"(?:a\.m\.?|p\.m\.?|am\b|pm\b)"
_HOLIDAY = (r"(?:christmas(?: eve| day)?|new year['’]?s(?: eve| day)?|thanksgiving(?: day)?|"
            r"easter(?: sunday| monday)?|halloween|valentine['’]?s day|independence day|july fourth|"
            r"fourth of july|memorial day|labor day|veterans['’]? day|election day|new year|"
            # movable feasts counted from Easter, and the US shopping days after Thanksgiving
            r"good friday|holy (?:thursday|saturday)|maundy thursday|palm sunday|ash wednesday|"
            r"pentecost(?: sunday)?|black friday|cyber monday|"
            # US holidays and observances
            r"(?:martin luther king(?:,? jr\.?)?|mlk) day|president(?:s['’]?|['’]s)? day|"
            r"washington['’]s birthday|juneteenth|columbus day|indigenous peoples['’]? day|"
            r"(?:mother|father)['’]?s day)")

MOD_WORDS = {
    "about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX",
    "nearly": "APPROX", "almost": "APPROX", "some": "APPROX", "over": "MORE_THAN",
    "more than": "MORE_THAN", "upwards of": "MORE_THAN", "under": "LESS_THAN",
    "less than": "LESS_THAN", "fewer than": "LESS_THAN", "within": "EQUAL_OR_LESS",
    "up to": "EQUAL_OR_LESS", "at most": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS",
    "at least": "EQUAL_OR_MORE", "no less than": "EQUAL_OR_MORE", "as many as": "EQUAL_OR_LESS",
    "as much as": "EQUAL_OR_LESS", "as long as": "EQUAL_OR_LESS",
    "early": "START", "earlier": "START", "beginning": "START", "start": "START",
    "late": "END", "later": "END", "end": "END", "mid": "MID", "middle": "MID",
}


# --- the grammar: named rules, each a compiled pattern and a normalizer -------------------
@dataclass(slots=True)
class Candidate:
    start: int
    end: int
    rule: str
    match: re.Match


_RULES: list[tuple[str, str]] = [
    # dates with a year: "Aug. 7, 1998", "March 5 1946", "7 August 1998", "August 1998"
    ("month_day_year", rf"\b(?P<m>{MONTH_FULL})\s+(?P<d>{_DAYNUM})(?:,\s*|\s+)(?P<y>{YEAR})\b"),
    ("day_month_year", rf"\b(?P<d>{_DAYNUM})\s+(?:of\s+)?(?P<m>{MONTH_FULL})(?:,\s*|\s+)(?P<y>{YEAR})\b"),
    ("iso_date", r"\b(?P<y>1[6-9]\d\d|20\d\d)-(?P<mo>0[1-9]|1[0-2])-(?P<d>[0-2]\d|3[01])\b"),
    ("slash_date", r"\b(?P<mo>0?[1-9]|1[0-2])/(?P<d>0?[1-9]|[12]\d|3[01])/(?P<y>\d{4}|\d\d)\b"),
    ("month_year", rf"\b(?:(?P<mod>early|late|mid|the end of|the beginning of|the start of|the middle of)[\s-]+)?(?P<m>{MONTH_FULL})(?:,\s*|\s+|\s+of\s+)(?P<y>{YEAR})\b"),
    ("month_this_year", rf"\b(?P<m>{MONTH_FULL})(?:\s+(?:the\s+(?=\d{{1,2}}(?:st|nd|rd|th)\b))?(?P<d>{_DAYNUM}))?,?\s+(?:of\s+)?(?P<rel>this|last|next)\s+year\b"),
    # the formal date of proclamations and orders: "this fifteenth day of April, in the year of
    # our Lord two thousand twenty-two"
    ("formal_day", rf"\b(?:this|the)\s+(?P<dord>{_DAY_ORD_WORD}|(?:[12]?\d|3[01])(?:st|nd|rd|th))\s+day\s+of\s+(?P<m>{MONTH_FULL})(?:,?\s+(?:in\s+)?the\s+year\s+of\s+our\s+lord\s+(?:(?P<yc>nineteen)[\s-]+(?P<yy>{_NUMWORD})|two\s+thousand(?:[\s-]+(?:and[\s-]+)?(?P<y2>{_NUMWORD}))?)\b)?"),
    ("lord_year", rf"\bthe\s+year\s+of\s+our\s+lord\s+(?:(?P<yc>nineteen)[\s-]+(?P<yy>{_NUMWORD})|two\s+thousand(?:[\s-]+(?:and[\s-]+)?(?P<y2>{_NUMWORD}))?)\b"),
    # dates without a year: "Sept. 30", "the 25th of March", weekday-prefixed "Sunday, March 8"
    ("month_day", rf"\b(?:{WEEKDAY},?\s+)?(?P<m>{MONTH_FULL})\s+(?:the\s+(?=\d{{1,2}}(?:st|nd|rd|th)\b))?(?P<d>{_DAYNUM})(?![\d,.]\d|\s*%|\s*(?:{_UNIT}|percent|million|billion)\b)"),
    ("day_month", rf"\b(?:the\s+)?(?P<d>{_DAYNUM})\s+(?:of\s+)?(?P<m>{MONTH_FULL})\b(?!\s+{YEAR})"),
    # clock times: "10:35 a.m.", "5 p.m. EST, Nov. 9", "noon Saturday"
    ("clock", rf"\b(?:(?P<mod>about|around|approximately)\s+)?(?P<h>[01]?\d|2[0-3])(?::(?P<mi>[0-5]\d))?\s*(?P<ap>{_AMPM}){_TZ}(?:,?\s+(?P<wd>{WEEKDAY}|today|tomorrow|yesterday)|,?\s+(?P<m>{MONTH_FULL})\s+(?P<d>{_DAYNUM}))?"),
    ("clock24", r"\b(?P<h>[01]\d|2[0-3]):(?P<mi>[0-5]\d)\s*(?:hours|hrs|gmt|utc|[ecmp][sd]t)\b"),
    ("noon", rf"\b(?P<n>noon|midnight|midday)(?:,?\s+(?P<wd>{WEEKDAY}|today|tomorrow|yesterday))?"),
    # "Friday", "last Friday", "Friday morning", "this coming Sunday"
    ("weekday", rf"\b(?:(?P<rel>last|next|this(?:\s+(?:coming|past))?|coming|the following|the previous|the next|early|late)\s+)?(?P<wd>{WEEKDAY})(?P<pl>s)?(?:'s)?(?:\s+(?P<part>{_PART}))?\b"),
    ("weekday_short", r"\b(?P<wd>mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.(?=\s|,)"),
    # "yesterday", "late yesterday", "tomorrow morning", "tonight", "last night", "this morning"
    ("deictic_day", rf"\b(?:(?P<mod>early|late|earlier|later)\s+)?(?P<w>today|yesterday|tomorrow|tonight)(?:'s)?(?:\s+(?P<part>{_PART}))?\b"),
    ("part_of_day", rf"\b(?:(?P<mod>early|late|earlier|later|mid)[\s-]+)?(?P<rel>this|last|tomorrow|yesterday|the|that)\s+(?P<part>{_PART})\b"),
    ("part_deictic", rf"\b(?:(?P<mod>early|late|mid)[\s-]+)?(?P<part>{_PART})(?:\s+(?P<w>yesterday|today|tomorrow))?\b"),
    ("overnight", r"\bovernight\b"),
    # holidays
    ("holiday", rf"\b(?:(?P<rel>last|next|this)\s+)?(?P<h>{_HOLIDAY})\b(?:\s+(?P<wk>week)\b)?(?:,?\s+(?P<y>{YEAR})\b)?"),
    # "the 1990s", "the early '80s", "the nineties", "the 20th century"
    ("decade", rf"\b(?:the\s+)?(?:(?P<mod>early|late|mid)[\s-]+)?(?P<c>1[6-9]|20)(?P<dd>\d)0'?s\b"),
    ("decade_short", rf"\b(?:the\s+)?(?:(?P<mod>early|late|mid)[\s-]+)?'(?P<dd>[1-9])0s\b"),
    ("decade_word", r"\b(?:the\s+)?(?:(?P<mod>early|late|mid)[\s-]+)?(?P<w>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b"),
    ("century", r"\b(?:the\s+)?(?:(?P<mod>early|late|mid)[\s-]+)?(?P<n>\d{1,2})(?:st|nd|rd|th)[\s-]+century\b"),
    ("this_century", r"\b(?P<rel>this|last|next|the past|the last)\s+century\b"),
    # quarters and halves: "the third quarter", "third-quarter", "the fiscal first quarter",
    # "the year-ago quarter", "the first half of 1989", "the latest quarter"
    ("quarter", rf"\b(?:(?P<the>the|its|this|that|last|next|a)\s+)?(?:(?P<yr>{YEAR}|year-(?:earlier|ago)|year-before|this year's|last year's|next year's)\s+)?(?:(?P<fis>fiscal|calendar)\s+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|latest|last|final|current|previous|recent|same|fiscal|comparable|year-ago|year-earlier|june|september|december|march|corresponding)?[\s-]*(?:fiscal\s+)?(?P<q>quarter|half|period)\b(?!-(?:century|centuries|to)\b)(?:(?:\s+of|,)\s+(?:(?P<y>{YEAR})|(?P<yrel>this|last|next)\s+year|(?P<fy>fiscal\s+{YEAR})|(?:the\s+)?(?:(?P<dec>'\d0s|(?:1[6-9]|20)\d0'?s)|(?P<cent>[12]?\d)(?:st|nd|rd|th)[\s-]+century\b))|\s+(?P<back>a\s+year\s+(?:ago|earlier|before)|last\s+year|the\s+(?:previous|prior)\s+year|the\s+year\s+before))?"),
    ("first_months", rf"\b(?:the\s+)?(?P<ord>first|last|latest|past|final)\s+(?P<n>{_NUM})\s+months\b"),
    ("year_mod", rf"\b(?:the\s+)?(?P<mod>early|late|mid|the end of|the beginning of|the start of|the middle of)[\s-]+(?P<y>{YEAR})\b(?!['’]?s)"),
    ("the_n_months", r"\bthe\s+(?P<n>six|nine|three|twelve|\d+)\s+months\b(?!\s+(?:ago|earlier|later|before|after))"),
    # "fiscal 1989", "fiscal 1990's first half" (the half is a separate candidate)
    ("fiscal_year", rf"\b(?P<rel>(?:the\s+)?(?:current|latest|last|next|previous|this)\s+|the\s+)?fiscal(?:\s+year)?\s*(?P<y>{YEAR}|'\d\d)?\b"),
    # "FY2022", "FY 2023", "FY22", "FY-2024"
    ("fy_year", r"\bfy[\s-]?'?(?P<y>(?:19|20)\d\d|\d\d)\b"),
    # "9/11": the attacks of September 11, 2001 (a name; a date of another year is written out)
    ("nine_eleven", r"(?<![\d/.])9/11(?![\d/])"),
    # seasons: "last fall", "this past spring", "the summer of 1998", "early summer"
    ("season", rf"\b(?:(?P<rel>last|next|this(?:\s+past|\s+coming)?|the|past|coming|early|late|mid)[\s-]+)?(?:(?P<mod>early|late|mid)[\s-]+)?(?P<s>{_SEASON})(?P<pl>s)?\b(?:\s+(?:of\s+)?(?:(?P<y>{YEAR})|(?P<yw>nineteen[\s-]+{_NUMWORD})\b))?"),
    ("year_season", rf"\b(?P<y>{YEAR})(?:'s)?\s+(?P<s>{_SEASON})\b"),
    # "the end of 1990", "the beginning of the year", "year-end", "the end of this week"
    ("edge_of", rf"\b(?P<edge>the end|the beginning|the start|the middle|the close|the turn)\s+of\s+(?:the\s+)?(?P<what>(?:this|last|next|the)\s+(?:year|month|week|decade|century|quarter)|{YEAR}|(?:the\s+)?{MONTH_FULL}(?:\s+{YEAR})?|year|month|week|decade|century|quarter)\b"),
    # "the week of March 6": the week that day falls in
    ("week_of", rf"\bthe\s+week\s+of\s+(?P<m>{MONTH_FULL})\s+(?P<d>{_DAYNUM})(?:,?\s+(?P<y>{YEAR}))?\b"),
    ("year_end", r"\b(?P<rel>this|last|next)?[\s-]*(?:year[- ]end|year's end|end of the year)\b"),
    # "earlier this year", "late last month", "early next week", "later this year"
    ("edge_rel", rf"\b(?P<mod>earlier|later|early|late|mid)[\s-]+(?P<rel>this|last|next)\s+(?P<u>week|month|year|decade|century|quarter|{MONTH_FULL}|{_SEASON})\b"),
    # "last week", "this year", "next month", "the past year", "the coming week", "the current year"
    ("rel_unit", rf"\b(?P<rel>last|this|next|the past|past|the last|the coming|the next|the previous|the current|current|the latest|the same|that|the following)\s+(?P<u>{_UNIT_SG}|weekend)\b"),
    # "last March", "this September", "next June"
    ("rel_month", rf"\b(?P<rel>last|this|next|this past|this coming)\s+(?P<m>january|february|march|april|may|june|july|august|september|october|november|december)\b"),
    # "two weeks ago", "a year earlier", "nearly four years ago", "three days later", "years ago"
    ("ago", rf"\b{_APPROX}?(?:(?P<n>{_NUM})\s+)?(?:(?P<more>more|other|full|long|whole)\s+)?(?P<u>{_UNIT})(?:\s+or\s+so)?\s+(?P<dir>ago|earlier|hence|from now)\b(?!\s+(?:that|the|a|an|his|her|its|their|this|he|she|they|it|we)\b)"),
    ("year_ago_adj", r"\b(?P<w>year|month|quarter|week)[- ](?P<dir>ago|earlier|before)\b"),
    # "the day before", "the next day", "that day", "the same day", "the following week"
    # "the day before yesterday", "the day after tomorrow", "the week before last"
    ("two_back", r"\bthe\s+day\s+(?P<ba>before|after)\s+(?P<w>yesterday|tomorrow)\b|\bthe\s+(?P<u>week|month|year)\s+(?P<ba2>before|after)\s+(?P<w2>last|next)\b"),
    ("anaphoric_day", r"\b(?P<rel>that|the same|the next|the following|the previous|the prior|that same)\s+(?P<u>day|morning|evening|night|afternoon)\b|\bthe day (?P<dir>before|after)\b"),
    # durations: "the past two days", "the next 14 months", "two weeks", "five-year", "16-hour"
    ("duration", rf"\b{_APPROX}?(?:(?P<lead>the\s+(?:past|last|next|first|coming|previous|final|latest|remaining|following|year-earlier|year-ago|comparable)|past|last|next|first|coming|previous|another|the|each\s+of\s+the\s+(?:past|last|next))\s+)?(?P<n>{_NUM})(?:\s+(?:to|or)\s+(?P<n2>{_NUM}))?\s+(?:(?P<more>more|other|full|straight|consecutive|long|trading|business|working|calendar|additional|extra)\s+)?(?P<u>{_UNIT})(?:\s+(?P<or_so>or so|and a half))?\b"),
    ("duration_adj", rf"\b(?P<n>\d+(?:\.\d+)?|{_NUMWORD}|half|several|multi)-(?P<u>{_UNIT_SG}|night)(?:s)?(?:-(?P<old>old|long))?\b"),
    ("fuzzy_units", rf"\b(?:(?P<lead>the\s+(?:past|last|next|coming|recent)|past|recent|coming|the)\s+)?(?:(?P<adj>recent|coming|next|past|few|many|several|numerous)\s+)?(?P<u>(?:seconds|minutes|hours|days|weeks|months|quarters|years|decades|centuries))\b(?:\s+(?P<dir>ago|earlier))?"),
    ("unit_long", r"\b(?P<u>hour|day|week|month|year)-?long\b"),
    # "April 24 and 25": the second day (the span is the day alone)
    ("second_day", rf"\b(?P<m>{MONTH_FULL})\s+{_DAYNUM}\s*(?:,\s*)?(?:and|or|&)\s+(?P<d>{_DAYNUM})\b(?!\s*(?:%|percent|{_UNIT}|million|billion)\b|[,.]\d)"),
    ("decades_long", r"\b(?P<u>decades|years|months|weeks|centuries)-(?:long|old)\b"),
    # sets: "daily", "every week", "each year", "a year", "twice a week"
    ("set_adverb", r"\b(?P<w>daily|weekly|monthly|annually|yearly|quarterly|hourly|nightly|biweekly|semiannually|bimonthly)\b"),
    ("set_every", rf"\b(?P<q>every|each|per|a)\s+(?:(?P<n>{_NUM}|other)\s+)?(?P<u>{_UNIT_SG}|{WEEKDAY}|{_PART}|{_SEASON}|{_MONTH_NAMES})\b"),
    # fuzzy references
    ("present_ref", r"\b(?:right\s+)?now\b|\bcurrently\b|\bnowadays\b|\bthese days\b|\bat present\b|\bat the moment\b|\bat this time\b|\bpresently\b|\bthe present\b|\bcurrent\b(?!\s+(?:account|accounts|events|affairs|law|policy|policies))"),
    ("past_ref", r"\b(?:recently|lately|once upon a time|(?:the\s+)?(?:recent|distant|not-too-distant)\s+past|the past)\b"),
    ("future_ref", r"\b(?:(?:very\s+)?soon(?:er)?(?!\s+(?:as|after|before|afterwards?|thereafter)\b)|(?:very\s+)?shortly(?!\s+(?:after|before|afterwards?|thereafter)\b)|(?:the\s+)?(?:very\s+)?(?:near|immediate|foreseeable|distant|not-too-distant)\s+future|the future|(?<=in )future|as soon as possible|in due course|the\s+coming\s+(?:decades|quarters))\b"),
    # bare months: "in March", "early December", "mid-November" (capitalized in the text)
    ("month", r"\b(?:(?P<mod>early|late|mid|the end of|the beginning of|the start of|the middle of)[\s-]+)?(?P<m>january|february|march|april|may|june|july|august|september|october|november|december|jan\.|feb\.|aug\.|sept\.|oct\.|nov\.|dec\.)(?!\w)"),
    # years in words: "nineteen ninety-six", "the year two thousand"
    ("year_words", rf"\b(?:the\s+year\s+)?(?:(?P<c>nineteen|twenty)\s+(?P<yy>{_NUMWORD}|oh[\s-]+{_DIGIT_WORD})|two thousand(?:\s+and\s+(?P<y2>{_DIGIT_WORD}|ten))?)\b(?!\s+(?:{_UNIT}|percent|dollars|people|million|billion)\b)"),
    # "the year", "the full year", "the fiscal year": the year being reported on
    ("the_year", r"\bthe\s+(?:(?P<adj>full|whole|entire|fiscal|current|calendar)\s+)?year\b(?!\s+(?:two|nineteen|\d)|'s|-)"),
    # "that year", "the following year", "later that month", "earlier that day"
    ("anaphoric", r"\b(?:(?P<mod>earlier|later|early|late)\s+(?:in\s+)?)?(?P<rel>that|that same|the same|the following|the previous|the prior|the next)\s+(?P<u>year|month|week|day)\b"),
    # "over the weekend"
    ("the_weekend", r"\bthe\s+weekend\b(?!s)"),
    # "the near term", "the long run"
    ("term_ref", r"\bthe\s+(?P<w>near|short)[\s-]+term\b(?!-)"),
    # bare years last: "in 1998", "1998's", "'98"
    ("year", rf"(?<![\w$£€.,/:%=&#+-])(?P<y>{YEAR})(?:'s)?(?!\w|[%,.]\d|-\d|\s*(?:percent|%|dollars|pounds|yen))"),
]
# The rules run over the lower-cased text without re.I (several times faster in Python's re).
_COMPILED: list[tuple[str, re.Pattern]] = [(name, re.compile(p)) for name, p in _RULES]
_COMPILED_I: list[tuple[str, re.Pattern]] = [(name, re.compile(p, re.I)) for name, p in _RULES]

# Speed: the rules are not run over the whole text but only over windows around trigger words
# (a month, a weekday, a digit, a unit, ...) that each rule needs; one cheap pass finds them.
_TRIGGER = re.compile(  # longer words first: "month" is a unit, not "mon"(day)
    r"\b(?:(?P<setw>daily|weekly|monthly|quarterly|yearly|annual|hourly|nightly|biweekly"
    r"|semiannual|bimonthly)"
    r"|(?P<cal>second|minute|hour|day|week|fortnight|month|year|decade|centur)"
    r"|(?P<qtr>quarter|half|period)"
    r"|(?P<part>morning|afternoon|evening|night|overnight|noon|midnight|midday)"
    r"|(?P<deic>today|yesterday|tomorrow|tonight)"
    r"|(?P<season>spring|summer|fall|autumn|winter)"
    r"|(?P<fisc>fiscal)"
    r"|(?P<ref>now|current|these days|present|moment|this time|recent|lately|previous|formerly"
    r"|past|soon|shortly|future|coming|due course|near|short)"
    r"|(?P<hol_m>juneteenth|martin luther king)"  # holidays that begin like a month
    r"|(?P<mon>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"|(?P<wd>mon|tue|wed|thu|fri|sat|sun)"
    r"|(?P<num>\d|'\d)"
    r"|(?P<num_word>nineteen|twenty|two thousand)"
    r"|(?P<hol>christmas|new year|thanksgiving|easter|halloween|valentine|independence"
    r"|july fourth|fourth of july|memorial day|labor day|veterans|election day|pentecost|mlk"
    r"|president|washington['’]s birthday|columbus day|indigenous peoples|(?:mother|father)['’]?s day)"
    r"|(?P<dec>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))")
_TRIGGER_I = re.compile(_TRIGGER.pattern, re.I)
_ALL = ("setw", "cal", "qtr", "part", "deic", "season", "fisc", "ref", "hol_m", "mon", "wd", "num",
        "num_word", "hol", "dec")
_RULE_TRIGGERS: dict[str, tuple[str, ...]] = {
    "month_day_year": ("mon",), "day_month_year": ("mon",), "iso_date": ("num",),
    "slash_date": ("num",), "month_year": ("mon",), "month_this_year": ("mon",),
    "month_day": ("mon",), "formal_day": ("mon",), "lord_year": ("num_word",), "day_month": ("mon",), "clock": ("num",), "clock24": ("num",),
    "noon": ("part",), "weekday": ("wd",), "weekday_short": ("wd",), "deictic_day": ("deic",),
    "part_of_day": ("part",), "part_deictic": ("part",), "overnight": ("part",),
    "holiday": ("hol", "hol_m", "wd"),  # "wd": the named weekdays ("Good Friday", "Palm Sunday")
    "decade": ("num",), "decade_short": ("num",), "decade_word": ("dec",), "century": ("num",),
    "this_century": ("cal",), "quarter": ("qtr",), "first_months": ("cal",),
    "the_n_months": ("cal",), "fiscal_year": ("fisc",), "fy_year": ("num",), "nine_eleven": ("num",), "season": ("season",),
    "year_season": ("season",), "edge_of": ("cal", "qtr", "num", "mon"), "year_end": ("cal",),
    "week_of": ("mon",),
    "edge_rel": ("cal", "qtr", "mon", "season"), "rel_unit": ("cal",), "rel_month": ("mon",),
    "ago": ("cal", "qtr"), "year_ago_adj": ("cal", "qtr"), "anaphoric_day": ("cal", "part"), "two_back": ("cal",),
    "duration": ("cal", "qtr", "part"), "duration_adj": ("cal", "qtr", "part"),
    "fuzzy_units": ("cal", "qtr"), "decades_long": ("cal",), "unit_long": ("cal",),
    "second_day": ("mon",), "set_adverb": ("setw",),
    "set_every": ("cal", "qtr", "wd", "part", "season", "mon"),
    "present_ref": ("ref",), "past_ref": ("ref",), "future_ref": ("ref",), "year": ("num",),
    "month": ("mon",), "year_mod": ("num",), "year_words": ("num_word",), "the_year": ("cal",),
    "anaphoric": ("cal",), "term_ref": ("ref",), "the_weekend": ("cal",),
}
_BEFORE, _AFTER = 70, 70  # window around a trigger: the longest prefix / suffix a rule takes


def _merge(windows) -> list[tuple[int, int]]:
    merged: list[list[int]] = []
    for ws, we in sorted(windows):
        if merged and ws <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], we)
        else:
            merged.append([ws, we])
    return [(a, b) for a, b in merged]


def candidates(text: str, viable: Callable[[Candidate], bool] | None = None) -> list[Candidate]:
    """All rule matches over the text, overlaps resolved longest first (ties: rule order).

    ``viable`` rejects a match that normalization would drop, so a shorter one may win.
    """
    n = len(text)
    low = text.lower()
    trigger, rules = _TRIGGER, _COMPILED
    if len(low) != n:  # a few Unicode letters change length when lower-cased
        low, trigger, rules = text, _TRIGGER_I, _COMPILED_I
    hits: dict[str, list[tuple[int, int]]] = {k: [] for k in _ALL}
    for t in trigger.finditer(low):
        hits[t.lastgroup].append((max(0, t.start() - _BEFORE), min(n, t.end() + _AFTER)))
    found: list[tuple[int, int, int, Candidate]] = []
    merged: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    for order, (name, pattern) in enumerate(rules):
        classes = _RULE_TRIGGERS[name]
        windows = merged.get(classes)
        if windows is None:
            windows = merged[classes] = _merge(w for k in classes for w in hits[k])
        for ws, we in windows:
            for m in pattern.finditer(low, ws, we):
                s, e = m.span("d") if name == "second_day" else m.span()
                while e > s and text[e - 1] in " ,-":
                    e -= 1
                while s < e and text[s] in " ,-":
                    s += 1
                if e > s:
                    found.append((-(e - s), order, s, Candidate(s, e, name, m)))
    found.sort(key=lambda x: (x[0], x[1], x[2]))
    taken = bytearray(len(text) + 1)
    chosen: list[Candidate] = []
    for _, _, _, c in found:
        if any(taken[c.start:c.end]):
            continue
        if viable is not None and not viable(c):
            continue
        taken[c.start:c.end] = b"\x01" * (c.end - c.start)
        chosen.append(c)
    chosen.sort(key=lambda c: c.start)
    return chosen
