"""The stance model's class prior is moved from its training examples' balance to the shared gold's."""

import math

from rasid.learn.linear import LinearModel
from rasid.learn.train import Examples, _to_gold_prior


def _examples(rows):
    ex = Examples()
    for label, source, n in rows:
        for _ in range(n):
            ex.add("Some Outlet", {"bias": 1.0}, label, "", source)
    return ex


def _model():
    return LinearModel("stance", ("against", "favor", "neutral"), {"bias": (0.0, 0.0, 0.0)}, (0.1, 0.2, 0.3))


def test_the_prior_moves_to_the_gold_share_of_each_class():
    # the annotations give favour less often than the gold does: 10 of 40 examples are favour, 10 of 20 in the gold
    ex = _examples([("favor", "multi", 10), ("against", "multi", 5), ("neutral", "multi", 5),
                    ("against", "pool_part0.gold.jsonl", 15), ("neutral", "pool_part0.gold.jsonl", 5)])
    keep = list(range(len(ex.labels)))
    moved = _to_gold_prior(_model(), ex, keep, None)
    shift = {"favor": math.log(10 / 20) - math.log(10 / 40), "against": math.log(5 / 20) - math.log(20 / 40),
             "neutral": math.log(5 / 20) - math.log(10 / 40)}
    assert moved.bias == tuple(round(b + shift[c], 6) for b, c in zip((0.1, 0.2, 0.3), ("against", "favor", "neutral")))
    assert moved.meta["prior_shift"]["favor"] > 0 > moved.meta["prior_shift"]["against"]
    assert moved.weights == _model().weights  # only the prior moves


def test_training_weights_count_in_the_training_share():
    ex = _examples([("favor", "multi", 1), ("against", "multi", 1), ("neutral", "multi", 1),
                    ("against", "pool_part0.gold.jsonl", 1)])
    keep = [0, 1, 2, 3]
    # weighted, the annotation's against weighs nothing: both shares are a third each, nothing moves
    assert _to_gold_prior(_model(), ex, keep, [1.0, 1.0, 1.0, 0.0]).bias == (0.1, 0.2, 0.3)


def test_without_gold_of_every_class_the_prior_stays():
    ex = _examples([("against", "multi", 3), ("favor", "pool_part0.gold.jsonl", 3), ("neutral", "pool_part1.gold.jsonl", 3)])
    model = _model()
    assert _to_gold_prior(model, ex, list(range(9)), None) is model


def test_every_outlet_weighs_the_same_unless_too_small_to_speak_for_one():
    from rasid.learn.train import MIN_OUTLET_EXAMPLES, _outlet_weights

    big, other = MIN_OUTLET_EXAMPLES * 2, MIN_OUTLET_EXAMPLES
    outlets = ["A"] * big + ["B"] * other + ["seed"] * 3
    w = _outlet_weights(outlets)
    assert sum(w[:big]) == sum(w[big:big + other])  # A and B weigh the same in all
    assert w[-3:] == [1.0, 1.0, 1.0]  # three examples are not an outlet: one each
