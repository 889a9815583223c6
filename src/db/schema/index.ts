export * from './reference.ts';
export * from './accounts.ts';
export * from './audit.ts';
export * from './system.ts';
export * from './lots.ts';
export * from './reviews.ts';
export * from './checklists.ts';
export * from './desk-review.ts';
