/**
 * @module demo-sessions
 * Demo sessions of the Implementation Review Group, after the real calendar (docs/SESSIONS.md):
 * the eleventh session and its two resumed parts in 2020 (the second held jointly with the
 * Working Group on Asset Recovery and the expert meeting on international cooperation), with
 * its agenda, documents by symbol (no files), meetings, and a report adopted by silence
 * procedure on 11 December 2020; the twelfth session planned with the agenda carried over.
 * Report texts say they are fictitious. Runs through the use cases as the system, with the
 * clock set to each step's day; deterministic. Nothing when a session exists.
 */
import type { Db } from '../../db/client.ts';
import { listSessions as listSessionRows } from '../../db/repositories/body-sessions.ts';
import { systemActor } from '../../domain/accounts/roles.ts';
import { addDocument, adoptAgenda, carryAgendaFrom, changeStatus, createSession, replaceMeetings, saveAgenda } from './sessions.ts';
import { circulateReport, closeSilence, saveReportText } from './sessions-report.ts';
import { seedDemoParticipants } from './demo-participants.ts';
import { DEMO_MARKERS } from './demo-markers.ts';

const AGENDA = [
  { title: 'Organizational matters', documents: [], items: [{ title: 'Opening of the session', documents: [] }, { title: 'Adoption of the agenda and organization of work', documents: ['CAC/COSP/IRG/2020/1/Add.2'] }] },
  { title: 'Performance of the Mechanism for the Review of Implementation of the United Nations Convention against Corruption', documents: [] },
  { title: 'Financial and budgetary matters', documents: [] },
  {
    title: 'State of implementation of the United Nations Convention against Corruption',
    documents: [],
    items: [
      { title: 'Exchange of information, practices and experiences gained in the implementation of the Convention', documents: ['CAC/COSP/IRG/2020/6'] },
      { title: 'Thematic discussion', documents: ['CAC/COSP/IRG/2020/CRP.3'] },
    ],
  },
  { title: 'Technical assistance', documents: ['CAC/COSP/IRG/2020/7'] },
  { title: 'Other matters', documents: [] },
  { title: 'Provisional agenda for the twelfth session of the Implementation Review Group', documents: [] },
  { title: 'Adoption of the report of the Implementation Review Group on its eleventh session', documents: [] },
];

const REPORT_V1 =
  'DEMO — fictitious text.\n\nI. Introduction\n\n1. The Implementation Review Group held its second resumed eleventh session in Vienna from 16 to 18 November 2020, in an online format.\n\n2. The Group held six meetings; five of them were held jointly with the Working Group on Asset Recovery and the expert meeting on international cooperation.';
const REPORT_V2 = `${REPORT_V1}\n\n3. On 16 November, the Group adopted the organization of work for the session, as contained in the annotated provisional agenda (CAC/COSP/IRG/2020/1/Add.2).`;

