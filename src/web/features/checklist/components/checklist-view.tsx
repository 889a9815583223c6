import { Alert, Anchor, Badge, Box, Button, Checkbox, Group, Modal, NativeSelect, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isAnswered } from '../../../../domain/reviews/checklist.ts';
import { Loading } from '../../../components/ui/loading.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { ProblemAlert } from '../../../components/ui/problem-message.tsx';
import { obligationLabel } from '../../../i18n/labels.ts';
import { useFormatters } from '../../../lib/format.ts';
import { paths } from '../../../lib/paths.ts';
import { useAbility } from '../../auth/api/get-session.ts';
import { ObligationBadge } from '../../convention/components/obligation-badge.tsx';
import { usePartyNames } from '../../parties/api/use-party-names.ts';
import { useReview } from '../../reviews/api/get-reviews.ts';
import { useChecklist, useSubmitChecklist, useThreads, type ChecklistProvisionDto, type ChecklistResponse, type ThreadDto } from '../api/checklist.ts';
import { AnswerEditor } from './answer-editor.tsx';
import { AnswerHistory } from './answer-history.tsx';
import { AttachmentList } from './attachment-list.tsx';
import { ChecklistDownload } from './checklist-download.tsx';
import { complianceLabel } from './checklist-labels.ts';
import { ProvisionThreads } from './provision-threads.tsx';
import { RichTextView } from './rich-text-view.tsx';

const OBLIGATIONS = ['mandatory', 'consider', 'optional', 'definition'] as const;

export function ChecklistView({ reviewId }: { reviewId: string }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const { nameOf } = usePartyNames();
  const review = useReview(reviewId);
  const checklist = useChecklist(reviewId);
  const r = review.data?.review;
  const title = r
    ? t('checklist.pageTitle', { state: nameOf(r.stateUnderReview), cycle: f.calendarYear(r.cycle) })
    : t('checklist.title');
  const back = (
    <Anchor component={Link} to={paths.review.getHref(reviewId)} size="sm">
      {t('checklist.backToReview')}
    </Anchor>
  );
  if (checklist.isPending) {
    return (
      <>
        <PageHeader title={title} />
        <Loading />
      </>
    );
  }
  if (checklist.isError) {
    return (
      <>
        <PageHeader title={title} actions={back} />
        <ProblemAlert error={checklist.error} onRetry={() => void checklist.refetch()} />
      </>
    );
  }
  return (
    <>
      <PageHeader
        title={title}
        description={t('checklist.description')}
        actions={
          <Group gap="lg" align="center" wrap="wrap">
            {back}
            <ChecklistDownload reviewId={reviewId} />
          </Group>
        }
      />
      <ChecklistBody reviewId={reviewId} checklist={checklist.data} />
    </>
  );
}

interface Filters {
  article: string;
  obligation: string;
  /** The provisions unanswered when the filter was turned on: a card answered meanwhile stays while its author types. */
  unanswered: ReadonlySet<string> | null;
}

