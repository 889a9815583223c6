/**
 * @module demo-checklists
 * Checklist answers, submissions and desk-review threads for the demo reviews, so that a
 * new user sees a checklist being filled in, a submitted one under desk review with open
 * and resolved questions, and an answer corrected after a question. Every text says it is
 * fictitious. Deterministic: the same reviews give the same content. The rows are built in
 * memory and written in a few multi-row inserts, so the demo loads in about a second.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import { provisionsOfChapters } from '../../db/repositories/checklists.ts';
import { findCycle } from '../../db/repositories/cycles.ts';
import type { StoredReview } from '../../db/repositories/reviews.ts';
import { checklistAnswers, checklistAnswerVersions, checklistSubmissions } from '../../db/schema/checklists.ts';
import { reviewThreads, threadMessages } from '../../db/schema/desk-review.ts';
import { milestoneDate } from '../../domain/reviews/review.ts';
import { DEMO_MARKERS } from './demo-markers.ts';

const FOCAL_POINT = 'Demo focal point (fictitious)';
const SECRETARIAT = 'Demo secretariat officer (fictitious)';

type AnswerRow = typeof checklistAnswers.$inferSelect;

interface DemoRows {
  answers: AnswerRow[];
  versions: (typeof checklistAnswerVersions.$inferInsert)[];
  submissions: (typeof checklistSubmissions.$inferInsert)[];
  threads: (typeof reviewThreads.$inferInsert)[];
  messages: (typeof threadMessages.$inferInsert)[];
}

function at(isoDay: string, hour = 10): Date {
  return new Date(`${isoDay}T${String(hour).padStart(2, '0')}:00:00Z`);
}

function demoAnswer(provisionId: string, label: string, structured: boolean, n: number) {
  const compliance = structured ? ((['yes', 'partially', 'yes', 'no'] as const)[n % 4] ?? null) : null;
  const text =
    `<p>Fictitious demo answer on ${label}. The State describes the <strong>laws</strong> that give effect to the provision, ` +
    `the institutions that apply them and examples of their application. ${DEMO_MARKERS.checklistAnswer}</p>` +
    `<ul><li>Law No. ${100 + (n % 37)}/${2008 + (n % 9)} (demo)</li><li>Cases and statistics for ${2015 + (n % 5)}–${2017 + (n % 5)} (demo)</li></ul>`;
  const assistanceNeeds = n % 5 === 0 ? { types: structured ? ['capacity-building', 'legal-advice'] : [], text: `Training for investigators on provision ${provisionId} (demo).` } : { types: [], text: '' };
  return { compliance, text, assistanceNeeds };
}

const versionOf = (a: AnswerRow, source: 'checklist' | 'desk-review') => ({ ...a, source });
const snapshotOf = (answers: AnswerRow[]) => answers.map((a) => ({ ...a, updatedAt: a.updatedAt.toISOString(), attachments: [] }));

/** Writes the demo checklist content of the given reviews in one transaction. */
export async function seedDemoChecklists(db: Db, reviews: StoredReview[]): Promise<void> {
  const provisionsByCycle = new Map<number, Awaited<ReturnType<typeof provisionsOfChapters>>>();
  for (const cycleNumber of new Set(reviews.map((r) => r.row.cycleNumber))) {
    const cycle = await findCycle(db, cycleNumber);
    if (cycle) provisionsByCycle.set(cycleNumber, await provisionsOfChapters(db, 'UNCAC', cycle.chapters));
  }
  const rows: DemoRows = { answers: [], versions: [], submissions: [], threads: [], messages: [] };
  for (const [index, stored] of reviews.entries()) {
    const { review, row } = stored;
    const provisions = provisionsByCycle.get(row.cycleNumber) ?? [];
    const appointed = milestoneDate(review, 'focalPointAppointed');
    if (!appointed || provisions.length === 0) continue;
    const submitted = milestoneDate(review, 'checklistSubmitted');
    const structured = row.cycleNumber === 1;
    // A submitted checklist answers most provisions; one in progress, the first few.
    const chosen = submitted ? provisions.filter((p, i) => p.obligation === 'mandatory' || i % 3 !== 0) : provisions.slice(0, 3 + (index % 4));
    const answers: AnswerRow[] = chosen.map((p, n) => ({ reviewId: row.id, provisionId: p.id, ...demoAnswer(p.id, p.label, structured, n + index), version: 1, updatedBy: FOCAL_POINT, updatedAt: at(submitted ?? appointed, 9) }));
    rows.versions.push(...answers.map((a) => versionOf(a, 'checklist')));
    if (submitted) {
      rows.submissions.push({ reviewId: row.id, number: 1, reason: 'submitted', submittedBy: FOCAL_POINT, submittedAt: at(submitted, 11), answers: snapshotOf(answers) });
      addDemoThreads(rows, stored, answers, submitted, index);
    }
    rows.answers.push(...answers);
  }
  await db.transaction(async (tx) => {
    const chunks = <T>(list: T[]) => Array.from({ length: Math.ceil(list.length / 500) }, (_, i) => list.slice(i * 500, i * 500 + 500));
    for (const chunk of chunks(rows.answers)) await tx.insert(checklistAnswers).values(chunk);
    for (const chunk of chunks(rows.versions)) await tx.insert(checklistAnswerVersions).values(chunk);
    for (const chunk of chunks(rows.submissions)) await tx.insert(checklistSubmissions).values(chunk);
    for (const chunk of chunks(rows.threads)) await tx.insert(reviewThreads).values(chunk);
    for (const chunk of chunks(rows.messages)) await tx.insert(threadMessages).values(chunk);
  });
}

