// The config model and loader: what .sales-audit.yaml accepts, the errors it
// gives (file:line:col, did-you-mean), where it is found, how its settings
// reach the engine, and how its gate defaults combine with flags.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index';
import { pinnedRules } from '../helpers/pinned-rules';
import { checkGates } from '../../src/engine/gates';
import { runAudit } from '../../src/engine/run';
import { findConfig, gatesOf, loadConfigFile, parseConfig, settingsOf } from '../../src/config/load';
import { ConfigResolver } from '../../src/config/resolver';
import { configJsonSchema } from '../../src/config/schema';
import { formatDiagnostic } from '../../src/load/diagnostics';

const errors = async (text: string) => {
  const r = await parseConfig(text, 'cfg.yaml', rules);
  if (r.ok) throw new Error('expected the config to be rejected');
  return r.diagnostics.map(formatDiagnostic);
};
const ok = async (text: string) => {
  const r = await parseConfig(text, 'cfg.yaml', rules);
  if (!r.ok) throw new Error(r.diagnostics.map(formatDiagnostic).join('\n'));
  return r.value.config;
};
const tmp = () => mkdtempSync(join(tmpdir(), 'sales-audit-config-'));

describe('config: what it accepts', () => {
  it('rules (off, severity, weight, options) and gates', async () => {
    const c = await ok(`
version: 1
rules:
  selling-time:
    severity: medium
    weight: 4
    options: { failBelow: 30, passAbove: 40 }
  deal-structure-review:
    enabled: false
gates:
  failUnder: 70
  failOn: high
  strict: true
  failOnFatal: false
`);
    expect(settingsOf(c)).toEqual({
      'selling-time': { severity: 'medium', weight: 4, options: { failBelow: 30, passAbove: 40, offloadHoursLimit: 8 } }, // offloadHoursLimit: the rule's default, filled in
      'deal-structure-review': { enabled: false },
    });
    expect(c.gates).toEqual({ failUnder: 70, failOn: 'high', strict: true, failOnFatal: false });
  });

  it('an empty file, comments only, or an empty value (a rule whose lines were commented out) mean no settings', async () => {
    expect(settingsOf(await ok(''))).toEqual({});
    expect(settingsOf(await ok('# nothing yet\n'))).toEqual({});
    expect(settingsOf(await ok('rules:\n  selling-time:\n  #  severity: low\n'))).toEqual({});
    expect(settingsOf(undefined)).toEqual({});
  });
});

describe('config: errors with file:line:col', () => {
  it.each([
    ['rules:\n  selling-tme:\n    severity: low\n', 'cfg.yaml:2:3: rules.selling-tme: unknown rule "selling-tme"; did you mean "selling-time"? (run `sales-audit rules` for the list)'],
    ['rules:\n  zzzzzz: {}\n', 'cfg.yaml:2:3: rules.zzzzzz: unknown rule "zzzzzz" (run `sales-audit rules` for the list)'],
    ['rules:\n  selling-time:\n    options:\n      failBellow: 20\n', 'cfg.yaml:4:7: rules.selling-time.options.failBellow: unknown option "failBellow" for selling-time; did you mean "failBelow"?'],
    [
      'rules:\n  selling-time:\n    options:\n      zzz: 20\n',
      'cfg.yaml:4:7: rules.selling-time.options.zzz: unknown option "zzz" for selling-time; selling-time has: failBelow, passAbove, offloadHoursLimit',
    ],
    ['rules:\n  selling-time:\n    options:\n      failBelow: 120\n', 'cfg.yaml:4:18: rules.selling-time.options.failBelow: expected a number at most 100, got 120'],
    ['rules:\n  selling-time:\n    options:\n      failBelow: lots\n', 'cfg.yaml:4:18: rules.selling-time.options.failBelow: expected a number, got "lots"'],
    ['rules:\n  selling-time:\n    severity: hgih\n', 'cfg.yaml:3:15: rules.selling-time.severity: expected one of: critical, high, medium, low; got "hgih" (did you mean "high"?)'],
    ['rules:\n  selling-time:\n    enabled: no way\n', 'cfg.yaml:3:14: rules.selling-time.enabled: expected true or false, got "no way"'],
    ['rules:\n  selling-time:\n    weight: -1\n', 'cfg.yaml:3:13: rules.selling-time.weight: expected a number, 0 or more, got -1'],
    ['rules:\n  selling-time:\n    sevrity: low\n', 'cfg.yaml:3:5: rules.selling-time.sevrity: unknown key "sevrity"; did you mean "severity"?'],
    ['gates:\n  failUnder: 170\n', 'cfg.yaml:2:14: gates.failUnder: expected a score from 0 to 100, got 170'],
    ['gates:\n  fail_under: 70\n', 'cfg.yaml:2:3: gates.fail_under: unknown key "fail_under"; did you mean "failUnder"?'],
    ['gate:\n  failUnder: 70\n', 'cfg.yaml:1:1: gate: unknown key "gate"; did you mean "gates"?'],
    ['version: 2\n', 'cfg.yaml:1:10: version: expected 1, got 2'],
    ['- rules\n', 'cfg.yaml:1:1: expected a mapping (rules:, gates:) at the top level'],
    ['rules:\n  a: 1\n  a: 2\n', 'cfg.yaml:3:3: duplicate key: each key may appear only once in a mapping'],
  ])('%j', async (text, message) => {
    expect(await errors(text)).toEqual([message]);
  });

  it('every problem is reported, in file order', async () => {
    expect(await errors('rules:\n  selling-tme: {}\ngates:\n  failOn: huge\n')).toEqual([
      'cfg.yaml:2:3: rules.selling-tme: unknown rule "selling-tme"; did you mean "selling-time"? (run `sales-audit rules` for the list)',
      'cfg.yaml:4:11: gates.failOn: expected one of: critical, high, medium, low; got "huge" (did you mean "high"?)',
    ]);
  });

  it('an unreadable config is a diagnostic, not a throw', async () => {
    const r = await loadConfigFile(join(tmp(), 'missing.yaml'), 'missing.yaml', rules);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.diagnostics.map(formatDiagnostic)).toEqual(['missing.yaml: no such file; expected a YAML config file (.sales-audit.yaml)']);
  });
});

