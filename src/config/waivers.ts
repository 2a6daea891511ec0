// Waivers live in the org file; the schema checks their shape (rule, reason,
// owner, expires). What only the rule registry knows is whether the rule
// exists: a waiver for an unknown rule is an input error, with a suggestion.
import type { Diagnostic } from '../load/diagnostics';
import { suggest } from '../load/diagnostics';
import type { LoadedOrg } from '../load/load';

export function waiverDiagnostics(loaded: Pick<LoadedOrg, 'file' | 'org' | 'positions'>, ruleIds: readonly string[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  (loaded.org.waivers ?? []).forEach((w, i) => {
    if (ruleIds.includes(w.rule)) return;
    const path = `waivers[${i}].rule`;
    const loc = loaded.positions.locateValue(path);
    const s = suggest(w.rule, ruleIds);
    out.push({
      file: loc?.file ?? loaded.file,
      line: loc?.line,
      column: loc?.column,
      path,
      message: `unknown rule "${w.rule}"${s ? `; did you mean "${s}"?` : ''} (run \`sales-audit rules\` for the list)`,
    });
  });
  return out;
}