function ChecklistBody({ reviewId, checklist }: { reviewId: string; checklist: ChecklistResponse }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const mayAnswer = useAbility('checklist.answer');
  const maySubmit = useAbility('checklist.submit');
  const threads = useThreads(reviewId);
  const [filters, setFilters] = useState<Filters>({ article: '', obligation: '', unanswered: null });
  const [dirty, setDirty] = useState<ReadonlySet<string>>(new Set());
  const onDirtyChange = useCallback((id: string, isDirty: boolean) => {
    setDirty((old) => {
      if (old.has(id) === isDirty) return old;
      const next = new Set(old);
      if (isDirty) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);
  const editable = checklist.view === 'working' && mayAnswer;

  const all = checklist.sections.flatMap((s) => s.provisions);
  const answered = all.filter((p) => p.answer && isAnswered(p.answer)).length;
  const total = checklist.progress.total || all.length;
  const percent = total === 0 ? 0 : Math.round((answered / total) * 100);

  const threadsByProvision = useMemo(() => {
    const map = new Map<string, ThreadDto[]>();
    for (const th of threads.data?.threads ?? []) map.set(th.provisionId, [...(map.get(th.provisionId) ?? []), th]);
    return map;
  }, [threads.data]);

  const sections = checklist.sections
    .filter((s) => !filters.article || String(s.article) === filters.article)
    .map((s) => ({
      ...s,
      provisions: s.provisions.filter(
        (p) => (!filters.obligation || p.obligation === filters.obligation) && (!filters.unanswered || filters.unanswered.has(p.id)),
      ),
    }))
    .filter((s) => s.provisions.length > 0);
  const shown = sections.reduce((n, s) => n + s.provisions.length, 0);
  const lastSubmission = checklist.submissions[0];

  return (
    <Stack gap="lg">
      {checklist.view === 'submitted' ? (
        <Alert color="blue" variant="light" title={t('checklist.submittedView.title')}>
          {lastSubmission
            ? t('checklist.submittedView.text', { number: f.number(lastSubmission.number), at: f.dateTimeUtc(lastSubmission.submittedAt) })
            : t('checklist.submittedView.none')}
        </Alert>
      ) : null}

      <Paper withBorder radius="md" p="md" component="section" aria-labelledby="checklist-progress-title">
        <Title order={2} size="h4" id="checklist-progress-title" mb="xs">
          {t('checklist.progress.title')}
        </Title>
        <Progress value={percent} size="lg" aria-label={t('checklist.progress.title')} color="un.8" />
        <Text size="sm" mt={6} data-testid="checklist-progress">
          {t('checklist.progress.text', { answered: f.number(answered), total: f.number(total) })}
        </Text>
        <Text size="sm" c="dimmed">
          {checklist.format === 'structured' ? t('checklist.format.structured') : t('checklist.format.freeText')}
          {lastSubmission && checklist.view === 'working'
            ? ` · ${t('checklist.lastSubmitted', { number: f.number(lastSubmission.number), at: f.dateTimeUtc(lastSubmission.submittedAt) })}`
            : ''}
        </Text>
        {maySubmit && checklist.view === 'working' ? <SubmitButton reviewId={reviewId} unsaved={dirty.size > 0} answered={answered} total={total} /> : null}
      </Paper>

      <Group component="section" aria-label={t('checklist.filters.title')} gap="md" align="flex-end" wrap="wrap">
        <NativeSelect
          label={t('checklist.filters.article')}
          value={filters.article}
          onChange={(e) => setFilters({ ...filters, article: e.currentTarget.value })}
          data={[
            { value: '', label: t('checklist.filters.allArticles') },
            ...checklist.sections.map((s) => ({ value: String(s.article), label: t('checklist.articleTitle', { article: f.number(s.article), title: s.title }) })),
          ]}
          maw={360}
        />
        <NativeSelect
          label={t('checklist.filters.obligation')}
          value={filters.obligation}
          onChange={(e) => setFilters({ ...filters, obligation: e.currentTarget.value })}
          data={[{ value: '', label: t('checklist.filters.allObligations') }, ...OBLIGATIONS.map((o) => ({ value: o, label: obligationLabel(t, o) }))]}
        />
        <Checkbox
          label={t('checklist.filters.unansweredOnly')}
          checked={filters.unanswered !== null}
          onChange={(e) =>
            setFilters({ ...filters, unanswered: e.currentTarget.checked ? new Set(all.filter((p) => !(p.answer && isAnswered(p.answer))).map((p) => p.id)) : null })
          }
          mb={8}
        />
        <Text size="sm" c="dimmed" mb={8} aria-live="polite">
          {t('checklist.filters.shown', { shown: f.number(shown), total: f.number(all.length) })}
        </Text>
      </Group>

      {threads.isError ? <ProblemAlert error={threads.error} title={t('checklist.threads.loadError')} onRetry={() => void threads.refetch()} /> : null}

      {sections.length === 0 ? <Text c="dimmed">{t('checklist.filters.nothing')}</Text> : null}

      {sections.map((section) => {
        const openCount = section.provisions.reduce((n, p) => n + (threadsByProvision.get(p.id) ?? []).filter((th) => th.status === 'open').length, 0);
        const headingId = `article-${section.article}`;
        return (
          <Box component="section" key={section.article} aria-labelledby={headingId}>
            <Group gap="sm" mb="xs" align="center">
              <Title order={2} size="h3" id={headingId}>
                {t('checklist.articleTitle', { article: f.number(section.article), title: section.title })}
              </Title>
              {openCount > 0 ? (
                <Badge color="orange.9" variant="light" tt="none">
                  {t('checklist.threads.openCount', { n: f.number(openCount) })}
                </Badge>
              ) : null}
            </Group>
            <Stack gap="sm">
              {section.provisions.map((p) => (
                <ProvisionCard
                  key={p.id}
                  reviewId={reviewId}
                  provision={p}
                  format={checklist.format}
                  editable={editable}
                  threads={threadsByProvision.get(p.id) ?? []}
                  onDirtyChange={onDirtyChange}
                />
              ))}
            </Stack>
          </Box>
        );
      })}
    </Stack>
  );
}

function ProvisionCard({
  reviewId,
  provision,
  format,
  editable,
  threads,
  onDirtyChange,
}: {
  reviewId: string;
  provision: ChecklistProvisionDto;
  format: ChecklistResponse['format'];
  editable: boolean;
  threads: ThreadDto[];
  onDirtyChange: (id: string, dirty: boolean) => void;
}) {
  const { t } = useTranslation();
  const headingId = `provision-${provision.id.replace(/[^\w-]/g, '_')}`;
  return (
    <Paper withBorder radius="md" p="md" component="article" aria-labelledby={headingId} data-provision={provision.id}>
      <Group gap="sm" mb="sm" wrap="wrap">
        <Title order={3} size="h5" id={headingId}>
          {t('checklist.provisionTitle', { id: provision.id })}
        </Title>
        <Text size="sm" c="dimmed">
          {provision.label}
        </Text>
        <ObligationBadge obligation={provision.obligation} />
      </Group>
      <Stack gap="md">
        {editable ? (
          <AnswerEditor
            reviewId={reviewId}
            provisionId={provision.id}
            provisionLabel={provision.id}
            format={format}
            answer={provision.answer}
            onDirtyChange={onDirtyChange}
          />
        ) : (
          <ReadOnlyAnswer provision={provision} format={format} />
        )}
        <AttachmentList reviewId={reviewId} provisionId={provision.id} attachments={provision.attachments} editable={editable} />
        {provision.answer ? (
          <Group>
            <AnswerHistory reviewId={reviewId} provisionId={provision.id} />
          </Group>
        ) : null}
        <ProvisionThreads reviewId={reviewId} provisionId={provision.id} provisionLabel={provision.id} threads={threads} />
      </Stack>
    </Paper>
  );
}

function ReadOnlyAnswer({ provision, format }: { provision: ChecklistProvisionDto; format: ChecklistResponse['format'] }) {
  const { t } = useTranslation();
  const a = provision.answer;
  if (!a || !isAnswered(a)) {
    return (
      <Text size="sm" c="dimmed">
        {t('checklist.answer.none')}
      </Text>
    );
  }
  return (
    <Stack gap={4}>
      {format === 'structured' && a.compliance ? (
        <Text size="sm" fw={600}>
          {t('checklist.answer.complianceValue', { value: complianceLabel(t, a.compliance) })}
        </Text>
      ) : null}
      <RichTextView html={a.text} />
      {a.assistanceNeeds.text ? (
        <Text size="sm" c="dimmed">
          {t('checklist.answer.needsValue', { text: a.assistanceNeeds.text })}
        </Text>
      ) : null}
    </Stack>
  );
}

function SubmitButton({ reviewId, unsaved, answered, total }: { reviewId: string; unsaved: boolean; answered: number; total: number }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const submit = useSubmitChecklist(reviewId);
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<number | null>(null);
  return (
    <Stack gap="xs" mt="md" align="flex-start">
      {done !== null ? (
        <Alert color="teal" variant="light" role="status" withCloseButton closeButtonLabel={t('actions.dismiss')} onClose={() => setDone(null)}>
          {t('checklist.submit.done', { number: f.number(done) })}
        </Alert>
      ) : null}
      <Button onClick={() => setConfirming(true)} disabled={unsaved || answered === 0}>
        {t('checklist.submit.button')}
      </Button>
      {unsaved ? (
        <Text size="xs" c="dimmed">
          {t('checklist.submit.waitForSave')}
        </Text>
      ) : null}
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('checklist.submit.confirmTitle')} closeButtonProps={{ 'aria-label': t('actions.close') }}>
        <Stack gap="sm">
          <Text size="sm">{t('checklist.submit.confirmText', { answered: f.number(answered), total: f.number(total) })}</Text>
          {submit.isError ? <ProblemAlert error={submit.error} /> : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('actions.cancel')}
            </Button>
            <Button
              loading={submit.isPending}
              onClick={() =>
                submit.mutate(undefined, {
                  onSuccess: ({ submission }) => {
                    setDone(submission);
                    setConfirming(false);
                  },
                })
              }
            >
              {t('checklist.submit.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