describe('config: where it is found', () => {
  it('next to the org file, else the nearest folder above; a folder of that name does not count', async () => {
    const root = tmp();
    mkdirSync(join(root, 'a', 'b', 'c'), { recursive: true });
    writeFileSync(join(root, '.sales-audit.yaml'), 'rules: {}\n');
    expect(await findConfig(join(root, 'a', 'b', 'c'))).toBe(join(root, '.sales-audit.yaml'));
    writeFileSync(join(root, 'a', '.sales-audit.yml'), 'rules: {}\n');
    expect(await findConfig(join(root, 'a', 'b', 'c'))).toBe(join(root, 'a', '.sales-audit.yml'));
    mkdirSync(join(root, 'a', 'b', '.sales-audit.yaml'));
    expect(await findConfig(join(root, 'a', 'b'))).toBe(join(root, 'a', '.sales-audit.yml'));
  });

  it('the resolver: nearest per file, --config for all, --no-config for none; each config is read once', async () => {
    const root = tmp();
    mkdirSync(join(root, 'x'));
    writeFileSync(join(root, '.sales-audit.yaml'), 'gates: { failUnder: 10 }\n');
    writeFileSync(join(root, 'x', '.sales-audit.yaml'), 'gates: { failUnder: 20 }\n');
    writeFileSync(join(root, 'explicit.yaml'), 'gates: { failUnder: 30 }\n');
    const near = new ConfigResolver(rules, undefined, root);
    const top = await near.forOrg('org.yaml');
    const inner = await near.forOrg('x/org.yaml');
    expect(top?.ok && [top.value.file, top.value.config.gates?.failUnder]).toEqual(['.sales-audit.yaml', 10]);
    expect(inner?.ok && [inner.value.file, inner.value.config.gates?.failUnder]).toEqual(['x/.sales-audit.yaml', 20]);
    expect(await near.forOrg('x/other.yaml')).toBe(inner); // cached
    const explicit = await new ConfigResolver(rules, 'explicit.yaml', root).forOrg('x/org.yaml');
    expect(explicit?.ok && [explicit.value.file, explicit.value.config.gates?.failUnder]).toEqual(['explicit.yaml', 30]);
    expect(await new ConfigResolver(rules, undefined, root, true).forOrg('x/org.yaml')).toBeUndefined();
  });
});

