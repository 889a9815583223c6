import { Badge, NavLink, Stack, Text, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../features/auth/api/get-session.ts';
import { useNotifications } from '../features/notifications/api/notifications.ts';
import { paths } from '../lib/paths.ts';

interface NavItem {
  href: string;
  label: string;
  badge?: ReactNode;
}

function NavSection({ title, items, pathname }: { title: string; items: NavItem[]; pathname: string }) {
  if (items.length === 0) return null;
  return (
    <Stack gap={2}>
      <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pb={4} aria-hidden>
        {title}
      </Text>
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label={title}>
        {items.map((item) => {
          const isActive = item.href === '/' ? pathname === '/' : pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <li key={item.href}>
              <NavLink
                component={Link}
                to={item.href}
                label={item.label}
                rightSection={item.badge}
                active={isActive}
                aria-current={isActive ? 'page' : undefined}
                variant="light"
                fw={isActive ? 600 : 500}
                style={{ borderRadius: 'var(--mantine-radius-sm)' }}
              />
            </li>
          );
        })}
      </ul>
    </Stack>
  );
}

/** Navigation from the server's abilities, never from a client-side table of roles. */
export function MainNav() {
  const { t } = useTranslation();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const { data: session } = useSession();
  const abilities = session?.abilities ?? {};
  const notifications = useNotifications(abilities['notifications.read'] === true);
  const unread = notifications.data?.unread ?? 0;

  const mechanism: NavItem[] = [
    { href: paths.home.getHref(), label: t('nav.home') },
    { href: paths.parties.getHref(), label: t('nav.parties') },
    { href: paths.convention.getHref(), label: t('nav.convention') },
    { href: paths.cycles.getHref(), label: t('nav.cycles') },
    { href: paths.draws.getHref(), label: t('nav.draws') },
    { href: paths.reviews.getHref(), label: t('nav.reviews') },
    { href: paths.schedule.getHref(), label: t('nav.schedule') },
    { href: paths.sessions.getHref(), label: t('sessions.nav') },
    { href: paths.statistics.getHref(), label: t('statistics.nav') },
    { href: paths.assistance.getHref(), label: t('assistance.nav') },
    { href: paths.followUp.getHref(), label: t('followUp.nav') },
    { href: paths.search.getHref(), label: t('search.nav') },
    { href: paths.thematic.getHref(), label: t('thematic.nav') },
    { href: paths.openData.getHref(), label: t('openData.nav') },
  ];
  if (abilities['finance.read']) mechanism.push({ href: paths.finance.getHref(), label: t('finance.nav') });
  if (abilities['ta.read']) mechanism.push({ href: paths.taProjects.getHref(), label: t('taProjects.nav') });
  const administration: NavItem[] = [];
  if (abilities['users.list']) administration.push({ href: paths.users.getHref(), label: t('nav.users') });
  if (abilities['audit.read']) administration.push({ href: paths.audit.getHref(), label: t('nav.audit') });
  if (abilities['outbox.read']) administration.push({ href: paths.outbox.getHref(), label: t('nav.outbox') });
  const unreadBadge =
    unread > 0 ? (
      <Badge size="sm" color="red.9" variant="filled" circle={unread < 10}>
        {unread > 99 ? '99+' : unread}
        <VisuallyHidden> {t('nav.unread')}</VisuallyHidden>
      </Badge>
    ) : undefined;
  const personal: NavItem[] = session?.user
    ? [
        { href: paths.inbox.getHref(), label: t('nav.inbox'), badge: unreadBadge },
        { href: paths.account.getHref(), label: t('nav.account') },
      ]
    : [];

  return (
    <Stack gap="lg" p="sm">
      <NavSection title={t('nav.sectionMechanism')} items={mechanism} pathname={pathname} />
      <NavSection title={t('nav.sectionAdministration')} items={administration} pathname={pathname} />
      <NavSection title={t('nav.sectionPersonal')} items={personal} pathname={pathname} />
    </Stack>
  );
}
