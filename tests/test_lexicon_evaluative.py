"""The evaluative lexicon is well formed and its grown entries are reachable by the stance lookup."""

from rasid.arabic import fold
from rasid.lexicons import evaluative, rows

ATTACH = {"near", "after", "before", "event", "action", "opposed", "tie"}


def test_rows_are_well_formed():
    for row in rows("evaluative.tsv"):
        assert len(row) == 5, row
        word, polarity, weight, attach, gloss = row
        assert int(polarity) in (-1, 0, 1), row
        assert 0 < float(weight) <= 1.0, row
        assert attach in ATTACH, row
        assert gloss, row


def test_repeated_words_agree_on_polarity():
    seen: dict[str, int] = {}
    for row in rows("evaluative.tsv"):
        word, polarity = fold(row[0]), int(row[1])
        assert seen.setdefault(word, polarity) == polarity, (word, seen[word], polarity)


def test_verb_forms_of_hostile_acts_blame_their_agent():
    lex = evaluative()
    # اقتحمت (stormed, 3fs), يستهدف (targets), شنت (launched, 3fs): hostile events
    for word in ("اقتحمت", "يستهدف", "شنت"):
        entry = lex[fold(word)]
        assert entry.polarity == -1 and entry.attach == "event", word


def test_praise_and_involvement_words():
    lex = evaluative()
    assert lex[fold("صمود")].polarity == 1  # steadfastness
    assert lex[fold("تضحيات")].polarity == 1  # sacrifices
    assert lex[fold("اجتماع")].polarity == 0  # meeting: a participant, no position