describe('config: effect on the engine and the gates', () => {
  const org = parse('people:\n  - name: AE 1\n    is_rep: true\n    selling_time_pct: 40\nplan:\n  documented: false\n');
  // The pinned rules: the figures below are the sums over exactly these (a new rule would move them).
  const audit = async (cfgText: string) => runAudit({ org, date: '2026-11-27', rules: pinnedRules(), file: 'org.yaml', settings: settingsOf(await ok(cfgText)) });

  it('options move the score; severity moves the weight; off leaves the score and the fatal count', async () => {
    const base = await audit('');
    // Every rule applies (105 points), the 13 not assessed earning nothing: plan 0 (weight 10), selling-time 0.525 (weight 7.5).
    expect(base.summary.score).toBe(4); // 100 x 3.94 / 105 = 3.75
    expect(base.summary.fatal).toBe(1);
    const lower = await audit('rules: { selling-time: { options: { failBelow: 20, passAbove: 30 } } }');
    expect(lower.rules.find((r) => r.id === 'selling-time')!.score).toBe(0.75);
    expect(lower.summary.score).toBe(5); // 100 x 5.625 / 105 = 5.36
    expect((await audit('rules: { selling-time: { severity: critical } }')).summary.score).toBe(5); // 100 x 5.25 / 107.5 = 4.88
    expect((await audit('rules: { selling-time: { weight: 0 } }')).summary.score).toBe(0);
    const off = await audit('rules: { go-to-market-plan: { enabled: false } }');
    expect(off.summary.score).toBe(4); // 100 x 3.94 / 95 = 4.14
    expect(off.summary.upTo).toBe(98); // the failing plan (0 of 10, nothing in play) leaves the count: up to 89 -> 98
    expect(off.summary.fatal).toBe(0);
    expect(off.rules.find((r) => r.id === 'go-to-market-plan')!.status).toBe('off');
  });

  it('gates: flags over config over the command default', async () => {
    const c = await ok('gates: { failUnder: 70, strict: true }');
    expect(gatesOf(c, {}, { failOnFatal: true })).toEqual({ failUnder: 70, failOn: undefined, strict: true, failOnFatal: true });
    expect(gatesOf(c, { failUnder: 10, strict: false }, { failOnFatal: true })).toEqual({ failUnder: 10, failOn: undefined, strict: false, failOnFatal: true });
    expect(gatesOf(await ok('gates: { failOnFatal: false }'), {}, { failOnFatal: true }).failOnFatal).toBe(false);
    expect(gatesOf(undefined, {})).toEqual({ failUnder: undefined, failOn: undefined, strict: false, failOnFatal: false });
  });

  it('the gates over a report: fatal, strict (rules in error too), an expired waiver with its place', async () => {
    const r = await audit('');
    expect(checkGates(r, { failOnFatal: true }).map((g) => g.gate)).toEqual(['fatal']);
    expect(checkGates(r, { strict: true })[0]!.message).toMatch(/^13 rules are not assessed \(--strict\): sales-leadership, /);
    const errored = { ...r, rules: r.rules.map((x) => (x.id === 'sales-tools' ? { ...x, status: 'error' as const } : x)) };
    expect(checkGates(errored, { strict: true })[0]!.message).toContain('sales-tools');
    const expired = {
      ...r,
      waivers: [
        {
          rule: 'sales-tools',
          reason: 'r',
          owner: 'o',
          expires: '2026-01-01',
          status: 'expired' as const,
          evidence: { path: 'waivers[0]', file: 'org.yaml', line: 9, column: 5, origin: 'file' as const },
        },
      ],
    };
    expect(checkGates(expired, {})).toEqual([{ gate: 'waiver', message: 'the waiver for sales-tools expired on 2026-01-01', at: expired.waivers[0]!.evidence }]);
  });
});

describe('config: JSON Schema', () => {
  const schema = configJsonSchema(rules);
  const ajv = new Ajv2020({ strict: false });
  const validate = ajv.compile(schema);

  it('lists every rule with its own options, and carries each threshold source into the description', () => {
    const props = (schema.properties as Record<string, { properties: Record<string, { properties: Record<string, { properties?: Record<string, { description?: string; default?: unknown }> }> }> }>)
      .rules!.properties;
    expect(Object.keys(props)).toEqual(rules.map((r) => r.id));
    const failBelow = props['selling-time']!.properties.options!.properties!.failBelow!;
    expect(failBelow.default).toBe(35);
    expect(failBelow.description).toMatch(/Source: house default, informed by CSO Insights, Sales Optimization Survey, 2011/);
    expect(JSON.stringify(schema)).not.toContain('"source"');
  });

  it('accepts what the loader accepts and rejects what it rejects', () => {
    expect(validate(parse('rules:\n  selling-time:\n    severity: low\n    options: { failBelow: 20 }\ngates: { failUnder: 70 }\n'))).toBe(true);
    expect(validate(parse('rules:\n  selling-tme: {}\n'))).toBe(false);
    expect(validate(parse('rules:\n  selling-time:\n    options: { failBellow: 20 }\n'))).toBe(false);
    expect(validate(parse('gates: { failOn: huge }\n'))).toBe(false);
  });
});
