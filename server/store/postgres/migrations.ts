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
  {
    version: 2,
    name: 'org',
    sql: `
      -- The admin's organisation document (problem areas, goals, roadmap, reviewer ratings): one
      -- row, small, read and written whole. json, not jsonb, for the same reason as events.payload:
      -- names typed by the admin may hold characters jsonb refuses.
      CREATE TABLE org (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        document json NOT NULL
      );
    `,
  },
  {
    version: 3,
    name: 'event-fact-column',
    // What the indicator engine reads of each event (`factRow` in fact-row.ts), kept beside the
    // payload and in the index, so a team's facts come from an index-only scan and one JSON parse
    // instead of parsing every payload. The API computes facts itself when it inserts; the
    // trigger fills them for rows written any other way (a replica of the previous release during
    // a rolling upgrade, SQL by hand), and the backfill for rows already stored. On a large table
    // the backfill takes minutes, during which the table is locked.
    sql: `
      -- Date.parse keeps the first three fractional digits, where PostgreSQL would round to six.
      CREATE FUNCTION epoch_ms(instant text) RETURNS bigint
      LANGUAGE sql STABLE PARALLEL SAFE AS $fn$
        SELECT (extract(epoch FROM regexp_replace(instant, '(\\.[0-9]{3})[0-9]+', '\\1')::timestamptz) * 1000)::bigint
      $fn$;

      -- toLowerCase on the ASCII names GitHub allows, whatever the database's locale.
      CREATE FUNCTION ascii_lower(name text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
        SELECT translate(name, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')
      $fn$;

      -- Fields are taken as json (->), so a name keeps its escapes. PostgreSQL unescapes every string
      -- of a document it parses and has no text for \\u0000, which free text (a blocker's
      -- waitingOn) may hold: that one is cut out of the document as it is written, escapes and all.
      CREATE FUNCTION event_fact(type text, id text, occurred_at timestamptz, payload json) RETURNS text
      LANGUAGE sql STABLE PARALLEL SAFE AS $fn$
        SELECT '[' || concat_ws(',',
          (extract(epoch FROM occurred_at) * 1000)::bigint,
          to_json(type),
          to_json(id),
          CASE
            WHEN type = 'blocker.flagged' THEN concat_ws(',',
              p -> 'blockerId', p -> 'subject', p -> 'kind',
              coalesce((regexp_match(payload::text, '"waitingOn":("(?:[^"\\\\]|\\\\.)*")'))[1], 'null'))
            WHEN type = 'blocker.resolved' THEN (p -> 'blockerId')::text
            WHEN type = 'meeting.tagged' THEN
              concat_ws(',', p -> 'meetingId', epoch_ms(p ->> 'start'), epoch_ms(p ->> 'end'), p -> 'category')
            WHEN type = 'meeting.untagged' THEN (p -> 'meetingId')::text
            WHEN type = 'decision.opened' THEN
              concat_ws(',', p -> 'decisionId', p -> 'level', p -> 'reversible', coalesce(p -> 'decisionType', 'null'))
            WHEN type IN ('decision.decided', 'decision.implemented') THEN (p -> 'decisionId')::text
            WHEN type IN ('experiment.started', 'experiment.concluded') THEN (p -> 'experimentId')::text
            WHEN type = 'contribution.recorded' THEN
              concat_ws(',', to_json(ascii_lower(p ->> 'subject')), to_json(ascii_lower(p ->> 'repo')))
            WHEN type = 'survey.answered' THEN concat_ws(',', p -> 'period', p -> 'respondent', p -> 'scores')
          END
        ) || ']'
        FROM (
          SELECT CASE WHEN type = 'blocker.flagged'
            THEN regexp_replace(payload::text, '"waitingOn":"(?:[^"\\\\]|\\\\.)*"', '"waitingOn":null')::json
            ELSE payload END AS p
        ) AS parsed
      $fn$;

      ALTER TABLE events ADD COLUMN fact text;
      UPDATE events SET fact = event_fact(type, id, occurred_at, payload);
      ALTER TABLE events ALTER COLUMN fact SET NOT NULL;

      CREATE FUNCTION events_fill_fact() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        NEW.fact := event_fact(NEW.type, NEW.id, NEW.occurred_at, NEW.payload);
        RETURN NEW;
      END
      $fn$;
      CREATE TRIGGER events_fill_fact BEFORE INSERT ON events
        FOR EACH ROW WHEN (NEW.fact IS NULL) EXECUTE FUNCTION events_fill_fact();

      -- Aborts an insert that meets an id stored with another payload (ON CONFLICT ... DO UPDATE
      -- calls it): one statement then stores a batch whole or not at all, without a transaction
      -- around it. The code is isEventIdConflict's in connect.ts.
      CREATE FUNCTION event_id_conflict(id text) RETURNS text LANGUAGE plpgsql AS $fn$
      BEGIN
        RAISE EXCEPTION 'event id % was already stored with another payload', id USING ERRCODE = 'AA409';
      END
      $fn$;

      -- Same order as the index it replaces, which a previous release's queries still find.
      CREATE INDEX events_team_occurred_fact ON events (team_id, occurred_at, seq) INCLUDE (fact);
      DROP INDEX events_team_occurred;
    `,
  },
  {
    version: 4,
    name: 'event-fold-key',
    // What decides whether a fact before a window matters to the window's indicators
    // (server/indicators/lookback.ts): the key it is folded by (factRow's fourth field, as
    // `foldKey` reads it) and a tagged meeting's start. The key goes into the index beside the
    // fact, so the months before a window are read for the keys the window touches without
    // touching the table; the few tagged meetings by start, for those tagged into the window.
    // Generated, so rows written any way (a replica of the previous release included) carry them.
    // Cut out of the text rather than parsed: PostgreSQL cannot parse a fact whose free text holds
    // \u0000, and what precedes them (an instant, a type, a UUID, then ids and names the event
    // schemas restrict to letters, digits and ".:_-#/") has neither escapes nor quotes inside.
    // Adding them rewrites the table, locked meanwhile: minutes on a large one. The new index keeps
    // the old one's order, which a previous release's queries still find.
    sql: `
      ALTER TABLE events
        ADD COLUMN fold_key text GENERATED ALWAYS AS
          (substring(fact FROM '^\\[[^,]*,"[^"]*","[^"]*","([^"\\\\]*)"')) STORED,
        ADD COLUMN meeting_start bigint GENERATED ALWAYS AS
          (CASE WHEN type = 'meeting.tagged'
            THEN substring(fact FROM '^\\[[^,]*,"[^"]*","[^"]*","[^"]*",(-?[0-9]+)')::bigint END) STORED;
      CREATE INDEX events_team_occurred_keyed ON events (team_id, occurred_at, seq) INCLUDE (fold_key, fact);
      DROP INDEX events_team_occurred_fact;
      CREATE INDEX events_team_meeting_start ON events (team_id, meeting_start) INCLUDE (occurred_at, fold_key)
        WHERE meeting_start IS NOT NULL;
      ANALYZE events;
    `,
  },
];
