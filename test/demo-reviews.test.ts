import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './db.ts';
import { seedDemoReviews } from '../src/server/use-cases/demo-reviews.ts';
import { listTracker } from '../src/server/use-cases/reviews.ts';
import { systemActor } from '../src/domain/accounts/roles.ts';
import { PROGRESS_STAGES } from '../src/domain/reviews/stages.ts';

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
});
