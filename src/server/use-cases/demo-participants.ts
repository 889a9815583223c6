/**
 * Demo registrations for the IRG's second resumed eleventh session (online, November 2020):
 * a few delegations of the report's attendance (States parties, a signatory, the European
 * Union, observers) with fictitious participants, approved and connected online, so the
 * session page shows counts, lists and attendance paragraphs. Called from demo-sessions.ts
 * while the session is open for registration.
 */
import type { UseCaseContext } from './context.ts';
import { listParticipants, registerDelegation, stepParticipants, type RegisterInput } from './session-attendance.ts';

const person = (n: number, title: string) => ({ name: `Demo Participant ${n} (fictitious)`, title, email: '' });

const DELEGATIONS: RegisterInput[] = [
  { delegation: { kind: 'state', iso3: 'AUT' }, participants: [person(1, 'Head of delegation'), person(2, 'Adviser')] },
  { delegation: { kind: 'state', iso3: 'BRA' }, participants: [person(3, 'Head of delegation')] },
  { delegation: { kind: 'state', iso3: 'CHN' }, participants: [person(4, 'Counsellor')] },
  { delegation: { kind: 'state', iso3: 'KEN' }, participants: [person(5, 'Head of delegation')] },
  { delegation: { kind: 'state', iso3: 'FJI' }, participants: [person(6, 'Delegate')] },
  { delegation: { kind: 'reio' }, participants: [person(7, 'Policy officer')] },
  { delegation: { kind: 'observer', name: 'World Bank', category: 'specialized-agency' }, participants: [person(8, 'Observer')] },
  { delegation: { kind: 'observer', name: 'Sovereign Order of Malta', category: 'standing-observer' }, participants: [person(9, 'Observer')] },
];

/** `registering` and `meeting` are contexts at a moment of registration and of the first meeting. */
export async function seedDemoParticipants(registering: UseCaseContext, meeting: UseCaseContext, sessionId: string): Promise<void> {
  for (const input of DELEGATIONS) await registerDelegation(registering, sessionId, input);
  const all = (await listParticipants(registering, sessionId)).delegations.flatMap((d) => d.participants.map((p) => ({ ...p, iso3: d.iso3 })));
  // Fiji's delegate is approved but never connects; Austria's adviser stays registered.
  const approve = all.filter((p) => p.name !== 'Demo Participant 2 (fictitious)').map((p) => p.id);
  await stepParticipants(registering, sessionId, approve, { to: 'approved' });
  const connected = all.filter((p) => approve.includes(p.id) && p.iso3 !== 'FJI').map((p) => p.id);
  await stepParticipants(meeting, sessionId, connected, { to: 'attended', mode: 'online' });
}
