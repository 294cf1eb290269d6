"""Find and mask a patient's name where a label announces it; the name rules of elsdesk.masking.

A label is a word of its own: "pat", "pt", "patient", "patientnamn", "patientens namn", "pnamn", "namn", "förnamn",
"efternamn", and "name" before a colon. After it come up to three name words: capitalised ("pat Andersson", "pt Anna
Test", "Karl-Erik", "O'Brien"), or after a colon any letters ("pat: kalle testsson"), with the particles of a family
name between them ("pat Karl von Essen", "patient Anna af Klint", "pt Lars de Geer", "pat Eva van der Berg"). The
name stops at a word no name can be: a Swedish or English function word ("Patient Har fått fel dos"), an identity
label ("Pat Pnr ..."), a place word, a Cosmic term or a word built on one ("patient Översikten visar fel").

Where the label shows less, one word is a name only when it is a known one (a common Swedish given name or surname,
see is_known_name): after "pat." or "pt." a sentence may start ("Pat. Andersson ringde" and "Pat. Kalle ringde" are
masked, "pat. Journalen", "Pat. Hur gör jag" and "pat. Visat" stay), and one word in lower case or capitals after a
colon is more often a word than a name ("Namn: anna" is masked; "Namn: saknas", "namn: fel", "Pat: inskriven",
"Patient: KOL" stay); two name words there are taken as a name whatever they are ("pat: kalle testsson"). A given
name that is also an everyday word ("Pat. Hans fru ringde", "pat: per telefon") counts alone only after a label that
says "namn"; "Hans" and "Inga", also function words, count capitalised before a capitalised name ("pat Hans
Andersson").

A staff title announces a name too ("Ssk Lisa Testsson ringde", "dr Andersson", see STAFF_TITLES), when the
capitalised words after it hold a known given name or surname.

A name right beside an identity number is a name too (mask_names_beside_identities): "Anna Testsson 19121212-1212",
"Anna Testsson (19121212-1212)", "Anna Testsson, pnr: 121212-1212", "19121212-1212 Anna Testsson": two or three
capitalised words, or one known given name or surname ("Andersson 19121212-1212"), none of them a function word, a
place word or a Cosmic term ("Läkemedelslistan 19121212-1212", "Provsvar 19121212-1212 saknas" stay).

A name masked anywhere in a ticket is masked wherever else it stands in the ticket's text (mask_known_names): the
whole name in any case, and one of its words alone where it stands capitalised when it is a known given name or
surname, or a word of a name a label announced ("pat Anna Testsson ringde" masks "Anna Testsson", "Testsson" and
"Anna" in the description; not "Hans", "Per" or "Dag", which are everyday words too).

A name in running text without a label or an identity number beside it, and not masked elsewhere in the same ticket,
is not looked for ("Gunnel Andersson på sal 4 fick fel mat" stays).
"""

from __future__ import annotations

import re
from typing import Iterable

from elsdesk.lazy_regex import lazy_compile

NAME_PLACEHOLDER = "[namn]"

UPPER_LETTERS = "A-ZÀ-ÖØ-Þ"
_LOWER = "a-zß-öø-ÿ"
_AFTER_CAPITAL = (  # the rest of "Anna", "Karl-Erik", "O'Brien", "D’Angelo"
    rf"(?:[{_LOWER}]+(?:['’][{UPPER_LETTERS}]?[{_LOWER}]+)?|['’][{UPPER_LETTERS}][{_LOWER}]+)"
    rf"(?:-[{UPPER_LETTERS}][{_LOWER}]+)?"
)
_CAPITALISED_WORD = rf"[{UPPER_LETTERS}]{_AFTER_CAPITAL}"
_LETTER = f"[{UPPER_LETTERS}{_LOWER}]"
_ANY_NAME_WORD = rf"(?:{_LETTER}{{2,}}|{_LETTER}['’]{_LETTER}+)(?:['’-]{_LETTER}+)?"  # not the "s" of "pat:s journal"
# the particles of a family name: "von Essen", "af Klint", "de Geer", "van der Berg", "de la Cruz"
PARTICLES = frozenset("af von van der den de da di du del della la le zu ten ter dos".split())
_PARTICLES = rf"(?:(?:{'|'.join(sorted(PARTICLES, key=len, reverse=True))})[ \t\u00a0]+){{0,2}}"
# The pattern starts at a capital letter or a colon only, and only where a label could end right before it (its last
# two letters and a space, or "pat." and "pt." and a space): most text has few such places. Which label it is, is
# checked in Python (_NAME_LABEL_BEFORE_RE) for the few that pass.
# the last two letters of a label: pat, pt, patient, namn, name; and of a staff title (see STAFF_TITLES): ssk, usk,
# dr, läk, doktor, läkare, sekreterare, sjuksköterska, barnmorska, bm, sekr
_LABEL_END = r"(?:[aApPnN][tT]|[mM][nNeE]|[sS][kK]|[dD][rR]|[äÄ][kK]|[oO][rR]|[rR][eE]|[kK][aA]|[bB][mM]|[kK][rR])"
# the last three letters of a word for the patient or a relative (see KIN_WORDS): patienten(s), anhörig(a, e),
# brukaren, klienten, vårdtagaren, dotter(n), son(en), make, maka, maken, makan, hustru(n), sambo(n), mamma(n),
# pappa(n), boende, "namn är", förälder, kontakt, heter (brukare, klient, vårdtagare, vårdnadshavare and mottagare
# end as a label does); three, not two, because "en" and "er" end so many words that every capital after one would
# be looked at
_KIN_END = (r"(?:[tTrRnNkK][eE][nN]|[rR][uU][nN]|[bB][oO][nN]|[mMpPkK][aA][nN]|[eE][nN][sS]|[rR][iI][gG]|[iI][gG][aAeE]"
            r"|[tT][eE][rR]|[eE][rR][nN]|[sS][oO][nN]|[aA][kK][eEaA]|[tT][rR][uU]|[mM][bB][oO]|[mM][mM][aA]|[pP][pP][aA]"
            r"|[nN][dD][eE]|[ \t][äÄ][rR]|[dD][eE][rR]|[aA][kK][tT]|[oO][rR][nN])")  # and "doktorn" (STAFF_TITLES)
