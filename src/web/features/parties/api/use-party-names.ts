import { useMemo } from 'react';
import { useFormatters } from '../../../lib/format.ts';
import { useParties } from './get-parties.ts';

/** ISO3 → name in the interface language (falls back to the code while loading). */
export function usePartyNames() {
  const { language } = useFormatters();
  const parties = useParties();
  const names = useMemo(() => {
    const map = new Map<string, string>();
    for (const p of parties.data?.parties ?? []) map.set(p.iso3, p.names[language]);
    return map;
  }, [parties.data, language]);
  return { nameOf: (iso3: string) => names.get(iso3) ?? iso3, parties, language };
}
