/**
 * Recommendation search (docs/ANALYTICS.md): words, facets with counts, highlighted results,
 * CSV and XLSX exports of the whole result. The public searches published reports; the
 * secretariat every report, drafts included (the page says which).
 */
import { Alert, Button, Grid, Group, Pagination, Stack, Text, TextInput } from '@mantine/core';
import { useNavigate, useSearch as useRouterSearch } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBoundary } from '../../components/ui/error-boundary.tsx';
import { Loading } from '../../components/ui/loading.tsx';
import { PageHeader } from '../../components/ui/page-header.tsx';
import { ProblemAlert } from '../../components/ui/problem-message.tsx';
import { EMPTY_SELECTION, searchParams, useSearch, type Facet, type SearchState } from '../../features/search/api/search.ts';
import { SearchFacets } from '../../features/search/components/search-facets.tsx';
import { SearchResults } from '../../features/search/components/search-results.tsx';
import { useFormatters } from '../../lib/format.ts';

export function SearchPage() {
  const { t } = useTranslation();
  const f = useFormatters();
  // The words live in the address too (?q=…): a reload, a bookmark or a shared link keeps them.
  const fromAddress: Record<string, unknown> = useRouterSearch({ strict: false });
  const navigate = useNavigate();
  const initialWords = typeof fromAddress.q === 'string' ? fromAddress.q.slice(0, 200) : '';
  const [draft, setDraft] = useState(initialWords);
  const [state, setState] = useState<SearchState>({ q: initialWords, selected: EMPTY_SELECTION, page: 1 });
  const search = useSearch(state, f.language);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setState((s) => ({ ...s, q: draft, page: 1 }));
    void navigate({ to: '.', search: (draft ? { q: draft } : {}) as never, replace: true });
  };
  const toggle = (facet: Facet, value: string) =>
    setState((s) => {
      const current = s.selected[facet];
      const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
      return { ...s, selected: { ...s.selected, [facet]: next }, page: 1 };
    });
  const clear = () => setState((s) => ({ ...s, selected: EMPTY_SELECTION, page: 1 }));
  const anySelected = Object.values(state.selected).some((v) => v.length > 0);
  const exportQuery = searchParams(state, f.language, false);
  const data = search.data;
  return (
    <>
      <PageHeader title={t('search.title')} description={t('search.intro')} />
      <ErrorBoundary>
        <Stack gap="md">
          <form onSubmit={submit} role="search" aria-label={t('search.title')}>
            <Group align="end" gap="sm">
              <TextInput
                label={t('search.queryLabel')}
                description={t('search.queryHelp')}
                value={draft}
                onChange={(e) => setDraft(e.currentTarget.value)}
                maxLength={200}
                style={{ flex: 1, minWidth: 220 }}
                data-testid="search-query"
              />
              <Button type="submit">{t('search.submit')}</Button>
            </Group>
          </form>
          {data?.scope === 'all' ? (
            <Alert color="orange" variant="light">
              {t('search.scopeAll')}
            </Alert>
          ) : null}
          {data && data.stateSuggestions.length > 0 ? (
            <Group gap="xs" data-testid="state-suggestions">
              <Text size="sm">{t('search.stateSuggestions')}</Text>
              {data.stateSuggestions.map((s) => (
                <Button key={s.iso3} size="compact-sm" variant="light" onClick={() => toggle('state', s.iso3)}>
                  {s.name}
                </Button>
              ))}
            </Group>
          ) : null}
          {search.isError ? (
            <ProblemAlert error={search.error} />
          ) : !data ? (
            <Loading />
          ) : (
            <Grid gutter="xl">
              <Grid.Col span={{ base: 12, md: 4, lg: 3 }}>
                <Stack gap="sm" component="aside" aria-label={t('search.facetsLabel')}>
                  {anySelected ? (
                    <Button variant="subtle" size="compact-sm" onClick={clear}>
                      {t('search.clearFilters')}
                    </Button>
                  ) : null}
                  <SearchFacets facets={data.facets} selected={state.selected} onToggle={toggle} />
                </Stack>
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 8, lg: 9 }}>
                <Stack gap="sm">
                  <Group justify="space-between" wrap="wrap">
                    <Text aria-live="polite" fw={600} data-testid="search-total">
                      {data.notice === 'browse' ? t('search.browseAll', { total: f.number(data.total) }) : t('search.total', { total: f.number(data.total) })}
                    </Text>
                    {data.total > 0 ? (
                      <Group gap="xs">
                        <Button component="a" href={`/api/search.csv?${exportQuery}`} download variant="default" size="compact-sm">
                          {t('search.exportCsv')}
                        </Button>
                        <Button component="a" href={`/api/search.xlsx?${exportQuery}`} download variant="default" size="compact-sm">
                          {t('search.exportXlsx')}
                        </Button>
                      </Group>
                    ) : null}
                  </Group>
                  {data.total === 0 ? (
                    <Alert color="gray" variant="light" title={t('search.emptyTitle')} data-testid="search-empty">
                      {data.scope === 'published' ? t('search.emptyPublic') : t('search.empty')}
                    </Alert>
                  ) : (
                    <>
                      <SearchResults results={data.results} />
                      {data.pages > 1 ? (
                        <Pagination
                          total={data.pages}
                          value={data.page}
                          onChange={(page) => setState((s) => ({ ...s, page }))}
                          getControlProps={(control) => ({ 'aria-label': control === 'next' ? t('search.nextPage') : control === 'previous' ? t('search.previousPage') : control })}
                        />
                      ) : null}
                    </>
                  )}
                </Stack>
              </Grid.Col>
            </Grid>
          )}
        </Stack>
      </ErrorBoundary>
    </>
  );
}