# a space between a label and the name: a no-break space too, as a pasted mail has it ("pat\u00a0Anna Testsson")
_GAP = "[ \t\u00a0]"
AFTER_NAME_START = (  # what follows the colon or the capital that NAME_AFTER_LABEL_RE starts with
    rf"(?:(?:(?<={_LABEL_END}:)|(?<={_LABEL_END}{_GAP}:)|(?<={_KIN_END}:)){_GAP}*(?:\r?\n{_GAP}*)?"  # "Namn:" and below
    rf"(?P<any>{_ANY_NAME_WORD}(?:{_GAP}+{_PARTICLES}{_ANY_NAME_WORD}){{0,2}})"
    rf"|(?:(?<={_LABEL_END}{_GAP}[{UPPER_LETTERS}])|(?<={_KIN_END}{_GAP}[{UPPER_LETTERS}])"  # the capital
    rf"|(?<=(?:[aApP][tT]|[dD][rR])\.{_GAP}[{UPPER_LETTERS}])"
    rf"|(?<=[aApP][tT]\.[{UPPER_LETTERS}]))"  # "pat.Anna", no space after the stop
    rf"{_AFTER_CAPITAL}(?:{_GAP}+{_PARTICLES}{_CAPITALISED_WORD}){{0,2}}"
    r")(?![\w'’-])"
)
# It starts with a character class, so that the search skips to one in C (elsdesk.masking joins it with its own
# first look for unusual characters and "(at)").
NAME_AFTER_LABEL_RE = lazy_compile(rf"[{UPPER_LETTERS}:]{AFTER_NAME_START}")
# A staff member's title before a name ("Ssk Lisa Testsson ringde", "dr Andersson", "Barnmorska Anna"): the reporter
# or a colleague, whose name no export carries (DESIGN.md, privacy). A title announces less than a patient label, so
# the name after it must be capitalised and hold a known given name or surname (see announced_name_end).
STAFF_TITLES = ("ssk", "usk", "dr", "doktor", "doktorn", "läk", "läkare", "sjuksköterska", "undersköterska", "barnmorska",
                "bm", "sekr", "sekreterare", "sekreteraren")
# The last part of a compound title, which may end any word ("BVC-sköterska Lisa", "distriktssköterskan Lisa Berg",
# "överläkare Anna", "ST-läkaren Karl": a tester's "BVC-sköterska Lisa" was stored as written), definite forms too.
STAFF_TITLE_ENDS = ("sköterska", "sköterskan", "läkare", "läkaren", "barnmorska", "barnmorskan")
# A word for the patient or a relative before a name ("Patienten Anna Testsson har försvunnit", "anhörig: Karl
# Testsson", "dotter Eva Testsson", "patientens namn är Anna Testsson"): they are everyday words as well, so they
# announce a name as a staff title does (capitalised words holding a known given name or surname).
KIN_WORDS = ("patienten", "patientens", "anhörig", "anhöriga", "anhörige", "brukare", "brukaren", "klient", "klienten",
             "vårdtagare", "vårdtagaren", "dotter", "dottern", "son", "sonen", "make", "maka", "maken", "makan",
             "hustru", "hustrun", "sambo", "sambon", "mamma", "mamman", "pappa", "pappan", "boende", "namn är",
             "namnet är", "vårdnadshavare", "vårdnadshavaren", "förälder", "föräldern", "kontakt",
             "kontaktperson", "kontaktpersonen", "mottagare", "mottagaren", "heter")
