import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { checkNoDuplicates, checkRegistrationOpen, checkStep, cleanParticipant, ngosAdmitted, resolveDelegation, type RegistrationStatus, type RegistrationStep } from './registration.ts';

function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

const irg = { bodies: ['IRG'] };
const cosp = { bodies: ['COSP', 'IRG'] };

describe('registration is open', () => {
  it('while the session is open for registration and not over', () => {
    expect(() => checkRegistrationOpen({ status: 'registration', endDate: '2026-06-18' }, '2026-06-18')).not.toThrow();
  });

  it.each([
    [{ status: 'planned' as const, endDate: '2026-06-18' }, '2026-01-01', 'has not opened yet'],
    [{ status: 'closed' as const, endDate: '2026-06-18' }, '2026-01-01', 'registration is closed'],
    [{ status: 'held' as const, endDate: '2026-06-18' }, '2026-07-01', 'has been held'],
    [{ status: 'registration' as const, endDate: '2026-06-18' }, '2026-06-19', 'ended on 2026-06-18'],
  ])('not for %j on %s', (session, today, message) => {
    const error = errorOf(() => checkRegistrationOpen(session, today));
    expect(error.code).toBe('session.invalidState');
    expect(error.message).toContain(message);
  });
});

describe('delegations', () => {
  const austria = { iso3: 'AUT', kind: 'state' as const, partyOnFirstDay: true };
  const syria = { iso3: 'SYR', kind: 'state' as const, partyOnFirstDay: false };

  it('makes a State party of a State that is a party on the first day', () => {
    expect(resolveDelegation({ kind: 'state', iso3: 'AUT' }, austria, irg)).toEqual({ kind: 'party', iso3: 'AUT', observerName: null, category: null });
  });

  it('makes a signatory only when the secretariat says so, and only of a non-party', () => {
    expect(resolveDelegation({ kind: 'state', iso3: 'SYR', signatory: true }, syria, irg).kind).toBe('signatory');
    expect(errorOf(() => resolveDelegation({ kind: 'state', iso3: 'SYR' }, syria, irg)).message).toContain('not a party');
    expect(errorOf(() => resolveDelegation({ kind: 'state', iso3: 'AUT', signatory: true }, austria, irg)).message).toContain('not a signatory');
  });

  it('refuses an unknown State and the EU registered as a State', () => {
    expect(errorOf(() => resolveDelegation({ kind: 'state', iso3: 'XXX' }, undefined, irg)).code).toBe('party.unknown');
    expect(errorOf(() => resolveDelegation({ kind: 'state', iso3: 'EUU' }, { iso3: 'EUU', kind: 'reio', partyOnFirstDay: true }, irg)).code).toBe('session.invalid');
  });

  it('registers the EU as the regional economic integration organisation', () => {
    expect(resolveDelegation({ kind: 'reio' }, undefined, irg)).toEqual({ kind: 'reio', iso3: 'EUU', observerName: null, category: null });
  });

  it('admits NGOs to sessions of the Conference only', () => {
    expect(ngosAdmitted(irg)).toBe(false);
    expect(ngosAdmitted(cosp)).toBe(true);
    expect(errorOf(() => resolveDelegation({ kind: 'observer', name: 'Transparency International', category: 'ngo' }, undefined, irg)).message).toContain('Conference only');
    expect(resolveDelegation({ kind: 'observer', name: '  Transparency   International ', category: 'ngo' }, undefined, cosp).observerName).toBe('Transparency International');
  });

  it('needs an observer name', () => {
    expect(errorOf(() => resolveDelegation({ kind: 'observer', name: ' ', category: 'igo' }, undefined, irg)).code).toBe('session.invalid');
  });
});

describe('participants', () => {
  it('cleans names, titles and e-mails', () => {
    expect(cleanParticipant({ name: '  Anna  Berger ', title: ' Head of delegation ', email: ' Anna.Berger@BMJ.gv.at ' })).toEqual({ name: 'Anna Berger', title: 'Head of delegation', email: 'anna.berger@bmj.gv.at' });
    expect(cleanParticipant({ name: 'Li Wei', title: '', email: '' }).email).toBe('');
  });

  it.each([
    [{ name: 'A', title: '', email: '' }, 'name'],
    [{ name: 'Anna Berger', title: '', email: 'not-an-address' }, 'e-mail'],
    [{ name: 'Anna Berger', title: 'x'.repeat(301), email: '' }, 'title'],
  ])('refuses %j', (input, word) => {
    expect(errorOf(() => cleanParticipant(input)).message).toContain(word);
  });

  it('refuses the same e-mail twice in a batch or already registered', () => {
    const a = { name: 'Anna Berger', title: '', email: 'a@x.org' };
    expect(() => checkNoDuplicates([a, { ...a, email: '' }, { ...a, email: '' }], new Set())).not.toThrow();
    expect(errorOf(() => checkNoDuplicates([a, a], new Set())).code).toBe('record.duplicate');
    expect(errorOf(() => checkNoDuplicates([a], new Set(['a@x.org']))).message).toContain('already registered');
  });
});

describe('registration steps', () => {
  const allowed: [RegistrationStatus, RegistrationStep, 'in-person' | 'online' | 'hybrid'][] = [
    ['registered', { to: 'approved' }, 'online'],
    ['registered', { to: 'rejected' }, 'online'],
    ['registered', { to: 'withdrawn' }, 'online'],
    ['approved', { to: 'withdrawn' }, 'online'],
    ['approved', { to: 'attended', mode: 'online' }, 'online'],
    ['approved', { to: 'attended', mode: 'in-person' }, 'in-person'],
    ['approved', { to: 'attended', mode: 'online' }, 'hybrid'],
    ['approved', { to: 'attended', mode: 'in-person' }, 'hybrid'],
  ];
  it.each(allowed)('%s → %j (%s)', (from, step, format) => {
    expect(() => checkStep(from, step, format)).not.toThrow();
  });

  const refused: [RegistrationStatus, RegistrationStep, 'in-person' | 'online' | 'hybrid', string][] = [
    ['registered', { to: 'attended', mode: 'online' }, 'online', 'must be approved'],
    ['approved', { to: 'approved' }, 'online', 'Only a registered'],
    ['rejected', { to: 'approved' }, 'online', 'Only a registered'],
    ['attended', { to: 'withdrawn' }, 'online', 'cannot withdraw'],
    ['withdrawn', { to: 'attended', mode: 'online' }, 'online', 'withdrawn'],
    ['attended', { to: 'attended', mode: 'online' }, 'online', 'attended'],
    ['approved', { to: 'attended', mode: 'in-person' }, 'online', 'confirmed online connection'],
    ['approved', { to: 'attended', mode: 'online' }, 'in-person', 'presence in the room'],
  ];
  it.each(refused)('refuses %s → %j (%s)', (from, step, format, message) => {
    const error = errorOf(() => checkStep(from, step, format));
    expect(error.code).toBe('session.invalidState');
    expect(error.message).toContain(message);
  });
});
