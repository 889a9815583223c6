/**
 * @module demo-markers
 * One unique string per kind of confidential demo content, written into the demo data so
 * that a crawl of everything the public can reach (test/access/anonymous-crawl.test.ts,
 * e2e/anonymous-crawl.spec.ts) proves none of it leaks, and says which kind did if one does.
 * No published text carries a marker.
 */
export const DEMO_MARKERS = {
  reportDraft: 'DEMO-UNPUBLISHED-DRAFT',
  summaryDraft: 'DEMO-UNPUBLISHED-SUMMARY',
  summaryTranslation: 'DEMO-UNPUBLISHED-TRANSLATION',
  checklistAnswer: 'DEMO-UNPUBLISHED-CHECKLIST-ANSWER',
  deskReviewMessage: 'DEMO-UNPUBLISHED-DESK-REVIEW',
  pauseReason: 'DEMO-CONFIDENTIAL-PAUSE-REASON',
  selfReport: 'DEMO-UNPUBLISHED-SELF-REPORT',
  actionPlan: 'DEMO-UNPUBLISHED-ACTION-PLAN',
  limitedSessionDocument: 'DEMO-LIMITED-SESSION-DOCUMENT',
  donorRecord: 'DEMO-CONFIDENTIAL-DONOR-RECORD',
  financeRecord: 'DEMO-CONFIDENTIAL-FINANCE-RECORD',
} as const;

export type DemoMarkerKind = keyof typeof DEMO_MARKERS;

/** The kinds whose marker occurs in a text, for a crawl's failure message. */
export function markersIn(text: string): DemoMarkerKind[] {
  return (Object.keys(DEMO_MARKERS) as DemoMarkerKind[]).filter((kind) => text.includes(DEMO_MARKERS[kind]));
}
