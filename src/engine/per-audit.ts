// Facts about the people that several rules read (who sells, the people the
// roster leaves out), worked out once per audit and shared: at 10,000 people
// each rule walking the roster again for them was some 7% of the audit. Only
// while runAudit runs: outside one (a rule's test calling a helper, a caller
// that changes the org between audits) every call works the fact out afresh,
// so no result outlives the audit whose org it was read from. Pure: no I/O.

/** The memo of the audit running now: per key object, per fact name, the value. */
let current: WeakMap<object, Map<string, unknown>> | undefined;

/**
 * Runs `run` with a fresh per-audit memo (restoring the one before, so an
 * audit run inside another keeps its own), and returns what it returns.
 */
export function withAuditMemo<T>(run: () => T): T {
  const outer = current;
  current = new WeakMap();
  try {
    return run();
  } finally {
    current = outer;
  }
}

/**
 * A function that runs its argument inside the audit running now, with that
 * audit's memo (or outside any, as now): for the parts of a report worked out
 * when first read (the checklist), after runAudit has returned.
 */
export function thisAudit(): <T>(run: () => T) => T {
  const memo = current;
  return (run) => {
    const outer = current;
    current = memo;
    try {
      return run();
    } finally {
      current = outer;
    }
  };
}

/**
 * `compute(key)`, worked out once per audit for the same key object and fact
 * name while an audit runs (withAuditMemo), else every time. The value is
 * shared by every caller in that audit: it is frozen (its top level, and the
 * lists and objects directly in it), so a caller that would change it throws
 * instead of changing another rule's input.
 */
export function oncePerAudit<K extends object, R>(key: K, name: string, compute: (key: K) => R): R {
  if (!current) return compute(key);
  let facts = current.get(key);
  if (!facts) current.set(key, (facts = new Map()));
  if (facts.has(name)) return facts.get(name) as R;
  const value = compute(key);
  facts.set(name, freezeShallow(value));
  return value;
}

function freezeShallow<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  Object.freeze(value);
  for (const v of Array.isArray(value) ? value : Object.values(value)) {
    if (v !== null && typeof v === 'object') Object.freeze(v);
  }
  return value;
}
