/**
 * The policy as a grid the secretariat can read: one row per action, one column per
 * role. Y = allowed, - = refused, own = only when the review concerns the actor's State
 * (under review or reviewing), own-sur = only when the actor's State is the one under review,
 * own-rev = only when the actor's State is one of the two reviewing States.
 */
import { describe, expect, it } from 'vitest';
import type { Actor, Role } from '../domain/accounts/roles.ts';
import { ACTIONS, type Action } from './actions.ts';
import { authorize, may, type Relation } from './policy.ts';

type Cell = 'Y' | '-' | 'own' | 'own-sur' | 'own-rev';
type Column = 'public' | Role;
const COLUMNS: Column[] = ['public', 'secretariat', 'focal-point', 'expert', 'delegate'];

// prettier-ignore
const GRID: Record<Action, [Cell, Cell, Cell, Cell, Cell]> = {
  //                         public secretariat focal-point expert delegate
  'health.read':             ['Y', 'Y', 'Y', 'Y', 'Y'],
  'web.read':                ['Y', 'Y', 'Y', 'Y', 'Y'],
  'api.docs':                ['Y', 'Y', 'Y', 'Y', 'Y'],
  'auth.login':              ['Y', 'Y', 'Y', 'Y', 'Y'],
  'auth.oidc':               ['Y', 'Y', 'Y', 'Y', 'Y'],
  'auth.logout':             ['-', 'Y', 'Y', 'Y', 'Y'],
  'auth.logoutEverywhere':   ['-', 'Y', 'Y', 'Y', 'Y'],
  'session.read':            ['Y', 'Y', 'Y', 'Y', 'Y'],
  'account.changePassword':  ['-', 'Y', 'Y', 'Y', 'Y'],
  'auth.twoFactor':          ['Y', 'Y', 'Y', 'Y', 'Y'],
  'account.twoFactorSetup':  ['Y', 'Y', 'Y', 'Y', 'Y'],
  'account.twoFactor':       ['-', 'Y', 'Y', 'Y', 'Y'],
  'parties.read':            ['Y', 'Y', 'Y', 'Y', 'Y'],
  'parties.recordAccession': ['-', 'Y', '-', '-', '-'],
  'convention.read':         ['Y', 'Y', 'Y', 'Y', 'Y'],
  'cycles.read':             ['Y', 'Y', 'Y', 'Y', 'Y'],
  'cohorts.update':          ['-', 'Y', '-', '-', '-'],
  'users.list':              ['-', 'Y', '-', '-', '-'],
  'users.create':            ['-', 'Y', '-', '-', '-'],
  'users.update':            ['-', 'Y', '-', '-', '-'],
  'users.resetTwoFactor':    ['-', 'Y', '-', '-', '-'],
  'audit.read':              ['-', 'Y', '-', '-', '-'],
  'finance.read':            ['-', 'Y', 'Y', 'Y', 'Y'],
  // Own donor figures only with the donor State named (src/policies/finance-policy.test.ts).
  'finance.readDonor':       ['-', 'Y', '-', '-', '-'],
  'finance.manage':          ['-', 'Y', '-', '-', '-'],
  'lots.read':               ['Y', 'Y', 'Y', 'Y', 'Y'],
  'lots.verify':             ['Y', 'Y', 'Y', 'Y', 'Y'],
  'lots.manage':             ['-', 'Y', '-', '-', '-'],
  'lots.requestRedraw':      ['-', 'Y', 'own-sur', '-', '-'],
  'review.read':             ['Y', 'Y', 'Y', 'Y', 'Y'],
  'reviews.import':          ['-', 'Y', '-', '-', '-'],
  'review.manage':           ['-', 'Y', '-', '-', '-'],
  'checklist.answer':        ['-', 'Y', 'own-sur', '-', '-'],
  'checklist.submit':        ['-', '-', 'own-sur', '-', '-'],
  'deskReview.comment':      ['-', 'Y', '-', 'own-rev', '-'],
  'deskReview.reply':        ['-', 'Y', 'own', 'own', '-'],
  'inbox.read':              ['-', 'Y', 'Y', 'Y', 'Y'],
  'notifications.read':      ['-', 'Y', 'Y', 'Y', 'Y'],
  'notifications.markRead':  ['-', 'Y', 'Y', 'Y', 'Y'],
  'notifications.deliver':   ['-', 'Y', '-', '-', '-'],
  'outbox.read':             ['-', 'Y', '-', '-', '-'],
  'review.readConfidential': ['-', 'Y', 'own', 'own', '-'],
  'dialogue.read':           ['-', 'Y', 'own', 'own', '-'],
  'dialogue.manage':         ['-', 'Y', '-', '-', '-'],
  'dialogue.writeNotes':     ['-', 'Y', '-', 'own-rev', '-'],
  'dialogue.schedule':       ['-', 'Y', 'own', 'own', '-'],
  'report.read':             ['-', 'Y', 'own', 'own', '-'],
  'report.draft':            ['-', 'Y', '-', 'own-rev', '-'],
  'report.comment':          ['-', 'Y', 'own', 'own', '-'],
  'report.share':            ['-', 'Y', '-', '-', '-'],
  'report.agree':            ['-', '-', 'own-sur', '-', '-'],
  'report.finalise':         ['-', 'Y', '-', '-', '-'],
  'summary.translate':       ['-', 'Y', '-', '-', '-'],
  'publication.consent':     ['-', 'Y', 'own-sur', '-', '-'],
  'publication.publish':     ['-', 'Y', '-', '-', '-'],
  'public.read':             ['Y', 'Y', 'Y', 'Y', 'Y'],
  'subscriptions.manage':    ['Y', 'Y', 'Y', 'Y', 'Y'],
  'sessions.read':           ['Y', 'Y', 'Y', 'Y', 'Y'],
  'sessions.readMaterial':   ['-', 'Y', 'Y', 'Y', 'Y'],
  'sessions.manage':         ['-', 'Y', '-', '-', '-'],
  'sessions.object':         ['-', '-', 'Y', '-', 'Y'],
  'sessions.participants.read': ['-', 'Y', 'Y', '-', 'Y'],
  'sessions.register':       ['-', 'Y', 'Y', '-', 'Y'],
  'search.read':             ['Y', 'Y', 'Y', 'Y', 'Y'],
  'search.readUnpublished':  ['-', 'Y', '-', '-', '-'],
  'thematic.read':           ['Y', 'Y', 'Y', 'Y', 'Y'],
  'thematic.readUnpublished': ['-', 'Y', '-', '-', '-'],
  'followUp.read':           ['Y', 'Y', 'Y', 'Y', 'Y'],
  'followUp.readUnpublished': ['-', 'Y', 'own', 'own', '-'],
  'followUp.readAll':        ['-', 'Y', '-', '-', '-'],
  'followUp.report':         ['-', 'Y', 'own-sur', '-', '-'],
  'followUp.assess':         ['-', 'Y', '-', 'own-rev', '-'],
  'followUp.manage':         ['-', 'Y', '-', '-', '-'],
  'followUp.plan':           ['-', 'Y', 'own-sur', '-', '-'],
  'stats.read':              ['Y', 'Y', 'Y', 'Y', 'Y'],
  'stats.readReviews':       ['Y', 'Y', 'Y', 'Y', 'Y'],
  'assistance.read':         ['Y', 'Y', 'Y', 'Y', 'Y'],
  'assistance.readDetail':   ['-', 'Y', '-', '-', '-'],
  'assistance.classify':     ['-', 'Y', 'Y', 'Y', 'Y'],
  'assistance.review':       ['-', 'Y', '-', '-', '-'],
  'assistance.import':       ['-', 'Y', '-', '-', '-'],
  'ta.read':                 ['-', 'Y', 'Y', 'Y', 'Y'],
  'ta.manage':               ['-', 'Y', '-', '-', '-'],
};

