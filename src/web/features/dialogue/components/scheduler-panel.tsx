import { ActionIcon, Alert, Autocomplete, Badge, Button, Fieldset, Group, MultiSelect, NumberInput, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ui/problem-message.tsx';
import { useFormatters } from '../../../lib/format.ts';
import { usePartyNames } from '../../parties/api/use-party-names.ts';
import { UN_LANGUAGE_VALUES, useSchedule, type DialogueResponse, type ScheduleInput } from '../api/dialogue.ts';
import { formatInZone, formatWallTime, languageName, viewerTimeZone } from './zoned-time.ts';

const WORK_WEEK = [1, 2, 3, 4, 5];

interface Row {
  key: string;
  label: string;
  timeZone: string;
  workStart: string;
  workEnd: string;
}

interface InterpreterRow extends Row {
  language: string;
}

function timeZoneNames(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  return intl.supportedValuesOf ? intl.supportedValuesOf('timeZone') : [];
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Time zones and working hours in, ranked slots out, with each participant's local time. */
export function SchedulerPanel({ reviewId, data }: { reviewId: string; data: DialogueResponse }) {
  const { t } = useTranslation();
  const { language } = useFormatters();
  const { nameOf } = usePartyNames();
  const zones = useMemo(() => timeZoneNames(), []);
  const dialogue = data.dialogue;
  const [people, setPeople] = useState<Row[]>(() => [
    { key: 'sur', label: nameOf(data.stateUnderReview), timeZone: '', workStart: '09:00', workEnd: '17:30' },
    ...data.reviewers.map((r) => ({ key: r, label: nameOf(r), timeZone: '', workStart: '09:00', workEnd: '17:30' })),
    { key: 'secretariat', label: t('dialogue.side.secretariat'), timeZone: 'Europe/Vienna', workStart: '09:00', workEnd: '17:30' },
  ]);
  const [interpreters, setInterpreters] = useState<InterpreterRow[]>([]);
  const [languages, setLanguages] = useState<string[]>(dialogue?.interpretationLanguages ?? []);
  const [from, setFrom] = useState(() => dialogue?.startDate ?? isoDay(new Date()));
  const [to, setTo] = useState(() => dialogue?.endDate ?? isoDay(new Date(Date.now() + 13 * 86_400_000)));
  const [duration, setDuration] = useState<number>(90);
  const [step, setStep] = useState<number>(30);
  const schedule = useSchedule(reviewId);

  const request = (): ScheduleInput => ({
    participants: people.map((p) => ({ id: p.key, label: p.label, timeZone: p.timeZone.trim(), workStart: p.workStart, workEnd: p.workEnd, workDays: WORK_WEEK })),
    interpreters: interpreters.map((p) => ({ id: p.key, language: p.language, timeZone: p.timeZone.trim(), workStart: p.workStart, workEnd: p.workEnd, workDays: WORK_WEEK })),
    interpretationLanguages: languages,
    from,
    to,
    durationMinutes: duration,
    stepMinutes: step,
    limit: 20,
  });

  const rowFields = (row: Row, update: (patch: Partial<Row>) => void) => (
    <>
      <Autocomplete label={t('dialogue.scheduler.timeZone')} placeholder="Africa/Nairobi" data={zones} limit={12} value={row.timeZone} onChange={(value) => update({ timeZone: value })} />
      <TextInput type="time" label={t('dialogue.scheduler.hoursFrom')} value={row.workStart} onChange={(e) => update({ workStart: e.currentTarget.value })} w={120} />
      <TextInput type="time" label={t('dialogue.scheduler.hoursTo')} value={row.workEnd} onChange={(e) => update({ workEnd: e.currentTarget.value })} w={120} />
    </>
  );

  const result = schedule.data;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="dialogue-scheduler-title">
      <Title order={2} size="h3" id="dialogue-scheduler-title" mb="xs">
        {t('dialogue.scheduler.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md" maw={760}>
        {t('dialogue.scheduler.intro')}
      </Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          schedule.mutate(request());
        }}
      >
        <Stack gap="md">
          <Fieldset legend={t('dialogue.scheduler.people')}>
            <Stack gap="xs">
              {people.map((p, i) => (
                <Group key={p.key} align="flex-end" wrap="wrap" gap="xs">
                  <TextInput label={t('dialogue.scheduler.name')} value={p.label} onChange={(e) => setPeople(people.map((q, j) => (j === i ? { ...q, label: e.currentTarget.value } : q)))} />
                  {rowFields(p, (patch) => setPeople(people.map((q, j) => (j === i ? { ...q, ...patch } : q))))}
                  <ActionIcon variant="subtle" color="red" aria-label={t('dialogue.form.remove')} onClick={() => setPeople(people.filter((_, j) => j !== i))}>
                    ×
                  </ActionIcon>
                </Group>
              ))}
              <Group>
                <Button variant="light" size="xs" onClick={() => setPeople([...people, { key: `p${Date.now()}`, label: '', timeZone: '', workStart: '09:00', workEnd: '17:30' }])}>
                  {t('dialogue.scheduler.addPerson')}
                </Button>
              </Group>
            </Stack>
          </Fieldset>
          <Fieldset legend={t('dialogue.scheduler.interpreters')}>
            <Stack gap="xs">
              <MultiSelect
                label={t('dialogue.scheduler.languagesNeeded')}
                data={UN_LANGUAGE_VALUES.map((value) => ({ value, label: languageName(value, language) }))}
                value={languages}
                onChange={setLanguages}
              />
              {interpreters.map((p, i) => (
                <Group key={p.key} align="flex-end" wrap="wrap" gap="xs">
                  <Select
                    label={t('dialogue.scheduler.language')}
                    data={UN_LANGUAGE_VALUES.map((value) => ({ value, label: languageName(value, language) }))}
                    value={p.language}
                    onChange={(value) => value && setInterpreters(interpreters.map((q, j) => (j === i ? { ...q, language: value } : q)))}
                    allowDeselect={false}
                  />
                  {rowFields(p, (patch) => setInterpreters(interpreters.map((q, j) => (j === i ? { ...q, ...patch } : q))))}
                  <ActionIcon variant="subtle" color="red" aria-label={t('dialogue.form.remove')} onClick={() => setInterpreters(interpreters.filter((_, j) => j !== i))}>
                    ×
                  </ActionIcon>
                </Group>
              ))}
              <Group>
                <Button
                  variant="light"
                  size="xs"
                  onClick={() => setInterpreters([...interpreters, { key: `i${Date.now()}`, label: '', language: languages[0] ?? 'en', timeZone: 'Europe/Vienna', workStart: '09:00', workEnd: '17:30' }])}
                >
                  {t('dialogue.scheduler.addInterpreter')}
                </Button>
              </Group>
            </Stack>
          </Fieldset>
          <Group align="flex-end" wrap="wrap" gap="xs">
            <TextInput type="date" label={t('dialogue.scheduler.rangeFrom')} value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
            <TextInput type="date" label={t('dialogue.scheduler.rangeTo')} value={to} onChange={(e) => setTo(e.currentTarget.value)} />
            <NumberInput label={t('dialogue.scheduler.duration')} value={duration} onChange={(v) => setDuration(Number(v) || 0)} min={15} max={720} step={15} w={160} />
            <NumberInput label={t('dialogue.scheduler.step')} value={step} onChange={(v) => setStep(Number(v) || 0)} min={5} max={1440} step={15} w={160} />
            <Button type="submit" loading={schedule.isPending}>
              {t('dialogue.scheduler.submit')}
            </Button>
          </Group>
        </Stack>
      </form>

      {schedule.error ? <ProblemAlert error={schedule.error} /> : null}
      {result ? (
        <Stack gap="sm" mt="lg">
          <Title order={3} size="h4">
            {t('dialogue.scheduler.results')}
          </Title>
          {result.clockChanges.map((c) => (
            <Alert key={`${c.timeZone}${c.at}`} variant="light" color="yellow">
              {t('dialogue.clockChange', { zone: c.timeZone, when: formatInZone(c.at, c.timeZone, language), from: c.fromOffset, to: c.toOffset })}
            </Alert>
          ))}
          {result.slots.length === 0 ? (
            <Text>{t('dialogue.scheduler.none')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={720}>
              <Table striped withTableBorder data-testid="scheduler-results">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('dialogue.scheduler.rank')}</Table.Th>
                    <Table.Th scope="col">{t('dialogue.scheduler.yourTime', { zone: viewerTimeZone() })}</Table.Th>
                    <Table.Th scope="col">{t('dialogue.scheduler.fits')}</Table.Th>
                    {result.slots[0]!.participants.map((p) => (
                      <Table.Th scope="col" key={p.id}>
                        {p.label}
                        <Text size="xs" c="dimmed">
                          {p.timeZone}
                        </Text>
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {result.slots.map((slot) => (
                    <Table.Tr key={slot.start}>
                      <Table.Td>{slot.rank}</Table.Td>
                      <Table.Td>{formatInZone(slot.start, viewerTimeZone(), language)}</Table.Td>
                      <Table.Td>
                        <Badge color={slot.fitsAll ? 'green' : 'gray'} variant="light">
                          {t('dialogue.scheduler.fitsCount', { inside: slot.insideCount, total: slot.participantCount })}
                        </Badge>
                      </Table.Td>
                      {slot.participants.map((p) => (
                        <Table.Td key={p.id}>
                          <Text size="sm">
                            {formatWallTime(p.localStart, language)} – {p.localEnd.slice(11)} (UTC{p.utcOffset})
                          </Text>
                          {p.inside ? null : (
                            <Text size="xs" c="red.8">
                              {t('dialogue.scheduler.outside')}
                            </Text>
                          )}
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
      ) : null}
    </Paper>
  );
}
