// Fact paths: `people[2].attainment[0]`. They name a fact in findings, in the
// interview and in the `answers:` log, and key the loader's position map.

export type Segment = string | number;

export function formatPath(segments: readonly Segment[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else out += out ? `.${s}` : s;
  }
  return out;
}

export function parsePath(path: string): Segment[] {
  const out: Segment[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d*)\]/g)) {
    if (m[1] !== undefined) out.push(m[1]);
    else out.push(m[2] === '' ? -1 : Number(m[2]));
  }
  return out;
}

/** The value at a path, or undefined. */
export function getAt(root: unknown, path: string | readonly Segment[]): unknown {
  let cur: unknown = root;
  for (const s of typeof path === 'string' ? parsePath(path) : path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[s];
  }
  return cur;
}

/** Parent paths from the nearest outward: a.b[1].c -> a.b[1], a.b, a. */
export function ancestors(path: string): string[] {
  const segs = parsePath(path);
  const out: string[] = [];
  for (let i = segs.length - 1; i > 0; i--) out.push(formatPath(segs.slice(0, i)));
  return out;
}

// Several respondents (issue 14): an answer about one person is keyed by the
// person's name, `people[name=AE 4].coaching.one_to_one`, so that it stays with
// that person when the roster is reordered or grows (a position would silently
// move it to someone else).
const PERSON_KEY = /^people\[name=([^\]]+)\]((?:\.|\[).+)$/;

/** `people[name=<name>]<rest>`: an answer's key for a fact of the person named (rest starts with `.`, e.g. `.coaching.one_to_one`). */
export const personKey = (name: string, rest: string): string => `people[name=${name.trim()}]${rest}`;

/** The name and the rest of a `people[name=…]` key; undefined for any other key. */
export function splitPersonKey(key: string): { name: string; rest: string } | undefined {
  const m = PERSON_KEY.exec(key);
  return m ? { name: m[1]!.trim(), rest: m[2]! } : undefined;
}

/** The roster index of the person with this name (ignoring case and spaces at the ends); undefined when no one has it. */
export function personIndex(people: readonly unknown[] | undefined, name: string): number | undefined {
  const want = name.trim().toLowerCase();
  const i = (people ?? []).findIndex((p) => typeof (p as { name?: unknown })?.name === 'string' && (p as { name: string }).name.trim().toLowerCase() === want);
  return i < 0 ? undefined : i;
}

/**
 * An answer's key as a fact path of the org: `people[name=AE 4].x` -> `people[6].x`
 * (by the roster as it is now); other keys as they are. Undefined for a name the
 * roster does not have.
 */
export function keyToPath(key: string, people: readonly unknown[] | undefined): string | undefined {
  const p = splitPersonKey(key);
  if (!p) return key;
  const i = personIndex(people, p.name);
  return i === undefined ? undefined : `people[${i}]${p.rest}`;
}

/**
 * The key an answer is stored under: a fact of one person of the roster by
 * the person's name (`people[name=AE 4].x`), so that it stays with them when
 * the roster is reordered; a person without a name keeps their position, and
 * every other key is as given.
 */
export function storedKey(path: string, people: readonly unknown[] | undefined): string {
  const m = /^people\[(\d+)\]((?:\.|\[).+)$/.exec(path);
  if (!m) return path;
  const name = (people?.[Number(m[1])] as { name?: unknown } | undefined)?.name;
  return typeof name === 'string' && name.trim() ? personKey(name, m[2]!) : path;
}
