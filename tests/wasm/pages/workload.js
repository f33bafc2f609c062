// The benchmark's workload, one definition for Node and for the browser page:
// `rank` of each dev text, and `align` of 100 and 1,000 outcomes (the dev texts
// cycled, no grade or area, top 10, evidence on). Times in milliseconds,
// medians. Nothing here asserts anything: the numbers are printed.

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** `n` outcomes made from `texts`, cycled, each with its own id. */
export function cycled(texts, n) {
  return Array.from({ length: n }, (_, i) => ({ id: `lo-${i + 1}`, text: texts[i % texts.length] }));
}

function time(work) {
  const start = performance.now();
  work();
  return performance.now() - start;
}

/** Runs the workload on a ready engine; `texts` are strings. */
export function measureWork(engine, texts) {
  const options = { topK: 10, evidence: true };
  const quiet = { topK: 10, evidence: false };
  // Warm-up: one pass, so the engine's first-use costs stay out of the medians.
  for (const text of texts) engine.rank(text, options);
  const rank = median(texts.map((text) => time(() => engine.rank(text, options))));
  const rankNoEvidence = median(texts.map((text) => time(() => engine.rank(text, quiet))));
  engine.align(cycled(texts, 20), options);
  const align = (n, runs) => {
    const outcomes = cycled(texts, n);
    return median(Array.from({ length: runs }, () => time(() => engine.align(outcomes, options))));
  };
  return { rank, rankNoEvidence, align100: align(100, 5), align1000: align(1000, 3) };
}
