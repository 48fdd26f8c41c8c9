"""Lexicons of the event classifier: the patterns, one a line, that name each event type and modality.

Kept apart from the matching code (events.py) so that analysts and reviewers can read and diff the
words behind every type without wading through the machinery. Patterns are written for lower-cased
text and are wrapped in word boundaries when compiled; each rule is (positive patterns, vetoes), and a
positive match lying inside a veto match does not count ("anti-aircraft missiles" is not a missile
strike, "drone footage" not a drone strike).
"""

# ruff: noqa: E501  (one pattern a line, however long: lexicons stay readable and diffable)
from __future__ import annotations

from dashboard.records import EVENT_TYPES

# \b-style boundaries keep "grad" out of "Belgrade".

NUM_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a hundred": 100, "one hundred": 100,
    "один": 1, "одна": 1, "два": 2, "двое": 2, "две": 2, "три": 3, "трое": 3, "четыре": 4, "четверо": 4,
    "пять": 5, "пятеро": 5, "шесть": 6, "семь": 7, "восемь": 8, "девять": 9, "десять": 10,
    "двоє": 2, "дві": 2, "троє": 3, "чотири": 4, "п'ять": 5, "п’ять": 5, "п'ятеро": 5, "п’ятеро": 5,
    "шість": 6, "сім": 7, "вісім": 8, "дев'ять": 9, "дев’ять": 9,
}
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
NUM = (
    r"(?:\d{1,3}(?:,\d{3})+|\d+"
    rf"|(?:{_TENS})(?:[- ](?:{_UNITS}))?"
    r"|a hundred|one hundred|hundred|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen"
    r"|eighteen|nineteen|ten|one|two|three|four|five|six|seven|eight|nine|an?"
    r"|один|одна|двое|два|две|трое|три|четверо|четыре|пятеро|пять|шесть|семь|восемь|девять|десять"
    r"|двоє|дві|троє|чотири|п['’]ятеро|п['’]ять|шість|сім|вісім|дев['’]ять)"
)
MOD = (
    r"(?:(?:at least|up to|more than|over|about|around|nearly|almost|some|as many as|at most|roughly"
    r"|approximately|a further|another) )?"
)

_MILITARY_NOUNS = (
    r"tanks?|vehicles?|equipment|soldiers?|troops|personnel|servicem[ae]n|units?|positions?"
    r"|missiles?|aircraft|helicopters?|jets?|artillery|howitzers?|launchers?|ammo|ammunition|convoys?"
    r"|bmps?|btrs?|apcs?|ifvs?|warships?|ships?|boats?|tugs?|vessels?|militants|fighters|mercenaries"
    r"|command posts?|depots?|radars?|systems?|armou?r|militar\w*|weapons?|targets?"
    r"|(?:sabotage|reconnaissance|assault|enemy) (?:and )?(?:reconnaissance )?groups?|detachments?|squads?|platoons?|drgs?"
)
_CIVIL_NOUNS = (
    r"buildings?|houses?|homes?|apartments?|flats?|residential|school\w*|hospitals?|clinics?|kindergartens?"
    r"|churche?s?|cathedral|monaster\w+|mosques?|synagogues?|markets?|shops?|stores?|malls?|shopping|"
    r"universit\w+|colleges?|park|theat(?:re|er)|museum|librar\w+|stadium|rink|cinema|hotels?|offices?"
    r"|factor\w+|plants?|warehouses?|garages?|roads?|streets?|stations?|bridges?|airports?|port|harbou?r"
    r"|infrastructure|facilit\w+|dormitor\w+|tower|centre|center|complex|square|cars?|bus(?:es)?|trains?"
    r"|village|town|city|district|neighbou?rhood|area|farm|granar\w+|grain|silos?|storage|depot|medical"
)

def _lines(block: str) -> tuple[str, ...]:
    """One regex per non-empty line: lexicons stay readable and diffable."""
    return tuple(line.strip() for line in block.splitlines() if line.strip())


