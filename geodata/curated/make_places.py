"""Write places.csv: the curated gazetteer records GeoNames' city lists lack (regions, raions, rivers, seas).

The tables below are the source of truth; places.csv is generated from them so that the many spellings
of one oblast ("Kharkiv region", "Харківській області", "Kharkov oblast") come from one short row
instead of being typed, and mistyped, by hand. Run `python geodata/curated/make_places.py` after an edit.
Coordinates are representative points from public knowledge (centroids are approximate, see `note`).
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CSV_PATH = HERE / "places.csv"
COLUMNS = ("id", "name", "aliases", "feature", "lat", "lon", "country", "admin1", "precision", "note")


def _uniq(names) -> list[str]:
    """Drop empty and case-insensitive duplicate spellings, keeping the first form seen."""
    seen: set[str] = set()
    out: list[str] = []
    for name in names:
        key = name.casefold()
        if name and key not in seen:
            seen.add(key)
            out.append(name)
    return out


def ua_adjective_forms(adj: str, noun: str = "область") -> list[str]:
    """Ukrainian 'Харківська область' in the cases news use: nominative, genitive, locative, accusative."""
    if noun == "область":
        stem = adj[:-1]  # Харківськ-а
        return [f"{adj} область", f"{stem}ої області", f"{stem}ій області", f"{stem}у область"]
    stem = adj[:-2]  # Бахмутськ-ий район
    return [f"{adj} район", f"{stem}ого району", f"{stem}ому районі"]


def ru_adjective_forms(adj: str, noun: str = "область") -> list[str]:
    """Russian 'Харьковская область' in nominative, genitive/prepositional, accusative."""
    if noun == "область":
        stem = adj[:-2]  # Харьковск-ая
        return [f"{adj} область", f"{stem}ой области", f"{stem}ую область"]
    stem = adj[:-2]  # Бахмутск-ий район
    return [f"{adj} район", f"{stem}ого района", f"{stem}ом районе"]


def ua_feminine_noun_forms(noun: str) -> list[str]:
    """'Харківщина' -> also 'Харківщини', 'Харківщині', 'Харківщину' (as in 'на Харківщині')."""
    if not noun.endswith("а"):
        return [noun]
    stem = noun[:-1]
    return [noun, f"{stem}и", f"{stem}і", f"{stem}у"]


# --- Ukraine's oblasts -------------------------------------------------------------------------------
# slug, canonical name, lat, lon (approximate centroid),
# Latin stems (official first; Russian-style and older spellings after),
# Latin adjectival forms (+ " oblast"), Latin "-shchyna" names,
# Ukrainian adjective, Russian adjective, Ukrainian "-щина" names, extra aliases, note
OBLASTS = [
    ("cherkasy", "Cherkasy Oblast", 49.2000, 31.4000, ["Cherkasy", "Cherkassy"],
     ["Cherkaska", "Cherkasskaya"], ["Cherkashchyna"], "Черкаська", "Черкасская", ["Черкащина"], [], ""),
    ("chernihiv", "Chernihiv Oblast", 51.3000, 32.0000, ["Chernihiv", "Chernigov"],
     ["Chernihivska", "Chernihivs'ka", "Chernigovskaya"], ["Chernihivshchyna"], "Чернігівська",
     "Черниговская", ["Чернігівщина"], [], ""),
    ("chernivtsi", "Chernivtsi Oblast", 48.3000, 25.9000, ["Chernivtsi", "Chernovtsy"],
     ["Chernivetska", "Chernovitskaya"], ["Bukovyna", "Bukovina"], "Чернівецька", "Черновицкая",
     ["Буковина"], [], "Bukovyna here means its Ukrainian part"),
    ("dnipropetrovsk", "Dnipropetrovsk Oblast", 48.3500, 34.9500,
     ["Dnipropetrovsk", "Dnipro", "Dnepropetrovsk", "Dnepr"],
     ["Dnipropetrovska", "Dnipropetrovs'ka", "Dnepropetrovskaya"], ["Dnipropetrovshchyna", "Dnipryshchyna"],
     "Дніпропетровська", "Днепропетровская", ["Дніпропетровщина", "Дніпровщина"], [],
     "'Dnipro region/oblast' is the common short name since the city's 2016 rename"),
    ("donetsk", "Donetsk Oblast", 48.1000, 37.7500, ["Donetsk"],
     ["Donetska", "Donets'ka", "Donetskaya"], ["Donechchyna", "Donetshchyna"], "Донецька", "Донецкая",
     ["Донеччина"],
     ["Donetsk People's Republic", "Donetsk Peoples Republic", "Donetsk People’s Republic", "DPR", "DNR",
      "Donetsk Republic", "Донецька народна республіка", "Донецкая народная республика",
      "Донецкой народной республики", "ДНР"],
     "DPR/DNR: the Russian-installed entity, mapped to the whole oblast it claims"),
    ("ivano-frankivsk", "Ivano-Frankivsk Oblast", 48.7500, 24.5000,
     ["Ivano-Frankivsk", "Ivano-Frankovsk", "Ivano Frankivsk"],
     ["Ivano-Frankivska", "Ivano-Frankovskaya"], ["Prykarpattia", "Prikarpatye", "Prykarpattya"],
     "Івано-Франківська", "Ивано-Франковская", ["Прикарпаття"], ["Прикарпатті", "Прикарпатье"], ""),
    ("kharkiv", "Kharkiv Oblast", 49.5000, 36.4500, ["Kharkiv", "Kharkov"],
     ["Kharkivska", "Kharkivs'ka", "Kharkovskaya"], ["Kharkivshchyna", "Kharkovshchina"],
     "Харківська", "Харьковская", ["Харківщина"], ["Харьковщина", "Харьковщине"], ""),
    ("kherson", "Kherson Oblast", 46.6500, 33.5000, ["Kherson"],
     ["Khersonska", "Khersons'ka", "Khersonskaya"], ["Khersonshchyna", "Khersonshchina"],
     "Херсонська", "Херсонская", ["Херсонщина"], ["Херсонщине"], ""),
    ("khmelnytskyi", "Khmelnytskyi Oblast", 49.4000, 26.9500,
     ["Khmelnytskyi", "Khmelnytsky", "Khmelnytskyy", "Khmelnitsky", "Khmelnitskiy"],
     ["Khmelnytska", "Khmelnitskaya"], ["Khmelnychchyna", "Khmelnytshchyna"], "Хмельницька", "Хмельницкая",
     ["Хмельниччина"], [], ""),
    ("kirovohrad", "Kirovohrad Oblast", 48.4500, 32.2000,
     ["Kirovohrad", "Kirovograd", "Kropyvnytskyi", "Kropyvnytskyy", "Kropivnitsky"],
     ["Kirovohradska", "Kirovogradskaya"], ["Kirovohradshchyna", "Kropyvnychchyna"],
     "Кіровоградська", "Кировоградская", ["Кіровоградщина", "Кропивниччина"], [],
     "oblast keeps the old name; 'Kropyvnytskyi region' after the centre's 2016 rename"),
    ("kyiv-oblast", "Kyiv Oblast", 50.3500, 30.4000, ["Kyiv", "Kiev"],
     ["Kyivska", "Kyivs'ka", "Kievskaya"], ["Kyivshchyna", "Kievshchina"], "Київська", "Киевская",
     ["Київщина"], ["Киевщина", "Киевщине"],
         "centroid of the oblast, which surrounds but excludes Kyiv city"),
    ("luhansk", "Luhansk Oblast", 48.9000, 39.0000, ["Luhansk", "Lugansk"],
     ["Luhanska", "Luhans'ka", "Luganskaya"], ["Luhanshchyna", "Luganshchina"], "Луганська", "Луганская",
     ["Луганщина"],
     ["Luhansk People's Republic", "Luhansk Peoples Republic", "Luhansk People’s Republic",
      "Lugansk People's Republic", "LPR", "LNR", "Luhansk Republic",
      "Luhansk Narodnaya Republic", "Луганська народна республіка", "Луганская народная республика",
      "Луганской народной республики", "ЛНР"],
     "LPR/LNR: the Russian-installed entity, mapped to the whole oblast it claims"),
    ("lviv", "Lviv Oblast", 49.7500, 23.9500, ["Lviv", "Lvov", "L'viv"],
     ["Lvivska", "L'vivs'ka", "Lvovskaya"], ["Lvivshchyna"], "Львівська", "Львовская", ["Львівщина"], [], ""),
    ("mykolaiv", "Mykolaiv Oblast", 47.3000, 31.9000, ["Mykolaiv", "Mykolayiv", "Nikolaev", "Nikolayev"],
     ["Mykolaivska", "Mykolayivska", "Nikolaevskaya"], ["Mykolaivshchyna"], "Миколаївська", "Николаевская",
     ["Миколаївщина"], [], ""),
    ("odesa", "Odesa Oblast", 46.7000, 30.0000, ["Odesa", "Odessa"],
     ["Odeska", "Odes'ka", "Odesskaya"], ["Odeshchyna"], "Одеська", "Одесская", ["Одещина"], [],
     "elongated oblast: the centroid lies inland between Odesa and the Danube"),
    ("poltava", "Poltava Oblast", 49.6500, 33.9500, ["Poltava"],
     ["Poltavska", "Poltavs'ka", "Poltavskaya"], ["Poltavshchyna"], "Полтавська", "Полтавская",
     ["Полтавщина"], [], ""),
    ("rivne", "Rivne Oblast", 50.9000, 26.3500, ["Rivne", "Rovno"],
     ["Rivnenska", "Rovenskaya"], ["Rivnenshchyna"], "Рівненська", "Ровенская", ["Рівненщина"], [], ""),
    ("sumy", "Sumy Oblast", 50.9500, 34.0000, ["Sumy"],
     ["Sumska", "Sums'ka", "Sumskaya"], ["Sumshchyna"], "Сумська", "Сумская", ["Сумщина"], ["Сумщине"], ""),
    ("ternopil", "Ternopil Oblast", 49.4000, 25.5500, ["Ternopil", "Ternopol"],
     ["Ternopilska", "Ternopolskaya"], ["Ternopilshchyna"], "Тернопільська", "Тернопольская",
     ["Тернопільщина"], [], ""),
    ("vinnytsia", "Vinnytsia Oblast", 49.0500, 28.4500, ["Vinnytsia", "Vinnytsya", "Vinnitsa"],
     ["Vinnytska", "Vinnyts'ka", "Vinnitskaya"], ["Vinnychchyna"], "Вінницька", "Винницкая",
     ["Вінниччина"], [], ""),
    ("volyn", "Volyn Oblast", 51.2000, 25.0000, ["Volyn", "Volhynia"],
     ["Volynska", "Volyns'ka", "Volynskaya"], [], "Волинська", "Волынская", [],
     ["Volyn", "Volhynia", "Волинь", "Волині", "Волынь"],
         "bare 'Volyn' names the oblast (no city of that name)"),
    ("zakarpattia", "Zakarpattia Oblast", 48.4500, 23.2500,
     ["Zakarpattia", "Zakarpattya", "Zakarpatye", "Transcarpathian", "Transcarpathia"],
     ["Zakarpatska", "Zakarpats'ka", "Zakarpatskaya"], ["Zakarpattia", "Transcarpathia"],
     "Закарпатська", "Закарпатская", [], ["Закарпаття", "Закарпатті", "Закарпатье"], ""),
    ("zaporizhzhia", "Zaporizhzhia Oblast", 47.3500, 35.6500,
     ["Zaporizhzhia", "Zaporizhia", "Zaporizhzhya", "Zaporozhzhia", "Zaporozhye", "Zaporozhie",
      "Zaporizhzhe"],
     ["Zaporizka", "Zaporiz'ka", "Zaporizhska", "Zaporozhskaya"], [], "Запорізька", "Запорожская", [],
     [],
     ("'Запоріжжя'/'Запорожье'/'Zaporizhzhia' alone (and 'у Запоріжжі') is the city; the oblast takes only "
      "region/oblast forms")),
    ("zhytomyr", "Zhytomyr Oblast", 50.5500, 28.4000, ["Zhytomyr", "Zhitomir"],
     ["Zhytomyrska", "Zhitomirskaya"], ["Zhytomyrshchyna"], "Житомирська", "Житомирская",
     ["Житомирщина"], [], ""),
]


def oblast_row(spec) -> dict:
    (slug, name, lat, lon, stems, adjs, shchyna, ua_adj, ru_adj, ua_shchyna, extra, note) = spec
    aliases = [name]
    for stem in stems:
        aliases += [f"{stem} Oblast", f"{stem} region", f"{stem} province"]
    aliases += [f"{adj} oblast" for adj in adjs]
    aliases += shchyna
    aliases += ua_adjective_forms(ua_adj) + ru_adjective_forms(ru_adj)
    for noun in ua_shchyna:
        aliases += ua_feminine_noun_forms(noun)
    aliases += extra
    return {
        "id": f"cur:ua-{slug.removesuffix('-oblast')}-oblast", "name": name, "aliases": aliases,
        "feature": "admin1", "lat": lat, "lon": lon, "country": "UA", "admin1": "", "precision": 3,
        "note": note or "approximate centroid",
    }


UA_SPECIAL_ADMIN1 = [
    {"id": "cur:ua-crimea-republic", "name": "Autonomous Republic of Crimea",
     "aliases": ["Autonomous Republic of Crimea", "Republic of Crimea", "Crimean Autonomous Republic",
                 "ARC", "Avtonomna Respublika Krym",
                 "Автономна Республіка Крим", "Автономної Республіки Крим", "Автономній Республіці Крим",
                 "Республіка Крим", "Республика Крым", "Республики Крым", "Автономная Республика Крым"],
     "feature": "admin1", "lat": 45.3000, "lon": 34.3000, "country": "UA", "admin1": "", "precision": 3,
     "note": "the admin unit (occupied by Russia since 2014); the peninsula itself is cur:crimea"},
    {"id": "cur:ua-kyiv-city", "name": "Kyiv City",
     "aliases": ["Kyiv City", "City of Kyiv", "Kyiv city municipality", "Kiev City", "Misto Kyiv",
         "Місто Київ",
                 "місто Київ", "м. Київ", "город Киев"],
     "feature": "admin1", "lat": 50.4501, "lon": 30.5234, "country": "UA", "admin1": "", "precision": 1,
     "note": "the city with special status; the unit is the city itself, so precision 1; bare 'Kyiv' is "
             "left to the GeoNames city record"},
    {"id": "cur:ua-sevastopol-city", "name": "Sevastopol City",
     "aliases": ["Sevastopol City", "City of Sevastopol", "Sevastopol city municipality", "Sebastopol City",
                 "Місто Севастополь", "місто Севастополь", "город Севастополь", "Город Севастополь"],
     "feature": "admin1", "lat": 44.6000, "lon": 33.5500, "country": "UA", "admin1": "", "precision": 2,
     "note": "special-status municipality incl. Balaklava and Inkerman; bare 'Sevastopol' is the city"},
]

# --- Raions (2020 division) of the front-line oblasts + Kyiv and Odesa oblasts -------------------------
# slug, oblast, Latin stems (official first), Ukrainian adjective, Russian adjective, lat, lon, note
RAIONS = [
    ("bakhmut", "Donetsk Oblast", ["Bakhmut", "Bakhmutskyi", "Artemivsk", "Artemovsk"], "Бахмутський",
     "Бахмутский", 48.6500, 38.0500, ""),
    ("volnovakha", "Donetsk Oblast", ["Volnovakha", "Volnovakhskyi"], "Волноваський", "Волновахский",
     47.7500, 37.3500, ""),
    ("horlivka", "Donetsk Oblast", ["Horlivka", "Gorlovka"], "Горлівський", "Горловский", 48.2000,
        38.4000, ""),
    ("donetsk", "Donetsk Oblast", ["Donetsk"], "Донецький", "Донецкий", 48.0000, 38.0000, ""),
    ("kalmiuske", "Donetsk Oblast", ["Kalmiuske", "Kalmius"], "Кальміуський",
     "Кальмиусский", 47.5500, 38.0000, ""),
    ("kramatorsk", "Donetsk Oblast", ["Kramatorsk"], "Краматорський", "Краматорский", 48.8000, 37.6500, ""),
    ("mariupol", "Donetsk Oblast", ["Mariupol"], "Маріупольський", "Мариупольский", 47.2500, 37.6000, ""),
    ("pokrovsk", "Donetsk Oblast", ["Pokrovsk", "Pokrovskyi", "Krasnoarmiisk", "Krasnoarmeysk"],
        "Покровський",
     "Покровский", 48.2500, 37.2500, ""),
    ("alchevsk", "Luhansk Oblast", ["Alchevsk"], "Алчевський", "Алчевский", 48.5000, 38.7000, ""),
    ("dovzhansk", "Luhansk Oblast", ["Dovzhansk", "Sverdlovsk"], "Довжанський", "Довжанский", 48.2000,
        39.6500,
     "Russian administration still calls it Sverdlovsk raion"),
    ("luhansk", "Luhansk Oblast", ["Luhansk", "Lugansk"], "Луганський", "Луганский", 48.4500, 39.2500, ""),
    ("rovenky", "Luhansk Oblast", ["Rovenky", "Rovenki"], "Ровеньківський", "Ровеньковский", 48.1000,
        39.2500, ""),
    ("svatove", "Luhansk Oblast", ["Svatove", "Svatovo"], "Сватівський", "Сватовский", 49.4500, 38.1500, ""),
    ("sievierodonetsk", "Luhansk Oblast", ["Sievierodonetsk", "Severodonetsk", "Syevyerodonetsk"],
     "Сєвєродонецький", "Северодонецкий", 48.9500, 38.4000, ""),
    ("starobilsk", "Luhansk Oblast", ["Starobilsk", "Starobelsk"], "Старобільський", "Старобельский",
     49.3500, 39.0000, ""),
    ("shchastia", "Luhansk Oblast", ["Shchastia", "Shchastya", "Schastye"], "Щастинський", "Счастьинский",
     48.9000, 39.2000, ""),
    ("bohodukhiv", "Kharkiv Oblast", ["Bohodukhiv", "Bogodukhov"], "Богодухівський", "Богодуховский",
     50.2000, 35.5000, ""),
    ("chuhuiv", "Kharkiv Oblast", ["Chuhuiv", "Chuguev", "Chuguyev"], "Чугуївський", "Чугуевский",
     49.8500, 36.8500, ""),
    ("izium", "Kharkiv Oblast", ["Izium", "Izyum"], "Ізюмський", "Изюмский", 49.1500, 37.1000, ""),
    ("kharkiv", "Kharkiv Oblast", ["Kharkiv", "Kharkov"], "Харківський", "Харьковский", 49.9500, 36.3000, ""),
    ("berestyn", "Kharkiv Oblast", ["Berestyn", "Krasnohrad", "Krasnograd"], "Берестинський", "Берестинский",
     49.4000, 35.5000, "named Krasnohrad raion until 2024"),
    ("kupiansk", "Kharkiv Oblast", ["Kupiansk", "Kupyansk"], "Куп'янський", "Купянский",
     49.7000, 37.6000, ""),
    ("lozova", "Kharkiv Oblast", ["Lozova", "Lozovaya"], "Лозівський", "Лозовский", 48.9500, 36.3500, ""),
    ("berdiansk", "Zaporizhzhia Oblast", ["Berdiansk", "Berdyansk"], "Бердянський", "Бердянский",
     46.9500, 36.6000, ""),
    ("vasylivka", "Zaporizhzhia Oblast", ["Vasylivka", "Vasilyevka", "Vasilevka"], "Василівський",
     "Васильевский", 47.4000, 35.0000, "includes Enerhodar and the nuclear plant"),
    ("zaporizhzhia", "Zaporizhzhia Oblast", ["Zaporizhzhia", "Zaporizhia", "Zaporozhye"], "Запорізький",
     "Запорожский", 47.7000, 35.3000, ""),
    ("melitopol", "Zaporizhzhia Oblast", ["Melitopol"], "Мелітопольський", "Мелитопольский", 46.8500,
        35.3000, ""),
    ("polohy", "Zaporizhzhia Oblast", ["Polohy", "Pology"], "Пологівський", "Пологовский", 47.4500, 36.2000,
     "includes Huliaipole, Orikhiv and Tokmak"),
    ("beryslav", "Kherson Oblast", ["Beryslav", "Berislav"], "Бериславський", "Бериславский", 46.9500,
        33.5000, ""),
    ("henichesk", "Kherson Oblast", ["Henichesk", "Genichesk"], "Генічеський", "Генический", 46.3500,
        34.7000, ""),
    ("kakhovka", "Kherson Oblast", ["Kakhovka"], "Каховський", "Каховский", 46.5500, 33.9000, ""),
    ("skadovsk", "Kherson Oblast", ["Skadovsk"], "Скадовський", "Скадовский", 46.2500, 32.9000, ""),
    ("kherson", "Kherson Oblast", ["Kherson"], "Херсонський", "Херсонский", 46.6500, 32.7000, ""),
    ("bashtanka", "Mykolaiv Oblast", ["Bashtanka"], "Баштанський", "Баштанский", 47.3500, 32.5000, ""),
    ("voznesensk", "Mykolaiv Oblast", ["Voznesensk"], "Вознесенський", "Вознесенский", 47.5500, 31.4000, ""),
    ("mykolaiv", "Mykolaiv Oblast", ["Mykolaiv", "Nikolaev"], "Миколаївський", "Николаевский", 46.8500,
        31.9500,
     "includes Ochakiv and the Kinburn Spit"),
    ("pervomaisk", "Mykolaiv Oblast", ["Pervomaisk", "Pervomaysk"], "Первомайський", "Первомайский",
     48.0000, 30.9500, "not the Luhansk Oblast town of Pervomaisk"),
    ("dnipro", "Dnipropetrovsk Oblast", ["Dnipro", "Dnipropetrovsk", "Dnepr"], "Дніпровський", "Днепровский",
     48.4500, 35.1000, "the oblast's Dnipro raion, not the city's Dniprovskyi district"),
    ("kamianske", "Dnipropetrovsk Oblast", ["Kamianske", "Kamenskoye"], "Кам'янський", "Каменский",
     48.6000, 34.3000, ""),
    ("kryvyi-rih", "Dnipropetrovsk Oblast", ["Kryvyi Rih", "Krivoy Rog"], "Криворізький",
     "Криворожский", 47.8000, 33.4500, ""),
    ("nikopol", "Dnipropetrovsk Oblast", ["Nikopol"], "Нікопольський", "Никопольский", 47.6000, 34.4000, ""),
    ("samar", "Dnipropetrovsk Oblast", ["Samar", "Novomoskovsk"], "Самарівський", "Самаровский",
     48.7500, 35.4000, "named Novomoskovsk raion until 2024"),
    ("pavlohrad", "Dnipropetrovsk Oblast", ["Pavlohrad", "Pavlograd"], "Павлоградський", "Павлоградский",
     48.6000, 36.0000, ""),
    ("synelnykove", "Dnipropetrovsk Oblast", ["Synelnykove", "Sinelnikovo", "Synelnykivskyi"],
     "Синельниківський", "Синельниковский", 48.1000, 36.0000, ""),
    ("konotop", "Sumy Oblast", ["Konotop"], "Конотопський", "Конотопский", 51.2000, 33.5000, ""),
    ("okhtyrka", "Sumy Oblast", ["Okhtyrka", "Akhtyrka"], "Охтирський", "Ахтырский", 50.3000, 34.9000, ""),
    ("romny", "Sumy Oblast", ["Romny"], "Роменський", "Роменский", 50.7000, 33.5000, ""),
    ("shostka", "Sumy Oblast", ["Shostka"], "Шосткинський", "Шосткинский", 51.8500, 33.7000, ""),
    ("sumy", "Sumy Oblast", ["Sumy"], "Сумський", "Сумский", 50.9000, 34.8000, ""),
    ("koriukivka", "Chernihiv Oblast", ["Koriukivka", "Koryukovka"], "Корюківський", "Корюковский",
     51.7500, 32.4000, ""),
    ("nizhyn", "Chernihiv Oblast", ["Nizhyn", "Nezhin"], "Ніжинський", "Нежинский", 51.0000, 31.9000, ""),
    ("novhorod-siverskyi", "Chernihiv Oblast", ["Novhorod-Siverskyi", "Novgorod-Seversky",
        "Novhorod-Siverskyy"],
     "Новгород-Сіверський", "Новгород-Северский", 52.0000, 33.2000, ""),
    ("pryluky", "Chernihiv Oblast", ["Pryluky", "Priluki"], "Прилуцький", "Прилукский", 50.5500, 32.5000, ""),
    ("chernihiv", "Chernihiv Oblast", ["Chernihiv", "Chernigov"], "Чернігівський", "Черниговский",
     51.4500, 31.2000, ""),
    ("bucha", "Kyiv Oblast", ["Bucha"], "Бучанський", "Бучанский", 50.5500, 29.9500, ""),
    ("vyshhorod", "Kyiv Oblast", ["Vyshhorod", "Vyshgorod"], "Вишгородський", "Вышгородский", 51.0000,
        30.0500,
     "includes the Chornobyl zone"),
    ("brovary", "Kyiv Oblast", ["Brovary"], "Броварський", "Броварский", 50.6000, 31.1000, ""),
    ("boryspil", "Kyiv Oblast", ["Boryspil", "Borispol"], "Бориспільський", "Бориспольский", 50.2000,
        31.2000, ""),
    ("obukhiv", "Kyiv Oblast", ["Obukhiv", "Obukhov"], "Обухівський", "Обуховский", 50.0000, 30.5000, ""),
    ("fastiv", "Kyiv Oblast", ["Fastiv", "Fastov"], "Фастівський", "Фастовский", 50.1000, 29.8000, ""),
    ("bila-tserkva", "Kyiv Oblast", ["Bila Tserkva", "Belaya Tserkov"], "Білоцерківський", "Белоцерковский",
     49.7000, 30.0000, ""),
    ("odesa", "Odesa Oblast", ["Odesa", "Odessa"], "Одеський", "Одесский", 46.5000, 30.6000, ""),
    ("izmail", "Odesa Oblast", ["Izmail", "Izmayil"], "Ізмаїльський", "Измаильский", 45.5000, 28.9000, ""),
    ("bilhorod-dnistrovskyi", "Odesa Oblast", ["Bilhorod-Dnistrovskyi", "Belgorod-Dnestrovsky"],
     "Білгород-Дністровський", "Белгород-Днестровский", 46.1000, 29.8000, ""),
    ("berezivka", "Odesa Oblast", ["Berezivka", "Berezovka"], "Березівський", "Березовский", 47.2000,
        30.8000, ""),
    ("bolhrad", "Odesa Oblast", ["Bolhrad", "Bolgrad"], "Болградський", "Болградский", 45.8000, 28.8000, ""),
    ("podilsk", "Odesa Oblast", ["Podilsk"], "Подільський", "Подольский", 47.7500, 29.7500, ""),
    ("rozdilna", "Odesa Oblast", ["Rozdilna", "Razdelnaya"], "Роздільнянський", "Раздельнянский",
     46.8500, 30.1000, ""),
]


def raion_row(spec) -> dict:
    slug, oblast, stems, ua_adj, ru_adj, lat, lon, note = spec
    name = f"{stems[0]} Raion"
    aliases = [name]
    for stem in stems:
        aliases += [f"{stem} raion", f"{stem} district", f"{stem} rayon"]
    aliases += ua_adjective_forms(ua_adj, "район") + ru_adjective_forms(ru_adj, "район")
    oblast_slug = oblast.removesuffix(" Oblast").lower()
    return {
        "id": f"cur:ua-{oblast_slug}-{slug}-raion", "name": name, "aliases": aliases,
        "feature": "admin2", "lat": lat, "lon": lon, "country": "UA", "admin1": oblast, "precision": 2,
        "note": "; ".join(filter(None, ["approximate centroid", note])),
    }


# --- Neighbouring countries' regions (Russia, Belarus) ---------------------------------------------------
# slug, name, country, lat, lon, Latin stems, Latin adjectives, Russian adjective, Ukrainian adjective,
# local noun ("область" for Russia; Belarusian forms go in extra), extra aliases
FOREIGN_OBLASTS = [
    ("ru-belgorod", "Belgorod Oblast", "RU", 50.7500, 37.4500, ["Belgorod", "Bilhorod"], ["Belgorodskaya"],
     "Белгородская", "Бєлгородська", ["Бєлгородщина", "Белгородчина", "Belgorodshchina"]),
    ("ru-kursk", "Kursk Oblast", "RU", 51.5500, 36.1000, ["Kursk"], ["Kurskaya"], "Курская", "Курська",
     ["Курщина", "Kurshchyna"]),
    ("ru-bryansk", "Bryansk Oblast", "RU", 53.0000, 33.4000, ["Bryansk", "Briansk"], ["Bryanskaya"],
     "Брянская", "Брянська", ["Брянщина", "Bryanshchina"]),
    ("ru-rostov", "Rostov Oblast", "RU", 47.7500, 41.0000, ["Rostov"], ["Rostovskaya"], "Ростовская",
     "Ростовська", ["Ростовщина"]),
    ("ru-voronezh", "Voronezh Oblast", "RU", 50.9000, 40.1000, ["Voronezh"], ["Voronezhskaya"], "Воронежская",
     "Воронезька", ["Воронежчина"]),
    ("ru-moscow", "Moscow Oblast", "RU", 55.6000, 37.4000, ["Moscow"], ["Moskovskaya"], "Московская",
     "Московська", ["Podmoskovye", "Podmoskovie", "Подмосковье", "Подмосковья", "Підмосков'я"]),
    ("ru-oryol", "Oryol Oblast", "RU", 52.8000, 36.4000, ["Oryol", "Orel"], ["Orlovskaya"], "Орловская",
     "Орловська", []),
    ("ru-smolensk", "Smolensk Oblast", "RU", 55.0000, 33.0000, ["Smolensk"], ["Smolenskaya"], "Смоленская",
     "Смоленська", []),
    ("ru-tula", "Tula Oblast", "RU", 53.9000, 37.6000, ["Tula"], ["Tulskaya"], "Тульская", "Тульська", []),
    ("ru-kaluga", "Kaluga Oblast", "RU", 54.4000, 35.4000, ["Kaluga"], ["Kaluzhskaya"], "Калужская",
        "Калузька",
     []),
    ("ru-lipetsk", "Lipetsk Oblast", "RU", 52.6000, 39.4000, ["Lipetsk"], ["Lipetskaya"], "Липецкая",
     "Липецька", []),
    ("ru-saratov", "Saratov Oblast", "RU", 51.8000, 46.8000, ["Saratov"], ["Saratovskaya"], "Саратовская",
     "Саратовська", []),
    ("ru-leningrad", "Leningrad Oblast", "RU", 60.0000, 31.5000, ["Leningrad"], ["Leningradskaya"],
     "Ленинградская", "Ленінградська", []),
    ("by-brest", "Brest Region", "BY", 52.3000, 25.4000, ["Brest"], ["Brestskaya", "Brestskaya voblasts"],
     "Брестская", "Брестська", ["Брэсцкая вобласць", "Brest Voblast"]),
    ("by-vitebsk", "Vitebsk Region", "BY", 55.3000, 28.7000, ["Vitebsk", "Viciebsk", "Vitsebsk"],
     ["Vitebskaya"], "Витебская", "Вітебська", ["Віцебская вобласць", "Vitsebsk Voblast"]),
    ("by-gomel", "Gomel Region", "BY", 52.3000, 29.9000, ["Gomel", "Homel", "Homyel"], ["Gomelskaya"],
     "Гомельская", "Гомельська", ["Гомельская вобласць", "Homiel Voblast"]),
    ("by-grodno", "Grodno Region", "BY", 53.6500, 24.7500, ["Grodno", "Hrodna"], ["Grodnenskaya"],
     "Гродненская", "Гродненська", ["Гродзенская вобласць", "Hrodna Voblast"]),
    ("by-minsk", "Minsk Region", "BY", 53.7500, 27.8000, ["Minsk"], ["Minskaya"], "Минская", "Мінська",
     ["Мінская вобласць", "Minsk Voblast"]),
    ("by-mogilev", "Mogilev Region", "BY", 53.7500, 30.4000, ["Mogilev", "Mahilyow", "Mahiliou"],
     ["Mogilevskaya"], "Могилевская", "Могильовська", ["Магілёўская вобласць", "Могилёвская область"]),
]


def foreign_oblast_row(spec) -> dict:
    slug, name, country, lat, lon, stems, adjs, ru_adj, ua_adj, extra = spec
    aliases = [name]
    for stem in stems:
        aliases += [f"{stem} Oblast", f"{stem} region", f"{stem} province"]
    aliases += [f"{adj} oblast" for adj in adjs]
    aliases += ru_adjective_forms(ru_adj) + ua_adjective_forms(ua_adj) + extra
    return {"id": f"cur:{slug}-region", "name": name, "aliases": aliases, "feature": "admin1", "lat": lat,
            "lon": lon, "country": country, "admin1": "", "precision": 3, "note": "approximate centroid"}


def rec(slug, name, aliases, feature, lat, lon, country="", admin1="", precision=3, note="") -> dict:
    return {"id": f"cur:{slug}", "name": name, "aliases": [name, *aliases], "feature": feature, "lat": lat,
            "lon": lon, "country": country, "admin1": admin1, "precision": precision, "note": note}


OTHER = [
    # Russian regions that do not fit the oblast pattern
    rec("ru-krasnodar-krai", "Krasnodar Krai", ["Krasnodar region", "Krasnodar territory", "Krasnodar kray",
        "Krasnodarsky Krai", "Kuban", "Краснодарский край", "Краснодарского края", "Краснодарском крае",
        "Краснодарський край", "Краснодарському краї", "Кубань", "Кубані"], "admin1", 45.4000, 39.1000, "RU",
        note="approximate centroid"),
    rec("ru-tatarstan", "Republic of Tatarstan", ["Tatarstan", "Tatarstan Republic", "Татарстан",
        "Республика Татарстан", "Татарстане"], "admin1", 55.5000, 50.9000, "RU", note="approximate centroid"),
    # Ukraine: areas
    rec("donbas", "Donbas", ["Donbass", "Donbas region", "Donbass region", "Donets Basin", "Донбас",
        "Донбасі",
        "Донбасу", "Донбасс", "Донбассе", "Донбасса"], "region", 48.3000, 38.3000, "UA",
        note="Donetsk + Luhansk oblasts; approximate centroid"),
    rec("crimea", "Crimea", ["Crimean Peninsula", "Crimean peninsula", "Krym", "the Crimea", "Крим", "Криму",
        "Кримський півострів", "Крым", "Крыму", "Крымский полуостров"], "peninsula", 45.3000, 34.4000, "UA",
        note="the peninsula; the admin unit is cur:ua-crimea-republic"),
    rec("zaporizhzhia-npp", "Zaporizhzhia Nuclear Power Plant", ["Zaporizhzhia NPP", "ZNPP",
        "Zaporizhzhia nuclear plant", "Zaporizhzhia nuclear power station", "Zaporizhia nuclear power plant",
        "Zaporozhye nuclear power plant", "Zaporozhye NPP", "Zaporizhzhia power plant", "ЗАЕС",
        "Запорізька АЕС", "Запорізької АЕС", "Запорожская АЭС", "Запорожской АЭС", "ЗАЭС"], "facility",
        47.5119, 34.5856, "UA", "Zaporizhzhia Oblast", 1, "at Enerhodar"),
    rec("chornobyl-npp", "Chornobyl Nuclear Power Plant", ["Chornobyl NPP", "Chernobyl NPP",
        "Chernobyl nuclear power plant", "Chornobyl nuclear plant", "Chernobyl nuclear plant",
        "Чорнобильська АЕС", "Чорнобильської АЕС", "Чернобыльская АЭС", "Чернобыльской АЭС", "ЧАЕС"],
        "facility", 51.3890, 30.0990, "UA", "Kyiv Oblast", 1),
    rec("chornobyl-exclusion-zone", "Chornobyl Exclusion Zone", ["Chernobyl Exclusion Zone",
        "Chornobyl zone", "Chernobyl zone", "Chornobyl exclusion area",
        "Чорнобильська зона відчуження", "Чернобыльская зона отчуждения"],
        "area", 51.3000, 29.9000, "UA", "Kyiv Oblast", 2, "approximate centroid of the zone"),
    rec("kinburn-spit", "Kinburn Spit", ["Kinburn Peninsula", "Kinburn", "Kinburn spit", "Кінбурнська коса",
        "Кінбурнській косі", "Кинбурнская коса", "Кинбурнской косе"], "peninsula", 46.5500, 31.5500, "UA",
        "Mykolaiv Oblast", 2),
    rec("snake-island", "Snake Island", ["Zmiinyi Island", "Zmiinyi", "Zmiinyi island", "Zmeiny Island",
        "Zmeinyy Island", "Serpent Island", "Зміїний", "острів Зміїний", "острові Зміїний", "Змеиный",
        "остров Змеиный", "острове Змеиный"], "island", 45.2553, 30.2042, "UA", "Odesa Oblast", 1),
    rec("azovstal", "Azovstal", ["Azovstal steel plant", "Azovstal plant", "Azovstal steelworks",
        "Azovstal iron and steel works", "Азовсталь", "Азовсталі", "Азовстали"], "facility", 47.0980, 37.6100,
        "UA", "Donetsk Oblast", 1, "in Mariupol; point within the works"),
    rec("crimean-bridge", "Crimean Bridge", ["Kerch Bridge", "Kerch Strait Bridge", "Crimea bridge",
        "Кримський міст", "Кримського мосту", "Крымский мост", "Крымского моста"], "facility", 45.3100,
        36.5100, "UA", "Autonomous Republic of Crimea", 1,
            "mid-span; country per the Ukrainian side's claim"),
    rec("kakhovka-dam", "Kakhovka Dam", ["Kakhovka hydroelectric power plant", "Kakhovka HPP",
        "Nova Kakhovka dam", "Каховська ГЕС", "Каховської ГЕС", "Каховская ГЭС", "Каховской ГЭС"], "facility",
        46.7778, 33.3706, "UA", "Kherson Oblast", 1, "destroyed 6 June 2023"),
    rec("antonivskyi-bridge", "Antonivskyi Bridge", ["Antonivsky Bridge", "Antonovsky Bridge",
        "Antonivka bridge", "Антонівський міст", "Антонівського мосту", "Антоновский мост",
        "Антоновского моста"], "facility", 46.6690, 32.7180, "UA", "Kherson Oblast", 1),
    rec("dniproges", "Dnipro Hydroelectric Station", ["DniproHES", "Dniprohes", "Dnieper HPP", "DneproGES",
        "Dnipro HPP", "ДніпроГЕС", "ДніпроГЕСу", "ДнепроГЭС"], "facility", 47.8697, 35.0878, "UA",
        "Zaporizhzhia Oblast", 1, "dam in Zaporizhzhia city"),
    rec("belbek-airbase", "Belbek air base", ["Belbek airfield", "Belbek airbase", "Belbek airport",
        "аеродром Бельбек", "аэродром Бельбек"], "facility", 44.6880, 33.5770, "UA",
        "Sevastopol City", 1),
    rec("saky-airbase", "Saky air base", ["Saky airfield", "Saky airbase", "Saki air base", "Saki airbase",
        "Novofedorivka air base", "аеродром Саки", "аэродром Саки"], "facility", 45.0930, 33.6000, "UA",
        "Autonomous Republic of Crimea", 1),
    rec("engels-airbase", "Engels air base", ["Engels-2", "Engels airbase", "Engels airfield",
        "аэродром Энгельс", "аеродром Енгельс"], "facility", 51.4800, 46.2100, "RU", "Saratov Oblast", 1),
    rec("kursk-npp", "Kursk Nuclear Power Plant", ["Kursk NPP", "Kursk nuclear plant", "Курская АЭС",
        "Курской АЭС", "Курська АЕС"], "facility", 51.6750, 35.6060, "RU", "Kursk Oblast", 1, "at Kurchatov"),
    rec("kursk-incursion", "Kursk incursion area", ["Kursk incursion", "Kursk salient",
        "Kursk offensive area",
        "Sudzha area", "Sudzha district", "Sudzhansky district", "Суджанский район", "Суджанского района"],
        "area", 51.2000, 35.2000, "RU", "Kursk Oblast", 2,
        "the 2024-25 Ukrainian-held area around Sudzha; approximate"),
    rec("kherson-left-bank", "Left bank of the Dnipro (Kherson Oblast)", ["left bank of the Dnipro",
        "left bank of the Dnieper", "Dnipro left bank", "Kherson left bank", "лівий берег Дніпра",
        "лівобережжя Херсонщини", "левый берег Днепра"], "area", 46.5000, 33.3000, "UA", "Kherson Oblast", 2,
        "occupied east bank opposite Kherson; approximate"),
    # Broad parts of Ukraine: only as explicit phrases
    rec("ua-south", "Southern Ukraine", ["southern Ukraine", "south of Ukraine", "Ukraine's south",
        "південь України", "півдні України", "юг Украины", "юге Украины"], "area", 47.0000, 33.5000, "UA",
        note="broad area; point between Kherson, Mykolaiv and Zaporizhzhia"),
    rec("ua-east", "Eastern Ukraine", ["eastern Ukraine", "east of Ukraine", "Ukraine's east",
        "схід України", "сході України", "восток Украины", "востоке Украины"], "area", 48.5000, 37.5000, "UA",
        note="broad area; point in the Donbas"),
    rec("ua-northeast", "Northeastern Ukraine", ["northeastern Ukraine", "north-eastern Ukraine",
        "north-east of Ukraine", "Ukraine's northeast", "північний схід України", "північному сході України",
        "северо-восток Украины"], "area", 50.5000, 35.5000, "UA",
        note="broad area; point between Sumy and Kharkiv"),
    rec("ua-southeast", "Southeastern Ukraine", ["southeastern Ukraine", "south-eastern Ukraine",
        "Ukraine's southeast", "південний схід України"], "area", 47.5000, 36.0000, "UA",
        note="broad area; Zaporizhzhia Oblast"),
    rec("ua-north", "Northern Ukraine", ["northern Ukraine", "north of Ukraine", "Ukraine's north",
        "північ України", "півночі України", "север Украины"], "area", 51.0000, 31.5000, "UA",
        note="broad area; point in Chernihiv Oblast"),
    rec("ua-west", "Western Ukraine", ["western Ukraine", "west of Ukraine", "Ukraine's west",
        "захід України", "заході України", "запад Украины", "западе Украины"], "area", 49.5000, 25.0000, "UA",
        note="broad area; point near Ternopil"),
    rec("ua-central", "Central Ukraine", ["central Ukraine", "centre of Ukraine", "center of Ukraine",
        "центр України", "центральна Україна", "центральной Украине"], "area", 49.0000, 32.0000, "UA",
        note="broad area; point near Kropyvnytskyi/Cherkasy"),
    # Rivers, reservoirs and seas of the Ukraine war
    rec("river-dnipro", "Dnipro River", ["Dnieper", "Dnieper River", "Dnipro river", "river Dnipro",
        "river Dnieper", "Dnepr River", "Dnepr river", "річка Дніпро", "річки Дніпро", "річці Дніпро",
        "ріка Дніпро", "река Днепр", "реки Днепр", "реке Днепр"], "river", 46.6700, 32.7300, "",
        note="point on the lower Dnipro at Kherson (Antonivskyi bridge), the 2022-23 front line; "
             "bare 'Dnipro'/'Днепр' is the city"),
    rec("river-siverskyi-donets", "Siverskyi Donets", ["Siverskyi Donets River", "Seversky Donets",
        "Severskiy Donets", "Seversky Donets River", "Donets River", "Sivershyi Donets", "Northern Donets",
        "Сіверський Донець", "Сіверського Донця", "Северский Донец", "Северского Донца"], "river",
        48.9300, 38.2500, "UA", note="point at Bilohorivka, Luhansk Oblast (the 2022 crossing battles)"),
    rec("river-dniester", "Dniester", ["Dniester River", "Dnister", "Dnister River", "Dnestr", "Nistru",
        "Дністер", "Дністра", "Днестр", "Днестра"], "river", 46.4200, 30.2700, "",
        note="point at Mayaky, Odesa Oblast (the bridge near the estuary)"),
    rec("river-southern-bug", "Southern Bug", ["Southern Bug River", "Pivdennyi Buh", "Southern Buh",
        "Yuzhny Bug", "Південний Буг", "Південного Бугу", "Южный Буг", "Южного Буга"], "river", 46.9700,
        31.9400, "UA", note="point at Mykolaiv"),
    rec("river-desna", "Desna River", ["river Desna", "Desna river", "річка Десна", "річки Десни",
        "річці Десні",
        "река Десна", "реки Десны"], "river", 51.4800, 31.3300, "",
        note="point at Chernihiv; bare 'Desna' is left to the village of that name"),
    rec("river-inhulets", "Inhulets River", ["river Inhulets", "Ingulets River", "river Ingulets",
        "річка Інгулець", "річки Інгулець", "река Ингулец"], "river", 47.1200, 33.2400, "UA",
        note="point at Davydiv Brid (the 2022 Kherson bridgehead); bare 'Inhulets' is left to the town"),
    rec("river-oskil", "Oskil River", ["river Oskil", "Oskol River", "river Oskol", "річка Оскіл",
        "річки Оскіл",
        "река Оскол", "реки Оскол"], "river", 49.7100, 37.6300, "",
        note="point at Kupiansk; bare 'Oskil' is left to the village"),
    rec("river-irpin", "Irpin River", ["Irpin river", "river Irpin", "Irpen River", "річка Ірпінь",
        "річки Ірпінь", "река Ирпень"], "river", 50.5300, 30.2200, "UA",
        note="point near Irpin/Romanivka bridge (March 2022); approximate"),
    rec("river-danube", "Danube", ["Danube River", "river Danube", "Dunai", "Дунай", "Дунаю", "Дуная"],
        "river",
        45.3400, 28.8400, "", note="point at Izmail (port strikes on the Ukrainian Danube)"),
    rec("danube-delta", "Danube Delta", ["Danube delta", "дельта Дунаю", "дельта Дуная"], "area", 45.2500,
        29.4000, "", note="centre of the delta (Ukraine/Romania)"),
    rec("kakhovka-reservoir", "Kakhovka Reservoir", ["Kakhovka reservoir", "Kakhovske Reservoir",
        "Kakhovka Sea", "Каховське водосховище", "Каховського водосховища", "Каховское водохранилище",
        "Каховского водохранилища"], "reservoir", 47.4500, 34.4000, "UA",
        note="centre of the former reservoir, drained after the dam's destruction in June 2023"),
    rec("kremenchuk-reservoir", "Kremenchuk Reservoir", ["Kremenchuk reservoir", "Kremenchug Reservoir",
        "Кременчуцьке водосховище", "Кременчугское водохранилище"], "reservoir", 49.3000, 32.6000, "UA",
        note="approximate centre"),
    rec("dnipro-bug-estuary", "Dnipro-Bug Estuary", ["Dnieper-Bug Estuary", "Dnipro-Buh estuary",
        "Dnieper–Bug estuary", "Dnieper-Bug liman", "Дніпровсько-Бузький лиман", "Днепро-Бугский лиман",
        "Днепровско-Бугский лиман"], "sea", 46.6000, 31.9500, "UA", note="centre of the estuary"),
    rec("black-sea", "Black Sea", ["the Black Sea", "Чорне море", "Чорному морі", "Чорного моря",
        "Черное море", "Черном море", "Черного моря"], "sea", 43.4000, 34.0000, "", note="centre of the sea"),
    rec("sea-of-azov", "Sea of Azov", ["Azov Sea", "the Sea of Azov", "Azov sea", "Азовське море",
        "Азовському морі", "Азовського моря", "Азовское море", "Азовском море", "Азовского моря"], "sea",
        46.1000, 36.6000, "", note="centre of the sea"),
    rec("kerch-strait", "Kerch Strait", ["Strait of Kerch", "Kerch strait", "Керченська протока",
        "Керченській протоці", "Керченский пролив", "Керченском проливе"], "strait", 45.3000, 36.5500, "",
        note="at the Crimean Bridge"),
    # Middle East, Yemen, Sudan
    rec("gaza-strip", "Gaza Strip", ["the Gaza Strip", "Gaza strip", "Strip of Gaza", "Gaza enclave",
        "قطاع غزة"], "area", 31.4200, 34.3600, "PS", note="centroid; bare 'Gaza' is Gaza City"),
    rec("gaza-north", "Northern Gaza", ["northern Gaza", "north Gaza", "northern Gaza Strip",
        "north of the Gaza Strip"], "area", 31.5300, 34.5000, "PS", "", 2, "approximate"),
    rec("gaza-south", "Southern Gaza", ["southern Gaza", "south Gaza", "southern Gaza Strip",
        "south of the Gaza Strip"], "area", 31.3000, 34.3000, "PS", "", 2, "approximate; Khan Younis-Rafah"),
    rec("philadelphi-corridor", "Philadelphi Corridor", ["Philadelphi corridor", "Philadelphi route",
        "Salah al-Din corridor"], "area", 31.2700, 34.2500, "PS", "", 2, "Gaza-Egypt border strip"),
    rec("west-bank", "West Bank", ["the West Bank", "occupied West Bank", "Judea and Samaria",
        "الضفة الغربية"], "area", 31.9500, 35.2500, "PS", note="centroid"),
    rec("golan-heights", "Golan Heights", ["the Golan Heights", "the Golan", "Golan", "occupied Golan",
        "هضبة الجولان"], "area", 33.0000, 35.7800, "SY", note="Syrian territory occupied by Israel"),
    rec("sinai", "Sinai Peninsula", ["Sinai", "the Sinai", "Sinai peninsula", "سيناء"], "peninsula", 29.5000,
        33.8000, "EG"),
    rec("il-north", "Northern Israel", ["northern Israel", "north of Israel", "Israel's north"], "area",
        32.9000, 35.3000, "IL", note="broad area; Galilee"),
    rec("il-south", "Southern Israel", ["southern Israel", "south of Israel", "Israel's south"], "area",
        31.0000, 34.8000, "IL", note="broad area; Negev"),
    rec("lb-south", "Southern Lebanon", ["southern Lebanon", "south Lebanon", "south of Lebanon",
        "Lebanon's south", "جنوب لبنان"], "area", 33.2500, 35.4000, "LB",
        note="area south of the Litani; the governorate is in the admin1 list"),
    rec("bekaa-valley", "Bekaa Valley", ["Bekaa", "Beqaa Valley", "Beqaa", "the Bekaa"], "area", 33.8500,
        36.0000, "LB"),
    rec("sy-eastern-ghouta", "Eastern Ghouta", ["East Ghouta", "Ghouta", "the Ghouta", "eastern Ghouta",
        "al-Ghouta", "الغوطة الشرقية"], "area", 33.5500, 36.4000, "SY", "Rīf Dimashq", 2,
        "the farmland east of Damascus (Douma, Harasta); approximate"),
    rec("sy-idlib", "Idlib Governorate", ["Idlib province", "Idlib governorate", "Idleb Governorate",
        "Idleb province", "محافظة إدلب"], "admin1", 35.8000, 36.6000, "SY", note="approximate centroid"),
    rec("sy-aleppo", "Aleppo Governorate", ["Aleppo province", "Aleppo governorate", "Halab Governorate"],
        "admin1", 36.2000, 37.4000, "SY", note="approximate centroid"),
    rec("sy-deir-ez-zor", "Deir ez-Zor Governorate", ["Deir ez-Zor province", "Deir el-Zour province",
        "Deir ez-Zor governorate", "Dayr az Zawr Governorate"], "admin1", 35.0000, 40.5000, "SY",
        note="approximate centroid"),
    rec("ye-hodeidah", "Hodeidah Governorate", ["Hodeidah province", "Hudaydah Governorate",
        "Al Hudaydah Governorate", "Hodeida province", "Hudaydah province", "محافظة الحديدة"], "admin1",
        15.0000, 43.2000, "YE", note="approximate centroid"),
    rec("ye-marib", "Marib Governorate", ["Marib province", "Ma'rib Governorate", "Ma'rib province",
        "محافظة مأرب"], "admin1", 15.4000, 45.6000, "YE", note="approximate centroid"),
    rec("ye-taiz", "Taiz Governorate", ["Taiz province", "Ta'izz Governorate", "Taizz province"], "admin1",
        13.4000, 43.9000, "YE", note="approximate centroid"),
    rec("ye-saada", "Saada Governorate", ["Saada province", "Sa'dah Governorate", "Saada governorate"],
        "admin1", 16.9000, 43.8000, "YE", note="approximate centroid"),
    rec("sd-darfur", "Darfur", ["Darfur region", "greater Darfur", "دارفور"], "region", 13.5000, 24.0000,
        "SD",
        note="the five Darfur states; approximate centroid"),
    rec("sd-north-darfur", "North Darfur", ["North Darfur State", "Northern Darfur", "North Darfur state",
        "شمال دارفور"], "admin1", 16.0000, 25.0000, "SD", note="approximate centroid"),
    rec("sd-south-darfur", "South Darfur", ["South Darfur State", "Southern Darfur", "South Darfur state",
        "جنوب دارفور"], "admin1", 11.3000, 24.9000, "SD", note="approximate centroid"),
    rec("sd-west-darfur", "West Darfur", ["West Darfur State", "Western Darfur", "West Darfur state",
        "غرب دارفور"], "admin1", 12.9000, 22.6000, "SD", note="approximate centroid"),
    rec("sd-central-darfur", "Central Darfur", ["Central Darfur State", "Central Darfur state", "وسط دارفور"],
        "admin1", 12.6000, 23.6000, "SD", note="approximate centroid"),
    rec("sd-east-darfur", "East Darfur", ["East Darfur State", "Eastern Darfur", "East Darfur state",
        "شرق دارفور"], "admin1", 11.5000, 26.3000, "SD", note="approximate centroid"),
    rec("sd-kordofan", "Kordofan", ["Kordofan region", "greater Kordofan", "كردفان"], "region", 13.0000,
        30.0000, "SD", note="the three Kordofan states; approximate centroid"),
    rec("sd-north-kordofan", "North Kordofan", ["North Kordofan State", "Northern Kordofan"], "admin1",
        14.5000, 29.8000, "SD", note="approximate centroid"),
    rec("sd-south-kordofan", "South Kordofan", ["South Kordofan State", "Southern Kordofan",
        "Nuba Mountains"],
        "admin1", 11.0000, 30.0000, "SD", note="approximate centroid"),
    rec("sd-west-kordofan", "West Kordofan", ["West Kordofan State", "Western Kordofan"], "admin1", 11.5000,
        28.0000, "SD", note="approximate centroid"),
    rec("sd-khartoum-state", "Khartoum State", ["Khartoum state", "Khartoum province", "ولاية الخرطوم"],
        "admin1", 15.8000, 32.8000, "SD", note="approximate centroid; bare 'Khartoum' is the city"),
    rec("sd-gezira", "Al Jazirah State", ["Gezira State", "Al Jazirah", "Gezira", "Al-Jazira state",
        "El Gezira"], "admin1", 14.5000, 33.3000, "SD", note="approximate centroid"),
    rec("river-euphrates", "Euphrates", ["Euphrates River", "the Euphrates", "river Euphrates", "الفرات"],
        "river", 35.3300, 40.1500, "", note="point at Deir ez-Zor, Syria"),
    rec("river-tigris", "Tigris", ["Tigris River", "the Tigris", "river Tigris", "دجلة"], "river", 36.3400,
        43.1300, "", note="point at Mosul, Iraq"),
    rec("river-nile", "Nile", ["Nile River", "the Nile", "River Nile", "النيل"], "river", 15.6100,
        32.5200, "",
        note="point at the confluence in Khartoum, Sudan"),
    rec("river-jordan", "Jordan River", ["River Jordan", "the Jordan River", "نهر الأردن"],
        "river", 32.1000, 35.5500, "", note="point at the Damiya bridge (West Bank/Jordan)"),
    rec("river-litani", "Litani River", ["Litani", "the Litani", "Litani river", "نهر الليطاني"], "river",
        33.3300, 35.3000, "LB", note="point on the lower course near the mouth, south Lebanon"),
    rec("red-sea", "Red Sea", ["the Red Sea", "البحر الأحمر"], "sea", 20.0000, 38.5000, "",
        note="centre of the sea"),
    rec("gulf-of-aden", "Gulf of Aden", ["the Gulf of Aden", "خليج عدن"], "sea", 12.5000, 47.5000, "",
        note="centre of the gulf"),
    rec("bab-el-mandeb", "Bab el-Mandeb", ["Bab al-Mandab", "Bab-el-Mandeb", "Bab el-Mandeb Strait",
        "Bab al-Mandab Strait", "Mandeb Strait", "باب المندب"], "strait", 12.5800, 43.3300, "",
        note="at the narrows"),
    rec("persian-gulf", "Persian Gulf", ["the Persian Gulf", "Arabian Gulf"], "sea", 27.0000,
        51.5000, "", note="centre of the gulf"),
    rec("strait-of-hormuz", "Strait of Hormuz", ["Hormuz Strait", "the Strait of Hormuz",
        "Straits of Hormuz"],
        "strait", 26.5700, 56.2500, "", note="at the narrows"),
    rec("gulf-of-oman", "Gulf of Oman", ["the Gulf of Oman", "Sea of Oman"], "sea", 24.5000, 58.5000, "",
        note="centre of the gulf"),
    rec("arabian-sea", "Arabian Sea", ["the Arabian Sea"], "sea", 15.0000, 63.0000, "", note="centre"),
    rec("mediterranean-sea", "Mediterranean Sea", ["the Mediterranean", "Mediterranean",
        "the Mediterranean Sea", "Eastern Mediterranean", "eastern Mediterranean"], "sea", 35.0000,
            18.0000, "",
        note="centre of the sea; 'Eastern Mediterranean' is folded in here"),
    rec("caspian-sea", "Caspian Sea", ["the Caspian", "the Caspian Sea", "Каспийское море", "Каспийском море",
        "Каспійське море"], "sea", 42.0000, 50.5000, "", note="centre of the sea"),
    rec("baltic-sea", "Baltic Sea", ["the Baltic Sea", "the Baltic", "Балтийское море"], "sea", 58.0000,
        20.0000, "", note="centre of the sea"),
]


def all_rows() -> list[dict]:
    rows = [oblast_row(spec) for spec in OBLASTS] + UA_SPECIAL_ADMIN1
    rows += [raion_row(spec) for spec in RAIONS]
    rows += [foreign_oblast_row(spec) for spec in FOREIGN_OBLASTS]
    rows += OTHER
    return rows


def to_csv_rows(rows: list[dict]) -> list[dict]:
    """Aliases joined with '|', the name itself left out of them, coordinates with 4 decimals."""
    out = []
    for row in rows:
        aliases = [a for a in _uniq(row["aliases"]) if a.casefold() != row["name"].casefold()]
        out.append({**row, "aliases": "|".join(aliases), "lat": f"{row['lat']:.4f}",
            "lon": f"{row['lon']:.4f}",
                    "precision": str(row["precision"])})
    return out


def write(path: Path = CSV_PATH) -> int:
    rows = to_csv_rows(all_rows())
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return len(rows)


if __name__ == "__main__":
    count = write(Path(sys.argv[1]) if len(sys.argv) > 1 else CSV_PATH)
    print(f"wrote {count} records")