_NAME_LABEL_BEFORE_RE = lazy_compile(  # what stands right before the name or the colon that NAME_AFTER_LABEL_RE found
    r"(?:(?<![^\W\d_])(?:(?P<label>(?i:(?:p(?:at(?:ient(?:ens)?)?)?[ .\-]?|för|efter)?namn|name|pat(?:ient)?|pt))"
    rf"|(?P<staff>(?i:{'|'.join(sorted(STAFF_TITLES + KIN_WORDS, key=len, reverse=True))})))"
    rf"|(?P<title_end>(?i:{'|'.join(sorted(STAFF_TITLE_ENDS, key=len, reverse=True))})))"
    r"(?P<stop>\.)?[ \t\u00a0]?\Z"
)
_NAME_LABEL_LOOKBACK = 20  # characters before a name that can hold its label ("patientens namn. ")
_LABEL_ENDINGS = ("pat", "pt", "patient", "namn", "name", *STAFF_TITLES, *STAFF_TITLE_ENDS, *KIN_WORDS)  # how every label ends
_NAME_WORD_RE = lazy_compile(r"\S+")
_NOT_NAMES = frozenset("""
    alla allt andra annan att av bara blev bli blir de dem den denna deras dess det detta din där efter ej eller en
    ett från för ha hade han hans har hen henne hon honom hur här i icke ingen inom inte jag ju kan kunde man med
    mellan men mig min mitt mot mycket ni nu när någon något några och också om oss på samma sedan sen sig sin ska
    skulle som så till under upp ut utan vad var vara varför vart vi vid vilka vilken vill är än även åt över hej tack
    kom kommer fick får gick går ligger låg står stod vet behöver saknas finns fanns ringer ringde syns visas skrivs
    skrevs flyttas flyttad flyttades säger sa inga idag igår imorgon nyss redan alltid aldrig ibland dock
    the a an and or but is are was were has have had can cannot could will would should not no in on at to from of
    for with by as it its this that he she they his her their who which what when where how why please also
    pnr pers personnr personnummer samordningsnummer samordningsnr reservnummer reservnr födelsenummer födelsenr nr
    nummer id idnr tel telefon mobil mejl mail pat pt patient namn förnamn efternamn patientnamn pnamn name
    avd avdelning sal rum säng plan mottagning akuten vårdcentral enhet region iva bvc mvc
    cosmic link nova webcert pascal millennium melior cambio inera npö siths messenger bos svpl sms
    ssk usk läk lak dr doktor ua sjuksköterska sjukskoterska undersköterska underskoterska läkare lakare barnmorska
    lista vy vyn flik meny mall kassa labb lab
    inskriven utskriven inlagd inlagda avliden avled död okänd okänt okända ny nya nyfödd flyttad flyttades
    överflyttad hemgång hemskickad kvarliggande
""".split()) | frozenset("""
    hb hba1c na k ca mg cl fe alb albumin krea kreatinin glukos trc tpk lpk evf mcv crp sr pk inr apt ferritin laktat
    kalium natrium ph pco2 po2 bz temp sat saturation puls bt vikt längd
""".split())  # the last row: what a patient is, after "Pat:" ("Pat: Inskriven på fel avdelning", a privacy officer);
# the rows after it: what is measured on a patient ("pat Hb 68, läk vill ha blod nu" is a lab value, no name)
# Cosmic terms, and units: a word built on one is no name ("Översikten", "Patientöversikt", "Läkemedelslistan")
_COSMIC_STEMS = (
    "översikt", "journal", "läkemedel", "ordination", "remiss", "vårdbegäran", "vårdplan", "vårddokument",
    "dokumentation", "anteckning", "mätvärde", "tidbok", "bokning", "kassan", "avgift", "intyg", "blankett",
    "inskrivning", "utskrivning", "administration", "beställning", "provsvar", "listan", "listor", "fliken",
    "modul", "menyn", "fönster", "knappen", "inkorg", "utkorg", "mallen", "sökning", "patient", "inloggning",
    "behörighet", "utskrift", "skrivare", "armband", "etikett", "diktat", "diktering", "skanning", "inställning",
    "navigering", "integration", "prestanda", "driftstörning", "uppgifter", "rapport",
    "avdelning", "mottagning", "kliniken", "sjukhus", "vårdcentral", "ortoped", "kirurg", "medicin", "geriatri",
    "psykiatri", "kommun", "hemtjänst",  # where a patient is: "pat Ortopeden", "patient Kirurgen"
)

