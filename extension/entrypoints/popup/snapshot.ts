import { storage } from 'wxt/utils/storage';
import { type DeliveryStatus, deliveryStatusItem } from '../../lib/delivery-status';
import { type Intent, intentsItem } from '../../lib/intents';
import {
  type Connection,
  connectionOf,
  type PopupCache,
  popupCacheItem,
  serverUrlItem,
  type TeamIdentity,
  teamItem,
  teamTokenItem,
} from '../../lib/settings';

/** What the popup shows before the server answers. */
export interface Snapshot {
  connection: Connection | null;
  team: TeamIdentity | null;
  cache: PopupCache | null;
  status: DeliveryStatus;
  intents: Intent[];
}

/** The first paint waits for storage only: every item it shows, in one read. */
export async function readSnapshot(): Promise<Snapshot> {
  const items = [serverUrlItem, teamTokenItem, teamItem, popupCacheItem, deliveryStatusItem, intentsItem];
  const values = (await storage.getItems(items)).map(({ value }) => value);
  const [serverUrl, token, team, cache, status, intents] = values as [
    string,
    string,
    TeamIdentity | null,
    PopupCache | null,
    DeliveryStatus,
    Intent[],
  ];
  return {
    connection: connectionOf(serverUrl, token),
    team,
    cache: cache && cache.teamId === team?.teamId ? cache : null,
    status,
    intents,
  };
}
