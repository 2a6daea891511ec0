// A plugin rule's custom fact with the words the interview asks it with: what
// `fact` in the library API does. The words ride on the schema object under a
// registered symbol (the model's own facts keep theirs in zod's registry), so
// that the library, which the CLI's JSON audit imports, needs no zod to offer
// this, and the CLI finds the words whichever copy of the package made them.
import type * as z from 'zod/mini';
import type { FactMeta } from './schema';

/** What the interview shows for a custom fact: the question, one line of help, a unit after a number, labels for an enum's values. */
export type CustomFactMeta = Pick<FactMeta, 'question' | 'help' | 'unit' | 'choices'>;

/** Where `fact` puts the words on a schema (a registered symbol: shared by every copy of the package in a process). */
export const FACT_META: unique symbol = Symbol.for('sales-audit.fact-meta') as never;

/**
 * Words a plugin rule's custom fact for the interview:
 * `facts: z.strictObject({ x: fact(z.optional(z.boolean()), { question: '...' }) })`.
 *
 * @param schema - the fact's schema (zod/mini, as `z` from 'sales-audit'); make it optional, as a fact may be unanswered.
 * @param meta - the question (asked as written), and optionally help, a unit and choice labels.
 * @returns the same schema, carrying the words.
 */
export function fact<T extends z.ZodMiniType>(schema: T, meta: CustomFactMeta): T {
  Object.defineProperty(schema, FACT_META, { value: meta, enumerable: false });
  return schema;
}
