/*
 * Ways of running asynchronous work per key (here, per meeting) in one process. When
 * a venue's network drops, a thousand people come back within seconds: each of these
 * turns their thousand requests into a few pieces of work, never a thousand.
 */

const ignore = () => {};

export type KeyedQueue = <T>(key: string, task: () => Promise<T>) => Promise<T>;

/** Runs the tasks given for one key one after another, in the order given; a failure does not stop the next. */
export function createKeyedQueue(): KeyedQueue {
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

/**
 * Looks up many ids of one group (a meeting's people, or sessions) in one go. The first
 * to ask starts a lookup at once; whoever asks while one runs is gathered into the next,
 * which starts when it ends. As with `createBatchedLoader`, everyone gets data read
 * after they asked. An id the lookup does not answer for is undefined.
 */
export function createGatheredLookup<V>(lookupMany: (group: string, ids: string[]) => Promise<Map<string, V>>) {
  const running = new Map<string, Promise<unknown>>();
  const gathering = new Map<string, { ids: Set<string>; found: Promise<Map<string, V>> }>();

  function start(group: string, ids: Set<string>): Promise<Map<string, V>> {
    const found = lookupMany(group, [...ids]);
    running.set(group, found);
    const done = () => running.get(group) === found && running.delete(group);
    found.then(done, done);
    return found;
  }

  function gather(group: string, id: string): Promise<Map<string, V>> {
    const next = gathering.get(group);
    if (next) {
      next.ids.add(id);
      return next.found;
    }
    const current = running.get(group);
    if (!current) return start(group, new Set([id]));
    const ids = new Set([id]);
    const found = current.then(ignore, ignore).then(() => {
      gathering.delete(group);
      return start(group, ids);
    });
    gathering.set(group, { ids, found });
    return found;
  }

  return async function lookup(group: string, id: string): Promise<V | undefined> {
    return (await gather(group, id)).get(id);
  };
}

/**
 * Gathers items per key while the key's earlier tasks run in `inOrder`, then does the
 * work for all of them as one task when its turn comes. Everyone whose item was in it
 * gets that task's result (or its failure).
 */
export function createGatheringQueue<Item, R>(inOrder: KeyedQueue, work: (key: string, items: Item[]) => Promise<R>) {
  const gathering = new Map<string, { items: Item[]; done: Promise<R> }>();
  return function add(key: string, item: Item): Promise<R> {
    const open = gathering.get(key);
    if (open) {
      open.items.push(item);
      return open.done;
    }
    const items = [item];
    const done = inOrder(key, () => {
      gathering.delete(key);
      return work(key, items);
    });
    gathering.set(key, { items, done });
    return done;
  };
}

/**
 * Per key, calls back `gatherMs` after the first change not yet called back for, and
 * never sooner than `intervalMs` after its previous call back: however fast changes
 * come (a thousand people reconnecting over several seconds), they are answered at
 * most once per interval. `forget` drops a key's last call back (its room emptied);
 * `cancelAll` forgets everything pending.
 */
export function createGatheringTimers() {
  const pending = new Map<string, NodeJS.Timeout>();
  const lastCalledAt = new Map<string, number>();
  return {
    changed(key: string, { gatherMs, intervalMs }: { gatherMs: number; intervalMs: number }, callBack: () => void) {
      if (pending.has(key)) return;
      const sinceLast = Date.now() - (lastCalledAt.get(key) ?? -Infinity);
      const timer = setTimeout(
        () => {
          pending.delete(key);
          lastCalledAt.set(key, Date.now());
          callBack();
        },
        Math.max(gatherMs, intervalMs - sinceLast),
      );
      timer.unref();
      pending.set(key, timer);
    },
    forget(key: string) {
      lastCalledAt.delete(key);
    },
    cancelAll() {
      for (const timer of pending.values()) clearTimeout(timer);
      pending.clear();
    },
  };
}