/**
 * Three threads on a submitted checklist: a question whose reply was added to the answer
 * (answer version 2 and a second submission), a resolved request, and an observation that
 * stays open while the desk review lasts (every other review: still waiting on the State).
 */
function addDemoThreads(rows: DemoRows, stored: StoredReview, answers: AnswerRow[], submitted: string, index: number): void {
  const { review, row } = stored;
  const [reviewerA] = review.reviewers;
  const expertSide = `reviewer:${reviewerA}`;
  const expert = `Demo expert of ${reviewerA} (fictitious)`;
  const completed = milestoneDate(review, 'deskReviewCompleted');
  const day = (offset: number) => new Date(at(submitted).getTime() + offset * 86_400_000);
  const targets = [answers[0], answers[Math.min(2, answers.length - 1)], answers[Math.min(4, answers.length - 1)]].filter((a): a is AnswerRow => a !== undefined);
  const kinds = ['question', 'request', 'observation'] as const;
  targets.forEach((answer, t) => {
    const threadId = randomUUID();
    const kind = kinds[t]!;
    const asked =
      kind === 'question'
        ? `Which authority applies the law cited for provision ${answer.provisionId}, and how many cases did it handle? (demo)`
        : kind === 'request'
          ? `Please send the text of the law cited for provision ${answer.provisionId}. (demo)`
          : `Preliminary observation: the measures on provision ${answer.provisionId} seem to be in place. (demo)`;
    rows.messages.push({ id: randomUUID(), threadId, author: expert, side: expertSide, body: `${asked} ${DEMO_MARKERS.deskReviewMessage}`, createdAt: day(10 + t) });
    const staysOpen = t === targets.length - 1 && !completed;
    const unanswered = staysOpen && index % 2 === 0;
    rows.threads.push({
      id: threadId,
      reviewId: row.id,
      provisionId: answer.provisionId,
      kind,
      status: staysOpen ? 'open' : 'resolved',
      createdBy: expert,
      createdAt: day(10 + t),
      lastSide: unanswered ? expertSide : 'state-under-review',
      resolvedBy: staysOpen ? null : SECRETARIAT,
      resolvedAt: staysOpen ? null : day(25 + t),
    });
    if (unanswered) return;
    const reply = kind === 'question' ? `The anti-corruption agency applies it; it handled 42 cases in 2019 (demo).` : `Noted, thank you (demo).`;
    let answerVersion: number | null = null;
    if (kind === 'question') {
      // The reply also became part of the answer: version 2, seen by the reviewers in a
      // second submitted version of the checklist.
      Object.assign(answer, { text: `${answer.text}<p>${reply}</p>`, version: 2, updatedAt: day(20) });
      rows.versions.push(versionOf(answer, 'desk-review'));
      rows.submissions.push({ reviewId: row.id, number: 2, reason: 'desk-review', submittedBy: FOCAL_POINT, submittedAt: day(20), answers: snapshotOf(answers) });
      answerVersion = 2;
    }
    rows.messages.push({ id: randomUUID(), threadId, author: FOCAL_POINT, side: 'state-under-review', body: reply, answerVersion, createdAt: day(20 + t) });
  });
}
