// Reports for the renderer tests, built from org files the way the CLI builds them.
import { fileURLToPath } from 'node:url';
import { loadOrgFile } from '../../src/load/load';
import { runAudit } from '../../src/engine/run';
import type { AuditReport } from '../../src/engine/types';
import { rules } from '../../rules/index';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const FIXTURES = `${ROOT}test/fixtures/html/`;
export const DATE = '2026-11-27';

export async function reportOf(path: string, date = DATE): Promise<AuditReport> {
  const shown = path.startsWith(ROOT) ? path.slice(ROOT.length) : path;
  const loaded = await loadOrgFile(path, shown);
  if (!loaded.ok) throw new Error(`fixture ${path} does not load: ${JSON.stringify(loaded.diagnostics)}`);
  const l = loaded.value;
  return runAudit({ org: l.org, date, rules, file: l.file, locate: (p) => l.positions.locate(p), unknowns: l.unknowns, toolVersion: '0.0.0-test' });
}

export const fixture = (name: string) => reportOf(`${FIXTURES}${name}.yaml`);
