/**
 * @module session-ics
 * A session's meetings as an iCalendar file (RFC 5545), written by ical-generator as the
 * dialogue's calendar is (dialogue-ics.ts): one event per meeting in UTC, or one all-day
 * event over the session's dates while no meeting is planned. Public: sessions are.
 */
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';

export interface SessionIcsInput {
  id: string;
  name: string;
  venue: string;
  format: string;
  startDate: string;
  endDate: string;
  bodies: { code: string; name: string }[];
  meetings: { id: string; title: string; startsAt: string; endsAt: string; room: string; bodies: string[] }[];
  generatedAt: Date;
  url?: string;
}

const FORMAT_LABEL: Record<string, string> = { 'in-person': 'In person', online: 'Online', hybrid: 'Hybrid' };

export function buildSessionIcs(input: SessionIcsInput): string {
  const calendar = ical({ prodId: { company: 'Open IRM', product: 'session', language: 'EN' }, name: input.name, method: ICalCalendarMethod.PUBLISH });
  const names = new Map(input.bodies.map((b) => [b.code, b.name]));
  const format = FORMAT_LABEL[input.format] ?? input.format;
  if (input.meetings.length === 0) {
    calendar.createEvent({
      id: `session-${input.id}@openirm`,
      allDay: true,
      start: new Date(`${input.startDate}T00:00:00Z`),
      end: new Date(Date.parse(`${input.endDate}T00:00:00Z`) + 86_400_000),
      summary: input.name,
      description: `${format}. ${input.bodies.map((b) => b.name).join('; ')}.`,
      location: input.venue || undefined,
      stamp: input.generatedAt,
      status: ICalEventStatus.CONFIRMED,
      url: input.url,
    });
  }
  for (const meeting of input.meetings) {
    const joint = meeting.bodies.length > 1 ? `Joint meeting: ${meeting.bodies.map((b) => names.get(b) ?? b).join('; ')}.` : '';
    calendar.createEvent({
      id: `session-meeting-${meeting.id}@openirm`,
      start: new Date(meeting.startsAt),
      end: new Date(meeting.endsAt),
      summary: `${input.name}: ${meeting.title}`,
      description: [joint, `${format}.`].filter(Boolean).join('\n'),
      location: [meeting.room, input.venue].filter(Boolean).join(', ') || undefined,
      stamp: input.generatedAt,
      status: ICalEventStatus.CONFIRMED,
      url: input.url,
    });
  }
  return calendar.toString();
}
