import { ActionIcon, Badge, CopyButton, Group, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { drawStatusLabel } from '../../../i18n/labels.ts';
import type { DrawStatus } from '../api/get-draws.ts';

const STATUS_COLOURS: Record<DrawStatus, string> = {
  committed: 'blue.8',
  drawn: 'orange.9',
  published: 'green.9',
  cancelled: 'gray.7',
};

export function DrawStatusBadge({ status, size = 'md' }: { status: DrawStatus; size?: 'md' | 'lg' | 'xl' }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOURS[status] ?? 'gray.7'} variant="light" size={size} tt="none">
      {drawStatusLabel(t, status)}
    </Badge>
  );
}

/** A hash shortened for tables; the full value is in the tooltip, the title and the copy button. */
export function ShortHash({ value, label }: { value: string; label: string }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap" dir="ltr">
      <Tooltip label={value} multiline maw={320} withArrow>
        <Text component="span" ff="monospace" size="sm" title={value} aria-label={`${label}: ${value}`}>
          {value.slice(0, 12)}…
        </Text>
      </Tooltip>
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <ActionIcon variant="subtle" color={copied ? 'green.9' : 'gray.7'} size="sm" onClick={copy} aria-label={copied ? t('lots.copied') : t('lots.copyValue', { label })}>
            <span aria-hidden style={{ fontSize: 13 }}>
              {copied ? '✓' : '⧉'}
            </span>
          </ActionIcon>
        )}
      </CopyButton>
    </Group>
  );
}

/** A full hex value on its own line, wrapping anywhere, left to right even in Arabic. */
export function FullHash({ value, size = 'md' }: { value: string; size?: string }) {
  const { i18n } = useTranslation();
  // Written left to right, but placed on the reading side of the page (right in Arabic).
  return (
    <Text ff="monospace" fz={size} dir="ltr" ta={i18n.dir() === 'rtl' ? 'right' : 'left'} style={{ overflowWrap: 'anywhere', wordBreak: 'break-all' }} lh={1.5}>
      {value}
    </Text>
  );
}
