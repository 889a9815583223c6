import { Alert, Anchor, Badge, Box, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/ui/loading.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { ProblemAlert } from '../../../components/ui/problem-message.tsx';
import { dialogueTypeLabel } from '../../../i18n/labels.ts';
import { useFormatters } from '../../../lib/format.ts';
import { paths } from '../../../lib/paths.ts';
import { usePartyNames } from '../../parties/api/use-party-names.ts';
import { dialogueIcsUrl, useDialogue, useSaveNotes, type DialogueDto, type SessionDto } from '../api/dialogue.ts';
import { DialogueFormPanel } from './dialogue-form.tsx';
import { DialogueHeld } from './dialogue-held.tsx';
import { SchedulerPanel } from './scheduler-panel.tsx';
import { sideLabel } from './dialogue-labels.ts';
import { formatInZone, languageName, timeInZone, viewerTimeZone } from './zoned-time.ts';

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <Box>
      <Text size="sm" c="dimmed">
        {term}
      </Text>
      <Box>{children}</Box>
    </Box>
  );
}

function SessionNotes({ reviewId, session, canWrite, saved, setSaved }: { reviewId: string; session: SessionDto; canWrite: boolean; saved: boolean; setSaved: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(session.notes);
  const save = useSaveNotes(reviewId);
  if (!canWrite) {
    return <Text style={{ whiteSpace: 'pre-wrap' }}>{session.notes || t('dialogue.notes.empty')}</Text>;
  }
  return (
    <Stack gap="xs">
      <Textarea
        label={t('dialogue.notes.label', { title: session.title })}
        value={text}
        onChange={(e) => {
          setText(e.currentTarget.value);
          setSaved(false);
        }}
        autosize
        minRows={3}
      />
      {save.error ? <ProblemAlert error={save.error} /> : null}
      <Group gap="sm">
        <Button
          size="xs"
          loading={save.isPending}
          onClick={() => save.mutate({ sessionId: session.id, notes: text, version: session.notesVersion }, { onSuccess: () => setSaved(true) })}
        >
          {t('dialogue.notes.save')}
        </Button>
        {saved ? (
          <Text size="sm" role="status">
            {t('dialogue.notes.saved')}
          </Text>
        ) : null}
      </Group>
    </Stack>
  );
}

function Agenda({ reviewId, dialogue, canWrite }: { reviewId: string; dialogue: DialogueDto; canWrite: boolean }) {
  const { t } = useTranslation();
  const { language } = useFormatters();
  const mine = viewerTimeZone();
  // Which session's notes were just saved: kept here, as each session's editor is remounted on its new version.
  const [savedSession, setSavedSession] = useState<string | null>(null);
  if (dialogue.sessions.length === 0) return <Text c="dimmed">{t('dialogue.agenda.none')}</Text>;
  return (
    <Stack gap="md">
      <Table.ScrollContainer minWidth={640}>
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('dialogue.agenda.session')}</Table.Th>
              <Table.Th scope="col">{t('dialogue.agenda.dialogueTime', { zone: dialogue.timeZone })}</Table.Th>
              <Table.Th scope="col">{t('dialogue.agenda.yourTime', { zone: mine })}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {dialogue.sessions.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>
                  <Text fw={600}>{s.title}</Text>
                  {s.topic ? <Text size="sm">{s.topic}</Text> : null}
                </Table.Td>
                <Table.Td data-testid="session-dialogue-time">
                  {formatInZone(s.start, dialogue.timeZone, language)} – {timeInZone(s.end, dialogue.timeZone, language)} (UTC{s.local.utcOffset})
                </Table.Td>
                <Table.Td data-testid="session-viewer-time">
                  {formatInZone(s.start, mine, language)} – {timeInZone(s.end, mine, language)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Box component="section" aria-labelledby="dialogue-notes-title">
        <Title order={3} size="h4" id="dialogue-notes-title" mb="xs">
          {t('dialogue.notes.title')}
        </Title>
        <Stack gap="md">
          {dialogue.sessions.map((s) => (
            <Paper key={s.id} withBorder p="sm">
              <Text fw={600} mb={4}>
                {s.title}
              </Text>
              <SessionNotes
                key={`${s.id}:${s.notesVersion}`}
                reviewId={reviewId}
                session={s}
                canWrite={canWrite}
                saved={savedSession === s.id}
                setSaved={(saved) => setSavedSession(saved ? s.id : null)}
              />
              {s.notesUpdatedBy ? (
                <Text size="xs" c="dimmed" mt={4}>
                  {t('dialogue.notes.updated', { by: s.notesUpdatedBy })}
                </Text>
              ) : null}
            </Paper>
          ))}
        </Stack>
      </Box>
    </Stack>
  );
}

/** The direct dialogue of one review, for its parties and the secretariat. */
export function DialogueView({ reviewId }: { reviewId: string }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const { nameOf } = usePartyNames();
  const query = useDialogue(reviewId);
  const [saved, setSaved] = useState(false);
  if (query.isPending) return <Loading />;
  if (query.error) {
    return (
      <Stack>
        <PageHeader title={t('dialogue.title')} />
        <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />
      </Stack>
    );
  }
  const data = query.data;
  const dialogue = data.dialogue;
  const title = t('dialogue.pageTitle', { state: nameOf(data.stateUnderReview), cycle: f.number(data.cycle) });
  const hasDates = dialogue !== null && dialogue.startDate !== null && dialogue.endDate !== null;
  return (
    <Stack gap="xl">
      <Stack gap="xs">
        <Anchor component={Link} to={paths.review.getHref(reviewId)} size="sm">
          {t('dialogue.back')}
        </Anchor>
        <PageHeader title={title} description={t('dialogue.confidential')} />
      </Stack>

      {dialogue === null ? (
        <Alert variant="light">{t('dialogue.none')}</Alert>
      ) : (
        <>
          <Paper withBorder p="md">
            <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md">
              <Fact term={t('dialogue.facts.form')}>
                <Text>{dialogueTypeLabel(t, dialogue.form)}</Text>
              </Fact>
              <Fact term={t('dialogue.facts.dates')}>
                <Text data-testid="dialogue-dates">
                  {dialogue.startDate && dialogue.endDate ? t('dialogue.datesRange', { from: f.date(dialogue.startDate), to: f.date(dialogue.endDate) }) : t('dialogue.notScheduled')}
                </Text>
              </Fact>
              <Fact term={t('dialogue.facts.timeZone')}>
                <Text>{dialogue.timeZone}</Text>
              </Fact>
              {dialogue.location ? (
                <Fact term={t('dialogue.facts.location')}>
                  <Text>{dialogue.location}</Text>
                </Fact>
              ) : null}
              <Fact term={t('dialogue.facts.interpretation')}>
                {dialogue.interpretationLanguages.length > 0 ? (
                  <Group gap={4}>
                    {dialogue.interpretationLanguages.map((l) => (
                      <Badge key={l} variant="light">
                        {languageName(l, f.language)}
                      </Badge>
                    ))}
                  </Group>
                ) : (
                  <Text>{t('dialogue.noInterpretation')}</Text>
                )}
              </Fact>
              <Fact term={t('dialogue.facts.stakeholders')}>
                <Text>{dialogue.stakeholdersAgreed ? t('dialogue.stakeholdersYes') : t('dialogue.stakeholdersNo')}</Text>
              </Fact>
            </SimpleGrid>
            {dialogue.clockChanges.map((c) => (
              <Alert key={c.at} variant="light" color="yellow" mt="md">
                {t('dialogue.clockChange', { zone: dialogue.timeZone, when: formatInZone(c.at, dialogue.timeZone, f.language), from: c.fromOffset, to: c.toOffset })}
              </Alert>
            ))}
            <Group gap="sm" mt="md" align="center">
              {hasDates ? (
                <>
                  <Button component="a" href={dialogueIcsUrl(reviewId)} download variant="default" size="xs">
                    {t('dialogue.download')}
                  </Button>
                  <Text size="xs" c="dimmed">
                    {t('dialogue.downloadNote')}
                  </Text>
                </>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('dialogue.downloadNeedsDates')}
                </Text>
              )}
            </Group>
            <Box mt="md">
              <DialogueHeld reviewId={reviewId} heldOn={data.heldOn} endDate={dialogue.endDate} canRecord={data.abilities.manage} />
            </Box>
          </Paper>

          <Box component="section" aria-labelledby="dialogue-participants-title">
            <Title order={2} size="h3" id="dialogue-participants-title" mb="xs">
              {t('dialogue.participants.title')}
            </Title>
            {dialogue.participants.length === 0 ? (
              <Text c="dimmed">{t('dialogue.participants.none')}</Text>
            ) : (
              <Table.ScrollContainer minWidth={560}>
                <Table striped withTableBorder>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('dialogue.participants.name')}</Table.Th>
                      <Table.Th scope="col">{t('dialogue.participants.side')}</Table.Th>
                      <Table.Th scope="col">{t('dialogue.participants.organisation')}</Table.Th>
                      <Table.Th scope="col">{t('dialogue.participants.attended')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {dialogue.participants.map((p) => (
                      <Table.Tr key={p.id}>
                        <Table.Td>{p.name}</Table.Td>
                        <Table.Td>{sideLabel(t, p.side, nameOf, data.stateUnderReview)}</Table.Td>
                        <Table.Td>{p.organisation}</Table.Td>
                        <Table.Td>{p.attended === null ? t('dialogue.attended.unknown') : p.attended ? t('dialogue.attended.yes') : t('dialogue.attended.no')}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Box>

          <Box component="section" aria-labelledby="dialogue-agenda-title">
            <Title order={2} size="h3" id="dialogue-agenda-title" mb="xs">
              {t('dialogue.agenda.title')}
            </Title>
            <Agenda reviewId={reviewId} dialogue={dialogue} canWrite={data.abilities.writeNotes} />
          </Box>
        </>
      )}

      {data.abilities.manage ? <DialogueFormPanel key={dialogue?.version ?? 0} data={data} saved={saved} onSaved={setSaved} /> : null}
      {data.abilities.schedule ? <SchedulerPanel reviewId={reviewId} data={data} /> : null}
    </Stack>
  );
}
