import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { canonicalSymbol, parseSymbol } from './symbols.ts';
import { carryAgenda, checkSession, checkStatusChange, DEFAULT_BODIES, numberAgenda, ordinalWord, sessionName } from './session.ts';
import { afterSave, checkAdoptInMeeting, checkCirculate, checkCloseSilence, checkLock, checkObjection, reportState, type StoredSessionReport } from './silence.ts';

function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('document symbols', () => {
  it.each([
    ['CAC/COSP/IRG/2020/1/Add.2', { series: 'CAC/COSP/IRG', year: 2020, prefix: null, number: 1, suffixes: [{ kind: 'Add', number: 2 }] }],
    ['CAC/COSP/IRG/2020/CRP.3', { series: 'CAC/COSP/IRG', year: 2020, prefix: 'CRP', number: 3, suffixes: [] }],
    ['CAC/COSP/IRG/2020/7', { series: 'CAC/COSP/IRG', year: 2020, prefix: null, number: 7, suffixes: [] }],
    ['CAC/COSP/WG.2/2020/5', { series: 'CAC/COSP/WG.2', year: 2020, number: 5 }],
    ['CAC/COSP/EG.1/2020/3', { series: 'CAC/COSP/EG.1', year: 2020, number: 3 }],
    ['CAC/COSP/2021/3', { series: 'CAC/COSP', year: 2021, number: 3 }],
    ['CAC/COSP/2019/L.5/Rev.1', { series: 'CAC/COSP', prefix: 'L', number: 5, suffixes: [{ kind: 'Rev', number: 1 }] }],
    ['CAC/COSP/IRG/2014/11/Corr.1', { number: 11, suffixes: [{ kind: 'Corr', number: 1 }] }],
    ['CAC/COSP/IRG/2016/9/Add.1/Corr.2', { number: 9, suffixes: [{ kind: 'Add', number: 1 }, { kind: 'Corr', number: 2 }] }],
    ['CAC/COSP/2019/INF/1', { prefix: 'INF', number: 1 }],
    ['CAC/COSP/IRG/II/1/1/Add.4', { series: 'CAC/COSP/IRG', cycle: { cycle: 'II', year: 1 }, number: 1, year: null, suffixes: [{ kind: 'Add', number: 4 }] }],
    ['A/HRC/45/1', { series: 'A/HRC', session: 45, year: null, number: 1 }],
    ['E/CN.15/2020/1', { series: 'E/CN.15', year: 2020 }],
    ['CTOC/COP/WG.2/2019/2/Amend.1', { series: 'CTOC/COP/WG.2', suffixes: [{ kind: 'Amend', number: 1 }] }],
  ])('%s', (symbol, expected) => {
    const parsed = parseSymbol(symbol);
    expect(parsed).toMatchObject(expected);
    expect(parsed.symbol).toBe(symbol);
  });

  it('writes the canonical form', () => {
    expect(canonicalSymbol(' CAC/COSP/IRG/2020/1/add.2 ')).toBe('CAC/COSP/IRG/2020/1/Add.2');
    expect(canonicalSymbol('CAC/COSP/IRG/2020/crp.3')).toBe('CAC/COSP/IRG/2020/CRP.3');
    expect(canonicalSymbol('CAC/COSP/2019/INF.1')).toBe('CAC/COSP/2019/INF/1');
  });

  it.each([
    ['', /empty/],
    ['CAC/COSP/IRG/2020', /document number is missing/],
    ['CAC/COSP/IRG/2020/1/Add', /needs a number, as in Add.1/],
    ['CAC/COSP/IRG/2020/1/Add.x', /Add. number must be a number/],
    ['CAC/COSP/IRG/2020/0', /1 or more/],
    ['CAC/COSP/IRG/1899/1', /year 1899 is out of range/],
    ['CAC//IRG/2020/1', /empty part/],
    ['CAC/COSP/IRG/2020/1/', /empty part/],
    ['CAC/COSP/IRG/2020/1/Foo.2', /not an addendum/],
    ['CAC/COSP/IRG/2020/CRP', /needs a number, as in CRP.1/],
    ['2020/1', /series .* is missing/],
    ['cac/cosp/2020/1', /not a part of a series/],
    ['CAC/COSP/IRG 2020/1', /spaces/],
    ['CAC/COSP/IRG/2020/1;DROP', /only letters/],
    ['CAC/COSP/IRG/20201/1', /neither a year/],
  ])('refuses %j', (symbol, message) => {
    const error = errorOf(() => parseSymbol(symbol));
    expect(error.code).toBe('session.invalid');
    expect(error.message).toMatch(message);
  });
});

