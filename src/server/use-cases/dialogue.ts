/**
 * @module dialogue use cases
 * The direct dialogue of a review (docs/DIALOGUE.md): read it (parties and secretariat,
 * audited like the checklist), organise it (secretariat), keep session notes (secretariat and
 * reviewing experts), propose slots for a virtual visit (parties), and the calendar file.
 */
import { randomUUID } from 'node:crypto';
import { requireDates, sessionInZone, validateDialogue, type DialogueInput } from '../../domain/dialogue/dialogue.ts';
import { proposeSlots, type ScheduleRequest } from '../../domain/dialogue/scheduler.ts';
import { formatOffset, offsetTransitions, isoInstant } from '../../domain/dialogue/time-zones.ts';
import { DomainError } from '../../domain/errors.ts';
import { milestoneDate } from '../../domain/reviews/review.ts';
import { authorize, may } from '../../policies/policy.ts';
import { actorLabel, appendAudit } from '../../db/repositories/audit.ts';
import {
  deleteSession,
  insertDialogue,
  insertSession,
  loadDialogue,
  replaceParticipants,
  updateDialogue,
  updateSessionAgenda,
  updateSessionNotes,
  type StoredDialogue,
} from '../../db/repositories/dialogue.ts';
import { findPartyRow } from '../../db/repositories/parties.ts';
import { loadReviews } from '../../db/repositories/reviews.ts';
import { buildDialogueIcs } from '../documents/dialogue-ics.ts';
import type { UseCaseContext } from './context.ts';
import { relationTo } from './reviews.ts';
import { announceToSubscribers } from './subscriptions.ts';

export const MAX_NOTES = 50_000;

async function reviewAndRelation(ctx: UseCaseContext, reviewId: string) {
  const [stored] = await loadReviews(ctx.db, { ids: [reviewId] });
  if (!stored) throw new DomainError('review.notFound', `No review ${reviewId}.`);
  return { review: stored.review, relation: relationTo(ctx.actor, stored.review) };
}

function present(stored: StoredDialogue | undefined) {
  if (!stored) return null;
  const { row } = stored;
  const from = row.startDate ? Date.parse(`${row.startDate}T00:00:00Z`) - 86_400_000 : undefined;
  const to = row.endDate ? Date.parse(`${row.endDate}T00:00:00Z`) + 2 * 86_400_000 : undefined;
  return {
    form: row.form,
    timeZone: row.timeZone,
    startDate: row.startDate,
    endDate: row.endDate,
    location: row.location,
    stakeholdersAgreed: row.stakeholdersAgreed,
    interpretationLanguages: row.interpretationLanguages,
    version: row.version,
    updatedBy: row.updatedBy,
    updatedAt: row.updatedAt.toISOString(),
    participants: stored.participants.map((p) => ({ id: p.id, name: p.name, side: p.side, organisation: p.organisation, email: p.email, attended: p.attended })),
    sessions: stored.sessions.map((s) => {
      const start = isoInstant(s.startsAt.getTime());
      const end = isoInstant(s.endsAt.getTime());
      const local = sessionInZone({ start, end }, row.timeZone);
      return {
        id: s.id,
        title: s.title,
        topic: s.topic,
        start,
        end,
        local: { date: local.date, startTime: local.startTime, endTime: local.endTime, utcOffset: formatOffset(local.offsetMinutes) },
        notes: s.notes,
        notesVersion: s.notesVersion,
        notesUpdatedBy: s.notesUpdatedBy,
        notesUpdatedAt: s.notesUpdatedAt?.toISOString() ?? null,
      };
    }),
    /** Offset changes of the dialogue's zone around its dates (a day either side). */
    clockChanges:
      from !== undefined && to !== undefined
        ? offsetTransitions(row.timeZone, from, to).map((t) => ({ at: isoInstant(t.atUtcMs), fromOffset: formatOffset(t.fromOffset), toOffset: formatOffset(t.toOffset) }))
        : [],
  };
}

export type DialogueView = NonNullable<ReturnType<typeof present>>;

function abilities(ctx: UseCaseContext, relation: ReturnType<typeof relationTo>) {
  return {
    manage: may(ctx.actor, 'dialogue.manage', { relation }),
    writeNotes: may(ctx.actor, 'dialogue.writeNotes', { relation }),
    schedule: may(ctx.actor, 'dialogue.schedule', { relation }),
  };
}

