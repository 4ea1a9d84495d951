import { useEffect, useState } from 'react';
import type { WxtStorageItem } from 'wxt/utils/storage';

/**
 * A storage item's value, kept current as the background (or another page) writes it; undefined
 * until read, unless the caller read it already (`initial`, so the first render can show it).
 */
export function useStorageItem<T>(item: WxtStorageItem<T, Record<string, unknown>>, initial: T): T;
export function useStorageItem<T>(item: WxtStorageItem<T, Record<string, unknown>>): T | undefined;
export function useStorageItem<T>(
  item: WxtStorageItem<T, Record<string, unknown>>,
  initial?: T,
): T | undefined {
  const [value, setValue] = useState<T | undefined>(initial);
  useEffect(() => {
    let live = true;
    void item.getValue().then((current) => {
      if (live) setValue(() => current);
    });
    const unwatch = item.watch((next) => setValue(() => next));
    return () => {
      live = false;
      unwatch();
    };
  }, [item]);
  return value;
}
