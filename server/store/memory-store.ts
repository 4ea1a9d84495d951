import type { AppEvent } from '../../shared/events';
import { type EventFact, factOf } from '../indicators/facts';
import { emptyOrg, type OrgDocument, type OrgUpdate } from './org-document';
import { planAppend } from './plan-append';
import type { AppendResult, EventQuery, RepoOwner, Store, StoredEvent, TeamRecord } from './types';

/** A store that keeps everything in memory: for tests and for the store contract's reference. */
export class MemoryStore implements Store {
  private readonly teams = new Map<string, TeamRecord>();
  private readonly repoOwners = new Map<string, string>();
  private readonly events = new Map<string, StoredEvent[]>();
  private readonly fingerprints = new Map<string, Map<string, string>>();
  private org: OrgDocument = emptyOrg();

  async listTeams(): Promise<TeamRecord[]> {
    return [...this.teams.values()].map((team) => structuredClone(team));
  }

  async getTeam(id: string): Promise<TeamRecord | undefined> {
    const team = this.teams.get(id);
    return team && structuredClone(team);
  }

  async findTeamByTokenHash(tokenHash: string): Promise<TeamRecord | undefined> {
    for (const team of this.teams.values()) {
      if (team.tokenHash === tokenHash) return structuredClone(team);
    }
    return undefined;
  }

  async createTeam(team: TeamRecord): Promise<TeamRecord> {
    if (this.teams.has(team.id)) throw new Error(`team ${team.id} already exists`);
    this.teams.set(team.id, structuredClone(team));
    return structuredClone(team);
  }

  async updateTeam(
    id: string,
    patch: Partial<Pick<TeamRecord, 'name' | 'tokenHash' | 'retiredAt' | 'settings'>>,
  ): Promise<TeamRecord | undefined> {
    const team = this.teams.get(id);
    if (!team) return undefined;
    const updated = { ...team, ...structuredClone(patch) };
    this.teams.set(id, updated);
    return structuredClone(updated);
  }

  async listRepoOwners(): Promise<RepoOwner[]> {
    return [...this.repoOwners].map(([repo, teamId]) => ({ repo, teamId }));
  }

  async setRepoOwner(owner: RepoOwner): Promise<void> {
    this.repoOwners.set(owner.repo, owner.teamId);
  }

  async removeRepoOwner(repo: string): Promise<boolean> {
    return this.repoOwners.delete(repo);
  }

  async appendEvents(teamId: string, events: AppEvent[], receivedAt: string): Promise<AppendResult> {
    const known = this.fingerprints.get(teamId) ?? new Map<string, string>();
    const plan = planAppend(events, (id) => known.get(id));
    if (plan.conflicts.length > 0) return { accepted: 0, duplicates: 0, conflicts: plan.conflicts };
    const stored = this.events.get(teamId) ?? [];
    for (const { event, fingerprint } of plan.fresh) {
      known.set(event.id, fingerprint);
      stored.push({ ...structuredClone(event), receivedAt });
    }
    this.fingerprints.set(teamId, known);
    this.events.set(teamId, stored);
    return { accepted: plan.fresh.length, duplicates: plan.duplicates, conflicts: [] };
  }

  async readEvents(teamId: string, query: EventQuery = {}): Promise<StoredEvent[]> {
    const from = query.from?.getTime() ?? Number.NEGATIVE_INFINITY;
    const to = query.to?.getTime() ?? Number.POSITIVE_INFINITY;
    return (this.events.get(teamId) ?? [])
      .filter((event) => {
        const at = Date.parse(event.occurredAt);
        return at >= from && at < to;
      })
      .sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt))
      .map((event) => structuredClone(event));
  }

  async readFacts(teamId: string, query: EventQuery = {}): Promise<EventFact[]> {
    return (await this.readEvents(teamId, query)).map((event) => factOf(event));
  }

  /**
   * The whole range: its facts are in memory here, and folding the lookback's few thousand facts
   * costs less than sorting out which of them the window depends on.
   */
  readWindowFacts(teamId: string, range: Required<EventQuery>): Promise<EventFact[]> {
    return this.readFacts(teamId, range);
  }

  async getOrg(): Promise<OrgDocument> {
    return structuredClone(this.org);
  }

  async updateOrg<R>(change: (current: OrgDocument) => OrgUpdate<R>): Promise<R> {
    const { next, result } = change(structuredClone(this.org));
    if (next) this.org = structuredClone(next);
    return result;
  }

  async close(): Promise<void> {}
}
