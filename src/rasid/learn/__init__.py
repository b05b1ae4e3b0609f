"""The learned layer: rules propose candidates with features, small trained models decide.

* :mod:`.linear` — a deterministic multinomial logistic regression (numpy), saved as JSON;
* :mod:`.folds` — training and analysing leave-one-outlet-out, for honest evaluation.

Models are trained by ``scripts/train_models.py`` from the gold sets in ``../shared`` and
shipped in ``rasid/models/``; the package only loads them. Nothing is downloaded.
"""
