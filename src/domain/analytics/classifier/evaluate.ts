/**
 * @module classifier/evaluate
 * The fixed split of the shipped set and the scores reported in the docs and the bench.
 * Every fifth example (positions 5, 10, 15, … counting from 1) is held out; the rest train.
 * The split never changes with the data's order of arrival, so a score can be compared
 * from one version of the set to the next only where the set itself is unchanged.
 */
import { classifyNeed, type LabelledNeed, type NeedsModel } from './model.ts';

export function splitTrainingSet<T>(examples: readonly T[]): { train: T[]; heldOut: T[] } {
  const train: T[] = [];
  const heldOut: T[] = [];
  examples.forEach((e, i) => ((i + 1) % 5 === 0 ? heldOut : train).push(e));
  return { train, heldOut };
}

export interface TypeScore {
  type: string;
  support: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Evaluation {
  examples: number;
  /** Micro-averaged over every (need, type) decision. */
  microPrecision: number;
  microRecall: number;
  microF1: number;
  /** Share of needs whose best type is one of their true types. */
  topTypeAccuracy: number;
  /** Share of needs given exactly their true set of types. */
  exactMatch: number;
  perType: TypeScore[];
}

const safe = (a: number, b: number) => (b === 0 ? 0 : a / b);
const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

export function evaluateNeedsModel(model: NeedsModel, heldOut: readonly LabelledNeed[]): Evaluation {
  const counts = new Map(model.types.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
  let top = 0;
  let exact = 0;
  for (const example of heldOut) {
    const predicted = classifyNeed(model, example.text);
    const truth = new Set(example.types);
    const given = new Set(predicted.map((p) => p.type));
    if (truth.has(predicted[0]!.type)) top += 1;
    if (given.size === truth.size && [...given].every((t) => truth.has(t))) exact += 1;
    for (const [type, c] of counts) {
      if (given.has(type) && truth.has(type)) c.tp += 1;
      else if (given.has(type)) c.fp += 1;
      else if (truth.has(type)) c.fn += 1;
    }
  }
  const sum = { tp: 0, fp: 0, fn: 0 };
  const perType = [...counts].map(([type, c]) => {
    sum.tp += c.tp;
    sum.fp += c.fp;
    sum.fn += c.fn;
    const precision = safe(c.tp, c.tp + c.fp);
    const recall = safe(c.tp, c.tp + c.fn);
    return { type, support: c.tp + c.fn, precision, recall, f1: f1(precision, recall) };
  });
  const microPrecision = safe(sum.tp, sum.tp + sum.fp);
  const microRecall = safe(sum.tp, sum.tp + sum.fn);
  return {
    examples: heldOut.length,
    microPrecision,
    microRecall,
    microF1: f1(microPrecision, microRecall),
    topTypeAccuracy: safe(top, heldOut.length),
    exactMatch: safe(exact, heldOut.length),
    perType,
  };
}
