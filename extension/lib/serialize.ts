/**
 * Runs async read-modify-write steps on one storage item one after another: the background
 * answers several messages at once, and interleaved get/set pairs would lose writes.
 */
export function createSerializer() {
  let tail: Promise<unknown> = Promise.resolve();
  return function serialized<T>(step: () => Promise<T>): Promise<T> {
    const run = tail.then(step, step);
    tail = run.catch(() => undefined);
    return run;
  };
}
