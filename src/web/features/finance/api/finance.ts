/**
 * The Mechanism's finances (docs/FINANCES.md): the statement as at a date, the secretariat's
 * records, and the forms that add to them. Amounts travel as decimal strings, never numbers.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ContributionKind, Donor, Earmarking, ExpenditureCategory } from '../../../../domain/finance/statement.ts';
import { apiRequest } from '../../../lib/api-client.ts';

export type { ContributionKind, Donor, Earmarking, ExpenditureCategory };
export { CONTRIBUTION_KINDS, EARMARKINGS, EXPENDITURE_CATEGORIES } from '../../../../domain/finance/statement.ts';
export { CURRENCIES } from '../../../../domain/finance/money.ts';

export interface StatementDto {
  asAt: string;
  currency: string;
  contributions: { pledged: string; received: string; inKind: string; outstanding: string };
  byEarmarking: { earmarking: Earmarking; pledged: string; received: string; inKind: string }[];
  donors: { donor: Donor; name: string; pledged: string; received: string; inKind: string; outstanding: string }[];
  donorsAggregated: boolean;
  contributionList: {
    id: string;
    donor: Donor;
    name: string;
    kind: ContributionKind;
    date: string;
    currency: string;
    amount: string;
    earmarking: Earmarking;
    activity: string;
    description: string;
    received: string;
    receipts: { date: string; amount: string }[];
  }[];
  spending: { cycle: number; category: ExpenditureCategory; amount: string }[];
  spentByCycle: { cycle: number; amount: string }[];
  spentTotal: string;
  requirements: { cycle: number; year: number; amount: string }[];
  requirementsToDate: string;
  fundingGap: string;
  burnRate: { months: number; from: string; to: string; spent: string; perMonth: string };
  virtualVisits: { count: number; perVisitCost: string | null; savings: string | null };
  posts: { total: number; regularBudget: number; vacant: number };
  may: { manage: boolean };
}

export interface RecordsDto {
  contributions: { id: string; donor: Donor; kind: ContributionKind; date: string; currency: string; amount: string; received: string; earmarking: Earmarking }[];
  expenditures: { id: string; cycle: number; category: ExpenditureCategory; date: string; currency: string; amount: string; description: string }[];
  requirements: { id: string; cycle: number; year: number; currency: string; amount: string; description: string }[];
  rates: { currency: string; validFrom: string; perUsd: string }[];
  posts: { id: string; grade: string; title: string; regularBudget: boolean; vacantFrom: string | null; vacantTo: string | null }[];
  visitCost: string | null;
}

export const statementUrl = (asAt: string) => `/api/finance/statement?asAt=${encodeURIComponent(asAt)}`;
export const statementXlsxUrl = (asAt: string) => `/api/finance/statement.xlsx?asAt=${encodeURIComponent(asAt)}`;

export function useStatement(asAt: string, enabled: boolean) {
  return useQuery({ queryKey: ['finance-statement', asAt], queryFn: () => apiRequest<StatementDto>(statementUrl(asAt)), enabled });
}

export function useRecords(enabled: boolean) {
  return useQuery({ queryKey: ['finance-records'], queryFn: () => apiRequest<RecordsDto>('/api/finance/records'), enabled });
}

/** A POST or PUT of one finance form; every statement and the records reload after it. */
export function useFinanceWrite<T>(path: (input: T) => string, method: 'POST' | 'PUT' = 'POST') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: T) => apiRequest<unknown>(path(input), { method, body: input }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['finance-statement'] });
      void queryClient.invalidateQueries({ queryKey: ['finance-records'] });
    },
  });
}
