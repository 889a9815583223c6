/**
 * @module dialogue
 * The direct dialogue of a country review (irm-facts.md §4 "Dialogue", §5 step 7): its form
 * (country visit, joint meeting at the seat of the secretariat, virtual country visit), dates,
 * participants, agenda by session, the interpretation languages needed and the notes of each
 * session. `validateDialogue` checks a whole dialogue as the secretariat saves it and turns
 * the agenda's wall-clock times (in the dialogue's time zone) into UTC instants.
 *
 * Pure: ids for new sessions and participants come from the caller.
 */
import { DIALOGUE_TYPES, type DialogueType } from '../reviews/milestones.ts';
import { isCalendarDate } from '../dates.ts';
import { DomainError } from '../errors.ts';
import { isTimeZone, isoInstant, localTime, parseClock, resolveLocal } from './time-zones.ts';

export const DIALOGUE_FORMS = DIALOGUE_TYPES;
export type DialogueForm = DialogueType;

/** The six official languages of the United Nations (ToR section VI), as language codes. */
export const UN_LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
export type UnLanguage = (typeof UN_LANGUAGES)[number];

/** The seat of the secretariat (UNODC, Vienna): where a joint meeting takes place. */
export const SECRETARIAT_TIME_ZONE = 'Europe/Vienna';

/** Who a participant speaks for: `reviewer:KEN` names the reviewing State. */
export type ParticipantSide = 'state-under-review' | `reviewer:${string}` | 'secretariat' | 'stakeholder';

export interface DialogueParticipant {
  id: string;
  name: string;
  side: ParticipantSide;
  /** Ministry, agency or organisation (for stakeholders: the organisation). */
  organisation: string;
  email: string | null;
  /** Recorded after the dialogue: true attended, false did not, null not recorded. */
  attended: boolean | null;
}

export interface AgendaSession {
  id: string;
  title: string;
  topic: string;
  /** UTC instants, ISO 8601 with Z. */
  start: string;
  end: string;
}

export interface Dialogue {
  form: DialogueForm;
  /** IANA zone the dialogue is held in: the agenda's wall-clock times are in this zone. */
  timeZone: string;
  startDate: string | null;
  endDate: string | null;
  location: string;
  /** The State under review agrees that non-governmental stakeholders take part. */
  stakeholdersAgreed: boolean;
  interpretationLanguages: UnLanguage[];
  participants: DialogueParticipant[];
  sessions: AgendaSession[];
}

/** A session as the secretariat types it: the day and the wall-clock times in the dialogue's zone. */
export interface AgendaSessionInput {
  id?: string;
  title: string;
  topic?: string;
  date: string;
  startTime: string;
  endTime: string;
}

export interface DialogueInput {
  form: string;
  timeZone: string;
  startDate: string | null;
  endDate: string | null;
  location?: string;
  stakeholdersAgreed: boolean;
  interpretationLanguages: string[];
  participants: (Omit<DialogueParticipant, 'id' | 'side' | 'email' | 'attended' | 'organisation'> & {
    id?: string;
    side: string;
    organisation?: string;
    email?: string | null;
    attended?: boolean | null;
  })[];
  sessions: AgendaSessionInput[];
}

export interface ReviewParties {
  stateUnderReview: string;
  reviewers: readonly string[];
}

export const DIALOGUE_LIMITS = { maxDays: 31, maxParticipants: 200, maxSessions: 100, maxText: 500 } as const;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isUnLanguage(value: string): value is UnLanguage {
  return (UN_LANGUAGES as readonly string[]).includes(value);
}

function sideProblem(side: string, parties: ReviewParties, stakeholdersAgreed: boolean): string | undefined {
  if (side === 'state-under-review' || side === 'secretariat') return undefined;
  if (side === 'stakeholder') {
    return stakeholdersAgreed ? undefined : 'non-governmental stakeholders take part only where the State under review agrees; record its agreement first';
  }
  const m = /^reviewer:([A-Z]{3})$/.exec(side);
  if (!m) return `'${side}' is not a side (state-under-review, reviewer:ISO3, secretariat, stakeholder)`;
  return parties.reviewers.includes(m[1]!) ? undefined : `${m[1]} is not a reviewing State of this review (${parties.reviewers.join(', ')})`;
}

