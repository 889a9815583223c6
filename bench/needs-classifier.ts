/**
 * `npm run bench:needs-classifier`: the needs classifier on the held-out part of the shipped
 * set (every fifth need of data/needs-training.csv), trained on the rest: precision, recall
 * and F1 per type, micro-averaged scores, and the time to train and to classify. The unit test
 * src/server/use-cases/assistance-model.test.ts fails if the scores fall below those reported.
 */
import { evaluateNeedsModel, splitTrainingSet } from '../src/domain/analytics/classifier/evaluate.ts';
import { classifyNeed, CONFIDENCE_THRESHOLD, trainNeedsModel } from '../src/domain/analytics/classifier/model.ts';
import { NEED_TYPES } from '../src/domain/analytics/needs-types.ts';
import { readTrainingSet, TRAINING_FILE } from '../src/server/use-cases/assistance-model.ts';

const examples = readTrainingSet();
const { train, heldOut } = splitTrainingSet(examples);
const trainStart = performance.now();
const model = trainNeedsModel(train, NEED_TYPES);
const trainMs = performance.now() - trainStart;
const fullStart = performance.now();
trainNeedsModel(examples, NEED_TYPES);
const fullMs = performance.now() - fullStart;
const e = evaluateNeedsModel(model, heldOut);
const classifyStart = performance.now();
for (let i = 0; i < 10; i++) for (const ex of heldOut) classifyNeed(model, ex.text);
const perNeedMs = (performance.now() - classifyStart) / (10 * heldOut.length);

const pct = (n: number) => `${(n * 100).toFixed(1)}%`.padStart(7);
const lines = [
  `Open IRM needs classifier, ${new Date().toISOString()}`,
  `set: ${TRAINING_FILE.replace(process.cwd() + '/', '')}, ${examples.length} needs; trained on ${train.length}, held out ${heldOut.length} (every fifth); threshold ${CONFIDENCE_THRESHOLD}`,
  '',
  `${'type'.padEnd(28)}support  precision  recall      F1`,
  ...e.perType.map((t) => `${t.type.padEnd(28)}${String(t.support).padStart(7)}  ${pct(t.precision)}    ${pct(t.recall)} ${pct(t.f1)}`),
  '',
  `micro precision ${pct(e.microPrecision)}   micro recall ${pct(e.microRecall)}   micro F1 ${pct(e.microF1)}`,
  `best type among the right ones ${pct(e.topTypeAccuracy)}   exactly the right set ${pct(e.exactMatch)}`,
  `training: ${trainMs.toFixed(0)} ms (${train.length} needs), ${fullMs.toFixed(0)} ms (all ${examples.length}, as at start-up); classification: ${perNeedMs.toFixed(2)} ms per need`,
];
process.stdout.write(`${lines.join('\n')}\n`);
