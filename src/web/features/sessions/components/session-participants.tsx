import { Alert, Anchor, Badge, Button, Checkbox, CopyButton, Group, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnLanguage } from '../../../../domain/parties/party.ts';
import { Loading } from '../../../components/ui/loading.tsx';
import { ProblemAlert } from '../../../components/ui/problem-message.tsx';
import { useFormatters } from '../../../lib/format.ts';
import { useParties } from '../../parties/api/get-parties.ts';
import {
  ATTENDANCE_LANGUAGES,
  OBSERVER_CATEGORY_VALUES,
  parseParticipantLines,
  useAttendanceParagraphs,
  useParticipants,
  useParticipantStep,
  useRegisterDelegation,
  type DelegationInput,
  type ObserverCategory,
  type ParticipantDto,
  type ParticipantsDto,
} from '../api/participants.ts';
import { sessionPath } from '../api/sessions.ts';
import { categoryLabel, kindLabel, LANGUAGE_AUTONYMS, registrationStatusLabel } from './participant-labels.ts';

const STATUS_COLOURS: Record<ParticipantDto['status'], string> = { registered: 'gray.7', approved: 'blue.9', attended: 'green.9', rejected: 'red.9', withdrawn: 'gray.7' };

function RegisterForm({ sessionId, own }: { sessionId: string; own: string | null }) {
  const { t } = useTranslation();
  const { language } = useFormatters();
  const parties = useParties();
  const register = useRegisterDelegation(sessionId);
  const [kind, setKind] = useState<'state' | 'reio' | 'observer'>('state');
  const [iso3, setIso3] = useState(own ?? '');
  const [signatory, setSignatory] = useState(false);
  const [name, setName] = useState('');
  const [category, setCategory] = useState<ObserverCategory>('igo');
  const [sortAs, setSortAs] = useState('');
  const [lines, setLines] = useState('');
  const states = (parties.data?.parties ?? []).filter((p) => p.kind === 'state' && (own === null || p.iso3 === own));
  const collator = new Intl.Collator(language);
  states.sort((a, b) => collator.compare(a.names[language], b.names[language]));
  const submit = () => {
    const delegation: DelegationInput = kind === 'state' ? { kind, iso3, signatory } : kind === 'reio' ? { kind } : { kind, name, category, sortAs: sortAs.trim() || null };
    register.mutate({ delegation, participants: parseParticipantLines(lines) }, { onSuccess: () => setLines('') });
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="register-title">
      <Stack gap="sm">
        <Title order={3} size="h4" id="register-title">
          {t('sessions.participants.register.title')}
        </Title>
        {register.isError ? <ProblemAlert error={register.error} /> : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t('sessions.participants.register.kind')}
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value as typeof kind)}
            disabled={own !== null}
            data={[
              { value: 'state', label: t('sessions.participants.register.state') },
              { value: 'reio', label: t('sessions.participants.kind.reio') },
              { value: 'observer', label: t('sessions.participants.kind.observer') },
            ]}
          />
          {kind === 'state' ? (
            <NativeSelect
              label={t('sessions.participants.register.stateName')}
              value={iso3}
              onChange={(e) => setIso3(e.currentTarget.value)}
              data={[{ value: '', label: t('sessions.participants.register.choose') }, ...states.map((p) => ({ value: p.iso3, label: p.names[language] }))]}
            />
          ) : null}
          {kind === 'observer' ? (
            <>
              <TextInput label={t('sessions.participants.register.observerName')} value={name} onChange={(e) => setName(e.currentTarget.value)} />
              <NativeSelect
                label={t('sessions.participants.register.category')}
                value={category}
                onChange={(e) => setCategory(e.currentTarget.value as ObserverCategory)}
                data={OBSERVER_CATEGORY_VALUES.map((c) => ({ value: c, label: categoryLabel(t, c) }))}
              />
              <TextInput label={t('sessions.participants.register.sortAs')} description={t('sessions.participants.register.sortAsHelp')} value={sortAs} onChange={(e) => setSortAs(e.currentTarget.value)} />
            </>
          ) : null}
        </SimpleGrid>
        {kind === 'state' ? <Checkbox label={t('sessions.participants.register.signatory')} checked={signatory} onChange={(e) => setSignatory(e.currentTarget.checked)} /> : null}
        <Textarea
          label={t('sessions.participants.register.participants')}
          description={t('sessions.participants.register.participantsHelp')}
          autosize
          minRows={3}
          value={lines}
          onChange={(e) => setLines(e.currentTarget.value)}
        />
        <Group>
          <Button onClick={submit} loading={register.isPending} disabled={lines.trim() === '' || (kind === 'state' && iso3 === '')}>
            {t('sessions.participants.register.submit')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function ParticipantActions({ sessionId, participant, format }: { sessionId: string; participant: ParticipantDto; format: ParticipantsDto['format'] }) {
  const { t } = useTranslation();
  const step = useParticipantStep(sessionId);
  const ids = [participant.id];
  const who = { name: participant.name };
  return (
    <Group gap={4} wrap="nowrap">
      {participant.status === 'registered' ? (
        <>
          <Button size="compact-sm" variant="light" onClick={() => step.mutate({ ids, to: 'approved' })} loading={step.isPending} aria-label={t('sessions.participants.approveWho', who)}>
            {t('sessions.participants.approve')}
          </Button>
          <Button size="compact-sm" variant="subtle" color="red.9" onClick={() => step.mutate({ ids, to: 'rejected' })} aria-label={t('sessions.participants.rejectWho', who)}>
            {t('sessions.participants.reject')}
          </Button>
        </>
      ) : null}
      {participant.status === 'approved' && format !== 'online' ? (
        <Button size="compact-sm" variant="light" color="green.9" onClick={() => step.mutate({ ids, to: 'attended', mode: 'in-person' })} aria-label={t('sessions.participants.markAttendedWho', who)}>
          {t('sessions.participants.markAttended')}
        </Button>
      ) : null}
      {participant.status === 'approved' && format !== 'in-person' ? (
        <Button size="compact-sm" variant="light" color="green.9" onClick={() => step.mutate({ ids, to: 'attended', mode: 'online' })} aria-label={t('sessions.participants.confirmConnectionWho', who)}>
          {t('sessions.participants.confirmConnection')}
        </Button>
      ) : null}
      {step.isError ? <ProblemAlert error={step.error} /> : null}
    </Group>
  );
}

function AttendanceParagraphs({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const { language: uiLanguage } = useFormatters();
  const [language, setLanguage] = useState<UnLanguage>(uiLanguage);
  const query = useAttendanceParagraphs(sessionId, language, true);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="attendance-title">
      <Stack gap="sm">
        <Title order={3} size="h4" id="attendance-title">
          {t('sessions.participants.paragraphs.title')}
        </Title>
        <Group align="end">
          <NativeSelect
            label={t('sessions.participants.paragraphs.language')}
            value={language}
            onChange={(e) => setLanguage(e.currentTarget.value as UnLanguage)}
            data={ATTENDANCE_LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_AUTONYMS[l] }))}
          />
          {query.data ? (
            <CopyButton value={query.data.text}>
              {({ copied, copy }) => (
                <Button variant="light" onClick={copy} color={copied ? 'green.9' : undefined}>
                  {copied ? t('sessions.participants.paragraphs.copied') : t('sessions.participants.paragraphs.copy')}
                </Button>
              )}
            </CopyButton>
          ) : null}
        </Group>
        {query.isPending ? <Loading /> : null}
        {query.isError ? <ProblemAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
        {query.data && query.data.paragraphs.length === 0 ? <Text c="dimmed">{t('sessions.participants.paragraphs.none')}</Text> : null}
        {query.data && query.data.paragraphs.length > 0 ? (
          <Paper bg="gray.0" p="sm" lang={language} dir={language === 'ar' ? 'rtl' : 'ltr'} data-testid="attendance-text">
            {query.data.paragraphs.map((p, i) => (
              <Text key={i} mb="xs">
                {i + 1}. {p}
              </Text>
            ))}
          </Paper>
        ) : null}
        {query.data?.basedOnConnections ? <Text size="sm">{t('sessions.participants.paragraphs.connections')}</Text> : null}
      </Stack>
    </Paper>
  );
}