# Common given names in Sweden, women's and men's, of every generation a hospital sees (folded to lower case).
GIVEN_NAMES = frozenset("""
    agnes agneta alexandra alice alicia alma alva amanda amina anette anita ann anna anne anneli annelie annika
    astrid barbro berit birgitta britt camilla carina caroline cecilia charlotte christina dagmar ebba edith elin
    elina elisabet elisabeth ella ellen ellie elsa elvira emelie emilia emma erika ester eva evelina fatima felicia
    freja frida greta gudrun gun gunborg gunilla gunnel gunvor hanna hedvig helena helén hillevi ida inga ingegerd
    ingela inger ingrid iris isabell isabella isabelle jenny jessica johanna jonna josefin josefine julia kajsa
    karin katarina kerstin kristina leah leila lilly lina linda linn linnea lisa liv lotta louise lova lovisa
    madeleine maja majken malin margareta margit maria marianne marie matilda meja mikaela minna moa molly mona
    märta nathalie nina nora olivia petra pia rebecka ronja ruth saga sandra sanna sara selma signe sigrid siv sofia
    sofie solveig stella stina susanne svea therese tilda tina tindra tove tyra ulla ulrika vera veronica viktoria
    wilma yasmin ylva yvonne åsa
    adam ahmed albin alexander alf alfred ali allan anders andreas anton arne arvid august axel bengt benjamin
    bertil björn bo börje carl christer christian conny dag daniel david dennis edvin einar elias elton emil erik
    evert filip folke frans fredrik gabriel gunnar gustav göran gösta hampus hans harry hassan helge henrik holger
    hugo hussein ibrahim ingemar isak ivar jacob jakob jan janne jesper jimmy joakim johan johannes john jonas
    jonathan josef jörgen kalle karim karl kenneth kent kevin khalid kjell klas kristoffer kurt lars lasse leif
    lennart leo liam linus loke love lucas ludvig magnus malte marcus martin mats mattias max melvin mikael mohamed
    mohammad mohammed muhammad mustafa niklas nils noah ola oliver olle olof omar oskar otto patrik pelle per peter
    ragnar rasmus robert robin roger roland rolf rune samuel sebastian simon sixten stefan sten stig sune sven sören
    theo thomas tobias tommy torbjörn tord torsten ture ulf valter vidar viktor vilhelm ville vincent william yusuf
    åke örjan
""".split())
# Common Swedish surnames that carry none of the endings _SURNAME_RE reads, or a stem of one letter ("Öberg").
COMMON_SURNAMES = frozenset("""
    lindh ek falk berg lund holm lind dahl blom björk kvist strand lilja lundin wallin nordin sundin hedin sjödin
    sandin lindén rosén rydén lindell sundell ekman nyman hedman forsman björkman bergman lindman öhman åman engman
    westman hellman boman åkerman lundmark eklöf lundh ljung brandt åberg öberg åström ölund hansen jensen nielsen
    larsen ahmed ali mohammed hassan hussein ibrahim khalil nguyen
""".split())
# a surname by its ending ("Nilsson", "Ekström", "Sjöberg", "Lindqvist", "Berglund", "Lindgren", "Lindahl",
# "Ekholm", "Lindblad"), with a stem of two letters or more
_SURNAME_RE = lazy_compile(r"[^\W\d_]{2,}(?:sson|ström|berg|qvist|kvist|lund|gren|dahl|holm|blad|lind)")
# everyday words and places that end like a surname ("Stockholm", "färgblind"); a word that ends in "-sblad" is read
# as a compound noun ("försättsblad", "streckkodsblad"), so the rare surname "Forsblad" needs a second word
_NOT_SURNAMES = frozenset("stockholm varberg kronoberg isberg dagblad faktablad".split())
# given names that are also everyday words ("Pat. Hans fru ringde", "pat: per telefon", "Pat. Dag 2 efter op"):
# alone they count as a name only after a label that says "namn"
_WORD_LIKE_NAMES = frozenset("per bo dag hans stig sten björn klara ville max liv saga jan love lova linda iris "
                             "lina sanna".split())


def is_common_surname(folded: str) -> bool:
    """Whether the lower-case word *folded* is a common Swedish surname (listed, or by its ending)."""
    if folded in COMMON_SURNAMES:
        return True
    return (_SURNAME_RE.fullmatch(folded) is not None and folded not in _NOT_SURNAMES
            and not folded.endswith(("sblad", "blind")))