# Each entry: type id -> (positive patterns, veto patterns), one pattern a line.
_LEXICON: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "air_strike": (
        _lines(r"""
            air ?strikes?
            air[- ]raids?
            air attacks?
            bomb(?:s|ing|ings|ed|er|ers)?
            glide bombs?
            kabs?(?:-\d+)?
            fab-\d+\w*
            (?:military|russian|ukrainian|enemy|army|tactical|strategic|combat|front-?line|naval|long-range) aviation
            aviation (?:strikes?|attacks?|raids?|bombs?|struck|hit|dropped|bombed|attacked|used)
            aircraft
            warplanes?
            (?:fighter|combat) (?:jets?|planes?|aircraft)
            jets?
            helicopters?
            su-\d\d\w*
            su \d\d\w*
            ka-5\d\w*
            ka5\d\w*
            mi-\d+\w*
            tu-\d+\w*
            авиа\w*
            бомб\w*
        """),
        _lines(r"""
            anti-aircraft
            air[- ]raid (?:alerts?|alarms?|sirens?|warnings?|shelters?)
            (?:rescue|ambulance|medical|police|coastguard|coast guard|news|tv|civilian|passenger|private) (?:helicopters?|aircraft|jets?)
            air ambulance
            jet (?:lag|ski|stream|fuel|set)
            car bombs?
            bomb shelters?
            bomb squad
            unexploded bombs?
            bomb disposal
            aircraft carriers?
        """),
    ),
    "drone_strike": (
        _lines(r"""
            drones?
            uavs?
            unmanned aerial
            shaheds?(?:-\d+)?
            gerans?(?:-\d)?
            lancets?
            kamikaze
            loitering munitions?
            bayraktars?
            fpv
            quadcopters?
            дрон\w*
            беспилотн\w*
            бпла
            шахед\w*
        """),
        _lines(r"""
            (?:drone|uav|aerial) (?:footage|video|image\w*|shots?|view|photos?|flyover|camera)
            (?:filmed|seen|captured|shot) (?:by|from) (?:a )?(?:drone|uav)
            anti-drone
            (?:drone|uav) (?:shows?|showing|captures?)
        """),
    ),
    "missile_strike": (
        _lines(r"""
            missiles?
            cruise
            ballistic
            iskanders?
            kalibrs?
            kh-\d+\w*
            х-\d+
            s-300s?
            s-400s?
            tochka(?:-u)?
            kinzhals?
            onyx
            oniks
            tomahawks?
            storm shadow
            atacms
            ракет\w*
        """),
        _lines(r"""
            anti-aircraft (?:\w+ )?missiles?
            surface-to-air missiles?
            air[- ]defen[cs]e missiles?
            patriot (?:\w+ ){0,2}missiles?
            missile defen[cs]e
            anti-tank missiles?
            missiles? (?:were|was) (?:shot down|intercepted|downed|destroyed)
        """),
    ),
    "shelling": (
        _lines(r"""
            shell(?:s|ing|ings|ed)?
            artillery
            mortars?
            mlrs
            grads?
            uragans?
            smerch
            himars
            m777s?
            howitzers?
            msta(?:-s)?
            tos[- ]?1a?
            bm-\d+
            tank (?:fire|firing|shells?|rounds?)
            tanks? fir(?:ed|ing|es)
            rockets?
            rocket launchers?
            multiple[- ]launch rocket
            cluster munitions?
            (?:opened|open) fire
            (?:fired|firing) (?:at|on|upon)(?! (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|the spot|the (?:end|start|beginning|request|time)\b)\b)
            fire (?:defeat|damage|raid)
            обстрел\w*
            обстріл\w*
            артиллер\w*
            артилер\w*
            минометн\w*
            мінометн\w*
            град\w*
        """),
        _lines(r"""
            shell compan\w+
            shell[- ]shock\w*
            shells? out
            rocket science
        """),
    ),
    "explosion": (
        _lines(r"""
            explosions?
            explod\w+
            blasts?
            landmines?
            (?:anti-tank|anti-personnel|naval|sea) mines?
            mines? (?:blast|explosion)
            (?:hit|stepped on|struck|ran over) a mine
            ieds?
            improvised explosive
            explosive devices?
            incendiar(?:y|ies) (?:munitions?|weapons?|ammunition|shells?|bombs?|strikes?)
            (?:destroyed|destruction of|knocked out) (?:an? |the )?(?:\w+ ){0,2}(?:tanks?|armou?red vehicles?|apcs?|ifvs?|bmps?|btrs?|howitzers?|artillery|columns?|convoys?)
            (?:use of |using )incendiar(?:y|ies)(?: \w+)?
            detonat\w+
            went off
            going off
            car bombs?
            blew up
            blown up
            sabotage
            взрыв\w*
            вибух\w*
        """),
        _lines(r"""
            blast wave
            population explosion
            sabotage (?:and )?(?:reconnaissance )?(?:groups?|units?|detachments?|teams?|squads?)
        """),
    ),
    "interception": (
        _lines(rf"""
            shot down
            shoots? down
            shooting down
            downed
            intercept\w*
            air[- ]defen[cs]es? (?:\w+ ){{0,4}}?(?:destroyed|downed|shot|neutrali[sz]ed|repelled|repulsed|hit|worked|were working|engaged|responded)
            (?:destroyed|neutrali[sz]ed|downed) {MOD}{NUM}? ?(?:\w+ )?(?:drones?|uavs?|missiles?|shaheds?|rockets?|aircraft|helicopters?)
            сбит\w*
            збит\w*
            перехвач\w*
            пво
        """),
        (),
    ),
    "infrastructure_damage": (
        # Effects on utilities that need no weapon named; the facilities themselves (power plants,
        # bridges, railways) are `_ENERGY_INFRA` objects that count only when struck or damaged.
        _lines(r"""
            power (?:outages?|cuts?)
            blackouts?
            outages?
            (?:power|water|electricity|heating|gas)(?: and (?:power|water|electricity|heating|gas))? cuts?
            without (?:power|electricity|water|heat\w*|gas|light)
            (?:run|ran|running) out of (?:electricity|power|water)
            (?:lost|cut off|cuts?|cutting|knock\w* out|knocked out) (?:the )?(?:power|electricity|water|heat\w*)
            (?:lost|lose|loses|losing|restor\w+|no) (?:\w+ )?(?:power|electricity|water supply|heating)
            left in the dark
            de-?energi[sz]ed
            electricity (?:consumers|services)
            (?:no|without|lost|restor\w+) heating
            emergency shutdowns?
            damage[ds]?
            destroy\w*
            destruction
            ruins?
            ruined
            rubble
            collapsed?
            wreck\w*
            burn(?:ed|t|ing)?(?: down)?
            gutted
            razed
            levell?ed
            flattened
            aftermath
            craters?
            on fire
            in flames
            engulfed
            fires?
            smoke
            разруш\w*
            поврежд\w*
            пошкодж\w*
        """),
        _lines(r"""
            fire (?:brigade|fighters?|department|service)
            cease-?fire
            opened fire
            open fire
            (?:artillery|mortar|tank|sniper|small[- ]arms|gun|machine-gun|heavy) fire
            fire at
            ports? of (?:call|entry)
            damage (?:control|assessment)
            (?:in|for|pay|paid|seeking|seek|seeks) (?:\w+ ){0,4}?damages
            damages (?:from|against|award\w*|claims?|suit)
            air[- ]defen[cs]es?
            missile defen[cs]e
        """),
    ),
    "casualties": (
        _lines(rf"""
            killed
            kill(?:s|ing)?
            dead
            died
            dies
            deaths?
            death toll
            wounded
            wounding
            injur\w+
            casualt\w+
            victims?
            bod(?:y|ies)
            corpses?
            graves?
            tortur\w+
            executed
            executions?
            casevac
            medevac
            fatalit\w+
            lost their lives
            hurt
            hospitali[sz]ed
            perished
            slain
            deceased
            blood
            loss(?:es)? (?:\S+ ){{0,8}}?(?:amounted to|reached|totall?ed|exceeded|stood at|came to|were|was|of) {MOD}{NUM} (?:\w+ )?(?:people|soldiers|servicem[ae]n|personnel|troops|militants|fighters|men|mercenaries|killed|dead|wounded)
            (?:enemy|personnel|human|combat|manpower|irrecoverable|irretrievable|sanitary) losses
            (?:destroyed|eliminated|neutrali[sz]ed) {MOD}{NUM}? ?(?:\w+ ){{0,4}}?(?:soldiers|servicem[ae]n|personnel|militants|fighters|mercenaries|troops|nationalists|military)
            (?:soldiers|servicem[ae]n|personnel|troops|people) (?:were )?lost
            lost {MOD}{NUM} (?:\w+ )?(?:soldiers|servicem[ae]n|personnel|troops|people|fighters)
            погиб\w*
            убит\w*
            ранен\w*
            жертв\w*
            загинул\w*
            поранен\w*
        """),
        _lines(r"""
            dead ?end
            dead ?lines?
            deadl(?:y|ier)
            governing bod\w+
            (?:sanctioned|regulatory|public|government|international|legislative|professional|official|student|sporting|state) bodies
            body armou?r
            bod(?:y|ies) of water
            advisory bod\w+
            no (?:reports? of )?(?:casualties|victims|deaths|injuries|fatalities|dead)
            (?:nobody|no one|none) (?:was|were) (?:killed|injured|hurt|wounded)
            without casualties
        """),
    ),
    "ground_fighting": (
        _lines(r"""
            clash\w*
            fighting
            fights?
            fought
            battles?
            battled
            battlefields?
            battlefronts?
            combat
            assaults?
            assaulted
            storm(?:ed|ing)
            offensives?
            counter-?offensives?
            counter-?attack\w*
            advanc(?:e|ed|es|ing)
            captur\w+
            seiz\w+
            liberat\w+
            recaptur\w+
            retook
            retak\w+
            took control
            taken control
            (?:repel|repell?ed|repulsed?|beat off|beaten off|thwarted) (?:\w+ ){0,3}?(?:attacks?|assaults?|offensives?|attempts?)
            repulsed
            repelled
            broke through
            break through
            (?:defeated|routed|inflicted (?:a )?(?:\w+ )?defeat|dealt (?:a |an )?(?:\w+ )?blows?|knocked out the enemy|drove out|driven out) (?:\w+ ){0,4}?(?:units?|brigades?|battalions?|forces|troops|enemy|armed forces|groups?)
            (?:defeated|routed|knocked out|drove out|driven out) (?:the )?(?:enemy|ukrainian|russian)
            breakthrough
            directions?
            front ?lines?
            encircl\w+
            gunfire
            shoot(?:s|ing)?
            shots? (?:fired|heard)
            shootouts?
            firefights?
            gunfights?
            snipers?
            infantry
            atgms?
            gain(?:ed|ing)? ground
            inflict\w* (?:\w+ ){0,3}?defeat
            (?:military|combat) units
            (?:another|new|second|fresh|renewed) (?:attempt|push|assault)
            attempts? to (?:capture|take|storm|seize|break|advance|encircle|cross)
            withdr[ae]w\w*
            retreat\w*
            skirmish\w*
            small[- ]arms
            (?:sabotage|reconnaissance|assault|storm|infantry|enemy) (?:and )?(?:reconnaissance )?(?:groups?|detachments?|squads?|teams?|platoons?)
            drgs?
            machine[- ]guns?
            бо[йея]\w*
            наступлен\w*
            штурм\w*
        """),
        _lines(r"""
            fighter jets?
            fighter (?:planes?|aircraft)
            fight against corruption
            shoot(?:s|ing)? (?:\w+ )?down
            (?:photo|film|video) shoot\w*
            (?:to|help|helps|helped|helping) combat
            combat (?:climate|crime|corruption|terrorism|poverty|illegal|the spread|disease|inflation|fraud|racism)
            offensive (?:and|or|remarks?|statements?|comments?|language|content|words?|behaviou?r|tweets?|posts?|jokes?|slurs?|material|line|coordinator|player|rebounds?)
            charm offensive
            withdr[ae]w\w* (?:\w+ )?from (?:the |a |an |its |their )?(?:[\w-]+ ){0,4}?(?:deal|agreement|treaty|accord|pact|talks|initiative|convention|negotiations|race|competition|tournament|election|contest|bid|market|project|programme|program)s?(?![\w])
            (?:various|all|both|opposite|new|different|several|many|other) directions?
            directions? (?:of|to|for|from)
            (?:drone|uav|flight|flying|heading|travel\w*) (?:in (?:a|the) )?(?:\w+[-/])?(?:\w+ )?directions?
            direction of travel
            under the direction
            in the direction of
            (?:the|an|more|most|its|their|his|her|highly|technologically) advanced
            advanced (?:\w+ )?(?:weapons?|systems?|missiles?|patriots?|technolog\w+|fighter|tanks?|equipment|rockets?|drones?|jets?|aircraft|air defen[cs]es?|artillery|armou?r|capabilit\w+)
        """),
    ),
    "military_movement": (
        _lines(r"""
            convoys?
            (?:tank|military|armou?red|vehicle) columns?
            columns? of (?:\w+ )?(?:tanks|vehicles|military|armou?r|trucks|troops)
            (?:military|armou?red|russian|ukrainian|army) (?:vehicles?|trucks?|equipment|hardware|encampments?|camps?|bases?|presence|build-?up|personnel)
            vehicles? (?:moving|movement|driving|heading|seen|spotted|entering)
            movements? of
            troop movements?
            (?:russian|ukrainian|enemy|military|army) movements?
            troops? presence
            howitzers?
            self-propelled (?:guns?|howitzers?|artillery)
            t-\d\d\w*
            (?:bmp|btr|bmd|mt-lb)(?:-?\d\w*)?s?
            (?:armou?red personnel carriers?|infantry fighting vehicles?|apcs|ifvs)
            (?:military|transport|cargo|attack|combat) (?:planes?|aircraft|helicopters?)
            build-?up
            amass\w*
            massing
            massed
            mobili[sz]\w*
            deploy\w*
            redeploy\w*
            reinforcements?
            encampments?
            transit of
            (?:rais\w+|hoist\w*|plant\w*|put up|putting up) (?:a |the |their |its )?(?:\w+ )?flags?
            (?:forces|troops|soldiers?|servicem[ae]n|army|military|spetsnaz|units?|russians|chechens?|kadyrovites|marines|paratroopers|rosgvardia|wagner) (?:\w+ )?(?:in|at|near|outside|entering|entered|enter|moving|moved|move|driving|drove|spotted|seen|filmed|arrived?|arriving|gather\w*|massing|stationed|heading|hoisting|patrol\w*|crossing|crossed|occup(?:y\w*|ie[sd])|leaving|passing|passed|positioned|approach\w*|in front of|on the outskirts|around|taking over|took over|in control|to (?:the )?(?:north|south|east|west)\w* of|(?:north|south|east|west) of)
            (?:flying|flew|fly) over
            (?:russians|troops|soldiers|forces|servicem[ae]n|occupiers) (?:\w+ )?loot\w*
            tanks?
            recruits
            military base
            trucks?
            (?:russian|ukrainian|enemy) troops (?:\w+ )?(?:moved|moving|entered|entering|arrived|massing|gathering|advanc\w+|approach\w*|spotted|seen|deployed|redeployed|withdr\w+)
            vehicles? (?:in|at|near|on)
            submarines?
            sub sortied
            sortie\w*
            warships?
            frigates?
            corvettes?
            landing ships?
            (?:black sea )?fleet
            колонн\w*
            переброс\w*
        """),
        _lines(r"""
            tank (?:fire|firing|shells?|rounds?)
            tanks? fir\w+
            (?:water|fuel|oil|gas|think|septic) tanks?
            anti-tank
            (?:destroyed|destruction of|hit|struck) (?:\w+ ){0,2}tanks?
            setbacks? to (?:\w+ )?troops(?: in)?
            (?:destroyed|eliminated|killed|neutrali[sz]ed|wounded|killing|wounding|lost) (?:\S+ ){0,6}?(?:soldiers|troops|servicem[ae]n|personnel|militants|fighters|mercenaries|units?|military) (?:\w+ )?in
            (?:soldiers|troops|servicem[ae]n|personnel|units?) (?:were )?(?:lost|killed|destroyed|eliminated) in
            training (?:\w+ ){0,3}personnel
        """),
    ),
    "diplomacy": (
        _lines(r"""
            meet(?:s|ing|ings)?
            met with
            met (?:his |her |their |the )?(?:[\w-]+ ){0,2}?(?:president|prime minister|premier|chancellor|(?:foreign |defen[cs]e )?ministers?|counterparts?|leaders?|king|queen|pope|envoys?|secretary|delegation)
            met in
            talks
            negotiat\w+
            visit(?:s|ed|ing)?
            summits?
            peace (?:deal|agreement|plan|process|talks|treaty|initiative|formula)
            agreements?
            treat(?:y|ies)
            truce
            cease-?fire
            envoys?
            delegations?
            phone call
            counterpart
            diplomat\w*
            foreign ministers?
            переговор\w*
            встреч\w*
            визит\w*
        """),
        _lines(r"""
            meet (?:the )?(?:demand|needs?|requirements?|targets?)
            grain (?:deal|agreement)
        """),
    ),
    "aid": (
        _lines(r"""
            (?:provide|providing|provided|give|giving|gave) (?:\w+ ){0,4}?(?:in )?(?:financing|funding|aid|assistance|support|weapons|arms|loans?|grants?|billion|million)
            financing
            (?:financial|military|security|humanitarian|defen[cs]e|economic) (?:aid|assistance|support|package)
            aid packages?
            (?:send|sending|sent|supply|supplying|supplied|deliver\w*|ship|shipping|shipped|transfer\w*) (?:\w+ ){0,4}?(?:weapons|arms|patriots?|himars|tanks|missiles|systems|ammunition|howitzers|aid|shells|jets|air defen[cs]es?)
            (?:training|train|trained|trains) (?:\w+ ){0,3}?(?:military personnel|personnel|troops|soldiers|forces|pilots|servicem[ae]n|recruits)
            training of
            donat\w+
            pledg\w+
            lend-lease
            weapons? (?:deliveries|shipments|packages?|supplies)
            western support
            military support
        """),
        (),
    ),
}

