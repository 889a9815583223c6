/**
 * @module regional-groups
 * The five United Nations regional groups. The European Union, a regional economic
 * integration organisation, belongs to none of them (null).
 */
export const REGIONAL_GROUPS = [
  'african',
  'asia-pacific',
  'eastern-european',
  'latin-american-caribbean',
  'western-european-other',
] as const;
export type RegionalGroup = (typeof REGIONAL_GROUPS)[number];

/** English names as the UN writes them, used in data files and English documents. */
export const REGIONAL_GROUP_NAMES: Record<RegionalGroup, string> = {
  african: 'African States',
  'asia-pacific': 'Asia-Pacific States',
  'eastern-european': 'Eastern European States',
  'latin-american-caribbean': 'Latin American and Caribbean States',
  'western-european-other': 'Western European and other States',
};

export function regionalGroupFromName(name: string): RegionalGroup | null {
  const entry = Object.entries(REGIONAL_GROUP_NAMES).find(([, n]) => n.toLowerCase() === name.trim().toLowerCase());
  return entry ? (entry[0] as RegionalGroup) : null;
}
