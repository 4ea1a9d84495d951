import { randomUUID } from 'node:crypto';
import type { AppEvent } from '../shared/events';
import { BLOCKER_KINDS, DECISION_LEVELS, MEETING_CATEGORIES } from '../shared/vocabulary';
import type { LoadRequest } from './load';

/** A realistic mix of a team's events spread over [from, to): what the history and the load consist of. */
export function generateEvents(count: number, from: number, to: number, seed = 1): AppEvent[] {
  // mulberry32: a float LCG loses precision past 2^53 and collapses into a short cycle.
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const events: AppEvent[] = [];
  for (let i = 0; i < count; i += 1) {
    const at = from + Math.floor(random() * (to - from));
    const occurredAt = new Date(at).toISOString();
    const base = { id: randomUUID(), occurredAt, source: 'api' as const };
    const n = Math.floor(random() * 8);
    const ref = `x${Math.floor(random() * 1e9).toString(36)}`;
    if (n === 0 || n === 1) {
      events.push({
        ...base,
        type: 'blocker.flagged',
        blockerId: ref,
        subject: `jira:PAY-${i % 5000}`,
        kind: pick(BLOCKER_KINDS),
        waitingOn: 'Security',
      });
    } else if (n === 2) {
      events.push({ ...base, type: 'blocker.resolved', blockerId: ref });
    } else if (n === 3 || n === 4) {
      const start = new Date(at - 3600_000).toISOString();
      events.push({
        ...base,
        type: 'meeting.tagged',
        meetingId: ref,
        start,
        end: occurredAt,
        attendeeCount: 2 + (i % 9),
        category: pick(MEETING_CATEGORIES),
      });
    } else if (n === 5) {
      events.push({
        ...base,
        type: 'decision.opened',
        decisionId: ref,
        level: pick(DECISION_LEVELS),
        reversible: random() < 0.7,
      });
    } else if (n === 6) {
      events.push({ ...base, type: 'decision.implemented', decisionId: ref });
    } else {
      events.push({
        ...base,
        type: 'contribution.recorded',
        subject: `github:acme/platform#${i % 9000}`,
        repo: 'acme/platform',
      });
    }
  }
  return events;
}

/** One ingest request of the load: a fresh batch of `batchSize` events from the last 20 days. */
export function ingestRequest(token: string, batchSize: number): () => LoadRequest {
  const now = Date.now();
  const day = 24 * 3600_000;
  return () => ({
    method: 'POST',
    path: '/api/v1/events',
    headers: { authorization: `Bearer ${token}` },
    body: () =>
      JSON.stringify({
        events: generateEvents(batchSize, now - 20 * day, now, Math.floor(Math.random() * 1e9)),
      }),
  });
}
