import type { Store, TeamRecord } from './store/types';

export type Principal = { kind: 'admin' } | { kind: 'team'; team: TeamRecord };

/** What every handler can reach through `c.var`. */
export interface AppEnv {
  Variables: {
    store: Store;
    principal: Principal;
  };
}
