/**
 * The facets as groups of checkboxes, each value with its count under the other facets'
 * selection; a value selected but no longer matching stays listed (count 0) so it can be
 * unticked.
 */
import { Checkbox, Fieldset, ScrollArea, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/format.ts';
import { FACETS, type Facet, type SearchDto } from '../api/search.ts';
import { facetTitle, facetValueLabel } from './search-labels.ts';

export function SearchFacets({ facets, selected, onToggle }: { facets: SearchDto['facets']; selected: Record<Facet, string[]>; onToggle: (facet: Facet, value: string) => void }) {
  const { t } = useTranslation();
  const f = useFormatters();
  return (
    <Stack gap="md" data-testid="search-facets">
      {FACETS.map((facet) => {
        const values = [...facets[facet]];
        for (const v of selected[facet]) if (!values.some((x) => x.value === v)) values.push({ value: v, count: 0, label: null });
        if (values.length === 0) return null;
        return (
          <Fieldset key={facet} legend={facetTitle(t, facet)} variant="unstyled" data-facet={facet}>
            <ScrollArea.Autosize mah={facet === 'state' || facet === 'article' ? 260 : undefined} type="auto" offsetScrollbars>
              <Stack gap={6}>
                {values.map((v) => (
                  <Checkbox
                    key={v.value}
                    size="sm"
                    checked={selected[facet].includes(v.value)}
                    onChange={() => onToggle(facet, v.value)}
                    label={
                      <Text size="sm" component="span">
                        {facetValueLabel(t, facet, v.value, v.label, f.chapter)}{' '}
                        <Text span c="dimmed" size="sm">
                          ({f.number(v.count)})
                        </Text>
                      </Text>
                    }
                  />
                ))}
              </Stack>
            </ScrollArea.Autosize>
          </Fieldset>
        );
      })}
    </Stack>
  );
}
