// The one helper every rule goes through: it fixes the rule's message and step
// ids as types (so a typo fails the build) and fills what every rule shares.
import * as z from 'zod/mini';
import '../model/zod-locale';
import type { RuleDefinition, RuleOptions } from './types';

const NO_OPTIONS = z.strictObject({});

/**
 * A numeric threshold in a rule's options: its range, its default, and where
 * that default comes from (shown beside findings and by `explain`).
 */
export function threshold(t: { default: number; min: number; max: number; whole?: boolean; description: string; source: string }) {
  const range = [z.gte(t.min), z.lte(t.max)];
  const schema = z._default(z.number().check(...(t.whole ? [z.int(), ...range] : range)), t.default);
  z.globalRegistry.add(schema, { description: t.description, source: t.source });
  return schema;
}

/** A rule's options: strict, so a misspelt threshold in .sales-audit.yaml is an error, never ignored. */
export const options = <T extends Record<string, ReturnType<typeof threshold>>>(shape: T) => z.strictObject(shape);

export function defineRule<M extends string, S extends string, O extends RuleOptions = typeof NO_OPTIONS>(
  rule: Omit<RuleDefinition<M, S, O>, 'options' | 'requires'> & { options?: O; requires?: string[] },
): RuleDefinition<M, S, O> {
  return { ...rule, requires: rule.requires ?? [], options: (rule.options ?? NO_OPTIONS) as O };
}

/** Replaces {name} placeholders with values from data. */
export function interpolate(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in data ? String(data[k]) : m));
}

/** Option name -> { default, source } as declared in the rule's options schema. */
export function optionDocs(rule: RuleDefinition): { name: string; default: unknown; source?: string; description?: string }[] {
  const shape = (rule.options?.shape ?? {}) as Record<string, z.ZodMiniType>;
  return Object.entries(shape).map(([name, s]) => {
    const meta = (z.globalRegistry.get(s) ?? {}) as { source?: string; description?: string };
    const parsed = s.safeParse(undefined);
    return { name, default: parsed.success ? parsed.data : undefined, source: meta.source, description: meta.description };
  });
}

/** Whole days from a to b (both YYYY-MM-DD). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** Whole months from a to b (both YYYY-MM-DD), counting only complete months. */
export function monthsBetween(a: string, b: string): number {
  const [ay, am, ad] = a.split('-').map(Number) as [number, number, number];
  const [by, bm, bd] = b.split('-').map(Number) as [number, number, number];
  return (by - ay) * 12 + (bm - am) - (bd < ad ? 1 : 0);
}

export const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/** "1 hour", "3 hours": a count with its noun, singular or plural as English wants. */
export const countOf = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "AE 1", "AE 1 and AE 2", "AE 1, AE 2 and AE 3": names as a sentence lists them. */
export const joinNames = (names: readonly string[]) =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
