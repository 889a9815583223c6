/**
 * @module needs-types
 * The standard types of technical assistance as the analytics API names them. The checklist
 * and report store the identifiers of ASSISTANCE_TYPES; the API speaks the readable ones the
 * issue asks for. They differ only where the stored id is terse ("research-data"), so the
 * mapping is kept here, in both directions, and input accepts either spelling.
 */
import { ASSISTANCE_TYPES, ASSISTANCE_TYPE_NAMES, type AssistanceType } from '../reviews/checklist.ts';

const API_ID_OF: Record<AssistanceType, string> = {
  'capacity-building': 'capacity-building',
  'legislative-assistance': 'legislative-assistance',
  'legal-advice': 'legal-advice',
  'model-legislation': 'model-legislation',
  'institution-building': 'institution-building',
  policymaking: 'policymaking',
  'research-data': 'research-and-data',
  'international-cooperation': 'international-cooperation',
  'on-site-expert': 'on-site-expert',
  'action-plan': 'action-plan',
  'good-practices': 'good-practices',
  other: 'other',
};

/** The API's identifiers, in the order of the standard list. */
export const NEED_TYPES = ASSISTANCE_TYPES.map((t) => API_ID_OF[t]) as readonly string[];
export type NeedType = string;

const STORED_OF = new Map<string, AssistanceType>(ASSISTANCE_TYPES.flatMap((t) => [[t, t] as const, [API_ID_OF[t], t] as const]));

/** The API id of a stored type. */
export function apiNeedType(stored: AssistanceType): string {
  return API_ID_OF[stored];
}

/** The stored type of an API id or stored id; undefined for anything else. */
export function storedNeedType(id: string): AssistanceType | undefined {
  return STORED_OF.get(id.trim().toLowerCase());
}

/** English name of a type, by either spelling. */
export function needTypeName(id: string): string {
  const stored = storedNeedType(id);
  return stored ? ASSISTANCE_TYPE_NAMES[stored] : id;
}

/**
 * Reads a cell listing types separated by ';' (or ','), either spelling, each once, in
 * the standard order. Returns the unknown ones separately so the caller can say which.
 */
export function parseNeedTypes(cell: string): { types: AssistanceType[]; unknown: string[] } {
  const parts = cell.split(/[;,]/).map((p) => p.trim()).filter((p) => p !== '');
  const found = new Set<AssistanceType>();
  const unknown: string[] = [];
  for (const part of parts) {
    const stored = storedNeedType(part);
    if (stored) found.add(stored);
    else unknown.push(part);
  }
  return { types: ASSISTANCE_TYPES.filter((t) => found.has(t)), unknown };
}
