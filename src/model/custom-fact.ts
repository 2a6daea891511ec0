// A plugin rule's custom fact with the words the interview asks it with: what
// `fact` in the library API does. The words ride on the schema object under a
// registered symbol (the model's own facts keep theirs in zod's registry), so
// that the library, which the CLI's JSON audit imports, needs no zod to offer
// this, and the CLI finds the words whichever copy of the package made them.
// Reading them back (customFactMetas) walks the schema objects the plugin
// built, without zod: the engine does it for the report's words.
import type * as z from 'zod/mini';
import type { RespondentGroup } from './respondents';
import type { FactMeta } from './schema';

/**
 * What a custom fact says of itself: for the interview, the question, one line
 * of help, a unit after a number, labels for an enum's values; for reports,
 * optional words (`label`); for the questionnaire, optional groups (`askOf`).
 */
export type CustomFactMeta = Pick<FactMeta, 'question' | 'help' | 'unit' | 'choices'> & {
  /**
   * The fact in words a client reads, a noun phrase that fits "we need ___":
   * `whether the forecast is compared with what closed`. Reports show it
   * where they show a built-in fact's words; default: `the answer to "<question>"`.
   */
  label?: string;
  /**
   * The respondent groups that can answer it, best informed first (`leadership`,
   * `management`, `reps`, `operations`, `finance`): `questionnaire --for <group>`
   * asks it of them, and the audit settles disagreeing answers in this order.
   * Default: the groups of the section the interview asks it in.
   */
  askOf?: readonly RespondentGroup[];
};

/** Where `fact` puts the words on a schema (a registered symbol: shared by every copy of the package in a process). */
export const FACT_META: unique symbol = Symbol.for('sales-audit.fact-meta') as never;

/**
 * Words a plugin rule's custom fact for the interview:
 * `facts: z.strictObject({ x: fact(z.optional(z.boolean()), { question: '...' }) })`.
 *
 * @param schema - the fact's schema (zod/mini, as `z` from 'sales-audit'); make it optional, as a fact may be unanswered.
 * @param meta - the question (asked as written), and optionally help, a unit, choice labels, a label for reports and the groups that answer it.
 * @returns the same schema, carrying the words.
 */
export function fact<T extends z.ZodMiniType>(schema: T, meta: CustomFactMeta): T {
  Object.defineProperty(schema, FACT_META, { value: meta, enumerable: false });
  return schema;
}

/** A zod schema's definition, read without zod (its `_zod.def`). */
type Def = { type?: string; innerType?: unknown; shape?: Record<string, unknown> };
const defOf = (s: unknown): Def | undefined => (s && typeof s === 'object' ? (s as { _zod?: { def?: Def } })._zod?.def : undefined);

/** The words `fact` put on a schema or on a wrapper inside it (optional, default...), or undefined. */
export function customMetaOf(schema: unknown): CustomFactMeta | undefined {
  for (let cur = schema, depth = 0; cur && typeof cur === 'object' && depth < 20; cur = defOf(cur)?.innerType, depth++) {
    const m = (cur as Record<symbol, CustomFactMeta | undefined>)[FACT_META];
    if (m) return m;
  }
  return undefined;
}

/**
 * The custom facts the rules declare (`facts`, a zod object), by path
 * (`custom.<rule id>.<field>`), each with what `fact` said of it (an empty
 * object for a field made without `fact`). Built-in rules declare none.
 *
 * @param rules - a run's rules (anything with an id and optional facts).
 */
export function customFactMetas(rules: readonly { id: string; facts?: unknown }[]): Map<string, CustomFactMeta> {
  const out = new Map<string, CustomFactMeta>();
  for (const r of rules) {
    if (!r.facts) continue;
    let d = defOf(r.facts);
    for (let depth = 0; d && d.type !== 'object' && d.innerType && depth < 20; depth++) d = defOf(d.innerType);
    for (const [field, schema] of Object.entries(d?.type === 'object' ? (d.shape ?? {}) : {})) out.set(`custom.${r.id}.${field}`, customMetaOf(schema) ?? {});
  }
  return out;
}

/** A custom fact in words a client reads: its `label`, else `the answer to "<question>"`, else undefined (the path shows). */
export const customFactWords = (m: CustomFactMeta | undefined): string | undefined => m?.label?.trim() || (m?.question?.trim() ? `the answer to "${m.question.trim()}"` : undefined);
