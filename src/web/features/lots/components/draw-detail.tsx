import { Alert, Anchor, Box, Code, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/ui/loading.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { ProblemAlert } from '../../../components/ui/problem-message.tsx';
import { drawKindLabel } from '../../../i18n/labels.ts';
import { useFormatters } from '../../../lib/format.ts';
import { paths } from '../../../lib/paths.ts';
import { useAbility } from '../../auth/api/get-session.ts';
import { useCycles } from '../../cycles/api/get-cycles.ts';
import { usePartyNames } from '../../parties/api/use-party-names.ts';
import { isReviewerResult, recordHref, useDraw, type CohortYearDto, type DrawDetailDto, type DrawRecordDto } from '../api/get-draw.ts';
import { CohortResultTable } from './cohort-result.tsx';
import { DrawStatusBadge, FullHash } from './draw-bits.tsx';
import { DrawControls } from './draw-controls.tsx';
import { RedrawRequests } from './redraw-requests.tsx';
import { RequestRedrawForm } from './request-redraw-form.tsx';
import { ReviewerResultTable } from './result-table.tsx';

function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <Box>
      <Text component="dt" size="sm" fw={600} c="dimmed">
        {term}
      </Text>
      <Text component="dd" m={0} fz="lg" fw={500}>
        {children}
      </Text>
    </Box>
  );
}

/** "Draw of reviewers · cycle 1, year 1 (2010)", used as the page title. */
export function useDrawTitle() {
  const { t } = useTranslation();
  const f = useFormatters();
  const cycles = useCycles();
  return (draw: Pick<DrawDetailDto, 'kind' | 'cycle' | 'year'>) => {
    const cycle = cycles.data?.cycles.find((c) => c.number === draw.cycle);
    const where =
      draw.year === null
        ? t('lots.cycleN', { number: f.calendarYear(draw.cycle) })
        : cycle
          ? t('lots.cycleYearCalendar', { cycle: f.calendarYear(draw.cycle), year: f.calendarYear(draw.year), calendarYear: f.calendarYear(cycle.firstYear + draw.year - 1) })
          : t('lots.cycleYear', { cycle: f.calendarYear(draw.cycle), year: f.calendarYear(draw.year) });
    return `${drawKindLabel(t, draw.kind)} · ${where}`;
  };
}

function RedrawOf({ draw }: { draw: DrawDetailDto }) {
  const { t } = useTranslation();
  const { nameOf } = usePartyNames();
  const of = (draw.inputs as { of?: { underReview: string; slot: number } }).of;
  if (draw.kind !== 'redraw' || !of) return null;
  return (
    <Text fz="lg">
      {of.slot === 0 ? t('lots.redrawOf0', { name: nameOf(of.underReview) }) : t('lots.redrawOf1', { name: nameOf(of.underReview) })}
    </Text>
  );
}

function ResultSection({ draw, record }: { draw: DrawDetailDto; record: DrawRecordDto }) {
  const { t } = useTranslation();
  const cycles = useCycles();
  const firstYear = cycles.data?.cycles.find((c) => c.number === draw.cycle)?.firstYear;
  const redraw = record.redraw?.of;
  const result = isReviewerResult(record) ? (redraw ? record.result.filter((r) => r.underReview === redraw.underReview) : record.result) : null;
  return (
    <Box component="section" aria-labelledby="draw-result-title">
      <Title order={2} id="draw-result-title" mb="sm">
        {t('lots.result.title')}
      </Title>
      {result ? (
        <ReviewerResultTable result={result} recordParties={record.parties} changed={redraw} />
      ) : (
        <CohortResultTable result={record.result as CohortYearDto[]} firstYear={firstYear} />
      )}
    </Box>
  );
}

