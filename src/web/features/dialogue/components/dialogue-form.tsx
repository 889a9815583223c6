import { ActionIcon, Button, Checkbox, Fieldset, Group, MultiSelect, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ui/problem-message.tsx';
import { dialogueTypeLabel } from '../../../i18n/labels.ts';
import { useFormatters } from '../../../lib/format.ts';
import { usePartyNames } from '../../parties/api/use-party-names.ts';
import { DIALOGUE_FORM_VALUES, UN_LANGUAGE_VALUES, useSaveDialogue, type DialogueInput, type DialogueResponse, type UnLanguage } from '../api/dialogue.ts';
import { sideLabel } from './dialogue-labels.ts';
import { languageName } from './zoned-time.ts';

type ParticipantDraft = DialogueInput['participants'][number];
type SessionDraft = DialogueInput['sessions'][number];

function initial(data: DialogueResponse): DialogueInput {
  const d = data.dialogue;
  if (!d) {
    return { form: 'joint_meeting', timeZone: 'Europe/Vienna', startDate: null, endDate: null, location: '', stakeholdersAgreed: false, interpretationLanguages: [], participants: [], sessions: [], version: 0 };
  }
  return {
    form: d.form,
    timeZone: d.timeZone,
    startDate: d.startDate,
    endDate: d.endDate,
    location: d.location,
    stakeholdersAgreed: d.stakeholdersAgreed,
    interpretationLanguages: d.interpretationLanguages,
    participants: d.participants.map((p) => ({ id: p.id, name: p.name, side: p.side, organisation: p.organisation, email: p.email, attended: p.attended })),
    sessions: d.sessions.map((s) => ({ id: s.id, title: s.title, topic: s.topic, date: s.local.date, startTime: s.local.startTime, endTime: s.local.endTime })),
    version: d.version,
  };
}

const ATTENDED = ['unknown', 'yes', 'no'] as const;

/**
 * The secretariat's form: the whole dialogue, saved at once with the version read. The parent
 * remounts it on each new version (fresh ids and times), so it keeps the "saved" flag.
 */
export function DialogueFormPanel({ data, saved, onSaved }: { data: DialogueResponse; saved: boolean; onSaved: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const { language } = useFormatters();
  const { nameOf } = usePartyNames();
  const [draft, setDraft] = useState<DialogueInput>(() => initial(data));
  const save = useSaveDialogue(data.reviewId);
  const set = (patch: Partial<DialogueInput>) => {
    setDraft((d) => ({ ...d, ...patch }));
    onSaved(false);
  };
  const setParticipant = (i: number, patch: Partial<ParticipantDraft>) => set({ participants: draft.participants.map((p, j) => (j === i ? { ...p, ...patch } : p)) });
  const setSession = (i: number, patch: Partial<SessionDraft>) => set({ sessions: draft.sessions.map((s, j) => (j === i ? { ...s, ...patch } : s)) });
  const sides = ['state-under-review', ...data.reviewers.map((r) => `reviewer:${r}`), 'secretariat', 'stakeholder'].map((value) => ({ value, label: sideLabel(t, value, nameOf, data.stateUnderReview) }));

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="dialogue-form-title">
      <Title order={2} size="h3" id="dialogue-form-title" mb="md">
        {t('dialogue.form.title')}
      </Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({ ...draft, location: draft.location.trim() }, { onSuccess: () => onSaved(true) });
        }}
      >
        <Stack gap="md">
          <Group grow align="flex-start" wrap="wrap">
            <Select
              label={t('dialogue.form.form')}
              data={DIALOGUE_FORM_VALUES.map((value) => ({ value, label: dialogueTypeLabel(t, value) }))}
              value={draft.form}
              onChange={(value) => value && set({ form: value as DialogueInput['form'], ...(value === 'joint_meeting' ? { timeZone: 'Europe/Vienna' } : {}) })}
              allowDeselect={false}
            />
            <TextInput label={t('dialogue.form.timeZone')} description={t('dialogue.form.timeZoneHint')} value={draft.timeZone} onChange={(e) => set({ timeZone: e.currentTarget.value })} />
            <TextInput type="date" label={t('dialogue.form.startDate')} value={draft.startDate ?? ''} onChange={(e) => set({ startDate: e.currentTarget.value || null })} />
            <TextInput type="date" label={t('dialogue.form.endDate')} value={draft.endDate ?? ''} onChange={(e) => set({ endDate: e.currentTarget.value || null })} />
          </Group>
          <TextInput label={t('dialogue.form.location')} value={draft.location} onChange={(e) => set({ location: e.currentTarget.value })} />
          <MultiSelect
            label={t('dialogue.form.languages')}
            data={UN_LANGUAGE_VALUES.map((value) => ({ value, label: languageName(value, language) }))}
            value={draft.interpretationLanguages}
            onChange={(values) => set({ interpretationLanguages: values as UnLanguage[] })}
          />
          <Checkbox label={t('dialogue.form.stakeholders')} checked={draft.stakeholdersAgreed} onChange={(e) => set({ stakeholdersAgreed: e.currentTarget.checked })} />

          <Fieldset legend={t('dialogue.participants.title')}>
            <Stack gap="xs">
              {draft.participants.map((p, i) => (
                <Group key={p.id ?? `new-${i}`} align="flex-end" wrap="wrap" gap="xs">
                  <TextInput label={t('dialogue.participants.name')} value={p.name} onChange={(e) => setParticipant(i, { name: e.currentTarget.value })} />
                  <Select label={t('dialogue.participants.side')} data={sides} value={p.side} onChange={(value) => value && setParticipant(i, { side: value })} allowDeselect={false} />
                  <TextInput label={t('dialogue.participants.organisation')} value={p.organisation} onChange={(e) => setParticipant(i, { organisation: e.currentTarget.value })} />
                  <TextInput type="email" label={t('dialogue.form.email')} value={p.email ?? ''} onChange={(e) => setParticipant(i, { email: e.currentTarget.value || null })} />
                  <Select
                    label={t('dialogue.participants.attended')}
                    data={ATTENDED.map((value) => ({ value, label: t(`dialogue.attended.${value}`) }))}
                    value={p.attended === null ? 'unknown' : p.attended ? 'yes' : 'no'}
                    onChange={(value) => setParticipant(i, { attended: value === 'yes' ? true : value === 'no' ? false : null })}
                    allowDeselect={false}
                  />
                  <ActionIcon variant="subtle" color="red" aria-label={t('dialogue.form.remove')} onClick={() => set({ participants: draft.participants.filter((_, j) => j !== i) })}>
                    ×
                  </ActionIcon>
                </Group>
              ))}
              <Group>
                <Button variant="light" size="xs" onClick={() => set({ participants: [...draft.participants, { name: '', side: 'state-under-review', organisation: '', email: null, attended: null }] })}>
                  {t('dialogue.form.addParticipant')}
                </Button>
              </Group>
            </Stack>
          </Fieldset>

          <Fieldset legend={t('dialogue.agenda.title')}>
            <Stack gap="xs">
              <Text size="sm" c="dimmed">
                {t('dialogue.form.sessionsHint', { zone: draft.timeZone })}
              </Text>
              {draft.sessions.map((s, i) => (
                <Group key={s.id ?? `new-${i}`} align="flex-end" wrap="wrap" gap="xs">
                  <TextInput label={t('dialogue.form.sessionTitle')} value={s.title} onChange={(e) => setSession(i, { title: e.currentTarget.value })} />
                  <TextInput label={t('dialogue.form.topic')} value={s.topic} onChange={(e) => setSession(i, { topic: e.currentTarget.value })} />
                  <TextInput type="date" label={t('dialogue.form.date')} value={s.date} onChange={(e) => setSession(i, { date: e.currentTarget.value })} />
                  <TextInput type="time" label={t('dialogue.form.start')} value={s.startTime} onChange={(e) => setSession(i, { startTime: e.currentTarget.value })} />
                  <TextInput type="time" label={t('dialogue.form.end')} value={s.endTime} onChange={(e) => setSession(i, { endTime: e.currentTarget.value })} />
                  <ActionIcon variant="subtle" color="red" aria-label={t('dialogue.form.remove')} onClick={() => set({ sessions: draft.sessions.filter((_, j) => j !== i) })}>
                    ×
                  </ActionIcon>
                </Group>
              ))}
              <Group>
                <Button
                  variant="light"
                  size="xs"
                  onClick={() => set({ sessions: [...draft.sessions, { title: '', topic: '', date: draft.startDate ?? '', startTime: '09:00', endTime: '10:00' }] })}
                >
                  {t('dialogue.form.addSession')}
                </Button>
              </Group>
            </Stack>
          </Fieldset>

          {save.error ? <ProblemAlert error={save.error} /> : null}
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('dialogue.form.save')}
            </Button>
            {saved ? (
              <Text size="sm" role="status">
                {t('dialogue.form.saved')}
              </Text>
            ) : null}
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
