// The remediation checklist as CSV, for a spreadsheet or a project tool: one
// row per item, RFC 4180 (CRLF line ends, fields with a comma, quote or line
// break quoted, quotes doubled), UTF-8 with a byte-order mark so Excel reads
// non-Latin text correctly.
//
// Formula injection: a spreadsheet runs a cell that starts with = + - @ (or a
// tab or carriage return) as a formula, and the actions and owners come from
// an org file someone else may have written. Such a cell gets a leading
// apostrophe (OWASP's advice), which spreadsheets show as plain text; a
// program reading the CSV sees the apostrophe. Numbers are written as they are.
import type { AuditReport } from '../engine/types';
import { itemRules } from './format';

/**
 * `rule`: the item's rule, or every rule it moves separated by spaces (a partial roster's find-out item moves several).
 * `gain`: a fix's rule gain on its first row (0.0 on the rule's other rows), or a find-out item's points in play: the column adds up with the score to 100.
 */
export const CSV_COLUMNS = ['rank', 'kind', 'rule', 'action', 'owner', 'effort', 'gain', 'status'] as const;

const BOM = '\ufeff';
const EOL = '\r\n';

/** Prefixes an apostrophe to text a spreadsheet would take for a formula. */
export function guardFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** One RFC 4180 field. */
export function csvField(value: string | number): string {
  const cell = typeof value === 'number' ? String(value) : guardFormula(value);
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export function renderCsv(r: AuditReport): string {
  const rows: (string | number)[][] = [[...CSV_COLUMNS]];
  for (const c of r.checklist) rows.push([c.rank, c.kind, itemRules(c).join(' '), `${c.or ? 'or: ' : ''}${c.action}`, c.owner, c.effort, c.gain.toFixed(1), c.status]);
  // The gain is text so it keeps one decimal; it never starts with a formula character.
  return BOM + rows.map((row) => row.map(csvField).join(',')).join(EOL) + EOL;
}
