// The run of a release: each Worker's deploy after the Workers it waits for, at most `max` side by
// side (`max-parallel`), in the release's order otherwise; at the first failure nothing new starts
// (the running ones finish), so a re-run continues from the live state.
/** Runs the keys in order, at most `max` at once, each after the keys it waits for; stops starting at the first failure. */
export async function runInOrder(
  keys: readonly string[],
  waitsFor: ReadonlyMap<string, readonly string[]>,
  max: number,
  deploy: (key: string) => Promise<boolean>,
): Promise<void> {
  const pending = [...keys];
  const done = new Set<string>();
  const running = new Map<string, Promise<void>>();
  let failed = false;
  for (;;) {
    if (!failed) {
      for (let i = 0; i < pending.length && running.size < Math.max(1, max); ) {
        const key = pending[i] as string;
        const waits = (waitsFor.get(key) ?? []).filter((k) => keys.includes(k));
        if (!waits.every((k) => done.has(k))) {
          i++;
          continue;
        }
        pending.splice(i, 1);
        const task = deploy(key).then(
          (ok) => {
            if (ok) done.add(key);
            else failed = true;
          },
          (error: unknown) => {
            failed = true;
            throw error;
          },
        );
        running.set(
          key,
          task.finally(() => running.delete(key)),
        );
      }
    }
    if (running.size === 0) return;
    await Promise.race(running.values());
  }
}