# A generic strike with no weapon named: counted as `explosion` (see module docstring).
_GENERIC_STRIKE = _lines(r"""
    strikes?
    attack(?:s|ed|ing)?
    struck
    striking
    hit by
    hits?
    hitting
    targeted
    targeting
    attacks? on
    attacked
    bombardments?
    bombard\w*
    barrage
    impacts?
    craters?
    projectiles?
    munitions?
    ordnance
    удар\w*
    атак\w*
""")
_GENERIC_VETO = _lines(r"""
    strike a deal
    hunger strike
    strikes? a balance
    hit (?:record|a record|back|the road|out)
    hits? (?:the )?market
    lucky strike
    hit songs?
    impact on
    impacts? of
    (?:cyber|heart|panic|terror|terrorist) ?attacks?
""")
# Fires and smoke: a strike of unknown means when no weapon is named ("Chuhuiv Airbase on fire").
_FIRE = _lines(r"""
    on fire
    fires?
    burning
    ablaze
    in flames
    smoke (?:rising|plume|column|clouds?|seen|over|billowing)
    smok(?:es|ing)
    blown
""")

# --- modality -------------------------------------------------------------------------------------
_DENIED = _lines(r"""
    denied
    denies
    deny
    denying
    refuted
    refutes
    rejected (?:the )?(?:claims?|reports?)
    dismissed (?:the )?(?:claims?|reports?)
    (?:false|fake) (?:claims?|reports?|news)
    fake
    not (?:\w+ ){0,2}?(?:hit|strike|struck|attack\w*|shell\w*|fire|fired|launch\w*|bomb\w*|target\w*|damag\w*|destroy\w*|kill\w*|injur\w*|happen\w*|occur\w*|take place|took place|carry out|carried out)
    (?:didn|doesn|don|hadn|hasn|haven|wasn|weren)['’]t (?:\w+ ){0,2}?(?:hit|strike|struck|attack\w*|shell\w*|fire|fired|launch\w*|bomb\w*|target\w*|damag\w*|destroy\w*|kill\w*|injur\w*|happen\w*|occur\w*|take place|took place)
    no (?:\w+ ){1,3}(?:were|was) (?:hit|struck|damaged|destroyed|targeted|attacked)
    never (?:hit|struck|attacked|targeted|shelled|bombed)
    опроверг\w*
    спростува\w*
""")
_THREATENED = _lines(r"""
    threat(?:en|ens|ened|ening)?(?: to)?
    vow(?:s|ed)? to
    ultimatum
    promis(?:ed|es) to(?: \w+)? (?:strike|retaliate|hit|attack|destroy|respond)
    warn(?:s|ed)? (?:of|about) (?:retaliation|strikes?|attacks?|consequences)
    retaliat\w+
    угрож\w*
    погрози\w*
""")
_EXPECTED = _lines(r"""
    could
    may(?<!\d may)(?! \d)
    might
    would
    will
    shall
    won't
    plans? to
    planning to
    planned
    prepar\w+
    (?:possible|potential|likely|new|future) (?:new |future |russian |ukrainian |ground |major |large-scale )?(?:offensives?|invasions?|escalation|counter-?offensives?|attempts?)
    likely to
    unlikely to
    possibly (?:will|could|be)
    expect\w*
    forecast\w*
    predict\w*
    anticipat\w*
    scheduled
    due to (?:start|begin|visit|meet|arrive)
    about to
    going to
    intends? to
    intention
    speculat\w*
    no doubt
    fear(?:s|ed)? (?:that|of|a)
    risk of
    potential (?:targets?|threats?)
    imminent
    looming
    if
    should
    next (?:week|month|year|spring|summer|autumn|winter)
    later this
    могут
    может
    будет
    планиру\w*
    можуть
    може
""")
# Frequent frames in which "could"/"can" report what happened ("smoke could be seen").
_REPORTED_FRAME = _lines(r"""
    were able to
    was able to
    managed to
    could be (?:seen|heard)
    can be (?:seen|heard)
""")
# "no casualties" removes the casualties type rather than making the whole sentence denied.
_NO_CASUALTIES = _lines(r"""
    no (?:reports? of )?(?:casualties|victims|deaths|injuries|fatalities|dead)
    (?:nobody|no one|none) (?:was|were) (?:killed|injured|hurt|wounded)
    without casualties
""")

