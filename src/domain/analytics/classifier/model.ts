/**
 * @module classifier/model
 * One logistic regression per type of assistance ("one-vs-rest") over binary word and
 * word-pair features, so a need may get several types, each with its own probability.
 * Chosen because it is small, fast to train at start-up (a few hundred examples, well
 * under a second), deterministic (no random start, examples always in the same order) and
 * transparent: every type's weight per word can be listed, and each answer names the words
 * that weighed most for it.
 */
import { features } from './features.ts';

export interface LabelledNeed {
  text: string;
  /** Stored or API type ids; at least one. */
  types: readonly string[];
}

export interface Scored {
  type: string;
  confidence: number;
  /** Words of the text that pushed most towards this type. */
  evidence: string[];
}

export interface TrainOptions {
  epochs?: number;
  learningRate?: number;
  /** L2 penalty: keeps rare words from taking over. */
  l2?: number;
}

export interface NeedsModel {
  types: readonly string[];
  vocabulary: ReadonlyMap<string, number>;
  /** weights[type][feature]; the last entry of each row is the bias. */
  weights: readonly Float64Array[];
  examples: number;
}

/** Above this a type is given; below it only the best type is kept, so no need goes without one. */
export const CONFIDENCE_THRESHOLD = 0.4;

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

function encode(text: string, vocabulary: ReadonlyMap<string, number>): { index: number[]; value: number } {
  const index = features(text)
    .map((f) => vocabulary.get(f))
    .filter((i): i is number => i !== undefined);
  // Each text has unit length, so a long need does not shout down a short one.
  return { index, value: index.length === 0 ? 0 : 1 / Math.sqrt(index.length) };
}

/**
 * Trains the model by full-batch gradient descent. Positive examples are weighted by the
 * ratio of negatives to positives of their type, since each type is a minority of the set.
 */
export function trainNeedsModel(examples: readonly LabelledNeed[], types: readonly string[], options: TrainOptions = {}): NeedsModel {
  const { epochs = 120, learningRate = 16, l2 = 0.0001 } = options;
  const vocabulary = new Map<string, number>();
  for (const example of examples) for (const f of features(example.text)) if (!vocabulary.has(f)) vocabulary.set(f, vocabulary.size);
  const encoded = examples.map((e) => encode(e.text, vocabulary));
  const indices = encoded.map((e) => Int32Array.from(e.index));
  const values = Float64Array.from(encoded.map((e) => e.value));
  const bias = vocabulary.size;
  const weights = types.map((type) => {
    const w = new Float64Array(vocabulary.size + 1);
    const labels = Uint8Array.from(examples.map((e) => (e.types.includes(type) ? 1 : 0)));
    const positives = labels.reduce((sum, l) => sum + l, 0);
    if (positives === 0) {
      w[bias] = -6;
      return w;
    }
    const positiveWeight = Math.max(1, (examples.length - positives) / positives);
    const totalWeight = positives * positiveWeight + (examples.length - positives);
    const gradient = new Float64Array(vocabulary.size + 1);
    for (let epoch = 0; epoch < epochs; epoch++) {
      gradient.fill(0);
      for (let n = 0; n < indices.length; n++) {
        const index = indices[n]!;
        const value = values[n]!;
        let z = w[bias]!;
        for (let k = 0; k < index.length; k++) z += w[index[k]!]! * value;
        const label = labels[n]!;
        const error = (sigmoid(z) - label) * (label === 1 ? positiveWeight : 1);
        for (let k = 0; k < index.length; k++) gradient[index[k]!]! += error * value;
        gradient[bias]! += error;
      }
      for (let i = 0; i < bias; i++) w[i]! -= learningRate * (gradient[i]! / totalWeight + l2 * w[i]!);
      w[bias]! -= learningRate * (gradient[bias]! / totalWeight);
    }
    return w;
  });
  return { types, vocabulary, weights, examples: examples.length };
}

/** Every type with its probability, best first, and the words behind it. */
export function scoreNeed(model: NeedsModel, text: string): Scored[] {
  const { index, value } = encode(text, model.vocabulary);
  const names = [...model.vocabulary.keys()];
  const bias = model.vocabulary.size;
  return model.types
    .map((type, t) => {
      const w = model.weights[t]!;
      let z = w[bias]!;
      for (const i of index) z += w[i]! * value;
      const evidence = index
        .filter((i) => w[i]! > 0)
        .sort((a, b) => w[b]! - w[a]!)
        .slice(0, 3)
        .map((i) => names[i]!);
      return { type, confidence: Math.round(sigmoid(z) * 1000) / 1000, evidence };
    })
    .sort((a, b) => b.confidence - a.confidence || model.types.indexOf(a.type) - model.types.indexOf(b.type));
}

/** The types given to a need: those at or above the threshold, else the best one alone. */
export function classifyNeed(model: NeedsModel, text: string, threshold = CONFIDENCE_THRESHOLD): Scored[] {
  const scored = scoreNeed(model, text);
  const given = scored.filter((s) => s.confidence >= threshold);
  return given.length > 0 ? given : scored.slice(0, 1);
}