/** Registration and attendance on the session page: for the secretariat, focal points and delegates. */
export function SessionParticipants({ sessionId, ownState }: { sessionId: string; ownState: string | null }) {
  const { t } = useTranslation();
  const { language } = useFormatters();
  const query = useParticipants(sessionId, true);
  if (query.isPending) return <Loading />;
  if (query.isError) return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;
  const data = query.data;
  const c = data.counts;
  const manage = data.may.manage;
  return (
    <section aria-labelledby="participants-title">
      <Stack gap="md">
        <Title order={2} size="h3" id="participants-title">
          {t('sessions.participants.title')}
        </Title>
        <Group gap="xs" data-testid="participant-counts">
          <Badge variant="light" color="gray.7">
            {t('sessions.participants.counts.delegations', { count: c.delegations, attended: c.delegationsAttended })}
          </Badge>
          <Badge variant="light" color="gray.7">
            {t('sessions.participants.counts.registered', { count: c.registered })}
          </Badge>
          <Badge variant="light" color="blue.9">
            {t('sessions.participants.counts.approved', { count: c.approved })}
          </Badge>
          <Badge variant="light" color="green.9">
            {t('sessions.participants.counts.attended', { count: c.attended })}
          </Badge>
        </Group>
        <Group gap="md">
          <Anchor href={`${sessionPath(sessionId)}/participants.pdf`} download>
            {t('sessions.participants.downloadPdf')}
          </Anchor>
          <Anchor href={`${sessionPath(sessionId)}/participants.xlsx`} download>
            {t('sessions.participants.downloadXlsx')}
          </Anchor>
        </Group>
        {data.may.register && data.registrationOpen ? <RegisterForm sessionId={sessionId} own={manage ? null : ownState} /> : null}
        {data.may.register && !data.registrationOpen ? (
          <Alert color="gray" variant="light">
            {t('sessions.participants.registrationClosed')}
          </Alert>
        ) : null}
        {data.delegations.length === 0 ? (
          <Text c="dimmed">{t('sessions.participants.empty')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table striped data-testid="participants-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('sessions.participants.delegation')}</Table.Th>
                  <Table.Th>{t('sessions.participants.name')}</Table.Th>
                  <Table.Th>{t('sessions.participants.function')}</Table.Th>
                  {manage ? <Table.Th>{t('sessions.participants.email')}</Table.Th> : null}
                  <Table.Th>{t('sessions.participants.statusTitle')}</Table.Th>
                  {manage ? <Table.Th>{t('sessions.participants.actions')}</Table.Th> : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.delegations.flatMap((d) =>
                  d.participants.map((p, i) => (
                    <Table.Tr key={p.id}>
                      <Table.Td>
                        {i === 0 ? (
                          <Stack gap={0}>
                            <Text fw={600} size="sm">
                              {d.names[language] ?? d.name}
                            </Text>
                            <Text size="xs" c="dimmed">
                              {d.category ? categoryLabel(t, d.category) : kindLabel(t, d.kind)}
                            </Text>
                          </Stack>
                        ) : null}
                      </Table.Td>
                      <Table.Td dir="auto">{p.name}</Table.Td>
                      <Table.Td dir="auto">{p.title}</Table.Td>
                      {manage ? <Table.Td>{p.email}</Table.Td> : null}
                      <Table.Td>
                        <Badge variant="light" color={STATUS_COLOURS[p.status]} style={{ flexShrink: 0, minWidth: 'max-content' }}>
                          {registrationStatusLabel(t, p.status)}
                        </Badge>
                      </Table.Td>
                      {manage ? (
                        <Table.Td>
                          <ParticipantActions sessionId={sessionId} participant={p} format={data.format} />
                        </Table.Td>
                      ) : null}
                    </Table.Tr>
                  )),
                )}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <AttendanceParagraphs sessionId={sessionId} />
      </Stack>
    </section>
  );
}