export async function seedDemoSessions(db: Db, _now: Date): Promise<number> {
  if ((await listSessionRows(db)).length > 0) return 0;
  const actor = systemActor('demo-seed');
  const at = (iso: string) => ({ db, actor, now: new Date(iso) });
  const base = { venue: 'Vienna', format: 'hybrid' as const };
  const held = async (id: string, day: string) => changeStatus(at(`${day}T18:00:00Z`), id, 'held');

  const first = await createSession(at('2020-05-01T09:00:00Z'), { ...base, bodies: ['IRG'], number: 11, resumedPart: 0, startDate: '2020-06-29', endDate: '2020-06-29', format: 'online' });
  await held(first.id, '2020-06-29');
  const resumed1 = await createSession(at('2020-07-01T09:00:00Z'), { ...base, bodies: ['IRG'], number: 11, resumedPart: 1, startDate: '2020-08-31', endDate: '2020-09-02' });
  await held(resumed1.id, '2020-09-02');

  const joint = await createSession(at('2020-09-15T09:00:00Z'), { ...base, bodies: ['IRG', 'WG2', 'EG1'], number: 11, resumedPart: 2, startDate: '2020-11-16', endDate: '2020-11-18', format: 'online' });
  const prep = at('2020-10-01T09:00:00Z');
  await addDocument(prep, joint.id, { symbol: 'CAC/COSP/IRG/2020/1/Add.2', title: 'Annotated provisional agenda (demo entry)', distributedOn: '2020-09-29', distribution: 'general', role: 'annotated-agenda' });
  await addDocument(prep, joint.id, { symbol: 'CAC/COSP/IRG/2020/6', title: 'Implementation of chapter V (Asset recovery): thematic report (demo entry)', distributedOn: '2020-09-02', distribution: 'general', role: 'background' });
  await addDocument(prep, joint.id, { symbol: 'CAC/COSP/IRG/2020/7', title: 'Technical assistance needs emerging from the second cycle country reviews (demo entry)', distributedOn: '2020-09-04', distribution: 'general', role: 'background' });
  await addDocument(prep, joint.id, { symbol: 'CAC/COSP/IRG/2020/CRP.3', title: 'Thematic discussion: background note (demo entry)', distributedOn: '2020-11-10', distribution: 'crp', role: 'background' });
  await addDocument(prep, joint.id, { symbol: 'CAC/COSP/IRG/2020/L.1', title: `Draft report (demo entry) ${DEMO_MARKERS.limitedSessionDocument}`, distributedOn: '2020-12-04', distribution: 'limited', role: 'report' });
  await saveAgenda(prep, joint.id, AGENDA, joint.version);
  const meetings = [
    { title: 'First meeting', startsAt: '2020-11-16T11:00:00Z', endsAt: '2020-11-16T13:00:00Z', room: 'Online', bodies: ['IRG'] },
    { title: 'Second meeting', startsAt: '2020-11-16T14:00:00Z', endsAt: '2020-11-16T16:00:00Z', room: 'Online', bodies: ['IRG', 'WG2', 'EG1'] },
    { title: 'Third meeting', startsAt: '2020-11-17T11:00:00Z', endsAt: '2020-11-17T13:00:00Z', room: 'Online', bodies: ['IRG', 'WG2', 'EG1'] },
    { title: 'Fourth meeting', startsAt: '2020-11-17T14:00:00Z', endsAt: '2020-11-17T16:00:00Z', room: 'Online', bodies: ['IRG', 'WG2', 'EG1'] },
    { title: 'Fifth meeting', startsAt: '2020-11-18T11:00:00Z', endsAt: '2020-11-18T13:00:00Z', room: 'Online', bodies: ['IRG', 'WG2', 'EG1'] },
    { title: 'Sixth meeting', startsAt: '2020-11-18T14:00:00Z', endsAt: '2020-11-18T16:00:00Z', room: 'Online', bodies: ['IRG', 'WG2', 'EG1'] },
  ];
  await replaceMeetings(prep, joint.id, meetings);
  await changeStatus(at('2020-10-05T09:00:00Z'), joint.id, 'registration');
  await seedDemoParticipants(at('2020-10-20T09:00:00Z'), at('2020-11-16T11:05:00Z'), joint.id);
  await changeStatus(at('2020-11-13T09:00:00Z'), joint.id, 'closed');
  await adoptAgenda(at('2020-11-16T11:30:00Z'), joint.id, '2020-11-16');
  await held(joint.id, '2020-11-18');
  await saveReportText(at('2020-11-25T09:00:00Z'), joint.id, REPORT_V1, 0);
  await saveReportText(at('2020-12-03T09:00:00Z'), joint.id, REPORT_V2, 1);
  await circulateReport(at('2020-12-04T09:00:00Z'), joint.id, new Date('2020-12-11T17:00:00Z'));
  await closeSilence(at('2020-12-12T09:00:00Z'), joint.id);

  // The twelfth session: planned, its provisional agenda carried from the eleventh.
  const twelfth = await createSession(at('2021-01-15T09:00:00Z'), { ...base, bodies: ['IRG'], number: 12, resumedPart: 0, startDate: '2021-06-14', endDate: '2021-06-18' });
  await carryAgendaFrom(at('2021-01-15T10:00:00Z'), twelfth.id, joint.id);
  return 5;
}
