import { Anchor, Box, Group, Paper, SimpleGrid, Skeleton, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorBoundary } from '../../components/ui/error-boundary.tsx';
import { PageHeader } from '../../components/ui/page-header.tsx';
import { ProblemAlert } from '../../components/ui/problem-message.tsx';
import { useCycles } from '../../features/cycles/api/get-cycles.ts';
import { useParties } from '../../features/parties/api/get-parties.ts';
import { useFormatters } from '../../lib/format.ts';
import { paths } from '../../lib/paths.ts';

function PartiesFigure() {
  const { t } = useTranslation();
  const f = useFormatters();
  const parties = useParties();
  if (parties.isError) return <ProblemAlert error={parties.error} />;
  return (
    <Paper withBorder radius="md" p="lg" bg="un.0" h="100%">
      <Text size="sm" fw={600} c="un.9">
        {t('home.partiesToday')}
      </Text>
      {parties.data ? (
        <>
          <Text fz={44} fw={700} lh={1.1} c="un.9">
            {f.number(parties.data.counts.parties)}
          </Text>
          <Text size="sm" c="dimmed">
            {t('home.partiesAsOf', { date: f.date(parties.data.asOf) })}
          </Text>
        </>
      ) : (
        <Skeleton h={48} w={120} mt={6} aria-hidden />
      )}
      <Anchor component={Link} to={paths.parties.getHref()} size="sm" mt="sm" display="inline-block">
        {t('home.partiesLink')}
      </Anchor>
    </Paper>
  );
}

function CyclesFigure() {
  const { t } = useTranslation();
  const f = useFormatters();
  const cycles = useCycles();
  if (cycles.isError) return <ProblemAlert error={cycles.error} />;
  return (
    <Paper withBorder radius="md" p="lg" h="100%">
      <Text size="sm" fw={600} c="un.9" mb="xs">
        {t('home.cycles')}
      </Text>
      {cycles.data ? (
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {[...cycles.data.cycles]
            .sort((a, b) => a.number - b.number)
            .map((cycle) => (
              <Box component="li" key={cycle.number}>
                <Text fw={600}>{t('cycles.cycleHeading', { number: f.calendarYear(cycle.number) })}</Text>
                <Text size="sm">
                  {t('home.cycleChapters', { chapters: f.list(cycle.chapters.map((c) => t('cycles.chapterBadge', { number: f.chapter(c) }))) })}
                </Text>
                <Text size="sm" c="dimmed">
                  {t('home.cycleDates', { from: f.date(cycle.startsOn), to: f.date(cycle.extendedTo ?? cycle.endsOn) })}
                </Text>
              </Box>
            ))}
        </Stack>
      ) : (
        <Skeleton h={60} aria-hidden />
      )}
      <Anchor component={Link} to={paths.cycles.getHref()} size="sm" mt="sm" display="inline-block">
        {t('home.cyclesLink')}
      </Anchor>
    </Paper>
  );
}

function Shortcut({ to, title, body }: { to: string; title: string; body: string }) {
  return (
    <Paper withBorder radius="md" p="md" h="100%">
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <ThemeIcon variant="light" color="un" size={10} radius="xl" mt={7} aria-hidden>
          <span />
        </ThemeIcon>
        <Box>
          <Anchor component={Link} to={to} fw={600}>
            {title}
          </Anchor>
          <Text size="sm" c="dimmed" mt={2}>
            {body}
          </Text>
        </Box>
      </Group>
    </Paper>
  );
}

export function HomePage() {
  const { t } = useTranslation();
  return (
    <Stack gap="xl">
      <Box>
        <PageHeader title={t('home.title')} description={t('home.lead')} />
        <Text maw={760} mt={-4}>
          {t('home.body')}
        </Text>
      </Box>
      <Box component="section" aria-labelledby="home-figures-title">
        <Title order={2} id="home-figures-title" mb="sm">
          {t('home.figuresTitle')}
        </Title>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <ErrorBoundary>
            <PartiesFigure />
          </ErrorBoundary>
          <ErrorBoundary>
            <CyclesFigure />
          </ErrorBoundary>
        </SimpleGrid>
      </Box>
      <Box component="section" aria-labelledby="home-links-title">
        <Title order={2} id="home-links-title" mb="sm">
          {t('home.linksTitle')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="lg">
          <Shortcut to={paths.parties.getHref()} title={t('nav.parties')} body={t('home.linkParties')} />
          <Shortcut to={paths.convention.getHref()} title={t('nav.convention')} body={t('home.linkConvention')} />
          <Shortcut to={paths.cycles.getHref()} title={t('nav.cycles')} body={t('home.linkCycles')} />
        </SimpleGrid>
      </Box>
    </Stack>
  );
}
