"""Model quality in words, in the UI language: the comparison after a retrain, what Hög, Medel
and Låg mean, and the quality of one model version. Plain text; callers escape it for HTML."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from elsdesk.domain import SHIPPED_MODEL
from elsdesk.gui.grouped_numbers import number
from elsdesk.gui.version_names import version_moment
from elsdesk.ml.confidence import BAND_NAMES, NEW_CONFIRMED, SEED_CROSS_VALIDATION, ConfidenceRule, percent
from elsdesk.services.learning_curve import TrainingComparison


def _t(text: str, *values) -> str:
    result = QCoreApplication.translate("ModelWords", text)
    for number, value in enumerate(values, start=1):
        result = result.replace(f"%{number}", str(value))
    return result


def version_text(version, first: bool = False) -> str:
    """A model version as people read it (*first*: at the start of a line): the shipped model's id
    ("shipped") is no word of the UI, a trained one is the date and time it was trained ("2026-12-04 22:13",
    not its id "20261204-221305")."""
    if first:
        text = version_text(version)
        return text[:1].upper() + text[1:]
    if str(version) == SHIPPED_MODEL:
        return _t(QT_TRANSLATE_NOOP("ModelWords", "den levererade modellen"))
    return version_moment(version) if version else "–"


def points(difference: float) -> str:
    """A difference of shares in percentage points with its sign: '+3', '−2'."""
    value = round(difference * 100)
    return ("+" if value > 0 else "−" if value < 0 else "±") + str(abs(value))


def comparison_text(c: TrainingComparison | None) -> str:
    """What the last retrain showed, or why it could not show anything."""
    if c is None:
        return _t(QT_TRANSLATE_NOOP("ModelWords", "Ingen modell tränad här ännu: bekräfta etiketter i granskningskön och träna om."))
    if c.status == "too_few":
        if c.reason != "few_modules" and c.funnel_known:
            return " ".join((
                _t(QT_TRANSLATE_NOOP("ModelWords", "Modellen från %1 kunde inte jämföras med den förra modellen."), version_text(c.version)),
                _set_aside_text(c),
                _t(QT_TRANSLATE_NOOP("ModelWords", "Fler bekräftade ärenden behövs innan en siffra säger något."))))
        if c.reason == "few_modules":
            why = _t(QT_TRANSLATE_NOOP("ModelWords", "de nya bekräftade ärendena kommer från bara %1 moduler (minst %2 behövs)"), c.modules, c.min_modules)
        elif c.n == 0:
            why = _t(QT_TRANSLATE_NOOP("ModelWords", "inga nya bekräftade ärenden som ingen av modellerna tränats på (minst %1 behövs)"),
                     c.min_tickets)
        elif c.n == 1:
            why = _t(QT_TRANSLATE_NOOP("ModelWords", "bara 1 nytt bekräftat ärende som ingen av modellerna tränats på (minst %1 behövs)"),
                     c.min_tickets)
        else:
            why = _t(QT_TRANSLATE_NOOP("ModelWords", "bara %1 nya bekräftade ärenden som ingen av modellerna tränats på (minst %2 behövs)"),
                     number(c.n), c.min_tickets)
        text = _t(QT_TRANSLATE_NOOP("ModelWords", "Modellen från %1 kunde inte jämföras med den förra modellen: %2."), version_text(c.version), why)
        text += " " + _t(QT_TRANSLATE_NOOP("ModelWords", "Jämförelsen görs bara på ärenden som bekräftats sedan den förra modellen"
                                           " tränades: de äldre har den redan lärt sig."))
        if c.near_duplicates:
            text += " " + _t(QT_TRANSLATE_NOOP("ModelWords", "Ärenden som nästan är kopior av träningsärenden räknades inte: %1 st."), number(c.near_duplicates))
        return text + " " + _t(QT_TRANSLATE_NOOP("ModelWords", "Fler bekräftade ärenden behövs innan en siffra säger något."))
    if c.status == "measured" and c.after_correct is not None and c.before_correct is not None:
        verdict = {"better": _t(QT_TRANSLATE_NOOP("ModelWords", "Den nya modellen är bättre.")),
                   "worse": _t(QT_TRANSLATE_NOOP("ModelWords", "Den nya modellen är sämre.")),
                   "same": _t(QT_TRANSLATE_NOOP("ModelWords", "Skillnaden är inom osäkerheten: ingen av modellerna är säkert bättre."))}[c.verdict or "same"]
        return " ".join((
            _t(QT_TRANSLATE_NOOP("ModelWords", "På de %1 nyaste bekräftade ärendena som ingen av modellerna tränats på hade den nya modellen (%2) "
               "rätt modul på %3 och den förra (%4) på %5."), number(c.n), version_text(c.version), number(c.after_correct),
               version_text(c.previous_version), number(c.before_correct)),
            verdict,
            _t(QT_TRANSLATE_NOOP("ModelWords", "Skillnad %1 procentenheter; med 95 %-säkerhet mellan %2 och %3."), points(c.difference),
               points(c.difference_low), points(c.difference_high)),
        ))
    if c.after_correct is not None:
        return _t(QT_TRANSLATE_NOOP("ModelWords", "Senaste träningen (%1) hade rätt modul på %2 av %3 nya bekräftade ärenden."), version_text(c.version),
                  number(c.after_correct), number(c.n))
    return _t(QT_TRANSLATE_NOOP("ModelWords", "Senaste träningen (%1) mättes innan jämförelsen fanns."), version_text(c.version))


def _set_aside_text(c: TrainingComparison) -> str:
    """How the tickets to compare on were chosen, in numbers that add up (a tester confirmed 50 tickets and then read
    111, 16, "14 till" and 14 after a retrain, and could not make them agree)."""
    if c.set_aside < c.eligible:
        text = _t(QT_TRANSLATE_NOOP("ModelWords", "Av de %1 bekräftade ärenden som den förra modellen inte tränats på sparades de %2 nyaste"
                                    " till jämförelsen"), number(c.eligible), number(c.set_aside))
    else:
        text = _t(QT_TRANSLATE_NOOP("ModelWords", "De %1 bekräftade ärenden som den förra modellen inte tränats på sparades till jämförelsen"),
                  number(c.eligible))
    if c.near_duplicates == 1:
        text += _t(QT_TRANSLATE_NOOP("ModelWords", "; 1 av dem var nästan en kopia av ett ärende som modellen lärde sig av, så %1 återstod"),
                   number(c.n))
    elif c.near_duplicates:
        text += _t(QT_TRANSLATE_NOOP("ModelWords", "; %1 av dem var nästan kopior av ärenden som modellen lärde sig av, så %2 återstod"),
                   number(c.near_duplicates), number(c.n))
    return text + " " + _t(QT_TRANSLATE_NOOP("ModelWords", "(minst %1 behövs)."), c.min_tickets)


def rule_text(rule: ConfidenceRule, what: str = "module") -> list[str]:
    """What Hög, Medel and Låg mean, one sentence per band: the cut-off and how often the model was right."""
    band_word = {band: QCoreApplication.translate("ConfidenceBand", name) for band, name in BAND_NAMES.items()}
    cut = {"hog": _t(QT_TRANSLATE_NOOP("ModelWords", "%1 % eller mer"), rule.high), "medel": _t(QT_TRANSLATE_NOOP("ModelWords", "%1–%2 %"), rule.medium, rule.high - 1),
           "lag": _t(QT_TRANSLATE_NOOP("ModelWords", "under %1 %"), rule.medium)}
    lines = []
    for band in ("hog", "medel", "lag"):
        right = rule.right_per_100(band)
        if right is None:
            lines.append(_t(QT_TRANSLATE_NOOP("ModelWords", "%1 betyder att modellen anger %2."), band_word[band], cut[band]))
        elif what == "kind":
            lines.append(_t(QT_TRANSLATE_NOOP("ModelWords", "När modellen säger %1 om typen (%2) har den haft rätt %3 av 100 gånger."),
                            band_word[band], cut[band], right))
        else:
            lines.append(_t(QT_TRANSLATE_NOOP("ModelWords", "När modellen säger %1 (%2) har den haft rätt %3 av 100 gånger."), band_word[band], cut[band], right))
    return lines


def rule_basis(rule: ConfidenceRule) -> str:
    if not rule.measured:
        return _t(QT_TRANSLATE_NOOP("ModelWords", "Hur ofta modellen haft rätt i varje nivå är inte mätt för den här versionen; gränserna gäller ändå för alla moduler."))
    where = {SEED_CROSS_VALIDATION: _t(QT_TRANSLATE_NOOP("ModelWords", "grundärenden, vart och ett bedömt av en modell som inte tränats på det")),
             NEW_CONFIRMED: _t(QT_TRANSLATE_NOOP("ModelWords", "av de nyaste bekräftade ärendena, som modellen inte tränats på"))}.get(
        rule.measured_on, _t(QT_TRANSLATE_NOOP("ModelWords", "ärenden modellen inte tränats på")))
    return _t(QT_TRANSLATE_NOOP("ModelWords", "Samma gränser gäller för alla moduler. Mätt på %1 %2."), number(rule.tickets), where)


def share(correct: int, n: int) -> str:
    return _t(QT_TRANSLATE_NOOP("ModelWords", "%1 av %2 (%3 %)"), number(correct), number(n), percent(correct / n) if n else 0)
