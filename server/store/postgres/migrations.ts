/**
 * The PostgreSQL schema, one version at a time. A version, once released, never changes: a
 * database that already applied it would not see the edit. Later versions must keep working for
 * replicas still running the previous release, since a rolling upgrade migrates under them.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial',
    sql: `
      CREATE TABLE teams (
        id text PRIMARY KEY,
        name text NOT NULL,
        token_hash text NOT NULL,
        created_at timestamptz NOT NULL,
        retired_at timestamptz,
        settings jsonb NOT NULL DEFAULT '{}'
      );
      CREATE UNIQUE INDEX teams_token_hash ON teams (token_hash);

      CREATE TABLE repo_owners (
        repo text PRIMARY KEY,
        team_id text NOT NULL
      );

      -- payload is json, not jsonb: jsonb refuses \\u0000 and lone surrogates, which free-text
      -- fields (a blocker's waitingOn, a drift note) may hold, and json hands the stored text
      -- back without re-serialising it on every read.
      -- Rows are only ever inserted: readers' caches rely on a month's row count to notice change.
      CREATE TABLE events (
        team_id text NOT NULL,
        id text NOT NULL,
        seq bigint GENERATED ALWAYS AS IDENTITY,
        occurred_at timestamptz NOT NULL,
        type text NOT NULL,
        fingerprint text NOT NULL,
        payload json NOT NULL,
        PRIMARY KEY (team_id, id)
      );
      -- With seq, ties keep arrival order and a team's range comes out of the index already sorted.
      CREATE INDEX events_team_occurred ON events (team_id, occurred_at, seq);

      CREATE TABLE settings (
        key text PRIMARY KEY,
        value text NOT NULL
      );

      -- Counters lost in a crash only reset some rate-limit windows, so they skip the WAL.
      CREATE UNLOGGED TABLE rate_limits (
        key text NOT NULL,
        window_start bigint NOT NULL,
        count integer NOT NULL,
        PRIMARY KEY (key, window_start)
      );
    `,
  },
];
