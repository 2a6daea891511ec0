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
