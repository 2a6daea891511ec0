// Walks the zod schema by fact path: which keys an object allows (for "did you
// mean"), what kind of value a fact takes and its meta (for the interview).
import * as z from 'zod/mini';
import { parsePath, type Segment } from './paths';
import { OrgSchema, type FactMeta } from './schema';

type Any = z.ZodMiniType;
const def = (s: Any) => (s as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;

/** Strips optional/nullable/default wrappers. */
export function unwrap(s: Any): Any {
  let cur = s;
  for (;;) {
    const d = def(cur);
    if (d.type === 'optional' || d.type === 'nullable' || d.type === 'default' || d.type === 'prefault') cur = d.innerType as Any;
    else return cur;
  }
}

export function kindOf(s: Any): string {
  return def(unwrap(s)).type;
}

export function child(s: Any, seg: Segment): Any | undefined {
  const u = unwrap(s);
  const d = def(u);
  if (d.type === 'object') return (d.shape as Record<string, Any>)[seg as string];
  if (d.type === 'array') return typeof seg === 'number' ? (d.element as Any) : undefined;
  if (d.type === 'record') return d.valueType as Any;
  return undefined;
}

export function schemaAt(path: string | readonly Segment[], root: Any = OrgSchema): Any | undefined {
  let cur: Any | undefined = root;
  for (const seg of typeof path === 'string' ? parsePath(path) : path) {
    if (!cur) return undefined;
    cur = child(cur, seg === -1 ? 0 : seg);
  }
  return cur;
}

/** The keys an object at this path allows, in schema order. */
export function keysAt(path: readonly Segment[], root: Any = OrgSchema): string[] {
  const s = schemaAt(path, root);
  if (!s) return [];
  const d = def(unwrap(s));
  if (d.type === 'object') return Object.keys(d.shape as object);
  if (d.type === 'record') {
    const k = def(d.keyType as Any);
    if (k.type === 'enum') return Object.values(k.entries as Record<string, string>);
  }
  return [];
}

/** The fact meta (question, help, choices...) of a schema, looking through wrappers. */
export function metaOf(s: Any | undefined): FactMeta {
  let cur = s;
  while (cur) {
    const m = z.globalRegistry.get(cur) as FactMeta | undefined;
    if (m && Object.keys(m).length) return m;
    const d = def(cur);
    cur = d.innerType as Any | undefined;
  }
  return {};
}

/** Enum values of a fact (or of a list's items), in schema order. */
export function enumValues(s: Any): string[] | undefined {
  let u = unwrap(s);
  if (def(u).type === 'array') u = unwrap(def(u).element as Any);
  const d = def(u);
  return d.type === 'enum' ? Object.values(d.entries as Record<string, string>) : undefined;
}
