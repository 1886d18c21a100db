// The evaluation's arithmetic on small hand-built cases (the evaluation itself is not a test).
import { matchGroups, rankWithTies, scorePredictions, scoreSets, spearmanCorrelation } from '../../dev/eval/metrics.ts';

describe('precision, recall, F1', () => {
  it.each([
    { predicted: ['a', 'b', 'c'], truth: ['a', 'b', 'd', 'e'], precision: 2 / 3, recall: 2 / 4, f1: (2 * (2 / 3) * 0.5) / (2 / 3 + 0.5) },
    { predicted: ['a'], truth: ['a'], precision: 1, recall: 1, f1: 1 },
    { predicted: [], truth: ['a'], precision: 0, recall: 0, f1: 0 },
    { predicted: ['x'], truth: [], precision: 0, recall: 0, f1: 0 },
    { predicted: [], truth: [], precision: 1, recall: 1, f1: 1 },
  ])('$predicted against $truth', ({ predicted, truth, precision, recall, f1 }) => {
    const scores = scoreSets(predicted, truth);
    expect(scores.precision).toBeCloseTo(precision, 10);
    expect(scores.recall).toBeCloseTo(recall, 10);
    expect(scores.f1).toBeCloseTo(f1, 10);
  });

  it('scores counts directly', () => {
    expect(scorePredictions({ truePositives: 5, falsePositives: 1, falseNegatives: 0 })).toMatchObject({ precision: 5 / 6, recall: 1 });
  });
});

describe('matchGroups', () => {
  it('pairs each group with its best counterpart once, and only above the overlap threshold', () => {
    const predicted = [['a', 'b', 'c'], ['a', 'b', 'c', 'd'], ['x', 'y']];
    const truth = [['a', 'b', 'c', 'd'], ['q', 'r', 's']];
    expect(matchGroups(predicted, truth, { minJaccard: 0.5 })).toEqual([{ predicted: 1, truth: 0, jaccard: 1 }]);
  });
});

describe('Spearman rank correlation', () => {
  it.each([
    { xs: [1, 2, 3, 4], ys: [10, 20, 30, 40], rho: 1 },
    { xs: [1, 2, 3, 4], ys: [40, 30, 20, 10], rho: -1 },
    // Monotone but not linear: ranks agree perfectly.
    { xs: [1, 2, 3, 4, 5], ys: [1, 4, 9, 16, 1000], rho: 1 },
    // |d| = (1, 1, 1, 1, 0): rho = 1 − 6·4 / (5·24) = 0.8.
    { xs: [1, 2, 3, 4, 5], ys: [2, 1, 4, 3, 5], rho: 0.8 },
  ])('$xs vs $ys is $rho', ({ xs, ys, rho }) => {
    expect(spearmanCorrelation(xs, ys)).toBeCloseTo(rho, 10);
  });

  it('gives ties their average rank', () => {
    expect(rankWithTies([10, 20, 20, 30])).toEqual([1, 2.5, 2.5, 4]);
    // With ties, rho is the Pearson correlation of the average ranks: here 0.9486832980505138.
    expect(spearmanCorrelation([1, 2, 2, 3], [1, 2, 3, 4])).toBeCloseTo(0.9486832980505138, 10);
  });

  it('is undefined (NaN) for a constant side or fewer than two pairs', () => {
    expect(spearmanCorrelation([1, 1, 1], [1, 2, 3])).toBeNaN();
    expect(spearmanCorrelation([1], [1])).toBeNaN();
  });
});
