// The evaluation's arithmetic: precision / recall / F1, group matching by member overlap, and
// Spearman's rank correlation (ties get their average rank). Pure; tested on hand-built cases.

export interface Scores {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
}

/** Nothing predicted and nothing to find is perfect; otherwise an empty side scores 0. */
export function scorePredictions(counts: { truePositives: number; falsePositives: number; falseNegatives: number }): Scores {
  const { truePositives: tp, falsePositives: fp, falseNegatives: fn } = counts;
  const precision = tp + fp === 0 ? (fn === 0 ? 1 : 0) : tp / (tp + fp);
  const recall = tp + fn === 0 ? (fp === 0 ? 1 : 0) : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...counts, precision, recall, f1 };
}

export function scoreSets<T>(predicted: Iterable<T>, truth: Iterable<T>): Scores {
  const wanted = new Set(truth);
  const got = new Set(predicted);
  let truePositives = 0;
  for (const item of got) if (wanted.has(item)) truePositives += 1;
  return scorePredictions({ truePositives, falsePositives: got.size - truePositives, falseNegatives: wanted.size - truePositives });
}

export function measureJaccard(a: readonly string[], b: readonly string[]): number {
  const left = new Set(a);
  const right = new Set(b);
  let shared = 0;
  for (const item of left) if (right.has(item)) shared += 1;
  const union = left.size + right.size - shared;
  return union === 0 ? 1 : shared / union;
}

export interface GroupMatch {
  predicted: number;
  truth: number;
  jaccard: number;
}

/**
 * Pairs predicted groups with true ones, best overlap first, each used once; a pair counts only
 * at `minJaccard` or more (a group that found half the people is not the group).
 */
export function matchGroups(predicted: readonly (readonly string[])[], truth: readonly (readonly string[])[], options: { minJaccard: number }): GroupMatch[] {
  const pairs: GroupMatch[] = [];
  predicted.forEach((p, i) => truth.forEach((t, j) => pairs.push({ predicted: i, truth: j, jaccard: measureJaccard(p, t) })));
  pairs.sort((a, b) => b.jaccard - a.jaccard || a.predicted - b.predicted || a.truth - b.truth);
  const usedPredicted = new Set<number>();
  const usedTruth = new Set<number>();
  const matches: GroupMatch[] = [];
  for (const pair of pairs) {
    if (pair.jaccard < options.minJaccard || usedPredicted.has(pair.predicted) || usedTruth.has(pair.truth)) continue;
    usedPredicted.add(pair.predicted);
    usedTruth.add(pair.truth);
    matches.push(pair);
  }
  return matches;
}

/** 1-based ranks, ties sharing the average of the ranks they span. */
export function rankWithTies(values: readonly number[]): number[] {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
  const ranks = new Array<number>(values.length);
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]!.value === order[start]!.value) end += 1;
    const average = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) ranks[order[k]!.index] = average;
    start = end + 1;
  }
  return ranks;
}

/** Spearman's rho: Pearson correlation of the ranks. NaN when either side is constant or there are fewer than two pairs. */
export function spearmanCorrelation(xs: readonly number[], ys: readonly number[]): number {
  if (xs.length !== ys.length) throw new Error('spearmanCorrelation: both sides need the same length');
  if (xs.length < 2) return Number.NaN;
  const rx = rankWithTies(xs);
  const ry = rankWithTies(ys);
  const mean = (rx.length + 1) / 2;
  let covariance = 0;
  let varianceX = 0;
  let varianceY = 0;
  for (let i = 0; i < rx.length; i++) {
    const dx = rx[i]! - mean;
    const dy = ry[i]! - mean;
    covariance += dx * dy;
    varianceX += dx * dx;
    varianceY += dy * dy;
  }
  return varianceX === 0 || varianceY === 0 ? Number.NaN : covariance / Math.sqrt(varianceX * varianceY);
}
