import { useEffect, useState } from 'react';
import type { WxtStorageItem } from 'wxt/utils/storage';

/** A storage item's value, kept current as the background (or another page) writes it; undefined until read. */
export function useStorageItem<T>(item: WxtStorageItem<T, Record<string, unknown>>): T | undefined {
  const [value, setValue] = useState<T>();
  useEffect(() => {
    let live = true;
    void item.getValue().then((initial) => {
      if (live) setValue(() => initial);
    });
    const unwatch = item.watch((next) => setValue(() => next));
    return () => {
      live = false;
      unwatch();
    };
  }, [item]);
  return value;
}
