/**
 * The open-data API's index and dictionary (docs/OPEN-DATA.md), for the page that lists the
 * data sets. Downloads are plain links: the browser streams them to a file.
 */
import { useQuery } from '@tanstack/react-query';
import type { DatasetDefinition } from '../../../../domain/open-data/datasets.ts';
import { apiRequest } from '../../../lib/api-client.ts';

export const OPEN_DATA_INDEX = '/api/open/v1';

export interface OpenDataIndex {
  version: number;
  documentation: string;
  dictionary: string;
  bulk: string;
  feeds: string[];
  datasets: { name: string; title: string; description: string; key: string; json: string; csv: string }[];
}

export interface OpenDataDictionary {
  version: number;
  datasets: DatasetDefinition[];
}

/** A same-site path for a link the API gave as an absolute address (PUBLIC_URL may name another host in development). */
export function sitePath(address: string): string {
  try {
    const url = new URL(address);
    return url.pathname + url.search;
  } catch {
    return address;
  }
}

export function useOpenDataIndex() {
  return useQuery({ queryKey: ['open-data-index'], queryFn: () => apiRequest<OpenDataIndex>(OPEN_DATA_INDEX) });
}

export function useOpenDataDictionary() {
  return useQuery({ queryKey: ['open-data-dictionary'], queryFn: () => apiRequest<OpenDataDictionary>(`${OPEN_DATA_INDEX}/dictionary`) });
}
