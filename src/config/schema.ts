// The per-organisation config (.sales-audit.yaml): which rules run, at what
// severity and weight, with which thresholds, and the defaults of the CI gates.
// Built from the rule registry, so each rule's options are checked against that
// rule's own options schema and the JSON Schema comes from the same place.
import * as z from 'zod/mini';
import '../model/zod-locale';
import { optionsSchema } from './rule-options';
import { NO_OPTIONS } from '../engine/define-rule';
import { SEVERITIES, type RuleDefinition, type RuleSettings, type Severity } from '../engine/types';

const severity = () => z.enum(SEVERITIES, { error: `expected one of: ${SEVERITIES.join(', ')}` });
const bool = () => z.boolean({ error: 'expected true or false' });
// Registry meta, as .meta() would set it (the JSON Schema shows it to editors).
const meta = <T extends z.ZodMiniType>(schema: T, m: { title?: string; description: string }): T => {
  z.globalRegistry.add(schema, m as never);
  return schema;
};

function ruleSettings(rule: RuleDefinition) {
  // Strict (see rule-options.ts), so a misspelt threshold is an error.
  const options = optionsSchema(rule.options ?? NO_OPTIONS);
  return meta(
    z.strictObject({
      enabled: meta(z.optional(bool()), { description: 'false turns the rule off: it is neither run nor scored.' }),
      severity: meta(z.optional(severity()), { description: `Overrides the rule's severity (default ${rule.severity}); the weight follows it unless weight is set.` }),
      weight: meta(z.optional(z.number({ error: 'expected a number, 0 or more' }).check(z.gte(0, 'expected a number, 0 or more'), z.lte(100, 'expected a number up to 100'))), {
        description: 'Overrides the weight of the rule in the score (critical 10, high 7.5, medium 5, low 2.5).',
      }),
      options: meta(z.optional(options), { description: `Thresholds of ${rule.id} (see \`sales-audit explain ${rule.id}\`).` }),
    }),
    { title: rule.id, description: rule.title },
  );
}

function configWaiver(rules: readonly RuleDefinition[]) {
  const ids = rules.map((r) => r.id) as [string, ...string[]];
  const text = (what: string) => z.string({ error: `expected ${what}` }).check(z.trim(), z.minLength(1, `expected ${what}`));
  return z.strictObject({
    rule: z.enum(ids, { error: 'expected a rule id (run `sales-audit rules` for the list)' }),
    reason: text('the reason the risk is accepted'),
    owner: text('who owns the risk'),
    expires: z.iso.date({ error: 'expected a date as YYYY-MM-DD' }),
  });
}

export function configSchema(rules: readonly RuleDefinition[]) {
  const score = 'expected a score from 0 to 100';
  return meta(
    z.strictObject({
      $schema: z.optional(z.string()),
      version: z.optional(z.literal(1, { error: 'expected 1' })),
      plugins: meta(z.optional(z.array(z.string({ error: 'expected a path to a plugin (./rules/our-rule.js)' }))), {
        description: 'Rules of your own: ES modules whose default export is a rule (or a list of rules) made with defineRule, as paths relative to this file.',
      }),
      root: meta(z.optional(bool()), {
        description: 'true: the configs in folders above this one do not apply (as root = true in .editorconfig). The lookup never goes above the repository root anyway.',
      }),
      rules: meta(z.optional(z.strictObject(Object.fromEntries(rules.map((r) => [r.id, z.optional(ruleSettings(r))])))), {
        description: 'Per-rule settings, keyed by rule id (see `sales-audit rules`).',
      }),
      coverageFloor: meta(
        z.optional(z.number({ error: 'expected a coverage from 0 to 100 (%)' }).check(z.gte(0, 'expected a coverage from 0 to 100 (%)'), z.lte(100, 'expected a coverage from 0 to 100 (%)'))),
        {
          description: 'Coverage (%) under which the report gives no letter grade ("incomplete"). Default 70 (house default: a letter should speak for most of the organisation).',
        },
      ),
      gates: meta(
        z.optional(
          z.strictObject({
            minCoverage: meta(
              z.optional(z.number({ error: 'expected a coverage from 0 to 100 (%)' }).check(z.gte(0, 'expected a coverage from 0 to 100 (%)'), z.lte(100, 'expected a coverage from 0 to 100 (%)'))),
              {
                description: 'Fail when coverage (%) is under this (as --min-coverage).',
              },
            ),
            failUnder: meta(z.optional(z.number({ error: score }).check(z.gte(0, score), z.lte(100, score))), {
              description: 'Fail when the score is under this (as --fail-under).',
            }),
            failOn: meta(z.optional(severity()), { description: 'Fail on a finding at or above this severity (as --fail-on).' }),
            strict: meta(z.optional(bool()), { description: 'Fail when a rule is not assessed (as --strict).' }),
            failOnFatal: meta(z.optional(bool()), { description: 'Fail on a failing critical rule (lint: default true; audit: default false).' }),
          }),
        ),
        { description: 'Defaults for the CI gates; command-line flags override them.' },
      ),
      waivers: meta(z.optional(z.array(configWaiver(rules))), {
        description: 'Accepted risks shared by every org file this config applies to: rule, reason, owner and expires, as in an org file.',
      }),
    }),
    { title: 'sales-audit config (.sales-audit.yaml)', description: 'Per-organisation settings for sales-audit: rules off, severities, weights, thresholds, gate defaults.' },
  );
}

export interface ConfigGates {
  minCoverage?: number;
  failUnder?: number;
  failOn?: Severity;
  strict?: boolean;
  failOnFatal?: boolean;
}

export interface Config {
  version?: 1;
  /** Plugin modules, as paths relative to the config file. */
  plugins?: string[];
  root?: boolean;
  waivers?: { rule: string; reason: string; owner: string; expires: string }[];
  rules?: Record<string, RuleSettings | undefined>;
  /** Coverage (%) under which no letter grade is given. */
  coverageFloor?: number;
  gates?: ConfigGates;
}

type JsonSchema = Record<string, unknown>;

/** The config's JSON Schema (for editor completion), generated, never hand-kept. */
export function configJsonSchema(rules: readonly RuleDefinition[]): JsonSchema {
  const schema = z.toJSONSchema(configSchema(rules), {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'any',
    override: ({ jsonSchema: js }) => {
      // A threshold's source is part of what an editor should show on hover.
      const m = js as JsonSchema & { source?: string };
      if (typeof m.source === 'string') m.description = m.description ? `${m.description} Source: ${m.source}` : `Source: ${m.source}`;
      delete m.source;
    },
  }) as JsonSchema;
  return schema;
}