def _is_listed(folded: str) -> bool:
    return folded in GIVEN_NAMES or is_common_surname(folded)


def is_known_name(word: str, word_like_too: bool = False) -> bool:
    """Whether *word* alone is a name: a common given name or surname, also in the genitive ("Anderssons") or joined
    by hyphens ("Karl-Erik"). A given name that is also an everyday word ("Hans", "Per") counts only with
    *word_like_too*."""
    folded = word.casefold()
    if "-" in folded:
        return all(_is_listed(part) for part in folded.split("-"))
    base = folded if _is_listed(folded) or not folded.endswith("s") else folded[:-1]  # "Annas", "Anderssons"
    if not word_like_too and (folded in _WORD_LIKE_NAMES or base in _WORD_LIKE_NAMES):
        return False
    return _is_listed(base)


def is_name_word(word: str) -> bool:
    """Whether *word*, right after a name label, can be (part of) the name: no function word, identity label, place
    word or Cosmic term, nor a word built on a Cosmic term."""
    folded = word.casefold()
    return folded not in _NOT_NAMES and not any(stem in folded for stem in _COSMIC_STEMS)


def is_capitalised(word: str) -> bool:
    """"Karl-Erik", not "kalle" nor "KOL" (after a colon an abbreviation is more likely than a name in capitals)."""
    return word[0].isupper() and not word.isupper()


def name_start_of(match: re.Match[str]) -> int:
    """Where the name words of a NAME_AFTER_LABEL_RE match start: after the colon, or at the match."""
    return match.start("any") if match.group("any") is not None else match.start()


def name_word_count(words: list[str], names_only: bool = False) -> int:
    """How many of the leading *words* make up a name: each a name word (is_name_word), or particles ("von", "af",
    "de", "van der") followed by a capitalised name word ("de Geer"; "de" alone is a function word), or by one in
    lower case after a label that says "namn" (*names_only*: "namn: lars de geer")."""
    count = 0
    while count < len(words):
        if count and words[count].casefold() in PARTICLES:
            after = count
            while after < len(words) and words[after].casefold() in PARTICLES:
                after += 1
            if after < len(words) and (names_only or is_capitalised(words[after])) and is_name_word(words[after]):
                count = after + 1
                continue
        if not is_name_word(words[count]) and not _is_given_name_before_name(words[count], words[count + 1:count + 2]):
            break
        if count >= 2 and words[count].islower() and not all(w.islower() for w in words[:count]):
            break  # "pat: GRETA PROVSDOTTER fel dos": a word in small letters after a name written with capitals
        count += 1
    return count


def _is_given_name_before_name(word: str, following: list[str]) -> bool:
    """"Hans" and "Inga" are function words ("hans fru", "inga besvär") and common given names: capitalised and
    followed by a capitalised name word ("pat Hans Andersson") they are a name."""
    return (bool(following) and is_capitalised(word) and word.casefold() in GIVEN_NAMES
            and is_capitalised(following[0]) and is_name_word(following[0]))


def announced_name_end(match: re.Match[str]) -> int | None:
    """Where the name a NAME_AFTER_LABEL_RE match announces ends (an offset in the text), or None when it holds none.

    A label must stand right before it (_NAME_LABEL_BEFORE_RE). The words are taken while they can be a name
    (name_word_count). One word is enough after a label and a space when it is capitalised, and after a colon when it is
    capitalised; after "pat." or "pt." (a sentence may start there) and in lower case or capitals after a colon it
    must be a known name (is_known_name). "name" is a label before a colon only ("name Kalle" is English running
    text); a full stop counts after "pat." and "pt." only ("patient. Hur ..." ends a sentence)."""
    start = match.start()  # the colon, or the name's first letter
    before = match.string[max(0, start - _NAME_LABEL_LOOKBACK):start]
    if not before.rstrip(" \t.\u00a0").lower().endswith(_LABEL_ENDINGS):
        return None  # "ordinerat Alvedon": a quick look spares the label pattern most places
    label = _NAME_LABEL_BEFORE_RE.search(match.string, max(0, start - _NAME_LABEL_LOOKBACK), start)
    if label is None:
        return None
    if label.group("staff") is not None or label.group("title_end") is not None:
        return _staff_name_end(match, label)
    after_colon = match.group("any") is not None
    label_word = label.group("label").casefold()
    stop = label.group("stop") is not None
    if (not after_colon and label_word == "name") or (stop and label_word not in ("pat", "pt")):
        return None
    names_only = label_word.endswith("namn") or label_word == "name"  # a label that says "namn"
    found = list(_NAME_WORD_RE.finditer(match.string, name_start_of(match), match.end()))
    words = [word.group(0) for word in found]
    count = name_word_count(words, names_only)
    if not count:
        return None
    if count == 1 and (stop or not is_capitalised(words[0])) and not is_known_name(words[0], names_only):
        return None
    end = found[count - 1].end()
    given = _GIVEN_AFTER_COMMA_RE.match(match.string, end)  # "Pat: ANDERSSON, Anna": a banner's surname first
    if given and is_known_name(given.group("given")):
        return given.end()
    return end


