/**
 * @module dialogue-ics
 * The dialogue as an iCalendar file (RFC 5545), written by ical-generator. One event per
 * agenda session, or one all-day event over the dialogue's dates while there is no agenda.
 *
 * Times are written in UTC (`DTSTART:20250331T070000Z`): an instant every calendar program
 * places correctly in its user's own zone, whatever daylight-saving rules apply there. The
 * dialogue's zone and its wall-clock times are stated in each description. (ical-generator
 * would need moment/luxon/dayjs to write TZID times from plain dates; UTC needs none.)
 * Session notes are never written into the file.
 */
import ical, { ICalAttendeeRole, ICalCalendarMethod, ICalEventClass, ICalEventStatus } from 'ical-generator';
import { sessionInZone } from '../../domain/dialogue/dialogue.ts';

export interface DialogueIcsInput {
  reviewId: string;
  title: string;
  form: string;
  timeZone: string;
  startDate: string;
  endDate: string;
  location: string;
  interpretationLanguages: string[];
  participants: { name: string; email: string | null }[];
  sessions: { id: string; title: string; topic: string; start: string; end: string }[];
  generatedAt: Date;
  /** Absolute link to the dialogue page, when PUBLIC_URL is set. */
  url?: string;
}

const FORM_LABEL: Record<string, string> = { country_visit: 'Country visit', joint_meeting: 'Joint meeting', virtual_visit: 'Virtual country visit' };

export function buildDialogueIcs(input: DialogueIcsInput): string {
  const calendar = ical({
    prodId: { company: 'Open IRM', product: 'direct-dialogue', language: 'EN' },
    name: input.title,
    method: ICalCalendarMethod.PUBLISH,
  });
  const form = FORM_LABEL[input.form] ?? input.form;
  const languages = input.interpretationLanguages.length > 0 ? `Interpretation: ${input.interpretationLanguages.join(', ')}.` : 'No interpretation.';
  const attendees = input.participants
    .filter((p): p is { name: string; email: string } => p.email !== null)
    .map((p) => ({ name: p.name, email: p.email, role: ICalAttendeeRole.REQ }));
  const common = {
    location: input.location || undefined,
    stamp: input.generatedAt,
    status: ICalEventStatus.CONFIRMED,
    attendees,
    url: input.url,
    class: ICalEventClass.CONFIDENTIAL,
  };
  if (input.sessions.length === 0) {
    const end = new Date(Date.parse(`${input.endDate}T00:00:00Z`) + 86_400_000);
    calendar.createEvent({
      ...common,
      id: `dialogue-${input.reviewId}@openirm`,
      allDay: true,
      start: new Date(`${input.startDate}T00:00:00Z`),
      end,
      summary: `${input.title} (${form})`,
      description: `${form}, ${input.startDate} to ${input.endDate} (${input.timeZone}). ${languages}`,
    });
  }
  for (const session of input.sessions) {
    const local = sessionInZone(session, input.timeZone);
    calendar.createEvent({
      ...common,
      id: `dialogue-session-${session.id}@openirm`,
      start: new Date(session.start),
      end: new Date(session.end),
      summary: `${input.title}: ${session.title}`,
      description: [
        session.topic ? `Topic: ${session.topic}.` : '',
        `${form}: ${local.date} ${local.startTime}–${local.endTime} ${input.timeZone}.`,
        languages,
      ]
        .filter(Boolean)
        .join('\n'),
    });
  }
  return calendar.toString();
}