# Rules: id -> (positive patterns, veto patterns). Event types plus the non-type rules above.
RULES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = dict(_LEXICON)
RULES.update({
    "generic_strike": (_GENERIC_STRIKE, _GENERIC_VETO),
    "fire": (_FIRE, ()),
    "denied": (_DENIED, ()),
    "threatened": (_THREATENED, ()),
    "expected": (_EXPECTED, ()),
    "reported_frame": (_REPORTED_FRAME, ()),
    "no_casualties": (_NO_CASUALTIES, ()),
})
_STRUCTURE_NOUNS = (
    r"buildings?|houses?|homes?|apartments?|school\w*|hospitals?|clinics?|kindergartens?|churche?s?"
    r"|cathedral|markets?|shops?|malls?|shopping|supermarkets?|universit\w+|colleges?|theat(?:re|er)s?|museums?"
    r"|librar\w+|stadiums?|hotels?|offices?|factor\w+|plants?|warehouses?|garages?|stations?|bridges?|airports?"
    r"|infrastructure|facilit\w+|towers?|shopping cent(?:re|er)s?|complex|storage|pools?|residential"
    r"|playgrounds?|enterprises?|institutions?|elevators?|substations?|dormitor\w+|utilit\w+|palace"
)
_ENERGY_INFRA = (
    r"power (?:plants?|stations?|lines?|supply|grids?|facilit\w+|infrastructure)"
    r"|(?:thermal|hydroelectric|hydro|nuclear|heat(?:ing)?|combined heat and) (?:power )?(?:plants?|stations?)"
    r"|substations?|(?:power|energy|electricity|electric|electrical) grids?|grids?|energy (?:infrastructure"
    r"|facilit\w+|system)|(?:critical|civilian|civil|energy|port|rail|railway|water) infrastructure"
    r"|infrastructure|railways?|rail(?:way)? (?:stations?|lines?|tracks?|depot|bridge|hub|junction)"
    r"|train stations?|bridges?|ports?|harbou?rs?|dams?|water (?:supply|pipelines?|stations?|treatment|utilit\w+"
    r"|tower|mains?|facilit\w+)|pipelines?|(?:oil|fuel|gas) (?:depots?|facilit\w+|terminals?|storage|tanks?)"
    r"|refiner\w+|heating (?:plants?|stations?|network|mains|systems?)|electricity|электр\w*|энерг\w*"
)
_PEOPLE_NOUNS = r"soldiers|servicem[ae]n|personnel|militants|troops|people|civilians"
# Where forces stand: a military presence when the sentence reports no strike or fighting there
# ("Satellite imagery of Russian firing positions near Chernihiv"); see events._refine.
_POSITIONS = r"(?:firing|artillery|military|defensive|fortified|russian|ukrainian|enemy) positions?"
# Context rules: not event types, but nouns the cross-type rules in _refine look for, and each type's
# vetoes; matching them in the same pass as the types keeps a sentence to one scan.
for _rule, _pattern in (("civil", _CIVIL_NOUNS), ("military", _MILITARY_NOUNS), ("people", _PEOPLE_NOUNS),
                        ("structure", _STRUCTURE_NOUNS), ("energy_infra", _ENERGY_INFRA),
                        ("positions", _POSITIONS)):
    RULES[_rule] = ((f"(?:{_pattern})",), ())
for _rule, (_pos, _veto) in list(RULES.items()):
    if _veto:
        RULES["veto:" + _rule] = (_veto, ())
EVENT_RULES = frozenset(EVENT_TYPES) | {"generic_strike", "fire", "positions"}
