import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './db.ts';
import { seedDemoReviews } from '../src/server/use-cases/demo-reviews.ts';
import { listTracker } from '../src/server/use-cases/reviews.ts';
import { systemActor } from '../src/domain/accounts/roles.ts';
import { PROGRESS_STAGES } from '../src/domain/reviews/stages.ts';
import { getChecklist } from '../src/server/use-cases/checklist.ts';
import { getAnswerHistory } from '../src/server/use-cases/checklist-versions.ts';
import { getThreads } from '../src/server/use-cases/desk-review.ts';
import { loadReviews } from '../src/db/repositories/reviews.ts';
import { milestoneDate } from '../src/domain/reviews/review.ts';

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(() => testDb.dispose());

describe('demo reviews', () => {
  it('cover every stage in both cycles, some late and two paused, and load once', async () => {
    const now = new Date('2026-11-27T12:00:00Z');
    expect(await seedDemoReviews(testDb.database.db, now)).toBe(60);
    expect(await seedDemoReviews(testDb.database.db, now)).toBe(0);
    const tracker = await listTracker({ db: testDb.database.db, actor: systemActor('test'), now }, {});
    expect(tracker.counts.total).toBe(60);
    const stages = new Set(tracker.reviews.map((r) => r.stage));
    for (const stage of PROGRESS_STAGES) expect(stages, stage).toContain(stage);
    expect(tracker.counts.byStage.paused).toBe(2);
    expect(tracker.counts.overdue).toBeGreaterThan(10);
    expect(new Set(tracker.reviews.map((r) => r.cycle))).toEqual(new Set([1, 2]));
  });

  it('have checklists in progress and submitted, with desk-review threads and an answer corrected by a reply', async () => {
    const ctx = { db: testDb.database.db, actor: systemActor('test'), now: new Date('2026-11-27T12:00:00Z') };
    const stored = await loadReviews(testDb.database.db);
    const inProgress = stored.find((s) => milestoneDate(s.review, 'focalPointAppointed') && !milestoneDate(s.review, 'checklistSubmitted'))!;
    const underDeskReview = stored.find((s) => milestoneDate(s.review, 'checklistSubmitted') && !milestoneDate(s.review, 'deskReviewCompleted'))!;
    const drafting = await getChecklist(ctx, inProgress.row.id);
    expect(drafting.progress.answered).toBeGreaterThan(0);
    expect(drafting.progress.answered).toBeLessThan(drafting.progress.total);
    expect(drafting.submissions).toEqual([]);

    const submitted = await getChecklist(ctx, underDeskReview.row.id);
    expect(submitted.progress.answered).toBeGreaterThan(submitted.progress.total / 2);
    expect(submitted.submissions.map((s) => s.reason)).toEqual(['desk-review', 'submitted']);
    const threads = await getThreads(ctx, underDeskReview.row.id);
    expect(threads.map((t) => t.kind).sort()).toEqual(['observation', 'question', 'request']);
    const question = threads.find((t) => t.kind === 'question')!;
    expect(question.messages.at(-1)!.answerVersion).toBe(2);
    // The demo expert (Kenya) reviews two of the checklists under desk review.
    const kenyaReviews = stored.filter((s) => s.review.reviewers.includes('KEN') && milestoneDate(s.review, 'checklistSubmitted'));
    expect(kenyaReviews.length).toBeGreaterThanOrEqual(2);
    const history = await getAnswerHistory(ctx, underDeskReview.row.id, question.provisionId);
    expect(history.map((v) => [v.version, v.source])).toEqual([[2, 'desk-review'], [1, 'checklist']]);
  });
});
