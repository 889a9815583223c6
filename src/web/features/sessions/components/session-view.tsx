import { Anchor, Badge, Button, FileInput, Group, List, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/ui/loading.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { ProblemAlert } from '../../../components/ui/problem-message.tsx';
import { useFormatters } from '../../../lib/format.ts';
import { paths } from '../../../lib/paths.ts';
import {
  DISTRIBUTION_VALUES,
  DOCUMENT_LANGUAGE_VALUES,
  DOCUMENT_ROLE_VALUES,
  SESSION_STATUS_VALUES,
  sessionPath,
  useAddDocument,
  useSession,
  useSessionStatus,
  useUploadDocumentFile,
  type Distribution,
  type DocumentLanguage,
  type DocumentRole,
  type SessionDto,
} from '../api/sessions.ts';
import { AgendaEditor } from './agenda-editor.tsx';
import { MeetingsEditor } from './meetings-editor.tsx';
import { SessionEditForm } from './session-edit.tsx';
import { SessionReportPanel } from './session-report.tsx';
import { SessionParticipants } from './session-participants.tsx';
import { useAbility, useSession as useSignIn } from '../../auth/api/get-session.ts';
import { bodyLabel, distributionLabel, formatLabel, languageLabel, reportStatusLabel, roleLabel, sessionLabel, statusLabel } from './session-labels.ts';

function AddDocumentForm({ session }: { session: SessionDto }) {
  const { t } = useTranslation();
  const add = useAddDocument(session.id);
  const upload = useUploadDocumentFile(session.id);
  const [draft, setDraft] = useState<{ symbol: string; title: string; distributedOn: string; distribution: Distribution; role: DocumentRole }>({ symbol: '', title: '', distributedOn: '', distribution: 'general', role: 'other' });
  const [fileTarget, setFileTarget] = useState<{ documentId: string | null; language: DocumentLanguage; file: File | null }>({ documentId: null, language: 'en', file: null });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="add-document-title">
      <Stack gap="sm">
        <Title order={3} size="h4" id="add-document-title">
          {t('sessions.documents.add')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('sessions.documents.symbol')} description={t('sessions.documents.symbolHint')} value={draft.symbol} onChange={(e) => setDraft({ ...draft, symbol: e.currentTarget.value })} />
          <TextInput label={t('sessions.documents.titleField')} value={draft.title} onChange={(e) => setDraft({ ...draft, title: e.currentTarget.value })} />
          <TextInput type="date" label={t('sessions.documents.distributedOn')} value={draft.distributedOn} onChange={(e) => setDraft({ ...draft, distributedOn: e.currentTarget.value })} />
          <Select label={t('sessions.documents.distribution')} allowDeselect={false} data={DISTRIBUTION_VALUES.map((d) => ({ value: d, label: distributionLabel(t, d) }))} value={draft.distribution} onChange={(v) => v && setDraft({ ...draft, distribution: v as Distribution })} />
          <Select label={t('sessions.documents.role')} allowDeselect={false} data={DOCUMENT_ROLE_VALUES.map((r) => ({ value: r, label: roleLabel(t, r) }))} value={draft.role} onChange={(v) => v && setDraft({ ...draft, role: v as DocumentRole })} />
        </SimpleGrid>
        {add.isError ? <ProblemAlert error={add.error} /> : null}
        <Group>
          <Button onClick={() => add.mutate({ ...draft, distributedOn: draft.distributedOn || null })} loading={add.isPending}>
            {t('sessions.documents.addButton')}
          </Button>
        </Group>
        {session.documents.length > 0 ? (
          <>
            <Title order={3} size="h4">
              {t('sessions.documents.upload')}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Select label={t('sessions.documents.document')} data={session.documents.map((d) => ({ value: d.id, label: d.symbol }))} value={fileTarget.documentId} onChange={(v) => setFileTarget({ ...fileTarget, documentId: v })} />
              <Select label={t('sessions.documents.language')} allowDeselect={false} data={DOCUMENT_LANGUAGE_VALUES.map((l) => ({ value: l, label: languageLabel(t, l) }))} value={fileTarget.language} onChange={(v) => v && setFileTarget({ ...fileTarget, language: v as DocumentLanguage })} />
              <FileInput label={t('sessions.documents.file')} description={t('sessions.documents.fileHint')} accept="application/pdf,.pdf,.docx" value={fileTarget.file} onChange={(file) => setFileTarget({ ...fileTarget, file })} />
            </SimpleGrid>
            {upload.isError ? <ProblemAlert error={upload.error} /> : null}
            <Group>
              <Button
                variant="default"
                disabled={!fileTarget.documentId || !fileTarget.file}
                loading={upload.isPending}
                onClick={() => fileTarget.documentId && fileTarget.file && upload.mutate({ documentId: fileTarget.documentId, language: fileTarget.language, file: fileTarget.file })}
              >
                {t('sessions.documents.uploadButton')}
              </Button>
            </Group>
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}

function StatusControl({ session }: { session: SessionDto }) {
  const { t } = useTranslation();
  const change = useSessionStatus(session.id);
  const next = SESSION_STATUS_VALUES[SESSION_STATUS_VALUES.indexOf(session.status) + 1];
  if (!next) return null;
  return (
    <Stack gap="xs">
      {change.isError ? <ProblemAlert error={change.error} /> : null}
      <Group>
        <Button variant="default" onClick={() => change.mutate(next)} loading={change.isPending}>
          {t('sessions.view.moveTo', { status: statusLabel(t, next) })}
        </Button>
      </Group>
    </Stack>
  );
}

export function SessionView({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const query = useSession(sessionId);
  const seesParticipants = useAbility('sessions.participants.read');
  const signIn = useSignIn();
  if (query.isPending) return <Loading />;
  if (query.isError) return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;
  const session = query.data.session;
  const documentsById = new Map(session.documents.map((d) => [d.id, d]));
  const fileHref = (documentId: string, language: string) => `${sessionPath(session.id)}/documents/${encodeURIComponent(documentId)}/files/${language}`;
  return (
    <>
      <PageHeader
        title={sessionLabel(t, session)}
        description={
          <>
            {session.startDate === session.endDate ? f.date(session.startDate) : t('sessions.dateRange', { from: f.date(session.startDate), to: f.date(session.endDate) })}
            {session.venue ? ` · ${session.venue}` : ''} · {formatLabel(t, session.format)}
          </>
        }
      />
      <Stack gap="xl">
        <Group gap="xs">
          <Badge variant="light" color="blue.9">
            {statusLabel(t, session.status)}
          </Badge>
          {session.joint ? (
            <Badge variant="light" color="indigo.9">
              {t('sessions.joint')}
            </Badge>
          ) : null}
          <Anchor component={Link} to={paths.sessions.getHref()}>
            {t('sessions.view.back')}
          </Anchor>
        </Group>
        <section aria-labelledby="bodies-title">
          <Title order={2} size="h3" id="bodies-title">
            {t('sessions.fields.bodies')}
          </Title>
          <List>
            {session.bodies.map((b) => (
              <List.Item key={b.code}>{bodyLabel(t, b.code, b.name)}</List.Item>
            ))}
          </List>
        </section>
        {session.may.manage ? <StatusControl session={session} /> : null}
        {session.may.manage ? <SessionEditForm key={session.version} session={session} /> : null}

        <section aria-labelledby="meetings-title">
          <Group justify="space-between">
            <Title order={2} size="h3" id="meetings-title">
              {t('sessions.view.meetings')}
            </Title>
            <Anchor href={`${sessionPath(session.id)}/calendar.ics`} download>
              {t('sessions.view.calendar')}
            </Anchor>
          </Group>
          {session.meetings.length === 0 ? (
            <Text c="dimmed">{t('sessions.view.noMeetings')}</Text>
          ) : (
            <>
            <Text size="sm" c="dimmed">
              {t('sessions.view.timesUtc')}
            </Text>
            <List>
              {session.meetings.map((m) => (
                <List.Item key={m.id}>
                  {f.dateTimeUtc(m.startsAt)} · {m.title}
                  {m.bodies.length > 1 ? ` · ${t('sessions.view.jointMeeting', { bodies: f.list(m.bodies.map((code) => bodyLabel(t, code, code))) })}` : ''}
                </List.Item>
              ))}
            </List>
            </>
          )}
        </section>

        {session.may.manage ? <MeetingsEditor key={session.meetings.map((m) => m.id).join()} session={session} /> : null}

        <section aria-labelledby="agenda-title">
          <Title order={2} size="h3" id="agenda-title">
            {t('sessions.view.agenda')}
          </Title>
          {session.agendaAdoptedOn ? <Text size="sm">{t('sessions.view.agendaAdopted', { date: f.date(session.agendaAdoptedOn) })}</Text> : <Text size="sm">{t('sessions.view.agendaProvisional')}</Text>}
          {session.agenda.length === 0 ? (
            <Text c="dimmed">{t('sessions.view.noAgenda')}</Text>
          ) : (
            <Stack gap={4} mt="xs" data-testid="agenda">
              {session.agenda.map((item) => (
                <Text key={item.label} ps={item.depth === 1 ? 'xl' : 0} fw={item.depth === 0 ? 600 : 400}>
                  {item.letter ? `(${item.letter})` : `${item.number}.`} <span dir="auto">{item.title}</span>
                  {item.documents.map((d) => (
                    <span key={d.symbol}>
                      {' '}
                      {d.documentId && documentsById.get(d.documentId)?.files[0] ? (
                        <Anchor href={fileHref(d.documentId, documentsById.get(d.documentId)!.files[0]!.language)}>{d.symbol}</Anchor>
                      ) : (
                        <Text span size="sm" c="dimmed">
                          {d.symbol}
                        </Text>
                      )}
                    </span>
                  ))}
                </Text>
              ))}
            </Stack>
          )}
        </section>

        {session.may.manage ? <AgendaEditor key={`${session.version}-${session.agenda.length}`} session={session} /> : null}

        <section aria-labelledby="documents-title">
          <Title order={2} size="h3" id="documents-title">
            {t('sessions.view.documents')}
          </Title>
          {session.documents.length === 0 ? (
            <Text c="dimmed">{t('sessions.view.noDocuments')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={700}>
              <Table withTableBorder striped aria-labelledby="documents-title">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('sessions.documents.symbol')}</Table.Th>
                    <Table.Th scope="col">{t('sessions.documents.titleField')}</Table.Th>
                    <Table.Th scope="col">{t('sessions.documents.distribution')}</Table.Th>
                    <Table.Th scope="col">{t('sessions.documents.distributedOn')}</Table.Th>
                    <Table.Th scope="col">{t('sessions.documents.files')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {session.documents.map((d) => (
                    <Table.Tr key={d.id}>
                      <Table.Td dir="ltr">{d.symbol}</Table.Td>
                      <Table.Td>
                        {d.title}
                        <Text size="xs" c="dimmed">
                          {roleLabel(t, d.role)}
                        </Text>
                      </Table.Td>
                      <Table.Td>{distributionLabel(t, d.distribution)}</Table.Td>
                      <Table.Td>{d.distributedOn ? f.date(d.distributedOn) : ''}</Table.Td>
                      <Table.Td>
                        {d.files.length === 0 ? (
                          <Text size="sm" c="dimmed">
                            {t('sessions.documents.noFiles')}
                          </Text>
                        ) : (
                          <Group gap="xs">
                            {d.files.map((file) => (
                              <Anchor key={file.language} href={fileHref(d.id, file.language)} aria-label={t('sessions.documents.download', { symbol: d.symbol, language: languageLabel(t, file.language) })}>
                                {file.language.toUpperCase()}
                              </Anchor>
                            ))}
                          </Group>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </section>
        {session.may.manage ? <AddDocumentForm session={session} /> : null}

        {seesParticipants ? <SessionParticipants sessionId={session.id} ownState={signIn.data?.user?.stateIso3 ?? null} /> : null}

        {session.may.readMaterial ? (
          <SessionReportPanel sessionId={session.id} />
        ) : (
          <section aria-labelledby="public-report-title" data-testid="public-report">
            <Title order={2} size="h3" id="public-report-title">
              {t('sessions.report.title')}
            </Title>
            <Text>
              {session.report.adoptedOn
                ? session.report.adoptionMode === 'silence'
                  ? t('sessions.report.adoptedBySilence', { date: f.date(session.report.adoptedOn) })
                  : t('sessions.report.adoptedInMeeting', { date: f.date(session.report.adoptedOn) })
                : reportStatusLabel(t, session.report.status)}
            </Text>
          </section>
        )}
      </Stack>
    </>
  );
}
