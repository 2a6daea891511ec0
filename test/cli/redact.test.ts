// --redact covers the consultant's notes too (issue 12, fault 9): no format
// of audit or lint prints a name from a note, a person or a respondent.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, DATE } from '../e2e/run';
import { AUDIT_FORMATS } from '../../src/report/index';
import { LINT_FORMATS } from '../../src/report/lint';

const ORG = `version: 1
leadership:
  sales_managed_by: ceo
people:
  - name: Zelda Quux
    selling_time_pct: 20
notes:
  leadership: Zelda and her manager Yorick Blatt disagree on quotas; Dana Ruiz confirmed it.
  people: Ask Zelda about the pipeline.
answers:
  leadership.sales_managed_by: { by: "Dana Ruiz, VP Sales", on: 2026-11-20 }
`;
const NAMES = ['Zelda', 'Quux', 'Yorick', 'Blatt', 'Dana', 'Ruiz'];

function dir() {
  const d = mkdtempSync(join(tmpdir(), 'sales-audit-redact-'));
  writeFileSync(join(d, 'org.yaml'), ORG);
  return d;
}

describe('--redact withholds the notes and every name, in every format', () => {
  it('without --redact the notes are in the report (so the check below can fail)', () => {
    const r = cli(['audit', 'org.yaml', '--format', 'markdown', '--date', DATE], { cwd: dir() });
    expect(r.stdout).toContain('Yorick Blatt');
  });

  it.each(AUDIT_FORMATS.filter((f) => f !== 'pdf').map((f) => [f]))('audit --format %s', (format) => {
    const r = cli(['audit', 'org.yaml', '--format', format, '--date', DATE, '--redact'], { cwd: dir() });
    expect(r.code, r.stderr).toBe(0);
    for (const name of NAMES) expect(r.stdout, `${format}: ${name}`).not.toContain(name);
    // The checklist (csv) has no notes; every other format says they were withheld.
    if (format !== 'csv') expect(r.stdout).toContain('notes are free text and may name people');
  });

  it.each(LINT_FORMATS.map((f) => [f]))('lint --format %s', (format) => {
    const r = cli(['lint', 'org.yaml', '--format', format, '--date', DATE, '--redact'], { cwd: dir() });
    expect(r.code).not.toBe(2);
    for (const name of NAMES) expect(`${r.stdout}${r.stderr}`, `${format}: ${name}`).not.toContain(name);
  });
});
