import type { AppEvent } from '../../shared/events';
import { sendMessage } from './messages';

/** A host page's widgets lose the background when the extension is updated under them. */
export const RELOAD_PAGE = 'The extension was updated or restarted: reload this page to use it here.';

/**
 * Records one action from a widget on a host page: resolves to null once it is queued, else to
 * what went wrong in words the user can act on.
 */
export async function trackFromPage(event: AppEvent): Promise<string | null> {
  try {
    const result = await sendMessage({ type: 'track', event });
    return result.ok ? null : `${result.error.message} ${result.error.fix}`;
  } catch {
    return RELOAD_PAGE;
  }
}
