import type { Store, TeamRecord } from './store/types';
import { generateToken, hashToken } from './tokens';

/** Team ids are readable slugs of the first name, made unique; renaming keeps the id. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return slug || 'team';
}

export async function createTeam(
  store: Store,
  name: string,
  now: Date,
): Promise<{ team: TeamRecord; token: string }> {
  const base = slugify(name);
  const taken = new Set((await store.listTeams()).map((team) => team.id));
  let id = base;
  for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
  const token = generateToken('aat');
  const team = await store.createTeam({
    id,
    name,
    tokenHash: hashToken(token),
    createdAt: now.toISOString(),
    retiredAt: null,
    settings: {},
  });
  return { team, token };
}

export async function rotateTeamToken(store: Store, id: string): Promise<string | undefined> {
  const token = generateToken('aat');
  const team = await store.updateTeam(id, { tokenHash: hashToken(token) });
  return team ? token : undefined;
}

export function publicTeam(team: TeamRecord) {
  return { id: team.id, name: team.name, createdAt: team.createdAt, retiredAt: team.retiredAt };
}