def _staff_name_end(match: re.Match[str], label: re.Match[str]) -> int | None:
    """Where the name after a staff title ends: capitalised name words of which one is a known given name or
    surname ("Ssk Lisa Testsson", "dr Andersson", "Dr. Karl-Erik Berg"); None for "ssk Akuten", "Läkare Kan inte",
    "usk Natt" and for a title before a stop other than "dr." (a sentence ends there)."""
    if label.group("stop") is not None and (label.group("staff") or "").casefold() != "dr":
        return None
    found = list(_NAME_WORD_RE.finditer(match.string, name_start_of(match), match.end()))
    words = [word.group(0).rstrip(".,:;!?") for word in found]
    count = 0
    while count < len(words) and is_capitalised(words[count]) and is_name_word(words[count]):
        count += 1
    if not count or not any(is_known_name(word, word_like_too=count > 1) for word in words[:count]):
        return None
    return found[count - 1].start() + len(words[count - 1])


_GIVEN_AFTER_COMMA_RE = lazy_compile(rf",[ \t]*(?P<given>{_CAPITALISED_WORD})\b")


def mask_announced_names(text: str, start: int = 0, found: list[tuple[str, bool]] | None = None) -> tuple[str, int]:
    """*text* with each name a label announces ("pat: Kalle Testsson") replaced by ``[namn]``, and how many; the
    search starts at *start* (where the caller knows the first place that may hold one). Each name masked is added to
    *found* as (the name as written, True), for mask_known_names to mask elsewhere in the ticket.

    The search goes on right after a place that holds no name, and right after a name, so that a label among the
    words is found too ("Förnamn: Kalle Efternamn: Testsson")."""
    parts = [text[:start]]
    position, names = start, 0
    while (match := NAME_AFTER_LABEL_RE.search(text, position)) is not None:
        end = announced_name_end(match)
        if end is None:
            parts.append(text[position:match.start() + 1])
            position = match.start() + 1
            continue
        names += 1
        parts.append(text[position:name_start_of(match)])
        parts.append(NAME_PLACEHOLDER)
        if found is not None:
            found.append((text[name_start_of(match):end], True))
        position = end
    if not names:
        return text, 0
    parts.append(text[position:])
    return "".join(parts), names


# -- a name beside an identity number ---------------------------------------------------------------------------------
# "Anna Testsson 19121212-1212", "Anna Testsson (pnr 19121212-1212)", "19121212-1212 Anna Testsson": the number was
# masked first, so the rule looks beside its placeholder (a label left before it, "pnr [personnummer]", counts too)
_IDENTITY_PLACEHOLDER_RE = lazy_compile(r"\[(?:personnummer|samordningsnummer|reservnummer)\]")
_ID_LABEL_WORD = (r"(?<![^\W\d_])(?i:p(?:ers(?:on)?)?[.\-]?[ \t\u00a0]?(?:nr|n?umm?er)|samordnings[.\-]?(?:nr|nummer)"
                  r"|sam[.\-]?nr|reserv[.\-]?(?:nr|nummer)|res[.\-]?nr|ssn|id[.\-]?nr)")
_BESIDE_SEP = rf"{_GAP}*[,(:/\-\u2013]?{_GAP}*"  # "Anna Testsson, 19…", "Anna Testsson: 19…"
_NAME_RUN = rf"{_CAPITALISED_WORD}(?:{_GAP}+{_PARTICLES}{_CAPITALISED_WORD}){{0,2}}"
_NAME_BEFORE_ID_RE = lazy_compile(  # searched in the characters before a placeholder, up to it
    rf"(?<![\w'’\-])(?P<name>{_NAME_RUN}){_BESIDE_SEP}(?:{_ID_LABEL_WORD}{_GAP}?[:=.]?{_BESIDE_SEP})?\Z"
)
_NAME_AFTER_ID_RE = lazy_compile(  # matched right after a placeholder
    rf"\)?{_GAP}*(?:[,:/\-\u2013]{_GAP}*)?(?P<name>{_NAME_RUN})(?![\w'’\-])"
)
_BESIDE_LOOKBACK = 100  # characters before a placeholder that can hold three name words, a label and brackets
# words that introduce a patient in a ticket's first words and are no name ("Gäller Anna Testsson 19121212-1212")
_INTRODUCING_WORDS = frozenset("gäller angående ang avser ring ringa kontakta kolla se fråga frågan ärende mvh".split())
# a unit's name beside a number ("Hälsocentralen Fjällmark 19121212-1212", "Närakuten Sjöbygd"), beyond _COSMIC_STEMS
_UNIT_STEMS = ("hälsocentral", "akut", "sjukhus", "klinik", "enhet", "region", "vård", "avd")
_SENTENCE_END = ".!?:;•*-–\n"


