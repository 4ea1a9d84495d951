import { setFlagsFromString } from 'node:v8';

/**
 * Lets the heap double between full collections, for a process whose store is PostgreSQL.
 *
 * `npm run serve` caps the old space at 256 MB for lowdb, which holds a team's data in the heap,
 * and under that cap V8 lets the heap grow only about 1.3× its live size before collecting it
 * whole. On PostgreSQL the process holds ~20 MB between requests, so first reads of teams (~12,000
 * facts parsed and folded each) brought a full collection every two or three requests: 42 in 100
 * requests, ~11 of their ~30 ms of CPU. With this factor it was 3 to 20 in 100, and peak memory
 * 173-193 MB instead of 160. lowdb keeps V8's schedule: with this factor its peak went from 279 to
 * 333 MB, over its 300 MB budget.
 * V8 reads the factor each time it sets the next collection's limit, so setting it after start
 * takes effect.
 */
export function letHeapDoubleBetweenCollections(): void {
  setFlagsFromString('--heap-growing-percent=100');
}