describe('sessions', () => {
  const codes = DEFAULT_BODIES.map((b) => b.code);
  const valid = { bodies: ['IRG', 'WG2'], number: 11, resumedPart: 2, startDate: '2020-11-16', endDate: '2020-11-18', venue: 'Vienna', format: 'online' as const };

  it('accepts a joint resumed session', () => expect(() => checkSession(valid, codes)).not.toThrow());
  it.each([
    [{ bodies: [] }, /at least one body/],
    [{ bodies: ['IRG', 'IRG'] }, /twice/],
    [{ bodies: ['XYZ'] }, /Unknown body: XYZ/],
    [{ number: 0 }, /1 or more/],
    [{ resumedPart: -1 }, /resumed part/],
    [{ startDate: '2020-02-30' }, /calendar days/],
    [{ endDate: '2020-11-15' }, /ends .* before it starts/],
    [{ venue: ' ', format: 'hybrid' as const }, /needs a venue/],
  ])('refuses %j', (change, message) => expect(errorOf(() => checkSession({ ...valid, ...change }, codes)).message).toMatch(message));

  it('moves status forward only', () => {
    expect(() => checkStatusChange('planned', 'registration')).not.toThrow();
    expect(() => checkStatusChange('planned', 'held')).not.toThrow();
    expect(errorOf(() => checkStatusChange('held', 'planned')).code).toBe('session.invalidState');
    expect(errorOf(() => checkStatusChange('closed', 'closed')).code).toBe('session.invalidState');
  });

  it('names sessions as the reports do', () => {
    expect(ordinalWord(11)).toBe('eleventh');
    expect(ordinalWord(21)).toBe('twenty-first');
    expect(ordinalWord(30)).toBe('thirtieth');
    expect(sessionName(11, 0, 2)).toBe('eleventh session');
    expect(sessionName(11, 2, 2)).toBe('second resumed eleventh session');
    expect(sessionName(3, 1, 1)).toBe('resumed third session');
  });

  const agenda = [
    { title: 'Organizational matters', documents: [], items: [{ title: 'Opening of the session', documents: [] }, { title: 'Adoption of the agenda and organization of work', documents: ['CAC/COSP/IRG/2020/1/Add.2'] }] },
    { title: 'Technical assistance', documents: ['CAC/COSP/IRG/2020/7'] },
    { title: 'Provisional agenda for the twelfth session of the Implementation Review Group', documents: [] },
    { title: 'Adoption of the report of the Implementation Review Group on its eleventh session', documents: [] },
  ];

  it('numbers items and letters sub-items', () => {
    expect(numberAgenda(agenda).map((i) => i.label)).toEqual(['1', '1 (a)', '1 (b)', '2', '3', '4']);
    expect(errorOf(() => numberAgenda([{ title: ' ', documents: [] }])).message).toMatch(/item 1 has no title/);
    expect(errorOf(() => numberAgenda([{ title: 'A', documents: [], items: [{ title: 'B', documents: [], items: [{ title: 'C', documents: [] }] }] }])).message).toMatch(/cannot have sub-items/);
  });

  it('carries the agenda to the next session', () => {
    const carried = carryAgenda(agenda, 12);
    expect(carried.every((i) => i.documents.length === 0)).toBe(true);
    expect(carried[2]!.title).toBe('Provisional agenda for the thirteenth session of the Implementation Review Group');
    expect(carried[3]!.title).toBe('Adoption of the report of the Implementation Review Group on its twelfth session');
    expect(carried[0]!.items).toHaveLength(2);
  });
});

