import { AppShell, Box, Burger, Container, Group, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet, useRouterState } from '@tanstack/react-router';
import { useEffect, useRef, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBoundary } from '../components/ui/error-boundary.tsx';
import { useHealth } from '../features/health/api/get-health.ts';
import { paths } from '../lib/paths.ts';
import { LanguageSwitcher } from './language-switcher.tsx';
import { MainNav } from './main-nav.tsx';
import { UserBlock } from './user-block.tsx';

const MAIN_ID = 'main-content';

function focusMain(event: MouseEvent<HTMLAnchorElement>) {
  const main = document.getElementById(MAIN_ID);
  if (!main) return;
  event.preventDefault();
  main.focus();
  main.scrollIntoView();
}

function Brand() {
  const { t } = useTranslation();
  return (
    <UnstyledButton component={Link} to={paths.home.getHref()} aria-label={t('layout.homeLink')} style={{ display: 'flex', alignItems: 'center', gap: 12 }}>
      <Box
        aria-hidden
        w={36}
        h={36}
        bg="un.7"
        c="white"
        fw={700}
        fz={12}
        style={{ borderRadius: 6, display: 'grid', placeItems: 'center', letterSpacing: 0.5, flex: 'none' }}
      >
        IRM
      </Box>
      <Box visibleFrom="xs">
        <Text fw={700} fz="lg" lh={1.2} c="un.9" className="nowrap">
          {t('app.name')}
        </Text>
        <Text fz="xs" c="dimmed" lh={1.3} visibleFrom="md">
          {t('app.tagline')}
        </Text>
      </Box>
    </UnstyledButton>
  );
}

function Footer() {
  const { t } = useTranslation();
  const { data: health } = useHealth();
  return (
    <Box component="footer" className="app-footer">
      <Container size="xl" px={0}>
        <Group justify="space-between" gap="xs">
          <Text size="xs" c="dimmed">
            {t('layout.footer')}
            {health?.version ? ` · ${t('layout.version', { version: health.version })}` : ''}
          </Text>
          {health?.demo === true ? (
            <Text size="xs" fw={600} c="#8a3300">
              {t('layout.demoNotice')}
            </Text>
          ) : null}
        </Group>
      </Container>
    </Box>
  );
}

export function AppLayout() {
  const { t } = useTranslation();
  const [isNavOpen, nav] = useDisclosure(false);
  const pathname = useRouterState({ select: (s) => s.location.pathname });

  const previousPathname = useRef(pathname);
  useEffect(() => {
    nav.close();
    // After a client-side page change, move focus to the new page's content, as a full
    // page load would: keyboard and screen-reader users start at the top of the new page.
    if (previousPathname.current !== pathname) {
      previousPathname.current = pathname;
      document.getElementById(MAIN_ID)?.focus({ preventScroll: true });
    }
    // nav is a stable handler object from useDisclosure.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pathname]);

  return (
    <>
      <a href={`#${MAIN_ID}`} className="skip-link" onClick={focusMain}>
        {t('layout.skipToContent')}
      </a>
      <AppShell
        header={{ height: 64 }}
        navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !isNavOpen } }}
        padding="lg"
      >
        <AppShell.Header style={{ borderTop: '4px solid var(--mantine-color-un-5)' }}>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
            <Group gap="sm" wrap="nowrap">
              <Burger
                opened={isNavOpen}
                onClick={nav.toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={isNavOpen ? t('layout.closeNavigation') : t('layout.openNavigation')}
                aria-expanded={isNavOpen}
                aria-controls="main-navigation"
              />
              <Brand />
            </Group>
            <Group gap="sm" wrap="nowrap">
              <LanguageSwitcher />
              <UserBlock />
            </Group>
          </Group>
        </AppShell.Header>
        {/* Scrolls on its own: the secretariat's menu is taller than a 900 px window, and the page's scroll does not move it. */}
        <AppShell.Navbar id="main-navigation" aria-label={t('nav.label')} style={{ overflowY: 'auto' }}>
          <MainNav />
        </AppShell.Navbar>
        <AppShell.Main id={MAIN_ID} tabIndex={-1} style={{ outline: 'none' }}>
          <Container size="xl" px={0} pb="xl">
            <ErrorBoundary resetKey={pathname}>
              <Outlet />
            </ErrorBoundary>
          </Container>
        </AppShell.Main>
        <Footer />
      </AppShell>
    </>
  );
}
