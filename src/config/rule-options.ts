// The zod schema of one rule's options in .sales-audit.yaml, built from the
// thresholds the rule declares (see options() in src/engine/define-rule.ts),
// and only when a config file is read.
import * as z from 'zod/mini';
import '../model/zod-locale';
import type { RuleOptions } from '../engine/types';

const built = new WeakMap<RuleOptions, z.ZodMiniType>();

export function optionsSchema(decl: RuleOptions): z.ZodMiniType {
  const known = built.get(decl);
  if (known) return known;
  const shape = Object.fromEntries(
    Object.entries(decl.thresholds).map(([name, t]) => {
      const range = [z.gte(t.min), z.lte(t.max)];
      const schema = z._default(z.number().check(...(t.whole ? [z.int(), ...range] : range)), t.default);
      // The JSON Schema shows these to editors.
      z.globalRegistry.add(schema, { description: t.description, source: t.source } as never);
      return [name, schema];
    }),
  );
  const object = z.strictObject(shape);
  const { relation } = decl;
  const schema = relation
    ? object.check(
        z.refine((o) => relation.holds(o as never), {
          message: relation.message,
          path: [relation.path],
          // Compared only once each value is valid: an out-of-range value already has its own error.
          when: (payload) => payload.issues.length === 0,
        }),
      )
    : object;
  built.set(decl, schema);
  return schema;
}
