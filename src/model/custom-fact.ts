// A plugin rule's custom fact with the words the interview asks it with: what
// `fact` in the library API makes. The words sit in zod's global registry,
// where the model's own facts keep theirs, so the interview finds both alike.
import * as z from 'zod/mini';
import type { FactMeta } from './schema';

/** What the interview shows for a custom fact: the question, one line of help, a unit after a number, labels for an enum's values. */
export type CustomFactMeta = Pick<FactMeta, 'question' | 'help' | 'unit' | 'choices'>;

/**
 * A custom fact of a plugin rule (`facts: z.strictObject({ x: fact(z.boolean(), { question: '...' }) })`):
 * the schema made optional (a fact may be unanswered), carrying the interview's words.
 *
 * @param schema - the fact's value schema (zod/mini, as `z` from 'sales-audit').
 * @param meta - the question (asked as written), and optionally help, a unit and choice labels.
 * @returns the optional schema, to use as a field of the rule's `facts` object.
 */
export function fact<T extends z.ZodMiniType>(schema: T, meta: CustomFactMeta): z.ZodMiniOptional<T> {
  const optional = z.optional(schema);
  z.globalRegistry.add(optional, meta as never);
  return optional;
}
