import { Box, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { milestoneLabel } from '../../../i18n/labels.ts';
import { todayIso, useFormatters } from '../../../lib/format.ts';
import type { ExtensionDto, PauseDto, ReviewDetailDto, TimelineStepDto } from '../api/get-reviews.ts';
import { STATUS_COLOURS, StatusBadge } from './review-bits.tsx';

const DAY = 86_400_000;

function ms(isoDate: string): number {
  return Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`);
}

function cssColour(colour: string): string {
  return `var(--mantine-color-${colour.replace('.', '-')})`;
}

/** The span the tracks cover: from the earliest date to the latest date or today. */
function rangeOf(review: ReviewDetailDto, today: string): { start: number; end: number } | null {
  const dates: number[] = [];
  for (const step of review.timeline) for (const d of [step.plannedDate, step.dueDate, step.actualDate]) if (d) dates.push(ms(d));
  for (const p of review.pauses) dates.push(ms(p.from), ms(p.to ?? today));
  if (dates.length === 0) return null;
  dates.push(ms(today));
  const min = Math.min(...dates);
  const max = Math.max(...dates);
  const pad = Math.max((max - min) * 0.02, 7 * DAY);
  return { start: min - pad, end: max + pad };
}

/**
 * The review at a glance: one track per milestone, on one time axis, with the planned date
 * (tick), the due date after an extension (diamond), the actual date (dot), the delay (bar)
 * and the pauses (hatched). The tracks are a picture only; the same facts are written next
 * to each of them for screen readers and for print.
 */
export function ReviewTimeline({ review, today = todayIso() }: { review: ReviewDetailDto; today?: string }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const range = rangeOf(review, today);
  const pos = (iso: string) => (range ? ((ms(iso) - range.start) / (range.end - range.start)) * 100 : 0);
  const extensionOf = (kind: string): ExtensionDto | undefined => review.extensions.filter((e) => e.milestone === kind).at(-1);

  const years: number[] = [];
  if (range) {
    for (let y = new Date(range.start).getUTCFullYear() + 1; y <= new Date(range.end).getUTCFullYear(); y += 1) years.push(y);
  }

  return (
    <Box component="section" aria-labelledby="review-timeline-title">
      <Title order={2} size="h3" id="review-timeline-title" mb={4}>
        {t('reviews.timeline.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm" maw={760}>
        {t('reviews.timeline.hint')}
      </Text>
      {range ? <Legend /> : null}
      <Paper withBorder radius="md" p="md" mt="xs">
        {range ? (
          <Box className="review-timeline-axis" aria-hidden style={{ display: 'grid', gridTemplateColumns: 'minmax(220px, 34%) 1fr', gap: 'var(--mantine-spacing-md)' }}>
            <span />
            <Box pos="relative" h={20} style={{ borderBottom: '1px solid var(--mantine-color-gray-4)' }}>
              {years.map((y) => (
                <Text
                  key={y}
                  component="span"
                  size="xs"
                  c="dimmed"
                  pos="absolute"
                  ta="center"
                  style={{ insetInlineStart: `${pos(`${y}-01-01`)}%`, width: 48, marginInlineStart: -24, top: 0 }}
                >
                  {f.calendarYear(y)}
                </Text>
              ))}
            </Box>
          </Box>
        ) : null}
        <Stack component="ol" gap={0} m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('reviews.timeline.listLabel')}>
          {review.timeline.map((step) => (
            <StepRow key={step.kind} step={step} extension={extensionOf(step.kind)} pauses={review.pauses} today={today} pos={range ? pos : null} />
          ))}
        </Stack>
      </Paper>
    </Box>
  );
}

function Legend() {
  const { t } = useTranslation();
  const item = (mark: React.ReactNode, label: string) => (
    <Group gap={6} wrap="nowrap">
      <Box pos="relative" w={18} h={16} aria-hidden>
        {mark}
      </Box>
      <Text size="xs">{label}</Text>
    </Group>
  );
  return (
    <Group gap="lg" aria-hidden>
      {item(<span style={{ ...MARK.planned, insetInlineStart: '50%' }} />, t('reviews.timeline.legendPlanned'))}
      {item(<span style={{ ...MARK.due, insetInlineStart: '50%' }} />, t('reviews.timeline.legendDue'))}
      {item(<span style={{ ...MARK.actual(cssColour(STATUS_COLOURS.done)), insetInlineStart: '50%' }} />, t('reviews.timeline.legendActual'))}
      {item(<span style={{ ...MARK.late(true), insetInlineStart: 0, width: '100%' }} />, t('reviews.timeline.legendLate'))}
      {item(<span style={{ ...MARK.pause, insetInlineStart: 0, width: '100%' }} />, t('reviews.timeline.legendPause'))}
      {item(<span style={{ ...MARK.today, insetInlineStart: '50%' }} />, t('reviews.timeline.legendToday'))}
    </Group>
  );
}

/** Centred on its date with a negative inline-start margin, which mirrors itself in right-to-left pages. */
const centred = (size: number): CSSProperties => ({ position: 'absolute', top: '50%', transform: 'translateY(-50%)', width: size, height: size, marginInlineStart: -size / 2 });

const MARK = {
  planned: { ...centred(2), height: 18, background: 'var(--mantine-color-gray-7)' } satisfies CSSProperties,
  due: { ...centred(12), border: '2px solid var(--mantine-color-blue-8)', background: 'var(--mantine-color-body)', transform: 'translateY(-50%) rotate(45deg)' } satisfies CSSProperties,
  actual: (colour: string): CSSProperties => ({ ...centred(14), borderRadius: '50%', background: colour, border: '2px solid var(--mantine-color-body)', boxShadow: `0 0 0 1px ${colour}` }),
  late: (open: boolean): CSSProperties => ({
    position: 'absolute',
    top: '50%',
    height: 8,
    transform: 'translateY(-50%)',
    borderRadius: 4,
    background: open ? 'var(--mantine-color-red-2)' : 'var(--mantine-color-orange-2)',
    border: `1px solid ${open ? 'var(--mantine-color-red-8)' : 'var(--mantine-color-orange-8)'}`,
  }),
  pause: {
    position: 'absolute',
    top: 0,
    bottom: 0,
    background: 'repeating-linear-gradient(135deg, var(--mantine-color-gray-3) 0 4px, transparent 4px 8px)',
  } satisfies CSSProperties,
  today: { position: 'absolute', top: 0, bottom: 0, width: 0, marginInlineStart: -1, borderInlineStart: '2px dashed var(--mantine-color-blue-6)' } satisfies CSSProperties,
};

function StepRow({
  step,
  extension,
  pauses,
  today,
  pos,
}: {
  step: TimelineStepDto;
  extension: ExtensionDto | undefined;
  pauses: PauseDto[];
  today: string;
  pos: ((iso: string) => number) | null;
}) {
  const { t } = useTranslation();
  const f = useFormatters();
  const colour = cssColour(STATUS_COLOURS[step.status]);
  const isLate = step.daysLate > 0;
  const lateUntil = step.actualDate ?? today;
  const facts: string[] = [];
  if (step.plannedDate) facts.push(t('reviews.timeline.planned', { date: f.date(step.plannedDate) }));
  if (step.dueDate && step.dueDate !== step.plannedDate) facts.push(t('reviews.timeline.due', { date: f.date(step.dueDate) }));
  if (step.actualDate) facts.push(t('reviews.timeline.actual', { date: f.date(step.actualDate) }));
  if (isLate) facts.push(t('reviews.timeline.daysLate', { formatted: f.number(step.daysLate) }));

  return (
    <Box
      component="li"
      py="xs"
      data-status={step.status}
      style={{
        display: 'grid',
        gridTemplateColumns: pos ? 'minmax(220px, 34%) 1fr' : '1fr',
        gap: 'var(--mantine-spacing-md)',
        alignItems: 'center',
        borderBottom: '1px solid var(--mantine-color-gray-2)',
      }}
    >
      <Stack gap={2}>
        <Group gap={8} wrap="nowrap" align="center">
          <Box w={10} h={10} style={{ borderRadius: '50%', background: colour, flex: 'none' }} aria-hidden />
          <Text fw={600} size="sm" c={step.status === 'not-applicable' ? 'dimmed' : undefined}>
            {milestoneLabel(t, step.kind)}
          </Text>
          <StatusBadge status={step.status} />
        </Group>
        {facts.length > 0 ? (
          <Text size="xs" c={step.status === 'overdue' ? 'red.9' : 'dimmed'} fw={step.status === 'overdue' ? 600 : undefined} ps={18}>
            {facts.join(' · ')}
          </Text>
        ) : null}
        {extension ? (
          <Text size="xs" c="blue.8" ps={18}>
            {t('reviews.timeline.extended', { date: f.date(extension.newDueDate), agreedBy: extension.agreedBy })}
            {extension.reason ? ` — ${extension.reason}` : ''}
          </Text>
        ) : null}
      </Stack>
      {pos ? (
        <Box pos="relative" h={28} aria-hidden style={{ background: 'var(--mantine-color-gray-0)', borderRadius: 4, overflow: 'hidden' }}>
          {pauses.map((p) => (
            <span key={p.from} style={{ ...MARK.pause, insetInlineStart: `${pos(p.from)}%`, width: `${Math.max(pos(p.to ?? today) - pos(p.from), 0.5)}%` }} />
          ))}
          {isLate && step.dueDate ? (
            <span
              style={{ ...MARK.late(step.status === 'overdue'), insetInlineStart: `${pos(step.dueDate)}%`, width: `${Math.max(pos(lateUntil) - pos(step.dueDate), 0.5)}%` }}
            />
          ) : null}
          <span style={{ ...MARK.today, insetInlineStart: `${pos(today)}%` }} />
          {step.plannedDate ? <span style={{ ...MARK.planned, insetInlineStart: `${pos(step.plannedDate)}%` }} /> : null}
          {step.dueDate && step.dueDate !== step.plannedDate ? <span style={{ ...MARK.due, insetInlineStart: `${pos(step.dueDate)}%` }} /> : null}
          {step.actualDate ? <span style={{ ...MARK.actual(colour), insetInlineStart: `${pos(step.actualDate)}%` }} /> : null}
        </Box>
      ) : null}
    </Box>
  );
}