function actorFor(column: Column): Actor {
  if (column === 'public') return { kind: 'anonymous' };
  const stateIso3 = column === 'focal-point' || column === 'expert' ? 'AUT' : null;
  return { kind: 'user', userId: `u-${column}`, role: column, stateIso3, email: `${column}@example.org` };
}

const cases = ACTIONS.flatMap((action) => COLUMNS.map((column, i) => ({ action, column, cell: GRID[action][i]! })));

describe('policy grid', () => {
  it('has a row for every action', () => {
    expect(Object.keys(GRID).sort()).toEqual([...ACTIONS].sort());
  });

  it.each(cases)('$action for $column is $cell', ({ action, column, cell }) => {
    const actor = actorFor(column);
    const relations: Relation[] = ['under-review', 'reviewing', 'none'];
    if (cell === 'Y') {
      for (const relation of relations) expect(may(actor, action, { relation })).toBe(true);
    } else if (cell === '-') {
      for (const relation of relations) expect(may(actor, action, { relation })).toBe(false);
      expect(may(actor, action)).toBe(false);
    } else if (cell === 'own-rev') {
      expect(may(actor, action, { relation: 'reviewing' })).toBe(true);
      expect(may(actor, action, { relation: 'under-review' })).toBe(false);
      expect(may(actor, action, { relation: 'none' })).toBe(false);
    } else if (cell === 'own-sur') {
      expect(may(actor, action, { relation: 'under-review' })).toBe(true);
      expect(may(actor, action, { relation: 'reviewing' })).toBe(false);
      expect(may(actor, action, { relation: 'none' })).toBe(false);
    } else {
      expect(may(actor, action, { relation: 'under-review' })).toBe(true);
      expect(may(actor, action, { relation: 'reviewing' })).toBe(true);
      expect(may(actor, action, { relation: 'none' })).toBe(false);
    }
  });
});

describe('authorize', () => {
  it('asks the public to sign in and tells a signed-in user no', () => {
    expect(() => authorize(actorFor('public'), 'users.list')).toThrow(expect.objectContaining({ code: 'auth.required' }));
    expect(() => authorize(actorFor('delegate'), 'users.list')).toThrow(expect.objectContaining({ code: 'policy.denied' }));
    expect(() => authorize(actorFor('secretariat'), 'users.list')).not.toThrow();
  });

  it('lets the system actor (CLI, seed) do anything', () => {
    for (const action of ACTIONS) expect(may({ kind: 'system', label: 'cli' }, action)).toBe(true);
  });

  it('refuses own-State actions to a focal point with no State', () => {
    const stateless: Actor = { kind: 'user', userId: 'x', role: 'focal-point', stateIso3: null, email: 'x@example.org' };
    expect(may(stateless, 'review.readConfidential', { relation: 'under-review' })).toBe(false);
  });
});
