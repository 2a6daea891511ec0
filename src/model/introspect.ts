// Walks the zod schema by fact path: which keys an object allows (for "did you
// mean"), what kind of value a fact takes and its meta (for the interview).
import * as z from 'zod/mini';
import { FACT_META } from './custom-fact';
import { parsePath, type Segment } from './paths';
import { OrgSchema, type FactMeta, type Section } from './schema';

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

/** A plugin rule's custom facts (`custom.<rule id>`) as the interview asks them: its schema and the section it is asked in. */
export interface CustomFacts {
  /** The rule's id: its facts sit under `custom.<id>` in the org file. */
  id: string;
  /** The rule's `facts`, a zod object schema (each field's question from `fact()` in the library API). */
  facts: Any;
  section: Section;
}

// Undefined until custom facts are used: nothing here touches OrgSchema when the module loads, so a run that
// only imports this module (the JSON audit's loaders) never builds the schema.
let root: Any | undefined;
let customSections = new Map<string, Section>();

/**
 * Makes the org schema this module walks include plugin rules' custom facts
 * (`custom.<id>.<fact>`, each with its rule's own schema), so that the
 * interview plans, checks and writes them like any fact. Process-wide, as the
 * plugins a run loads are; an empty list returns to the built-in schema.
 */
export function useCustomFacts(list: readonly CustomFacts[]): void {
  customSections = new Map(list.map((c) => [c.id, c.section]));
  root = list.length ? z.extend(OrgSchema, { custom: z.optional(z.strictObject(Object.fromEntries(list.map((c) => [c.id, z.optional(c.facts)])))) }) : undefined;
}

/** The org schema as walked here: the built-in one, or with custom facts (useCustomFacts). Its identity changes when they do (for caches). */
export const orgRoot = (): Any => root ?? OrgSchema;

/** The section a plugin rule's custom facts are asked in, or undefined for an id no loaded plugin declares. */
export const customSectionOf = (id: string): Section | undefined => customSections.get(id);

export function schemaAt(path: string | readonly Segment[], root: Any = orgRoot()): Any | undefined {
  let cur: Any | undefined = root;
  for (const seg of typeof path === 'string' ? parsePath(path) : path) {
    if (!cur) return undefined;
    cur = child(cur, seg === -1 ? 0 : seg);
  }
  return cur;
}

/** The keys an object at this path allows, in schema order. */
export function keysAt(path: readonly Segment[], root: Any = orgRoot()): string[] {
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
    // A plugin's custom fact carries its words itself (custom-fact.ts); the model's facts, in zod's registry.
    const m = ((cur as unknown as Record<symbol, FactMeta | undefined>)[FACT_META] ?? z.globalRegistry.get(cur)) as FactMeta | undefined;
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
