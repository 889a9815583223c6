/**
 * @module follow-up-reminders use case
 * The reminder hook of follow-up rounds, run by the notification worker with the deadline
 * reminders: for every open round due within a week or overdue that still lacks
 * self-reports, the focal points of the State under review get one notification per ISO
 * week (the dedupe key makes repeated runs harmless); e-mail follows as for every notification.
 */
import { randomUUID } from 'node:crypto';
import { reminderMessage, selectDueRounds } from '../../domain/follow-up/reminders.ts';
import { dayOf } from '../../domain/reviews/calendar.ts';
import { authorize } from '../../policies/policy.ts';
import { listOpenRoundsWithGaps } from '../../db/repositories/follow-up.ts';
import { insertNotifications, listReviewPeople } from '../../db/repositories/notifications.ts';
import { partyNames } from '../../db/repositories/public-reviews.ts';
import type { UseCaseContext } from './context.ts';

/** Returns how many notifications were written. */
export async function queueFollowUpReminders(ctx: UseCaseContext): Promise<number> {
  authorize(ctx.actor, 'notifications.deliver');
  const today = dayOf(ctx.now);
  const due = selectDueRounds(await listOpenRoundsWithGaps(ctx.db), today);
  if (due.length === 0) return 0;
  const names = new Map((await partyNames(ctx.db, [...new Set(due.map((d) => d.stateIso3))])).map((p) => [p.iso3, p.nameUn]));
  let written = 0;
  for (const round of due) {
    const focalPoints = (await listReviewPeople(ctx.db, [round.stateIso3])).filter((p) => p.role === 'focal-point' && p.stateIso3 === round.stateIso3);
    const message = reminderMessage(round, names.get(round.stateIso3) ?? round.stateIso3);
    written += await insertNotifications(
      ctx.db,
      focalPoints.map((p) => ({ id: randomUUID(), userId: p.id, email: p.email, ...message, dedupeKey: round.dedupeKey, createdAt: ctx.now })),
    );
  }
  return written;
}
