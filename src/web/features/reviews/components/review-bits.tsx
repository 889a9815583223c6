import { Badge, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Stage } from '../../../../domain/reviews/stages.ts';
import { reviewStageLabel, timelineStatusLabel } from '../../../i18n/labels.ts';
import { useFormatters } from '../../../lib/format.ts';
import type { TimelineStatus } from '../api/get-reviews.ts';

/** Dark shades of each colour, so that the light badges keep a 4.5:1 contrast. */
export const STAGE_COLOURS: Record<Stage, string> = {
  'not-started': 'gray.7',
  checklist: 'indigo.8',
  'desk-review': 'cyan.9',
  dialogue: 'violet.8',
  drafting: 'blue.8',
  finalisation: 'grape.9',
  published: 'green.9',
  completed: 'teal.9',
  paused: 'orange.9',
};

export const STATUS_COLOURS: Record<TimelineStatus, string> = {
  done: 'green.8',
  due: 'blue.7',
  overdue: 'red.9',
  upcoming: 'gray.6',
  'not-applicable': 'gray.4',
};

/** Long stage names ("Self-assessment checklist") wrap in narrow table cells instead of being cut off. */
const WRAPPING_BADGE = {
  root: { height: 'auto', minHeight: 'var(--badge-height)', paddingBlock: 2, maxWidth: '100%' },
  label: { whiteSpace: 'normal', overflow: 'visible', lineHeight: 1.3 },
} as const;

export function StageBadge({ stage, size = 'md' }: { stage: Stage; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={STAGE_COLOURS[stage] ?? 'gray.7'}
      variant={stage === 'completed' ? 'filled' : 'light'}
      size={size}
      tt="none"
      styles={WRAPPING_BADGE}
    >
      {reviewStageLabel(t, stage)}
    </Badge>
  );
}

export function StatusBadge({ status }: { status: TimelineStatus }) {
  const { t } = useTranslation();
  const colour = status === 'not-applicable' ? 'gray.7' : status === 'upcoming' ? 'gray.7' : STATUS_COLOURS[status];
  return (
    <Badge color={colour} variant={status === 'overdue' ? 'filled' : 'light'} size="sm" tt="none">
      {timelineStatusLabel(t, status)}
    </Badge>
  );
}

/** The number of days late, in red while a step is overdue; "on time" otherwise. */
export function DaysLate({ days, overdue }: { days: number; overdue: boolean }) {
  const { t } = useTranslation();
  const f = useFormatters();
  if (days <= 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('reviews.onTime')}
      </Text>
    );
  }
  return (
    <Text size="sm" fw={overdue ? 700 : 500} c={overdue ? 'red.9' : undefined} className="nowrap">
      {f.number(days)}
      {overdue ? <VisuallyHidden>{` ${t('reviews.timelineStatus.overdue')}`}</VisuallyHidden> : null}
    </Text>
  );
}