/** The dialogue with its participants, attendance, agenda and notes; the read is audited. */
export async function getDialogue(ctx: UseCaseContext, reviewId: string) {
  const { review, relation } = await reviewAndRelation(ctx, reviewId);
  authorize(ctx.actor, 'dialogue.read', { relation });
  const stored = await loadDialogue(ctx.db, reviewId);
  await appendAudit(ctx.db, {
    actor: ctx.actor,
    action: 'dialogue.read',
    resourceType: 'review',
    resourceId: reviewId,
    details: { exists: stored !== undefined, sessions: stored?.sessions.length ?? 0 },
    ip: ctx.ip,
    requestId: ctx.requestId,
  });
  return {
    reviewId,
    stateUnderReview: review.stateUnderReview,
    reviewers: [...review.reviewers],
    cycle: review.cycle,
    /** The date of the "dialogue held" milestone, when recorded. */
    heldOn: milestoneDate(review, 'dialogueHeld') ?? null,
    dialogue: present(stored),
    abilities: abilities(ctx, relation),
  };
}

/**
 * Creates or replaces the dialogue (secretariat). `version` is the one read (0 to create);
 * a stale version is a conflict. Sessions keep their notes when their id is sent again; a
 * session with notes cannot be dropped from the agenda (its notes would be lost).
 */
export async function saveDialogue(ctx: UseCaseContext, reviewId: string, input: DialogueInput & { version: number }) {
  const { review, relation } = await reviewAndRelation(ctx, reviewId);
  authorize(ctx.actor, 'dialogue.manage', { relation });
  const dialogue = validateDialogue(input, review, randomUUID);
  const by = actorLabel(ctx.actor);
  await ctx.db.transaction(async (tx) => {
    const existing = await loadDialogue(tx, reviewId);
    const values = {
      form: dialogue.form,
      timeZone: dialogue.timeZone,
      startDate: dialogue.startDate,
      endDate: dialogue.endDate,
      location: dialogue.location,
      stakeholdersAgreed: dialogue.stakeholdersAgreed,
      interpretationLanguages: dialogue.interpretationLanguages,
      updatedBy: by,
      updatedAt: ctx.now,
    };
    if (!existing) {
      if (input.version !== 0) throw new DomainError('record.versionConflict', 'The dialogue was removed or never saved; reload the page.');
      await insertDialogue(tx, { reviewId, ...values, version: 1 });
    } else if (!(await updateDialogue(tx, reviewId, input.version, values))) {
      throw new DomainError('record.versionConflict', 'Someone else changed the dialogue since you opened it; reload to see their changes.', { current: present(existing) });
    }
    const before = new Map((existing?.sessions ?? []).map((s) => [s.id, s]));
    const kept = new Set(dialogue.sessions.map((s) => s.id));
    const losing = [...before.values()].filter((s) => !kept.has(s.id) && s.notes.trim() !== '');
    if (losing.length > 0) {
      const problems = losing.map((s) => `Session '${s.title}' has notes; keep it in the agenda (its notes would be lost).`);
      throw new DomainError('dialogue.invalid', problems[0]!, { problems });
    }
    for (const s of before.values()) if (!kept.has(s.id)) await deleteSession(tx, s.id);
    for (const s of dialogue.sessions) {
      const times = { title: s.title, topic: s.topic, startsAt: new Date(s.start), endsAt: new Date(s.end) };
      if (before.has(s.id)) await updateSessionAgenda(tx, s.id, times);
      else await insertSession(tx, { id: s.id, reviewId, ...times });
    }
    await replaceParticipants(
      tx,
      reviewId,
      dialogue.participants.map((p, position) => ({ id: p.id, reviewId, position, name: p.name, side: p.side, organisation: p.organisation, email: p.email, attended: p.attended })),
    );
    // New or moved dates are announced to subscribers: the dates only (docs/PUBLIC.md).
    const datesChanged = dialogue.startDate !== (existing?.row.startDate ?? null) || dialogue.endDate !== (existing?.row.endDate ?? null);
    if (dialogue.startDate && datesChanged) {
      await announceToSubscribers(tx, { kind: 'dialogueScheduled', iso3: review.stateUnderReview, cycle: review.cycle, date: dialogue.startDate, detail: dialogue.endDate ?? undefined });
    }
    await appendAudit(tx, {
      actor: ctx.actor,
      action: existing ? 'dialogue.update' : 'dialogue.create',
      resourceType: 'review',
      resourceId: reviewId,
      details: {
        form: dialogue.form,
        timeZone: dialogue.timeZone,
        startDate: dialogue.startDate,
        endDate: dialogue.endDate,
        participants: dialogue.participants.length,
        sessions: dialogue.sessions.length,
        interpretationLanguages: dialogue.interpretationLanguages,
      },
      ip: ctx.ip,
      requestId: ctx.requestId,
    });
  });
  return { reviewId, dialogue: present(await loadDialogue(ctx.db, reviewId))!, abilities: abilities(ctx, relation) };
}

