// problemsOf lists a file's problems by place (file, line, column in code-unit
// order) and, at one place, in the engine's order: every lint format shows
// them so. It sorts in place relying on a stable sort (no index kept).
import { describe, expect, it } from 'vitest';
import { problemsOf, type LintedFile } from '../../src/report/lint';
import type { AuditReport, Finding } from '../../src/engine/types';
import { reportOf, ROOT } from '../report/helpers';

const finding = (n: number, file: string, line: number, column: number): Finding => ({
  id: `r/${n}`,
  ruleId: `rule-${n % 3}`,
  messageId: 'm',
  message: `finding ${n}`,
  severity: (['critical', 'high', 'medium', 'low'] as const)[n % 4]!,
  note: false,
  data: {},
  evidence: [{ path: `people[${n}].name`, file, line, column, origin: 'file' }],
  thresholds: [],
  fatal: false,
  suppressed: false,
});

describe('problemsOf', () => {
  it('orders by file, line and column, and keeps the engine order of problems at one place', () => {
    // 40 findings on 5 places in two files, given in an order that is not the places'.
    const places: [string, number, number][] = [
      ['b.yaml', 3, 1],
      ['a.yaml', 9, 5],
      ['a.yaml', 9, 2],
      ['B.yaml', 1, 1],
      ['a.yaml', 2, 7],
    ];
    const findings = Array.from({ length: 40 }, (_, n) => {
      const [file, line, column] = places[(n * 7) % places.length]!;
      return finding(n, file, line, column);
    });
    const f: LintedFile = { ok: true, file: 'a.yaml', report: { findings, rules: [], waivers: [] } as unknown as AuditReport, gates: {}, failures: [], missingAt: {} };
    const got = problemsOf(f).map((p) => p.message);
    const want = findings
      .map((x, i) => ({ x, i, e: x.evidence[0]! }))
      .sort((a, b) => (a.e.file! < b.e.file! ? -1 : a.e.file! > b.e.file! ? 1 : 0) || a.e.line! - b.e.line! || a.e.column! - b.e.column! || a.i - b.i)
      .map(({ x }) => x.message);
    expect(got).toEqual(want);
    expect(got[0]).toBe('finding 4'); // the first on B.yaml, which sorts before a.yaml (code units, not the locale)
    expect(
      problemsOf(f).every((p) => p.kind === 'finding' && p.active && p.level === (p.severity === 'critical' || p.severity === 'high' ? 'error' : p.severity === 'medium' ? 'warning' : 'note')),
    ).toBe(true);
  });

  it("gives each problem of a real report its finding's place, rule, severity and message", async () => {
    const report = await reportOf(`${ROOT}templates/examples/mid-size-gaps.yaml`);
    // The findings' problems (the file's expired waivers are problems too).
    const problems = problemsOf({ ok: true, file: 'org.yaml', report, gates: {}, failures: [], missingAt: {} }).filter((p) => p.finding);
    const shown = report.findings.filter((x) => !x.note);
    expect(problems).toHaveLength(shown.length);
    for (const p of problems) {
      expect(shown).toContain(p.finding);
      const e = p.finding!.evidence[0]!;
      expect([p.file, p.line, p.column, p.path, p.ruleId, p.severity, p.message]).toEqual([e.file, e.line, e.column, e.path, p.finding!.ruleId, p.finding!.severity, p.finding!.message]);
    }
  });
});
