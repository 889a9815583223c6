import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { DatePrecision, PartyKind, UnLanguage } from '../../../../domain/parties/party.ts';
import type { RegionalGroup } from '../../../../domain/parties/regional-groups.ts';
import { apiRequest } from '../../../lib/api-client.ts';

export interface PartyListItem {
  iso3: string;
  iso2: string | null;
  /** UN English short name. */
  name: string;
  names: Record<UnLanguage, string>;
  regionalGroup: RegionalGroup | null;
  kind: PartyKind;
  isUnMember: boolean;
  isParty: boolean;
  becameParty: null | { effectiveOn: string | null; precision: DatePrecision };
}

export interface PartiesResponse {
  asOf: string;
  parties: PartyListItem[];
  counts: { parties: number; byRegionalGroup: Partial<Record<RegionalGroup, number>> };
}

export function getParties(asOf?: string): Promise<PartiesResponse> {
  const query = asOf ? `?asOf=${encodeURIComponent(asOf)}` : '';
  return apiRequest<PartiesResponse>(`/api/parties${query}`);
}

/** `asOf` undefined means today (the server's date). */
export function partiesQueryOptions(asOf?: string) {
  return queryOptions({
    queryKey: ['parties', asOf ?? 'today'],
    queryFn: () => getParties(asOf),
  });
}

export function useParties(asOf?: string) {
  return useQuery({ ...partiesQueryOptions(asOf), placeholderData: keepPreviousData });
}