def _is_beside_word(word: str) -> bool:
    """Whether *word* beside an identity number can be part of a name (is_name_word, and no unit's word)."""
    folded = word.casefold()
    return is_name_word(word) and folded not in _INTRODUCING_WORDS and not any(stem in folded for stem in _UNIT_STEMS)


def _core_words(words: list[str]) -> list[str]:
    return [word for word in words if word.casefold() not in PARTICLES]


def _is_name_beside_id(words: list[str]) -> bool:
    """Whether *words* (particles among them) are a name beside an identity number: two or three name words, or
    one that is a known given name or surname."""
    core = _core_words(words)
    return len(core) >= 2 or (len(core) == 1 and is_known_name(core[0]))


def _at_sentence_start(text: str, start: int) -> bool:
    """Whether a sentence may start at *start*: at the text's start, after a line end, a stop, a colon or a bullet."""
    before = text[max(0, start - 40):start].rstrip(" \t\u00a0")
    return before[-1] in _SENTENCE_END if before else start <= 40


def _name_before(text: str, placeholder_start: int) -> tuple[int, int] | None:
    """Where the name right before an identity placeholder is (start, end), or None."""
    match = _NAME_BEFORE_ID_RE.search(text, max(0, placeholder_start - _BESIDE_LOOKBACK), placeholder_start)
    if match is None:
        return None
    found = list(_NAME_WORD_RE.finditer(text, match.start("name"), match.end("name")))
    words = [word.group(0) for word in found]
    first = len(words)  # the name is the words nearest the number: "Kontakta Anna Testsson" holds "Anna Testsson"
    while first > 0 and (_is_beside_word(words[first - 1]) or (  # "Hans Andersson": "Hans" before a name
            first < len(words) and _is_given_name_before_name(words[first - 1], words[first:first + 1])) or (
            words[first - 1].casefold() in PARTICLES and first < len(words) and first > 1)):
        first -= 1
    while first < len(words) and words[first].casefold() in PARTICLES:
        first += 1
    # three words where a sentence starts: the first is a word ("Kontrollera Anna Testsson") unless a known name
    if (len(_core_words(words[first:])) == 3 and _at_sentence_start(text, found[first].start())
            and not is_known_name(words[first], word_like_too=True)):
        first += 1
        while first < len(words) and words[first].casefold() in PARTICLES:
            first += 1
    if first >= len(words):
        return None
    start = found[first].start()
    surname = _SURNAME_COMMA_BEFORE_RE.search(text, max(0, start - _BESIDE_LOOKBACK), start)
    if (surname is not None and len(_core_words(words[first:])) < 3
            and _is_comma_name(surname.group("surname"), words[first])):  # "Testsson, Anna 19121212-1212"
        return surname.start(), found[-1].end()
    if not _is_name_beside_id(words[first:]):
        return None
    return start, found[-1].end()


# a banner's surname first, "Testsson, Anna": the surname before the given name and a comma
_SURNAME_COMMA_BEFORE_RE = lazy_compile(rf"(?<![\w'’\-])(?P<surname>{_CAPITALISED_WORD}),{_GAP}*\Z")
_GIVEN_AFTER_COMMA_BESIDE_RE = lazy_compile(rf",{_GAP}*(?P<given>{_CAPITALISED_WORD})(?![\w'’\-])")


def _is_comma_name(surname: str, given: str) -> bool:
    """Whether "*surname*, *given*" is a name written surname first: both can be name words, one a known name."""
    return (_is_beside_word(surname) and _is_beside_word(given)
            and (is_known_name(surname) or is_known_name(given)))


def _name_after(text: str, placeholder_end: int) -> tuple[int, int] | None:
    """Where the name right after an identity placeholder is (start, end), or None."""
    match = _NAME_AFTER_ID_RE.match(text, placeholder_end)
    if match is None:
        return None
    found = list(_NAME_WORD_RE.finditer(text, match.start("name"), match.end("name")))
    words = [word.group(0) for word in found]
    last = 0
    while last < len(words) and (_is_beside_word(words[last]) or (last and words[last].casefold() in PARTICLES)
                                 or _is_given_name_before_name(words[last], words[last + 1:last + 2])):
        last += 1
    while last and words[last - 1].casefold() in PARTICLES:
        last -= 1
    if not last:
        return None
    given = _GIVEN_AFTER_COMMA_BESIDE_RE.match(text, found[last - 1].end())
    if given is not None and last == 1 and _is_comma_name(words[0], given.group("given")):
        return found[0].start(), given.end()  # "19121212-1212 Testsson, Anna"
    if not _is_name_beside_id(words[:last]):
        return None
    return found[0].start(), found[last - 1].end()