describe('session report and silence procedure', () => {
  const t = (iso: string) => new Date(iso);
  const draft: StoredSessionReport = { status: 'draft', version: 1, circulatedVersion: null, silenceDeadline: null, objections: [], adoptedOn: null, adoptionMode: null };
  const silent: StoredSessionReport = { ...draft, status: 'circulated', circulatedVersion: 1, silenceDeadline: t('2020-12-11T17:00:00Z') };

  it('adopts on the deadline date without objection, lazily', () => {
    expect(reportState(silent, t('2020-12-10T00:00:00Z'))).toMatchObject({ status: 'circulated', silence: 'running' });
    expect(reportState(silent, t('2020-12-11T17:00:00Z'))).toMatchObject({ status: 'adopted', silence: 'ended', adoptedOn: '2020-12-11', adoptionMode: 'silence', adoptionPending: true });
    expect(checkCloseSilence(silent, t('2020-12-12T00:00:00Z')).adoptedOn).toBe('2020-12-11');
    expect(errorOf(() => checkCloseSilence(silent, t('2020-12-10T00:00:00Z'))).message).toMatch(/runs until/);
  });

  it('an objection before the deadline breaks the silence', () => {
    const now = t('2020-12-10T09:00:00Z');
    expect(() => checkObjection(silent, now, 'AUT', true)).not.toThrow();
    const broken = { ...silent, objections: [{ stateIso3: 'AUT', at: now, by: 'fp' }] };
    expect(reportState(broken, t('2020-12-20T00:00:00Z'))).toMatchObject({ status: 'circulated', silence: 'broken', adoptionPending: false });
    expect(errorOf(() => checkObjection(broken, now, 'AUT', true)).message).toMatch(/already objected/);
    expect(errorOf(() => checkCloseSilence(broken, t('2020-12-20T00:00:00Z'))).message).toMatch(/broken/);
    // The secretariat amends and circulates again, or adopts in a meeting.
    expect(afterSave(broken, now)).toBe('amended');
    expect(() => checkAdoptInMeeting(broken, now, '2020-12-10')).not.toThrow();
  });

  it('refuses an objection after the deadline, from no State or a non-party', () => {
    const late = errorOf(() => checkObjection(silent, t('2020-12-11T17:00:00Z'), 'AUT', true));
    expect(late.code).toBe('session.invalidState');
    expect(late.message).toMatch(/after the deadline/);
    expect(errorOf(() => checkObjection(silent, t('2020-12-10T00:00:00Z'), null, false)).code).toBe('policy.denied');
    expect(errorOf(() => checkObjection(silent, t('2020-12-10T00:00:00Z'), 'XXX', false)).code).toBe('policy.denied');
    expect(errorOf(() => checkObjection(draft, t('2020-12-10T00:00:00Z'), 'AUT', true)).message).toMatch(/No silence procedure/);
  });

  it('follows draft → circulated → amended → adopted → locked', () => {
    const now = t('2020-11-18T10:00:00Z');
    expect(afterSave(draft, now)).toBe('draft');
    expect(errorOf(() => checkCirculate({ ...draft, version: 0 }, now, null)).message).toMatch(/no text/);
    expect(() => checkCirculate(draft, now, null)).not.toThrow();
    expect(errorOf(() => checkCirculate(draft, now, t('2020-11-17T00:00:00Z'))).message).toMatch(/future/);
    const circulated = { ...draft, status: 'circulated' as const, circulatedVersion: 1 };
    expect(errorOf(() => checkCirculate(circulated, now, null)).message).toMatch(/already circulated/);
    expect(afterSave(circulated, now)).toBe('amended');
    expect(errorOf(() => checkAdoptInMeeting(draft, now, '2020-11-18')).message).toMatch(/Circulate/);
    expect(errorOf(() => checkAdoptInMeeting(circulated, now, '2020-11-19')).message).toMatch(/future/);
    expect(errorOf(() => afterSave(silent, t('2020-12-01T00:00:00Z'))).message).toMatch(/silence procedure/);
    const adopted = { ...circulated, status: 'adopted' as const, adoptedOn: '2020-11-18', adoptionMode: 'meeting' as const };
    expect(errorOf(() => afterSave(adopted, now)).message).toMatch(/adopted/);
    expect(() => checkLock(adopted, now)).not.toThrow();
    expect(errorOf(() => checkLock(circulated, now)).message).toMatch(/Only an adopted/);
    expect(errorOf(() => afterSave({ ...adopted, status: 'locked' }, now)).message).toMatch(/locked/);
  });
});
