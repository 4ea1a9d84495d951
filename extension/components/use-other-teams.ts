import { useEffect, useState } from 'react';
import { sendMessage } from '../lib/messages';
import type { OtherTeams } from '../lib/org-directory';
import { RELOAD_PAGE } from '../lib/track-from-page';

/**
 * The teams a share can name as its audience, through the background (host widgets cannot call
 * the API). Null until it answers.
 */
export function useOtherTeams(): OtherTeams | null {
  const [teams, setTeams] = useState<OtherTeams | null>(null);
  useEffect(() => {
    let live = true;
    sendMessage({ type: 'getOtherTeams' }).then(
      (answer) => live && setTeams(answer),
      () => live && setTeams({ ok: false, message: RELOAD_PAGE }),
    );
    return () => {
      live = false;
    };
  }, []);
  return teams;
}