function RevealSection({ draw, record }: { draw: DrawDetailDto; record: DrawRecordDto }) {
  const { t, i18n } = useTranslation();
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="draw-reveal-title">
      <Stack gap="md">
        <Title order={2} id="draw-reveal-title">
          {t('lots.reveal.title')}
        </Title>
        <Box>
          <Text fw={600}>{t('lots.reveal.entropy')}</Text>
          {/* dir="auto": numbers read out in the room keep their order in Arabic too. */}
          <Text fz="xl" ff="monospace" dir="auto" ta={i18n.dir() === 'rtl' ? 'right' : 'left'} style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
            {record.publicEntropy}
          </Text>
        </Box>
        <Box>
          <Text fw={600}>{t('lots.reveal.secret')}</Text>
          <FullHash value={record.secret} />
        </Box>
        <Box>
          <Text fw={600}>{t('lots.reveal.seed')}</Text>
          <Text size="sm" c="dimmed">
            {t('lots.reveal.seedHint')}
          </Text>
          <FullHash value={record.seed} />
        </Box>
        {draw.status === 'published' ? (
          <Group>
            <Anchor href={recordHref(draw.id)} download={`draw-${draw.id}.json`} fw={600}>
              {t('lots.reveal.download')}
            </Anchor>
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}

function HowToVerify() {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="draw-verify-title">
      <Stack gap="sm">
        <Title order={2} id="draw-verify-title">
          {t('lots.howToVerify.title')}
        </Title>
        <Text>{t('lots.howToVerify.body')}</Text>
        <Text>{t('lots.howToVerify.cli')}</Text>
        <Code block dir="ltr" fz="md">
          npx openirm lots verify record.json
        </Code>
        <Text>
          {t('lots.howToVerify.web')}{' '}
          <Anchor component={Link} to={paths.drawVerify.getHref()}>
            {t('lots.howToVerify.webLink')}
          </Anchor>
        </Text>
      </Stack>
    </Paper>
  );
}

/** One draw: public for the meeting-room screen, with the secretariat's steps when allowed. */
export function DrawDetail({ drawId }: { drawId: string }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const query = useDraw(drawId);
  const isManager = useAbility('lots.manage');
  const mayRequestRedraw = useAbility('lots.requestRedraw');
  const titleOf = useDrawTitle();

  if (query.isPending) {
    return (
      <>
        <PageHeader title={t('lots.drawTitle')} />
        <Loading />
      </>
    );
  }
  if (query.isError) {
    return (
      <>
        <PageHeader title={t('lots.drawTitle')} />
        <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  }
  const draw = query.data.draw;
  const record = draw.record;

  return (
    <>
      <PageHeader
        title={titleOf(draw)}
        actions={
          <Anchor component={Link} to={paths.draws.getHref()} size="sm">
            {t('lots.backToList')}
          </Anchor>
        }
      />
      <Stack gap="xl">
        <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="draw-facts-title">
          <Stack gap="md">
            <Group justify="space-between" align="center">
              <Title order={2} id="draw-facts-title">
                {t('lots.facts.title')}
              </Title>
              <DrawStatusBadge status={draw.status} size="xl" />
            </Group>
            <RedrawOf draw={draw} />
            <SimpleGrid component="dl" cols={{ base: 1, sm: 2, lg: 4 }} spacing="md" m={0}>
              <Fact term={t('lots.facts.kind')}>{drawKindLabel(t, draw.kind)}</Fact>
              <Fact term={t('lots.facts.committedAt')}>{f.dateTimeUtc(draw.createdAt)}</Fact>
              <Fact term={t('lots.facts.drawnAt')}>{draw.drawnAt ? f.dateTimeUtc(draw.drawnAt) : '—'}</Fact>
              <Fact term={t('lots.facts.publishedAt')}>{draw.publishedAt ? f.dateTimeUtc(draw.publishedAt) : '—'}</Fact>
            </SimpleGrid>
            <Box>
              <Text fw={600} fz="lg">
                {t('lots.facts.commitment')}
              </Text>
              <Text size="sm" c="dimmed" mb={4}>
                {t('lots.facts.commitmentHint')}
              </Text>
              <FullHash value={draw.commitment} size="xl" />
            </Box>
          </Stack>
        </Paper>

        {draw.status === 'committed' ? (
          <Alert color="blue" variant="light" title={t('lots.committedTitle')}>
            <Text size="md">{t('lots.committedBody')}</Text>
          </Alert>
        ) : null}
        {draw.status === 'cancelled' ? (
          <Alert color="gray" variant="light" title={t('lots.cancelledTitle')}>
            <Text size="md">{t('lots.cancelledBody')}</Text>
          </Alert>
        ) : null}

        {isManager ? <DrawControls draw={draw} /> : null}

        {record ? <ResultSection draw={draw} record={record} /> : null}
        {record ? <RevealSection draw={draw} record={record} /> : null}
        {draw.status === 'published' ? <HowToVerify /> : null}

        {draw.status === 'published' && record && isReviewerResult(record) && draw.kind === 'reviewers' && mayRequestRedraw ? (
          <RequestRedrawForm cycle={draw.cycle} result={record.result} />
        ) : null}
        {draw.status === 'published' && draw.kind === 'reviewers' && isManager ? <RedrawRequests cycle={draw.cycle} /> : null}
      </Stack>
    </>
  );
}
