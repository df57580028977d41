"""`npm run answerability:train`: fits the answerability check (libs/agent/src/policy/answerability-model.json).

Reads tmp/answerability/features.jsonl (`npm run answerability:export`: one row per development case that reached
the knowledge-base search and is expected to be answered, label 0, or escalated as no_kb_match, label 1; its first
search's features, the question's bge-small embedding, and whether the passage bar alone escalated it) and fits a
logistic regression (scikit-learn, L2 with C below, balanced class weights, standardised features).

Before the final fit it measures what the check would do on knowledge bases it has not seen: leave-sets-out
cross-validation (10 folds of whole sets). The check is a veto on answers under a lower bar (FLOOR), so it prints,
per threshold, the answerable cases escalated and the no_kb_match cases caught by that bar and the check together,
beside the bar used before the check (the export runs under it). THRESHOLD, written to the model, is chosen from
those figures.
"""
import json
import os

import numpy as np
import sklearn
from sklearn.linear_model import LogisticRegression

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
FEATURES = os.path.join(ROOT, 'tmp', 'answerability', 'features.jsonl')
OUT = os.path.join(ROOT, 'libs', 'agent', 'src', 'policy', 'answerability-model.json')
SEARCH_FEATURES = ['score', 'vector', 'coverage', 'heading', 'rank', 'semantic', 'distinct', 'overview', 'otherArticle', 'margin', 'second', 'sameArticle', 'questionWords']
EMBEDDING_MODEL = 'bge-small-en-v1.5-q'
C = 0.01
THRESHOLD = 0.65
FOLDS = 10
LANGUAGES = ('en', 'und')
FLOOR = 0.34
OVERVIEW_STEP = 0.05


def fit(x, y):
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1
    model = LogisticRegression(C=C, max_iter=5000, class_weight='balanced')
    model.fit((x - mean) / scale, y)
    return model, mean, scale


def main():
    rows = [json.loads(line) for line in open(FEATURES) if line.strip()]
    other = [r for r in rows if r['language'] not in LANGUAGES]
    rows = [r for r in rows if r['language'] in LANGUAGES]
    x = np.array([r['x'] for r in rows], dtype=float)
    y = np.array([r['label'] for r in rows])
    bar = np.array([r['bar'] for r in rows])
    sets = sorted({r['set'] for r in rows})
    print(f'scikit-learn {sklearn.__version__}; {len(rows)} cases from {len(sets)} sets reached the search: '
          f'{int((y == 0).sum())} answerable, {int(y.sum())} no_kb_match '
          f'({len(other)} more in other languages left out: the check reads English only)')

    probs = np.zeros(len(rows))
    for k in range(FOLDS):
        held = {s for i, s in enumerate(sets) if i % FOLDS == k}
        test = np.array([r['set'] in held for r in rows])
        model, mean, scale = fit(x[~test], y[~test])
        probs[test] = model.predict_proba((x[test] - mean) / scale)[:, 1]

    answerable, unanswerable = y == 0, y == 1
    print(f'\nleave-sets-out cross-validation ({FOLDS} folds of whole sets)')
    print(f'{"":>24} {"answerable escalated":>22} {"no_kb_match caught":>20}')
    print(f'{"bar before the check":>24} {int((bar & answerable).sum()):>16} / {int(answerable.sum()):<4}'
          f' {int((bar & unanswerable).sum()):>12} / {int(unanswerable.sum()):<4}')
    # The bar this check is used with: FLOOR (OVERVIEW_STEP more for an overview), no step for unknown words
    # (MATCH_POLICIES), read on the first search; then the check.
    under = x[:, 0] < FLOOR + OVERVIEW_STEP * x[:, 7]
    for t in (0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.9):
        esc = under | (probs >= t)
        print(f'{"bar " + str(FLOOR) + " + check at " + str(t):>24} {int((esc & answerable).sum()):>16} / {int(answerable.sum()):<4}'
              f' {int((esc & unanswerable).sum()):>12} / {int(unanswerable.sum()):<4}')

    model, mean, scale = fit(x, y)
    out = {
        'embeddingModel': EMBEDDING_MODEL,
        'features': SEARCH_FEATURES,
        'threshold': THRESHOLD,
        'mean': [round(float(v), 6) for v in mean],
        'scale': [round(float(v), 6) for v in scale],
        'weights': [round(float(v), 6) for v in model.coef_[0]],
        'bias': round(float(model.intercept_[0]), 6),
    }
    with open(OUT, 'w') as f:
        json.dump(out, f, separators=(',', ':'))
        f.write('\n')
    print(f'\nwrote {os.path.relpath(OUT, ROOT)} (threshold {THRESHOLD}, C {C})')


if __name__ == '__main__':
    main()
