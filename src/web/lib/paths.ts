/**
 * Every client-side path of the app, with getHref for links (bulletproof-react
 * config/paths.ts). Routes in app/router.tsx use `path`; components link with getHref().
 */
export const paths = {
  home: { path: '/', getHref: () => '/' },
  signIn: { path: '/sign-in', getHref: () => '/sign-in' },
  parties: { path: '/parties', getHref: () => '/parties' },
  convention: { path: '/convention', getHref: () => '/convention' },
  cycles: { path: '/cycles', getHref: () => '/cycles' },
  draws: { path: '/draws', getHref: () => '/draws' },
  drawNew: { path: '/draws/new', getHref: () => '/draws/new' },
  drawVerify: { path: '/draws/verify', getHref: () => '/draws/verify' },
  draw: { path: '/draws/$drawId', getHref: (id: string) => `/draws/${encodeURIComponent(id)}` },
  reviews: { path: '/reviews', getHref: () => '/reviews' },
  schedule: { path: '/schedule', getHref: () => '/schedule' },
  country: { path: '/countries/$iso3', getHref: (iso3: string) => `/countries/${encodeURIComponent(iso3)}` },
  review: { path: '/reviews/$reviewId', getHref: (id: string) => `/reviews/${encodeURIComponent(id)}` },
  reviewChecklist: { path: '/reviews/$reviewId/checklist', getHref: (id: string) => `/reviews/${encodeURIComponent(id)}/checklist` },
  reviewDialogue: { path: '/reviews/$reviewId/dialogue', getHref: (id: string) => `/reviews/${encodeURIComponent(id)}/dialogue` },
  reviewReport: { path: '/reviews/$reviewId/report', getHref: (id: string) => `/reviews/${encodeURIComponent(id)}/report` },
  reviewSummary: { path: '/reviews/$reviewId/summary', getHref: (id: string) => `/reviews/${encodeURIComponent(id)}/summary` },
  publication: { path: '/publications/$publicationId', getHref: (id: string) => `/publications/${encodeURIComponent(id)}` },
  sessions: { path: '/sessions', getHref: () => '/sessions' },
  session: { path: '/sessions/$sessionId', getHref: (id: string) => `/sessions/${encodeURIComponent(id)}` },
  users: { path: '/admin/users', getHref: () => '/admin/users' },
  audit: { path: '/admin/audit', getHref: () => '/admin/audit' },
  account: { path: '/account', getHref: () => '/account' },
  inbox: { path: '/inbox', getHref: () => '/inbox' },
  outbox: { path: '/outbox', getHref: () => '/outbox' },
  finance: { path: '/finance', getHref: () => '/finance' },
  subscriptionConfirm: { path: '/subscriptions/confirm', getHref: () => '/subscriptions/confirm' },
  subscriptionUnsubscribe: { path: '/subscriptions/unsubscribe', getHref: () => '/subscriptions/unsubscribe' },
} as const;
