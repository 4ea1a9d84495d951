import type pg from 'pg';
import { emptyOrg, type OrgDocument, type OrgUpdate, parseOrg } from '../org-document';

/**
 * The organisation document in PostgreSQL: the one row of the `org` table, read and written
 * whole. An update locks the row for its transaction, so replicas updating together queue
 * instead of overwriting each other.
 */

type Query = (text: string, values: unknown[]) => Promise<pg.QueryResult<{ document: unknown }>>;

export async function readOrg(query: Query): Promise<OrgDocument> {
  const { rows } = await query('SELECT document FROM org', []);
  return rows[0] ? parseOrg(rows[0].document) : emptyOrg();
}

/** One transaction's work for `PostgresStore.updateOrg`: it commits only when there is a next document. */
export async function updateOrgIn<R>(
  client: pg.PoolClient,
  change: (current: OrgDocument) => OrgUpdate<R>,
): Promise<{ commit: boolean; result: R }> {
  // The row must exist to be locked; a concurrent first insert waits for this one, then finds it.
  await client.query('INSERT INTO org (document) VALUES ($1) ON CONFLICT (id) DO NOTHING', [
    JSON.stringify(emptyOrg()),
  ]);
  const { rows } = await client.query<{ document: unknown }>('SELECT document FROM org FOR UPDATE');
  const { next, result } = change(parseOrg((rows[0] as { document: unknown }).document));
  if (!next) return { commit: false, result };
  await client.query('UPDATE org SET document = $1', [JSON.stringify(next)]);
  return { commit: true, result };
}
