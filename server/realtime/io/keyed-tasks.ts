/*
 * Two ways of running asynchronous work per key (here, per meeting) in one process.
 */

/** Runs the tasks given for one key one after another, in the order given; a failure does not stop the next. */
export function createKeyedQueue() {
  const tails = new Map<string, Promise<void>>();
  return function inOrder<T>(key: string, task: () => Promise<T>): Promise<T> {
    const result = (tails.get(key) ?? Promise.resolve()).then(task);
    const tail = result.then(
      () => {},
      () => {},
    );
    tails.set(key, tail);
    void tail.then(() => tails.get(key) === tail && tails.delete(key));
    return result;
  };
}

/**
 * Loads for one key at a time, and serves everyone who asks while a load runs with the
 * one load that starts after it. Whoever asks gets data read after they asked (so a
 * person who just arrived sees themselves), while 300 people arriving together cause
 * a few loads rather than 300.
 */
export function createBatchedLoader<T>(load: (key: string) => Promise<T>) {
  const running = new Map<string, Promise<T>>();
  const next = new Map<string, Promise<T>>();

  function start(key: string): Promise<T> {
    const loading = load(key);
    running.set(key, loading);
    const done = () => running.get(key) === loading && running.delete(key);
    loading.then(done, done);
    return loading;
  }

  return function loadAfterNow(key: string): Promise<T> {
    const queued = next.get(key);
    if (queued) return queued;
    const current = running.get(key);
    if (!current) return start(key);
    const after = current
      .then(
        () => undefined,
        () => undefined,
      )
      .then(() => {
        next.delete(key);
        return start(key);
      });
    next.set(key, after);
    return after;
  };
}