/** The notes of one session (secretariat, experts of the reviewing States). */
export async function saveSessionNotes(ctx: UseCaseContext, reviewId: string, sessionId: string, input: { notes: string; version: number }) {
  const { relation } = await reviewAndRelation(ctx, reviewId);
  authorize(ctx.actor, 'dialogue.writeNotes', { relation });
  const notes = input.notes.replace(/\r\n/g, '\n');
  if (notes.length > MAX_NOTES) throw new DomainError('dialogue.invalid', `Notes may hold at most ${MAX_NOTES} characters.`);
  return ctx.db.transaction(async (tx) => {
    const stored = await loadDialogue(tx, reviewId);
    const session = stored?.sessions.find((s) => s.id === sessionId);
    if (!session) throw new DomainError('resource.notFound', 'No such session in this dialogue.');
    if (!(await updateSessionNotes(tx, sessionId, input.version, notes, actorLabel(ctx.actor), ctx.now))) {
      throw new DomainError('record.versionConflict', 'Someone else changed these notes since you opened them.', { current: { notes: session.notes, notesVersion: session.notesVersion } });
    }
    // The audit row says who wrote and how much, not what: the notes are confidential.
    await appendAudit(tx, { actor: ctx.actor, action: 'dialogue.notes', resourceType: 'review', resourceId: reviewId, details: { sessionId, characters: notes.length }, ip: ctx.ip, requestId: ctx.requestId });
    return { sessionId, notesVersion: input.version + 1 };
  });
}

/** Ranked slots for the people given (nothing is stored). */
export async function scheduleDialogue(ctx: UseCaseContext, reviewId: string, request: ScheduleRequest) {
  const { relation } = await reviewAndRelation(ctx, reviewId);
  authorize(ctx.actor, 'dialogue.schedule', { relation });
  return proposeSlots(request);
}

export function icsFilename(stateIso3: string, cycle: number): string {
  return `dialogue-${stateIso3.replace(/[^A-Za-z0-9]/g, '').toUpperCase() || 'review'}-cycle${Math.trunc(cycle)}.ics`;
}

/** The calendar invitation; refused with dialogue.notScheduled (nothing written) until the dates are set. */
export async function exportDialogueIcs(ctx: UseCaseContext, reviewId: string, publicUrl?: string) {
  const { review, relation } = await reviewAndRelation(ctx, reviewId);
  authorize(ctx.actor, 'dialogue.read', { relation });
  const stored = await loadDialogue(ctx.db, reviewId);
  const { startDate, endDate } = requireDates(stored?.row ?? null);
  const view = present(stored)!;
  const stateName = (await findPartyRow(ctx.db, review.stateUnderReview))?.nameUn ?? review.stateUnderReview;
  const body = buildDialogueIcs({
    reviewId,
    title: `Direct dialogue — ${stateName} — review cycle ${review.cycle}`,
    form: view.form,
    timeZone: view.timeZone,
    startDate,
    endDate,
    location: view.location,
    interpretationLanguages: view.interpretationLanguages,
    participants: view.participants,
    sessions: view.sessions,
    generatedAt: ctx.now,
    url: publicUrl ? `${publicUrl.replace(/\/$/, '')}/reviews/${reviewId}/dialogue` : undefined,
  });
  await appendAudit(ctx.db, { actor: ctx.actor, action: 'dialogue.export', resourceType: 'review', resourceId: reviewId, details: { format: 'ics', sessions: view.sessions.length }, ip: ctx.ip, requestId: ctx.requestId });
  return { filename: icsFilename(review.stateUnderReview, review.cycle), body };
}
