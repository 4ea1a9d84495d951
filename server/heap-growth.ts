import { setFlagsFromString } from 'node:v8';

/**
 * Lets the heap double between full collections, for a process whose store is PostgreSQL.
 *
 * `npm run serve` caps the old space at 256 MB for lowdb, which holds a team's data in the heap,
 * and under that cap V8 lets the heap grow only about 1.3× its live size before collecting it
 * whole. On PostgreSQL the process holds ~20 MB between requests, so each first read of a team
 * (~12,000 facts parsed and folded) pushed it over: a full collection every two or three
 * requests, ~11 of their ~30 ms of CPU in the bench, and 3 full collections in 100 requests
 * instead of 42 with this factor (peak memory 160 → 186 MB). lowdb keeps V8's schedule: with this
 * factor its peak went from 279 to 333 MB, over its 300 MB budget.
 * V8 reads the factor each time it sets the next collection's limit, so setting it after start
 * takes effect.
 */
export function letHeapDoubleBetweenCollections(): void {
  setFlagsFromString('--heap-growing-percent=100');
}
