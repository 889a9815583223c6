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
  users: { path: '/admin/users', getHref: () => '/admin/users' },
  audit: { path: '/admin/audit', getHref: () => '/admin/audit' },
  account: { path: '/account', getHref: () => '/account' },
} as const;
