import { useCallback, useEffect, useState } from 'react';
import type { ApiResult } from '../../lib/api-client';

/**
 * One API answer for a section: null while it loads, then the result. `load` must be stable
 * (`useCallback`); a new `load` (another window, another team) loads again and drops the answer
 * of the previous one if it comes late. `reload` refetches after the section changed something;
 * `replace` shows what a change answered (a PUT that returns the new state) without refetching.
 */
export function useApi<T>(load: (() => Promise<ApiResult<T>>) | null): {
  result: ApiResult<T> | null;
  reload: () => void;
  replace: (value: T) => void;
} {
  const [result, setResult] = useState<ApiResult<T> | null>(null);
  const [version, setVersion] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` is what a reload changes
  useEffect(() => {
    if (!load) return;
    let current = true;
    void load().then((loaded) => {
      if (current) setResult(loaded);
    });
    return () => {
      current = false;
    };
  }, [load, version]);
  const reload = useCallback(() => setVersion((value) => value + 1), []);
  const replace = useCallback((value: T) => setResult({ ok: true, value }), []);
  return { result, reload, replace };
}
