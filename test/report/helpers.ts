// Reports for the renderer tests, built from org files the way the CLI builds them.
import { fileURLToPath } from 'node:url';
import { loadOrgFile } from '../../src/load/load';
import { runAudit } from '../../src/engine/run';
import type { AuditReport, RuleDefinition } from '../../src/engine/types';
import { rules } from '../../rules/index';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const FIXTURES = `${ROOT}test/fixtures/html/`;
export const DATE = '2026-11-27';

export async function reportOf(path: string, date = DATE, ruleSet: readonly RuleDefinition[] = rules): Promise<AuditReport> {
  const shown = path.startsWith(ROOT) ? path.slice(ROOT.length) : path;
  const loaded = await loadOrgFile(path, shown);
  if (!loaded.ok) throw new Error(`fixture ${path} does not load: ${JSON.stringify(loaded.diagnostics)}`);
  const l = loaded.value;
  return runAudit({ org: l.org, date, rules: ruleSet, file: l.file, locate: (p) => l.positions.locate(p), unknowns: l.unknowns, toolVersion: '0.0.0-test' });
}

/** A fixture's report; over the given rules (default: the live list). */
export const fixture = (name: string, ruleSet: readonly RuleDefinition[] = rules) => reportOf(`${FIXTURES}${name}.yaml`, DATE, ruleSet);

/**
 * The all-waived fixture with every rule of the live list waived (the file
 * waives the rules it was written with; a rule added since is waived here the
 * same way), so "nothing applies" holds however many rules there are.
 */
export async function allWaived(): Promise<AuditReport> {
  const path = `${FIXTURES}all-waived.yaml`;
  const loaded = await loadOrgFile(path, path.slice(ROOT.length));
  if (!loaded.ok) throw new Error(`fixture ${path} does not load: ${JSON.stringify(loaded.diagnostics)}`);
  const l = loaded.value;
  const [first] = l.org.waivers ?? [];
  if (!first) throw new Error(`fixture ${path} has no waiver to copy`);
  const waivers = rules.map((r) => l.org.waivers!.find((w) => w.rule === r.id) ?? { ...first, rule: r.id });
  return runAudit({ org: { ...l.org, waivers }, date: DATE, rules, file: l.file, locate: (p) => l.positions.locate(p), unknowns: l.unknowns, toolVersion: '0.0.0-test' });
}
