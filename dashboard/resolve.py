"""Choose one gazetteer place per mention, using the rest of the document as context.

A name alone is ambiguous (74 Oleksandrivkas in Ukraine; Odessa, Texas). What disambiguates it in
news is what the same text says around it: the country most places in the article belong to, a
region named next to it ("Oleksandrivka, Donetsk region"), other places nearby, and cues such as
"the X river" or "village of X". Population only breaks the ties that are left.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace

from .gazetteer import TOWN_FEATURES, Gazetteer
from .records import PRECISION_NEAR, Mention, Place, ResolvedMention
from .textnorm import fold, is_cyrillic

# Which gazetteer features each context cue favours.
_CUE_FEATURES = {
    "river": {"river"},
    "settlement": {"city", "settlement"},
    "city": {"city"},
    "region": {"admin1", "admin2", "region"},
}
_REGIONAL = {"admin1", "admin2", "region", "area"}
_BROAD = frozenset(("country", "continent"))
_LOCAL = frozenset(("city", "settlement", "admin2"))  # placed by the places named around them
# "X, Y region" / "X in the Y oblast" / "X (Y region)" / "the X district of the Y region": a place
# (or a district named after it) followed by its region.
_REGION_AFTER = re.compile(
    r"^\s*(?:(?:district|raion|area)\s*)?(?:,|\(|\[|in(?: the)?|of(?: the)?)\s*(?:the\s+)?$", re.I
)


# What ties a place to the town named after it: "X, just outside Y", "X near Y", "X, 10 km south of Y"
# (matched over the text between the two names: match(text, end of X, start of Y)).
_NEAR_AFTER = re.compile(
    r"(?:,\s*|\s+)(?:(?:just|some|about|around|roughly|approximately|a\s+few)\s+)?"
    r"(?:(?:\d+(?:[.,]\d+)?|a\s+few)\s*(?:km|kilomet(?:er|re)s?|miles?)\s+(?:from\s+)?)?"
    r"(?:outside(?:\s+of)?|near|close\s+to|on\s+the\s+outskirts\s+of"
    r"|(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)\s+of|(?<=from\s))"
    r"\s*(?:the\s+)?(?:(?:city|town|village|settlement)\s+of\s+)?$",
    re.I,
)
# A city district's name: an adjective ("Kyivskyi", "Shevchenkivskyi", "Industrialnyi", "Leninsky"),
# before "district" (the mention's cue is then "region").
_DISTRICT_NAME = re.compile(r"(?:s[ck]y[iy]?|s[ck]iy|s[ck]ii|nyi|ny|nyy)(?: district)?$", re.IGNORECASE)
_NAMES_KEPT = 50_000  # names whose candidates the resolver keeps between articles
_CYRILLIC_COUNTRIES = frozenset("UA RU BY BG MK RS ME BA KZ KG TJ MN".split())


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    p1, p2 = math.radians(a[0]), math.radians(b[0])
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b[1] - a[1]) / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(min(1.0, h)))


def _same_clause(text: str, end: int, start: int) -> bool:
    """Whether text[end:start] is short and ends no sentence (no full stop, line break or semicolon)."""
    if start - end > 200:
        return False
    gap = text[end:start]
    return "\n" not in gap and ". " not in gap and ";" not in gap


def _one_sense(out: list[ResolvedMention], regions: dict[int, dict[str, float]]) -> list[ResolvedMention]:
    """A name the text once pins down ("Paris, Texas") means the same place everywhere in it."""
    pinned: dict[str, ResolvedMention] = {}
    for idx, rm in enumerate(out):
        place = rm.place
        if place is not None and place.admin1 and regions.get(idx, {}).get(place.admin1, 0.0) >= 6.0:
            pinned.setdefault(_key(rm.mention.surface), rm)
    if not pinned:
        return out
    return [
        replace(rm, place=pinned[k].place, score=pinned[k].score)
        if (k := _key(rm.mention.surface)) in pinned and rm.place != pinned[k].place
        else rm
        for rm in out
    ]


def _name_of(surface: str) -> str:
    """The name a mention repeats, cheaply: "LONDON", "London" and "London's" are one name."""
    low = surface.lower()
    return low[:-2] if low.endswith(("'s", "’s")) else low


def _key(surface: str) -> str:
    k = " ".join(fold(surface).split())
    return k[:-2] if k.endswith("'s") else k


class Resolver:
    """Scores each mention's candidates against the document; two passes, the second with neighbours."""

    def __init__(self, gazetteer: Gazetteer, country_bias: str | None = None) -> None:
        self.gaz = gazetteer
        self.country_bias = country_bias
        # A name's candidates and what scoring reads of them depend on the name alone, and news name
        # the same places again and again ("Ukraine", "Kyiv"): kept across articles, up to a bound.
        self._names: dict[tuple[str, str, str], tuple[list[tuple[int, bool]], tuple[int, list[tuple]]]] = {}

    def clear_cache(self) -> None:
        """Forget the names seen so far (benchmarks replaying the same texts call it between rounds)."""
        self._names.clear()

    def candidates(self, mention: Mention) -> list[tuple[int, bool]]:
        found = self._candidates(mention)
        if found and mention.surface[:1] >= "\u0400" and is_cyrillic(mention.surface):
            # A name written in Cyrillic is a place of a country that writes it so: "(Аврора)" after a
            # Kyiv suburb is a shop's sign, not Aurora, Colorado (whose GeoNames record lists "Аврора").
            found = [c for c in found if self.gaz.country(c[0]) in _CYRILLIC_COUNTRIES]
        return found

    def _candidates(self, mention: Mention) -> list[tuple[int, bool]]:
        if mention.cue == "demonym":
            return self.gaz.indices(_key(mention.surface), demonym=True)
        if mention.key:  # a misspelt name matched to one or more near spellings
            return [c for k in mention.key.split("|") for c in self.gaz.indices(k)]
        k = _key(mention.surface)
        if mention.cue == "river" and not k.endswith(" river"):
            # "the river Dnipro", "bridge over Dnipro": rivers are indexed with their "river" only
            return self.gaz.indices(k) + self.gaz.indices(k + " river")
        return self.gaz.indices(k)

    def resolve(self, text: str, mentions: list[Mention], home: str | None = None) -> list[ResolvedMention]:
        """One place per mention. `home`: the country of the outlet (from its web address), a
        weak vote like one unambiguous place name: a local paper's "London" is its own London."""
        cache = self._names
        if len(cache) > _NAMES_KEPT:
            cache.clear()
        cands, rows = [], []
        for m in mentions:
            k = (m.key, m.surface, m.cue if m.cue in ("demonym", "river") else "")  # what candidates() reads
            found = cache.get(k)
            if found is None:
                c = self.candidates(m)
                found = cache[k] = (c, self._rows(c))
            cands.append(found[0])
            rows.append(found[1])
        # Pass 1: context-free best guesses give the document's countries and points.
        first: dict[tuple[str, str], tuple[int, float] | None] = {}
        guesses = []
        for m, r in zip(mentions, rows):
            fk = (m.surface, m.cue)
            if fk not in first:
                first[fk] = self._best(m, r, {}, {}, {})
            guesses.append(first[fk])
        countries: dict[str, float] = {}
        if home:
            countries[home] = 1.0
        votes: list[tuple[str, float] | None] = []
        for m, c, g in zip(mentions, cands, guesses):
            if g is None or m.cue == "demonym":  # "Russian forces in Donetsk" is not about Russia
                votes.append(None)
                continue
            # An unambiguous name is stronger evidence than a guess among many.
            vote = (self.gaz.country(g[0]), 1.0 if len(c) == 1 else 0.25)
            countries[vote[0]] = countries.get(vote[0], 0.0) + vote[1]
            votes.append(vote)
        # Distinct confidently placed points, weighted by how often they are named.
        own_points = [
            self.gaz.point(g[0])
            if g is not None and self.gaz.feature(g[0]) not in ("country", "continent") and len(c) <= 2 else None
            for c, g in zip(cands, guesses)
        ]
        points: dict[tuple[float, float], int] = {}  # (a dict, not a Counter: copied once per name below)
        for p in own_points:
            if p is not None:
                points[p] = points.get(p, 0) + 1
        # A name is not evidence for its own reading, however often the text repeats it: a local paper's
        # ten "London"s do not vote for England (nor do "LONDON" and "London's"); its first guess is no
        # neighbour of it either.
        names = [(_name_of(m.surface), m.cue) for m in mentions]
        name_votes: dict[tuple[str, str], dict[str, float]] = {}
        name_points: dict[tuple[str, str], dict[tuple[float, float], int]] = {}
        for name, vote, p in zip(names, votes, own_points):
            if vote is not None:
                mine = name_votes.setdefault(name, {})
                mine[vote[0]] = mine.get(vote[0], 0.0) + vote[1]
            if p is not None:
                here = name_points.setdefault(name, {})
                here[p] = here.get(p, 0) + 1
        regions, as_region, pins = self._region_links(text, mentions, guesses, cands)
        out = []
        context: dict[tuple[str, str], tuple[dict[str, float], dict[tuple[float, float], int]]] = {}
        for idx, (m, r) in enumerate(zip(mentions, rows)):
            name = names[idx]
            if name not in context:  # (the same for every mention of the name)
                others = countries
                if name in name_votes:
                    others = countries.copy()
                    for country, weight in name_votes[name].items():
                        others[country] -= weight
                near = points
                if name in name_points:
                    near = dict(points)
                    for p, n in name_points[name].items():
                        near[p] -= n
                        if not near[p]:
                            del near[p]
                context[name] = (others, near)
            others, near = context[name]
            best = self._best(m, r, others, near, regions.get(idx, {}))
            if best is None:
                out.append(ResolvedMention(m, None, 0.0))
                continue
            i, score = best
            place = self.gaz.place(i)
            pinned = pins.get(idx)
            if idx in as_region:
                place = self.gaz.region(place.country, as_region[idx]) or place
            elif pinned and self.gaz.admin1(i) != pinned and self.gaz.feature(i) in ("city", "settlement"):
                # "Paris, Mo." where no Paris of Missouri is known: the region the text names, at
                # region precision, rather than a namesake far away. A town just over the border
                # ("Alchevsk, Donetsk Oblast": Luhansk's, 90 km off) is kept: the text erred, not the name.
                # Only towns give way: "Saipan, Guam, Alaska" is a list of areas.
                # The county that pins it, when one does ("Rockingham, Northamptonshire"), else its region.
                county = guesses[idx + 1][0] if self.gaz.feature(guesses[idx + 1][0]) == "admin2" else None  # type: ignore[index]  # pinned: a guess follows
                region = [self.gaz.place(county)] if county is not None else self.gaz.candidates(
                    pinned, features=["admin1"], limit=1)
                # A district lies inside its region by definition: "the Orekhovo district of the
                # Zaporozhye region" is not a village of another region, however near.
                far = region and (
                    m.cue == "region" or _km((place.lat, place.lon), (region[0].lat, region[0].lon)) > 300
                )
                if far and not (region[0].country == place.country and place.population >= 100_000):
                    place = region[0]  # a big city of the same country is more likely a list ("Kyiv, Lviv region")
            if m.cue == "region" and place.feature in TOWN_FEATURES and _DISTRICT_NAME.search(m.surface):
                place = self._city_of_district(text, m, place, out) or place
            if m.cue == "near" and place.precision < PRECISION_NEAR:
                place = replace(place, precision=PRECISION_NEAR)
            out.append(ResolvedMention(m, place, round(score, 3)))
        return _one_sense(out, regions)

    def _city_of_district(self, text: str, m: Mention, place: Place, before: list[ResolvedMention]) -> Place | None:
        """The city a district named like an adjective belongs to ("Zaporizhzhia — KAB strike on the
        Komunarskyi district", "Residents of Odesa ... in the Kyivskyi district"): the big city named last
        before it, close by in the text, when the town the name reads as lies far from it (GeoNames knows
        some cities' districts, under the names other cities' districts share). Mapped at the city, as
        near it (precision 2); None when no such city is named."""
        for rm in reversed(before):
            if m.start - rm.mention.end > 300 or "\n\n" in text[rm.mention.end : m.start]:
                return None
            city = rm.place
            if city is not None and city.feature == "city" and city.population >= 100_000 and city.id != place.id:
                if _km((place.lat, place.lon), (city.lat, city.lon)) <= 30:
                    return None
                return replace(city, precision=max(city.precision, PRECISION_NEAR))
        return None

    def _region_links(self, text, mentions, guesses, cands):
        """Admin1 names a mention is tied to by "X, Y region" or by being inside a named region, the
        mentions that name a region by its capital's name ("Pavlivka, Donetsk"), and the region each
        "X, Y region" mention is pinned to."""
        links: dict[int, dict[str, float]] = {}
        as_region: dict[int, str] = {}
        pins: dict[int, str] = {}
        # A guessed county names its state only when its name is unambiguous: the first guess among
        # seventeen Monroe Counties would otherwise vote for its own state.
        regional = {
            idx: self.gaz.admin1(g[0]) or self.gaz.place(g[0]).name
            for idx, g in enumerate(guesses)
            if g is not None and (f := self.gaz.feature(g[0])) in _REGIONAL and (f != "admin2" or len(cands[idx]) == 1)
        }
        # "Pavlivka, Donetsk", "Tacoma, Washington": a city named like a region, after a comma, stands
        # for the region when the name before it has a small namesake there ("Kharkiv, Donetsk" is a
        # list of two cities) or, for a city named like another region, is first guessed there.
        for idx, g in enumerate(guesses[1:], 1):
            if idx in regional or g is None or self.gaz.feature(g[0]) != "city":
                continue
            if text[mentions[idx - 1].end : mentions[idx].start] != ", ":
                continue
            a1, name = self.gaz.admin1(g[0]), self.gaz.place(g[0]).name
            before = guesses[idx - 1]
            if a1.startswith(name):  # the region's own capital: only a small namesake before it ties it
                tied = False
            elif self.gaz.region(self.gaz.country(g[0]), name) is not None:  # a city named like another region
                a1, tied = name, before is not None and self.gaz.admin1(before[0]) == name
            else:
                continue
            if tied or any(
                self.gaz.admin1(i) == a1 and self.gaz.feature(i) in ("city", "settlement")
                and self.gaz.population(i) < 100_000 for i, _ in cands[idx - 1]
            ):
                regional[idx] = a1
                as_region[idx] = a1
        named: dict[str, int] = {}  # regions the document names anywhere, and how often (no Counter: hot)
        for a1 in regional.values():
            named[a1] = named.get(a1, 0) + 1
        last_region: tuple[int, str] | None = None  # (end, admin1) of the region last named as one
        for idx, m in enumerate(mentions):
            own = regional.get(idx)
            bonus = {a1: 1.0 for a1, n in named.items() if a1 != own or n > 1}
            if len(named) > 1 and last_region and own is None and _same_clause(text, last_region[0], m.start):
                # "Pokrovsk direction: ... near Myrolubivka, Lysivka": of the regions a text names, the one just
                # named as one ("direction", "region", "oblast") in the same sentence counts more
                bonus[last_region[1]] = 2.0
            if own is not None and m.cue in ("region", "near"):  # not "Mississippi State's 6-foot-7 center"
                last_region = (m.end, own)
            nxt = idx + 1
            if nxt in regional and _REGION_AFTER.match(text[m.end : mentions[nxt].start]):
                bonus[regional[nxt]] = 6.0
                pins[idx] = regional[nxt]
            elif nxt < len(mentions) and mentions[nxt].start - m.end < 60 and _NEAR_AFTER.match(
                text, m.end, mentions[nxt].start
            ):
                # "Edmonton, just outside Cairns", "Oleksandrivka, 10 km south of Kramatorsk": the place
                # lies by a town the text places surely (one of its name, or a city), so in that town's region.
                anchor = guesses[nxt]
                if anchor is not None and self.gaz.feature(anchor[0]) in ("city", "settlement") and (
                    len(cands[nxt]) == 1 or self.gaz.population(anchor[0]) >= 100_000
                ) and (a1 := self.gaz.admin1(anchor[0])):
                    bonus[a1] = 6.0
            before = guesses[idx - 1] if idx else None
            if before is not None and m.start - mentions[idx - 1].end == 2 and text.startswith(
                ", ", mentions[idx - 1].end
            ) and self.gaz.feature(
                before[0]
            ) in ("city", "settlement") and (a1 := self.gaz.admin1(before[0])) and any(
                self.gaz.feature(i) == "admin1" and self.gaz.admin1(i) == a1
                and self.gaz.country(i) == self.gaz.country(before[0]) for i, _ in cands[idx]
            ):
                bonus[a1] = 6.0  # "Atlanta, Georgia": after a town, a name of its own region is that region
            if bonus:
                links[idx] = bonus
        return links, as_region, pins

    def _rows(self, cands: list[tuple[int, bool]]) -> tuple[int, list[tuple]]:
        """What scoring reads of each candidate of one name, read once per name and text: the
        biggest population among them and (index, context-free score, country, feature, population,
        admin1, point, whether local: a town or a county, which the places around it help place) per candidate."""
        gaz = self.gaz
        base = gaz.base_scores(cands)
        rows = []
        for i, _primary in cands:
            feature = gaz.feature(i)
            rows.append((i, base[i], gaz.country(i), feature, gaz.population(i), gaz.admin1(i), gaz.point(i),
                         feature in _LOCAL))
        return max((r[4] for r in rows), default=0), rows

    def _best(self, m: Mention, scored: tuple[int, list[tuple]], countries: dict[str, float],
              points: dict[tuple[float, float], int],
              admin1_bonus: dict[str, float]):
        biggest, rows = scored
        if not rows:
            return None
        top = max(countries.values(), default=0.0) or 1.0  # the document's main countries get full credit
        wanted = _CUE_FEATURES.get(m.cue)
        # A world city is not traded for a namesake fifty times smaller just because the article
        # is about that namesake's country ("Paris" in a US story is still Paris unless the text
        # ties it to Texas): the GDELT failure mode.
        total = sum(points.values()) if points else 0
        region_prior = self.gaz.region_prior
        best: int | None = None
        best_score = -math.inf
        for i, score, cc, feature, population, a1, p, local in rows:
            dwarfed = biggest >= 1_000_000 and population * 50 < biggest
            if not dwarfed and countries:
                # (A sea, a continent or an international river lies in no one country: in every story's. The
                # Atlantic of a story about Florida is the ocean, not Atlantic, Iowa.)
                score += 4.0 * max(countries.get(cc, 0.0), 0.0) / top if cc else 4.0
            if self.country_bias and cc == self.country_bias:
                score += 1.5
            if wanted:
                # ("the city of Luxembourg" is no country, when a town of the name is known)
                score += 4.0 if feature in wanted else -10.0 if feature in _BROAD and "city" in wanted else -2.0
            elif feature == "river":
                score -= 3.0  # a bare "Dnipro" is the city; the river is "the Dnipro river"
            if a1 and a1 in admin1_bonus:
                score += admin1_bonus[a1]
            if local:
                score += region_prior.get((cc, a1), 0.0)
                if points:
                    # 200 km is 1.8 degrees of latitude: farther points are skipped before the haversine.
                    near = sum(n for q, n in points.items() if abs(p[0] - q[0]) < 1.8 and _km(p, q) < 200)
                    score += 2.0 * near / total
            if score > best_score or (score == best_score and best is not None and i < best):
                best, best_score = i, score
        return best, best_score
