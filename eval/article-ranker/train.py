"""`npm run article-ranker:train`: fits the article ranker (libs/knowledge/src/search/article-ranker-model.json).

Reads tmp/article-ranker/candidates.jsonl, written by `npm run answerability:export` from the same traced runs of
every development set: for each answerable case whose expected article is among the first search's candidates (the
articles of its 8 best passages by fused score), each candidate's article features (articleCandidates in
article-ranker.ts), the query's bge-small embedding as the search makes it, and the embedding of each candidate's
best heading.

An article's score is w . [features, HEADING_SCALE * query * heading] (the element-wise product of the two
embeddings). It is fitted pairwise: for each case and each wrong candidate, the difference between the right
article's vector and the wrong one's is a positive example and its negation a negative one (logistic regression
without intercept, L2 with C below). Features are not standardised, so the weights apply to the raw values.

Before the final fit it prints leave-sets-out cross-validation (10 folds of whole sets): how many cases the top
article of the fused order gets right, how many the ranker does, and how many of the ranker's changes of top article
fixed a case or broke one, for a few values of C. C, written to the model, is chosen from those figures.
"""
import json
import os

import numpy as np
import sklearn
from sklearn.linear_model import LogisticRegression

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CANDIDATES = os.path.join(ROOT, 'tmp', 'article-ranker', 'candidates.jsonl')
OUT = os.path.join(ROOT, 'libs', 'knowledge', 'src', 'search', 'article-ranker-model.json')
PARTS = ['vector', 'coverage', 'heading', 'rank', 'semantic', 'distinct']
FEATURES = ['score', 'behindTop', 'position', 'passageShare', 'secondPassage', 'sumOfThree', 'overview', 'vectorScore', 'textScore'] + PARTS + ['best_' + p for p in PARTS]
EMBEDDING_MODEL = 'bge-small-en-v1.5-q'
CANDIDATE_PASSAGES = 8
HEADING_SCALE = 20
C = 0.3
FOLDS = 10


def load():
    if not os.path.exists(CANDIDATES):
        raise SystemExit(f'{os.path.relpath(CANDIDATES, ROOT)} is missing: run `npm run answerability:export` first')
    headings, cases = {}, []
    for line in open(CANDIDATES):
        row = json.loads(line)
        if 'headings' in row:
            headings.update({(row['set'], h): np.array(v) for h, v in row['headings'].items()})
            continue
        q = np.array(row['q'])
        matrix = np.array([c['x'] + list(HEADING_SCALE * q * headings[(row['set'], c['heading'])]) for c in row['candidates']])
        right = [c['article'] for c in row['candidates']].index(row['article'])
        cases.append((row['set'], matrix, right))
    return cases


def pairs(cases):
    x, y = [], []
    for _, matrix, right in cases:
        for j in range(len(matrix)):
            if j != right:
                x += [matrix[right] - matrix[j], matrix[j] - matrix[right]]
                y += [1, 0]
    return np.array(x), np.array(y)


def fit(cases, c):
    x, y = pairs(cases)
    return LogisticRegression(C=c, fit_intercept=False, max_iter=5000).fit(x, y).coef_[0]


def tally(cases, weights):
    right = fixed = broke = 0
    for _, matrix, target in cases:
        choice = int(np.argmax(matrix @ weights))
        right += choice == target
        if choice != 0:
            fixed += choice == target
            broke += target == 0
    return right, fixed, broke


def main():
    cases = load()
    sets = sorted({s for s, _, _ in cases})
    rng = np.random.RandomState(0)
    order = list(sets)
    rng.shuffle(order)
    fold = {s: i % FOLDS for i, s in enumerate(order)}
    print(f'scikit-learn {sklearn.__version__}; {len(cases)} answerable cases from {len(sets)} sets have the right '
          f'article among the candidates; the fused order has it first in {sum(t == 0 for _, _, t in cases)}')
    print(f'\nleave-sets-out cross-validation ({FOLDS} folds of whole sets)')
    print(f'{"C":>6} {"right first":>12} {"changes that fixed":>19} {"changes that broke":>19}')
    for c in (0.1, 0.3, 1.0):
        total = np.zeros(3, dtype=int)
        for k in range(FOLDS):
            train = [case for case in cases if fold[case[0]] != k]
            test = [case for case in cases if fold[case[0]] == k]
            total += tally(test, fit(train, c))
        print(f'{c:>6} {total[0]:>12} {total[1]:>19} {total[2]:>19}')

    weights = fit(cases, C)
    out = {'embeddingModel': EMBEDDING_MODEL, 'candidates': CANDIDATE_PASSAGES, 'features': FEATURES, 'headingScale': HEADING_SCALE,
           'weights': [round(float(v), 6) for v in weights]}
    with open(OUT, 'w') as f:
        f.write(json.dumps(out, separators=(',', ':')) + '\n')
    print(f'\nwrote {os.path.relpath(OUT, ROOT)} (C {C}); in-sample: {tally(cases, weights)[0]} right first')


if __name__ == '__main__':
    main()
