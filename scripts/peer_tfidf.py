#!/usr/bin/env python3
"""THE COMPARISON PEER for scripts/bench-rank: not part of Sapan.

A plain scikit-learn baseline doing the same work as `sapan rank`: character
2-4-gram TF-IDF fitted on the 582 indicator texts, cosine similarity of each
input text with every indicator, candidates restricted to the line's grade and
area when it gives them, the top K written as JSON Lines in input order:

    {"id": ..., "ranked": [{"code": "ท 1.1 ป.4/1", "score": 0.4321}, ...]}

It has no relation levels (its scores are not calibrated), so it writes none.
It is timed as a whole process, start-up and imports included, as sapan is.

usage: peer_tfidf.py INPUT.jsonl [--top K] > OUTPUT.jsonl
"""

import json
import sys

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

INDICATORS = "data/curriculum/indicators_2551_p4-6.jsonl"
AREA_NAMES = {
    "ภาษาไทย": "ท", "คณิตศาสตร์": "ค", "วิทยาศาสตร์": "ว", "สังคมศึกษา": "ส",
    "สุขศึกษาและพลศึกษา": "พ", "ศิลปะ": "ศ", "การงานอาชีพ": "ง", "ภาษาต่างประเทศ": "ต",
}


def grade_of(value):
    if value is None:
        return 0
    text = str(value).strip().removeprefix("ป.").strip()
    text = text.translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789"))
    return int(text) if text.isdigit() else 0


def main():
    args = sys.argv[1:]
    top = 10
    if "--top" in args:
        i = args.index("--top")
        top = int(args[i + 1])
        del args[i : i + 2]
    (path,) = args

    with open(INDICATORS, encoding="utf-8") as f:
        indicators = [json.loads(line) for line in f if line.strip()]
    codes = [i["code"] for i in indicators]
    ind_grade = np.array([i["grade"] for i in indicators])
    ind_area = np.array([i["area_code"] for i in indicators])

    ids, texts, grades, areas = [], [], [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            row = json.loads(line)
            ids.append(row.get("id"))
            texts.append(row.get("text") or "")
            grades.append(grade_of(row.get("grade")))
            area = row.get("area") or ""
            areas.append(AREA_NAMES.get(area, area))

    vectorizer = TfidfVectorizer(analyzer="char", ngram_range=(2, 4))
    ind_matrix = vectorizer.fit_transform([i["text"] for i in indicators])
    queries = vectorizer.transform(texts)
    # Rows are L2-normalised, so the dot product is the cosine.
    scores = (queries @ ind_matrix.T).toarray()

    grades = np.array(grades)
    areas = np.array(areas)
    wrong_grade = (grades[:, None] != 0) & (ind_grade[None, :] != grades[:, None])
    wrong_area = (areas[:, None] != "") & (ind_area[None, :] != areas[:, None])
    scores[wrong_grade | wrong_area] = -1.0

    k = min(top, len(codes))
    best = np.argpartition(-scores, k - 1, axis=1)[:, :k]
    out = sys.stdout
    for row, (id_, cand) in enumerate(zip(ids, best)):
        order = cand[np.lexsort((cand, -scores[row, cand]))]
        ranked = [
            {"code": codes[j], "score": round(float(scores[row, j]), 4)}
            for j in order
            if scores[row, j] > 0.0
        ]
        out.write(json.dumps({"id": id_, "ranked": ranked}, ensure_ascii=False))
        out.write("\n")


if __name__ == "__main__":
    main()
