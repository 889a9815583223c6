/**
 * Code-based TanStack Router routes. Every page is loaded with import() so each becomes
 * its own chunk; the layout, the header and the data layer are in the entry chunk.
 */
import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  type RouterHistory,
} from '@tanstack/react-router';
import { paths } from '../lib/paths.ts';
import { AppLayout } from './layout.tsx';
import { NotFoundPage } from './routes/not-found.tsx';
import { RouteErrorPage } from './routes/route-error.tsx';

export interface RouterContext {
  queryClient: QueryClient;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: AppLayout,
  notFoundComponent: NotFoundPage,
});

function page(path: string, load: () => Promise<Record<string, unknown>>, exportName: string) {
  return createRoute({
    getParentRoute: () => rootRoute,
    path,
    component: lazyRouteComponent(load as () => Promise<Record<string, React.ComponentType>>, exportName),
  });
}

const routeTree = rootRoute.addChildren([
  page(paths.home.path, () => import('./routes/home.tsx'), 'HomePage'),
  page(paths.signIn.path, () => import('./routes/sign-in.tsx'), 'SignInPage'),
  page(paths.parties.path, () => import('./routes/parties.tsx'), 'PartiesPage'),
  page(paths.convention.path, () => import('./routes/convention.tsx'), 'ConventionPage'),
  page(paths.cycles.path, () => import('./routes/cycles.tsx'), 'CyclesPage'),
  page(paths.draws.path, () => import('./routes/draws.tsx'), 'DrawsPage'),
  page(paths.drawNew.path, () => import('./routes/draw-new.tsx'), 'DrawNewPage'),
  page(paths.drawVerify.path, () => import('./routes/draw-verify.tsx'), 'DrawVerifyPage'),
  page(paths.draw.path, () => import('./routes/draw.tsx'), 'DrawPage'),
  page(paths.reviews.path, () => import('./routes/reviews.tsx'), 'ReviewsPage'),
  page(paths.schedule.path, () => import('./routes/schedule.tsx'), 'SchedulePage'),
  page(paths.country.path, () => import('./routes/country.tsx'), 'CountryPage'),
  page(paths.review.path, () => import('./routes/review.tsx'), 'ReviewPage'),
  page(paths.reviewChecklist.path, () => import('./routes/checklist.tsx'), 'ChecklistPage'),
  page(paths.reviewDialogue.path, () => import('./routes/dialogue.tsx'), 'DialoguePage'),
  page(paths.reviewReport.path, () => import('./routes/report.tsx'), 'ReportPage'),
  page(paths.reviewSummary.path, () => import('./routes/summary.tsx'), 'SummaryPage'),
  page(paths.reviewFollowUp.path, () => import('./routes/review-follow-up.tsx'), 'ReviewFollowUpPage'),
  page(paths.reviewActionPlan.path, () => import('./routes/action-plan.tsx'), 'ActionPlanPage'),
  page(paths.publication.path, () => import('./routes/publication.tsx'), 'PublicationPage'),
  page(paths.sessions.path, () => import('./routes/sessions.tsx'), 'SessionsPage'),
  page(paths.session.path, () => import('./routes/sessions-detail.tsx'), 'SessionPage'),
  page(paths.users.path, () => import('./routes/users.tsx'), 'UsersPage'),
  page(paths.audit.path, () => import('./routes/audit.tsx'), 'AuditPage'),
  page(paths.account.path, () => import('./routes/account.tsx'), 'AccountPage'),
  page(paths.inbox.path, () => import('./routes/inbox.tsx'), 'InboxPage'),
  page(paths.outbox.path, () => import('./routes/outbox.tsx'), 'OutboxPage'),
  page(paths.finance.path, () => import('./routes/finance.tsx'), 'FinancePage'),
  page(paths.taProjects.path, () => import('./routes/ta-projects.tsx'), 'TaProjectsPage'),
  page(paths.followUp.path, () => import('./routes/follow-up.tsx'), 'FollowUpDashboardPage'),
  page(paths.statistics.path, () => import('./routes/statistics.tsx'), 'StatisticsPage'),
  page(paths.assistance.path, () => import('./routes/assistance.tsx'), 'AssistancePage'),
  page(paths.search.path, () => import('./routes/search.tsx'), 'SearchPage'),
  page(paths.thematic.path, () => import('./routes/thematic.tsx'), 'ThematicPage'),
  page(paths.openData.path, () => import('./routes/open-data.tsx'), 'OpenDataPage'),
  page(paths.subscriptionConfirm.path, () => import('./routes/subscription-confirm.tsx'), 'SubscriptionConfirmPage'),
  page(paths.subscriptionUnsubscribe.path, () => import('./routes/subscription-unsubscribe.tsx'), 'SubscriptionUnsubscribePage'),
]);

export function createAppRouter({ queryClient, history }: { queryClient: QueryClient; history?: RouterHistory }) {
  return createRouter({
    routeTree,
    history,
    context: { queryClient },
    defaultPreload: 'intent',
    defaultErrorComponent: RouteErrorPage,
    defaultNotFoundComponent: NotFoundPage,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