/**
 * Checks a whole dialogue and returns it with the agenda in UTC. Throws `dialogue.invalid`
 * with every problem in `details.problems`. `newId` names new sessions and participants.
 */
export function validateDialogue(input: DialogueInput, parties: ReviewParties, newId: () => string): Dialogue {
  const problems: string[] = [];
  const form = (DIALOGUE_FORMS as readonly string[]).includes(input.form) ? (input.form as DialogueForm) : undefined;
  if (!form) problems.push(`'${input.form}' is not a form of dialogue (${DIALOGUE_FORMS.join(', ')}).`);
  const zoneOk = isTimeZone(input.timeZone);
  if (!zoneOk) problems.push(`'${input.timeZone}' is not an IANA time zone (for example Europe/Vienna).`);

  const { startDate, endDate } = input;
  if ((startDate === null) !== (endDate === null)) problems.push('Give both the first and the last day of the dialogue, or neither.');
  for (const d of [startDate, endDate]) if (d !== null && !isCalendarDate(d)) problems.push(`'${d}' is not a calendar date (YYYY-MM-DD).`);
  const datesOk = startDate !== null && endDate !== null && isCalendarDate(startDate) && isCalendarDate(endDate);
  if (datesOk) {
    if (endDate < startDate) problems.push(`The dialogue ends (${endDate}) before it starts (${startDate}).`);
    else if ((Date.parse(endDate) - Date.parse(startDate)) / 86_400_000 + 1 > DIALOGUE_LIMITS.maxDays) problems.push(`A dialogue lasts at most ${DIALOGUE_LIMITS.maxDays} days.`);
  }

  const location = (input.location ?? '').trim();
  if (location.length > DIALOGUE_LIMITS.maxText) problems.push(`The location may hold at most ${DIALOGUE_LIMITS.maxText} characters.`);

  const languages: UnLanguage[] = [];
  for (const l of input.interpretationLanguages) {
    if (!isUnLanguage(l)) problems.push(`'${l}' is not one of the six UN languages (${UN_LANGUAGES.join(', ')}).`);
    else if (languages.includes(l)) problems.push(`Interpretation into '${l}' is listed twice.`);
    else languages.push(l);
  }

  if (input.participants.length > DIALOGUE_LIMITS.maxParticipants) problems.push(`At most ${DIALOGUE_LIMITS.maxParticipants} participants.`);
  const participants: DialogueParticipant[] = input.participants.map((p, i) => {
    const label = `Participant ${i + 1}`;
    const name = p.name.trim();
    if (name === '') problems.push(`${label}: give a name.`);
    if (name.length > DIALOGUE_LIMITS.maxText) problems.push(`${label}: the name may hold at most ${DIALOGUE_LIMITS.maxText} characters.`);
    const sideIssue = sideProblem(p.side, parties, input.stakeholdersAgreed);
    if (sideIssue) problems.push(`${label} (${name || 'no name'}): ${sideIssue}.`);
    const email = p.email?.trim() ? p.email.trim() : null;
    if (email !== null && !EMAIL.test(email)) problems.push(`${label} (${name}): '${email}' is not an e-mail address.`);
    return { id: p.id ?? newId(), name, side: p.side as ParticipantSide, organisation: (p.organisation ?? '').trim(), email, attended: p.attended ?? null };
  });
  const participantIds = new Set<string>();
  for (const p of participants) {
    if (participantIds.has(p.id)) problems.push(`Participant id ${p.id} is used twice.`);
    participantIds.add(p.id);
  }

  if (input.sessions.length > DIALOGUE_LIMITS.maxSessions) problems.push(`At most ${DIALOGUE_LIMITS.maxSessions} sessions.`);
  if (input.sessions.length > 0 && !datesOk) problems.push('Set the dates of the dialogue before its agenda.');
  const sessions: AgendaSession[] = [];
  input.sessions.forEach((s, i) => {
    const title = s.title.trim();
    const label = `Session ${i + 1} (${title || 'untitled'})`;
    if (title === '') problems.push(`Session ${i + 1}: give a title.`);
    if (title.length > DIALOGUE_LIMITS.maxText || (s.topic ?? '').length > DIALOGUE_LIMITS.maxText) problems.push(`${label}: title and topic may hold at most ${DIALOGUE_LIMITS.maxText} characters.`);
    if (!isCalendarDate(s.date)) return problems.push(`${label}: '${s.date}' is not a calendar date (YYYY-MM-DD).`);
    const startMinute = parseClock(s.startTime);
    const endMinute = parseClock(s.endTime);
    if (startMinute === undefined || startMinute >= 1440) return problems.push(`${label}: '${s.startTime}' is not a time (HH:MM).`);
    if (endMinute === undefined) return problems.push(`${label}: '${s.endTime}' is not a time (HH:MM).`);
    if (endMinute <= startMinute) return problems.push(`${label}: it must end after it starts (${s.startTime}–${s.endTime}).`);
    if (datesOk && (s.date < startDate || s.date > endDate)) problems.push(`${label}: ${s.date} is outside the dialogue (${startDate} to ${endDate}).`);
    if (!zoneOk) return;
    const start = resolveLocal(s.date, s.startTime, input.timeZone);
    const endDay = endMinute === 1440 ? nextDay(s.date) : s.date;
    const end = resolveLocal(endDay, endMinute === 1440 ? '00:00' : s.endTime, input.timeZone);
    // A wall time skipped by the clocks going forward does not exist: refuse it rather than guess.
    if (start.kind === 'gap') return problems.push(`${label}: ${s.date} ${s.startTime} does not exist in ${input.timeZone} (the clocks go forward then).`);
    if (end.kind === 'gap') return problems.push(`${label}: ${s.date} ${s.endTime} does not exist in ${input.timeZone} (the clocks go forward then).`);
    // A repeated wall time (clocks going back) is read as its first occurrence.
    sessions.push({ id: s.id ?? newId(), title, topic: (s.topic ?? '').trim(), start: isoInstant(start.utcMs), end: isoInstant(end.utcMs) });
  });
  const sessionIds = new Set<string>();
  for (const s of sessions) {
    if (sessionIds.has(s.id)) problems.push(`Session id ${s.id} is used twice.`);
    sessionIds.add(s.id);
  }

  if (problems.length > 0) throw new DomainError('dialogue.invalid', problems[0]!, { problems });
  sessions.sort((a, b) => a.start.localeCompare(b.start));
  return {
    form: form!,
    timeZone: input.timeZone,
    startDate,
    endDate,
    location,
    stakeholdersAgreed: input.stakeholdersAgreed,
    interpretationLanguages: languages,
    participants,
    sessions,
  };
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** A session's wall-clock times in a zone: the dialogue's, or the viewer's. */
export function sessionInZone(session: Pick<AgendaSession, 'start' | 'end'>, zone: string) {
  const start = localTime(Date.parse(session.start), zone);
  const end = localTime(Date.parse(session.end), zone);
  return { date: start.date, startTime: start.time, endTime: end.time, endDate: end.date, offsetMinutes: start.offsetMinutes };
}

/** The dialogue's dates, or a `dialogue.notScheduled` error that says what to do. */
export function requireDates(dialogue: Pick<Dialogue, 'startDate' | 'endDate'> | null): { startDate: string; endDate: string } {
  if (!dialogue || dialogue.startDate === null || dialogue.endDate === null) {
    throw new DomainError('dialogue.notScheduled', 'The dialogue has no dates yet: the secretariat sets them before a calendar invitation can be made.');
  }
  return { startDate: dialogue.startDate, endDate: dialogue.endDate };
}
