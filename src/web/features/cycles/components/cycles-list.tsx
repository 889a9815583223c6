import { Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/ui/loading.tsx';
import { ProblemAlert } from '../../../components/ui/problem-message.tsx';
import { useAbility } from '../../auth/api/get-session.ts';
import { useCycles } from '../api/get-cycles.ts';
import { CycleCard } from './cycle-card.tsx';
import { EditCohortModal, type CohortRef } from './edit-cohort-modal.tsx';

export function CyclesList() {
  const { t } = useTranslation();
  const cycles = useCycles();
  const canEdit = useAbility('cohorts.update');
  const [editing, setEditing] = useState<CohortRef | null>(null);

  if (cycles.isPending) return <Loading />;
  if (cycles.isError) return <ProblemAlert error={cycles.error} onRetry={() => void cycles.refetch()} />;
  if (cycles.data.cycles.length === 0) return <Text c="dimmed">{t('cycles.none')}</Text>;

  return (
    <Stack gap="xl">
      {[...cycles.data.cycles]
        .sort((a, b) => a.number - b.number)
        .map((cycle) => (
          <CycleCard key={cycle.number} cycle={cycle} canEdit={canEdit} onEdit={setEditing} />
        ))}
      {canEdit ? <EditCohortModal target={editing} onClose={() => setEditing(null)} /> : null}
    </Stack>
  );
}