def mask_names_beside_identities(text: str, found: list[tuple[str, bool]] | None = None) -> tuple[str, int]:
    """*text* (its identity numbers already masked) with the name right before or after each identity placeholder
    replaced by ``[namn]``, and how many; each name masked is added to *found* as (the name, False)."""
    spans: list[tuple[int, int]] = []
    for placeholder in _IDENTITY_PLACEHOLDER_RE.finditer(text):
        for span in (_name_before(text, placeholder.start()), _name_after(text, placeholder.end())):
            if span is None:
                continue
            if spans and span[0] < spans[-1][1]:  # the name after one number is the name before the next: one name
                spans[-1] = (min(spans[-1][0], span[0]), max(spans[-1][1], span[1]))
            else:
                spans.append(span)
    if not spans:
        return text, 0
    parts, position = [], 0
    for start, end in spans:
        parts += [text[position:start], NAME_PLACEHOLDER]
        if found is not None:
            found.append((text[start:end], False))
        position = end
    parts.append(text[position:])
    return "".join(parts), len(spans)


# -- a name masked once, masked wherever it stands in the ticket ------------------------------------------------------
def _capitalised_forms(word: str) -> tuple[str, ...]:
    """"anna" -> "Anna", "KARL-ERIK" -> "Karl-Erik"; a word written capitalised as it is."""
    if is_capitalised(word):
        return (word,)
    return ("-".join(part[:1].upper() + part[1:].lower() for part in word.split("-")),)


def known_names_re(found: list[tuple[str, bool]], texts: Iterable[str] = ()) -> re.Pattern[str] | None:
    """A pattern that finds the names in *found* (masked elsewhere in the ticket) as whole words, or None when there
    is nothing to find: no such name, or none of them in *texts* (a quick look that spares most tickets compiling one).

    A name of two words or more is found whole, in any case and with any spaces between its words ("anna  TESTSSON").
    One of its words alone is found where it stands capitalised ("Testsson", "Anna"; not "berg" in small letters), when
    it is a known given name or surname (is_known_name) or the name was announced by a label (True in *found*: "pat
    Tolvan Tolvansson" makes "Tolvan" a name); never a particle, a function word, a Cosmic or place word
    (is_name_word) nor a given name that is an everyday word too ("Hans", "Per", "Dag"). A genitive "s" may follow."""
    phrases: set[str] = set()
    first_words: set[str] = set()  # each phrase's first word, case-folded: a quick look for the phrase
    words: set[str] = set()
    for name, announced in found:
        parts = [part for part in (word.strip(".,;:!?") for word in name.split()) if part]  # "ANDERSSON, Anna"
        if len(parts) >= 2:
            phrases.add(r",?[ \t\u00a0]+".join(re.escape(part) for part in parts))
            first_words.add(parts[0].casefold())
        for word in _core_words(parts):
            folded = word.casefold()
            if (len(word) < 2 or not is_name_word(word) or folded in _WORD_LIKE_NAMES
                    or not any(c.isalpha() for c in word)):
                continue
            known = is_known_name(word)
            if not (known or (announced and is_capitalised(word))):
                continue
            words.update(_capitalised_forms(word))  # not "berg" in small letters: a word too
    if not phrases and not words:
        return None
    texts = [text for text in texts if text]
    if texts and not any(word in text for text in texts for word in words) and not any(
            first in text.casefold() for text in texts for first in first_words):
        return None  # most tickets name the patient once
    by_length = lambda texts: sorted(texts, key=len, reverse=True)  # noqa: E731  the longest first
    alternatives = []
    if phrases:
        alternatives.append(rf"(?i:{'|'.join(by_length(phrases))})")
    alternatives += [re.escape(word) for word in by_length(words)]
    return re.compile(rf"(?<![\w'’\-])(?:{'|'.join(alternatives)})(?:s|:s)?(?![\w'’\-])")


def mask_known_names(text: str, pattern: re.Pattern[str] | None) -> tuple[str, int]:
    """*text* with every name *pattern* (known_names_re) finds replaced by ``[namn]``, and how many."""
    if pattern is None or not text:
        return text, 0
    return pattern.subn(NAME_PLACEHOLDER, text)
