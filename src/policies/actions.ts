/**
 * @module actions
 * Every action a route or command can perform. The union is closed: a route that names an
 * action outside it does not compile, and a new action does not compile without a rule.
 */
export const ACTIONS = [
  'health.read',
  'web.read',
  'api.docs',
  'auth.login',
  'auth.logout',
  'auth.logoutEverywhere',
  'session.read',
  'account.changePassword',
  'parties.read',
  'parties.recordAccession',
  'convention.read',
  'cycles.read',
  'cohorts.update',
  'users.list',
  'users.create',
  'users.update',
  'audit.read',
  'lots.read',
  'lots.verify',
  'lots.manage',
  'lots.requestRedraw',
  'review.read',
  'reviews.import',
  'review.manage',
  'checklist.answer',
  'checklist.submit',
  'deskReview.comment',
  'deskReview.reply',
  'inbox.read',
  'notifications.read',
  'notifications.markRead',
  'notifications.deliver',
  'outbox.read',
  'review.readConfidential',
  'dialogue.read',
  'dialogue.manage',
  'dialogue.writeNotes',
  'dialogue.schedule',
  'public.read',
  'subscriptions.manage',
] as const;

export type Action = (typeof ACTIONS)[number];
