// What the diff tests share: an audited side of a comparison from org text,
// and every place a comparison is shown, rendered.
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { rules } from '../../rules/index';
import type { AuditDiff, DiffSide } from '../../src/engine/diff';
import { runAudit } from '../../src/engine/run';
import { loadOrgText } from '../../src/load/load';
import { renderDiff, renderJsonSince, sinceMarkdown, sinceText } from '../../src/report/diff';
import { sinceSection } from '../../src/report/diff-html';
import { DIFF_FORMATS } from '../../src/report/formats-diff';
import { LINT_FORMATS, renderLint, type LintFile } from '../../src/report/lint';
import { ROOT } from '../report/helpers';

/** One side of a comparison: `text` (an org file's YAML, read as if it sat beside the bundled examples) audited on `date` (YYYY-MM-DD) with the built-in rules; throws on a file that does not load. */
export async function side(text: string, label: string, date: string): Promise<DiffSide> {
  const loaded = await loadOrgText(text, label, { baseDir: `${ROOT}templates/examples` });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
  const l = loaded.value;
  const report = runAudit({ org: l.org, date, rules, file: label, locate: (p) => l.positions.locate(p), unknowns: l.unknowns });
  return { report, org: l.org, label };
}

/** The date the diff tests audit on. */
export const DIFF_DATE = '2026-11-27';
/** The bundled mid-size example's YAML: the base most diff tests compare an edit of it with. */
export const MID_SIZE = readFileSync(`${ROOT}templates/examples/mid-size-gaps.yaml`, 'utf8');
/** One side of a comparison audited on DIFF_DATE. */
export const sideOn = (text: string, label: string): Promise<DiffSide> => side(text, label, DIFF_DATE);
/** The mid-size example with `edit` applied to its YAML document (comments and layout kept), as text. */
export function editedMidSize(edit: (doc: ReturnType<typeof parseDocument>) => void): string {
  const doc = parseDocument(MID_SIZE);
  edit(doc);
  return doc.toString();
}

/** Each place a comparison is shown (every diff format, audit --baseline's four, every lint --baseline format), rendered; `text` is what a reader sees. */
export async function everyForm(d: AuditDiff, report: DiffSide['report']): Promise<{ where: string; text: string }[]> {
  const out: { where: string; text: string }[] = [];
  for (const format of DIFF_FORMATS) out.push({ where: `diff --format ${format}`, text: await renderDiff(format, d, { color: false }) });
  out.push({ where: 'audit --baseline (text)', text: sinceText(d, { color: false }) });
  out.push({ where: 'audit --baseline (markdown)', text: sinceMarkdown(d) });
  out.push({ where: 'audit --baseline (html)', text: sinceSection(d).text });
  out.push({ where: 'audit --baseline (json)', text: renderJsonSince(report, d) });
  const files: LintFile[] = [{ ok: true, file: 'orgs/acme.yaml', report, gates: {}, failures: [], missingAt: {}, baseline: { status: 'compared', revision: 'main', diff: d } }];
  for (const format of LINT_FORMATS)
    out.push({ where: `lint --baseline --format ${format}`, text: await renderLint(format, { tool: { name: 'sales-audit', version: 't' }, rules, files, baseline: 'main' }, { color: false }) });
  return out;
}
