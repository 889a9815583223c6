/**
 * @module demo-checklists
 * Checklist answers, submissions and desk-review threads for the demo reviews, so that a
 * new user sees a checklist being filled in, a submitted one under desk review with open
 * and resolved questions, and an answer corrected after a question. Every text says it is
 * fictitious. Deterministic: the same reviews give the same content.
 */
import { randomUUID } from 'node:crypto';
import type { Db, DbOrTx } from '../../db/client.ts';
import { insertAnswer, insertAnswerVersion, insertSubmission, provisionsOfChapters, updateAnswer, type AnswerRow } from '../../db/repositories/checklists.ts';
import { findCycle } from '../../db/repositories/cycles.ts';
import { insertMessage, insertThread, setThreadStatus } from '../../db/repositories/desk-review.ts';
import type { StoredReview } from '../../db/repositories/reviews.ts';
import { milestoneDate } from '../../domain/reviews/review.ts';

const FOCAL_POINT = 'Demo focal point (fictitious)';
const SECRETARIAT = 'Demo secretariat officer (fictitious)';

function at(isoDay: string, hour = 10): Date {
  return new Date(`${isoDay}T${String(hour).padStart(2, '0')}:00:00Z`);
}

function demoAnswer(provisionId: string, label: string, structured: boolean, n: number) {
  const compliance = structured ? (['yes', 'partially', 'yes', 'no'] as const)[n % 4] : null;
  const text =
    `<p>Fictitious demo answer on ${label}. The State describes the <strong>laws</strong> that give effect to the provision, ` +
    `the institutions that apply them and examples of their application.</p>` +
    `<ul><li>Law No. ${100 + (n % 37)}/${2008 + (n % 9)} (demo)</li><li>Cases and statistics for ${2015 + (n % 5)}–${2017 + (n % 5)} (demo)</li></ul>`;
  const assistanceNeeds = n % 5 === 0 ? { types: structured ? ['capacity-building', 'legal-advice'] : [], text: `Training for investigators on provision ${provisionId} (demo).` } : { types: [], text: '' };
  return { compliance, text, assistanceNeeds };
}

/** Writes the demo checklist content of the given reviews in one transaction. */
export async function seedDemoChecklists(db: Db, reviews: StoredReview[]): Promise<void> {
  const provisionsByCycle = new Map<number, Awaited<ReturnType<typeof provisionsOfChapters>>>();
  for (const cycleNumber of new Set(reviews.map((r) => r.row.cycleNumber))) {
    const cycle = await findCycle(db, cycleNumber);
    if (cycle) provisionsByCycle.set(cycleNumber, await provisionsOfChapters(db, 'UNCAC', cycle.chapters));
  }
  await db.transaction(async (tx) => {
    for (const [index, stored] of reviews.entries()) {
      const { review, row } = stored;
      const provisions = provisionsByCycle.get(row.cycleNumber) ?? [];
      const appointed = milestoneDate(review, 'focalPointAppointed');
      if (!appointed || provisions.length === 0) continue;
      const submitted = milestoneDate(review, 'checklistSubmitted');
      const structured = row.cycleNumber === 1;
      // A submitted checklist answers most provisions; one in progress, the first few.
      const chosen = submitted ? provisions.filter((p, i) => p.obligation === 'mandatory' || i % 3 !== 0) : provisions.slice(0, 3 + (index % 4));
      const answers: AnswerRow[] = [];
      for (const [n, p] of chosen.entries()) {
        const saved = await insertAnswer(tx, { reviewId: row.id, provisionId: p.id, ...demoAnswer(p.id, p.label, structured, n + index), version: 1, updatedBy: FOCAL_POINT, updatedAt: at(submitted ?? appointed, 9) });
        await insertAnswerVersion(tx, saved, 'checklist');
        answers.push(saved);
      }
      if (!submitted) continue;
      await insertSubmission(tx, { reviewId: row.id, number: 1, reason: 'submitted', submittedBy: FOCAL_POINT, submittedAt: at(submitted, 11), answers: answers.map((a) => ({ ...a, updatedAt: a.updatedAt.toISOString(), attachments: [] })) });
      await seedDemoThreads(tx, stored, answers, submitted, index);
    }
  });
}

/** Three threads on a submitted checklist: one answered into the answer and resolved, one resolved, one open. */
async function seedDemoThreads(tx: DbOrTx, stored: StoredReview, answers: AnswerRow[], submitted: string, index: number): Promise<void> {
  const { review, row } = stored;
  const [reviewerA] = review.reviewers;
  const expert = `Demo expert of ${reviewerA} (fictitious)`;
  const completed = milestoneDate(review, 'deskReviewCompleted');
  const day = (offset: number) => new Date(at(submitted).getTime() + offset * 86_400_000);
  const targets = [answers[0], answers[Math.min(2, answers.length - 1)], answers[Math.min(4, answers.length - 1)]].filter((a): a is AnswerRow => a !== undefined);
  const kinds = ['question', 'request', 'observation'] as const;
  for (const [t, answer] of targets.entries()) {
    const threadId = randomUUID();
    const kind = kinds[t]!;
    await insertThread(tx, { id: threadId, reviewId: row.id, provisionId: answer.provisionId, kind, status: 'open', createdBy: expert, createdAt: day(10 + t), lastSide: `reviewer:${reviewerA}` });
    const asked =
      kind === 'question'
        ? `Which authority applies the law cited for provision ${answer.provisionId}, and how many cases did it handle? (demo)`
        : kind === 'request'
          ? `Please send the text of the law cited for provision ${answer.provisionId}. (demo)`
          : `Preliminary observation: the measures on provision ${answer.provisionId} seem to be in place. (demo)`;
    await insertMessage(tx, { id: randomUUID(), threadId, author: expert, side: `reviewer:${reviewerA}`, body: asked, createdAt: day(10 + t) });
    // The open question stays open (waiting on the State) until the desk review is over.
    const isLast = t === targets.length - 1 && !completed;
    if (isLast && index % 2 === 0) continue;
    const reply = kind === 'question' ? `The anti-corruption agency applies it; it handled 42 cases in 2019 (demo).` : `Noted, thank you (demo).`;
    let answerVersion: number | null = null;
    if (kind === 'question') {
      // The State's reply also became part of its answer: a second version the reviewers see
      // in a second submitted version of the checklist.
      const corrected = await updateAnswer(tx, row.id, answer.provisionId, answer.version, { compliance: answer.compliance, text: `${answer.text}<p>${reply}</p>`, assistanceNeeds: answer.assistanceNeeds, updatedBy: FOCAL_POINT });
      if (corrected) {
        await insertAnswerVersion(tx, corrected, 'desk-review');
        answerVersion = corrected.version;
        const snapshot = answers.map((a) => (a.provisionId === corrected.provisionId ? corrected : a)).map((a) => ({ ...a, updatedAt: a.updatedAt.toISOString(), attachments: [] }));
        await insertSubmission(tx, { reviewId: row.id, number: 2, reason: 'desk-review', submittedBy: FOCAL_POINT, submittedAt: day(20 + t), answers: snapshot });
      }
    }
    await insertMessage(tx, { id: randomUUID(), threadId, author: FOCAL_POINT, side: 'state-under-review', body: reply, answerVersion, createdAt: day(20 + t) });
    if (!isLast) await setThreadStatus(tx, threadId, 'resolved', SECRETARIAT);
  }
}
