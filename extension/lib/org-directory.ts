import { createApiClient, notConfigured } from './api-client';
import { readConnection, teamItem } from './settings';

/**
 * The other teams, for the "shared with" pickers of the popup, the dashboard and the host
 * widgets (which cannot call the API themselves). Background or extension pages only. A failure
 * still lets the user record what was shared, just without an audience team.
 */
export type OtherTeams = { ok: true; teams: { id: string; name: string }[] } | { ok: false; message: string };

export async function otherTeams(): Promise<OtherTeams> {
  const [connection, team] = await Promise.all([readConnection(), teamItem.getValue()]);
  if (!connection || !team) {
    const { message, fix } = notConfigured();
    return { ok: false, message: `${message} ${fix}` };
  }
  const result = await createApiClient(connection).orgDirectory();
  if (!result.ok) return { ok: false, message: `${result.failure.message} ${result.failure.fix}` };
  return { ok: true, teams: result.value.teams.filter((other) => other.id !== team.teamId) };
}
