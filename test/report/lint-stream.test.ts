// lint writes every format file by file (lintStreamer: add() as each file is
// linted, finish() after the last) and keeps of each file only
// slimLintedFile: for every format, the bytes must be renderLint's over the
// whole run, the end must read nothing that the slim file has dropped, and a
// format's spool (src/cli/spool.ts, a temporary file) must give back what it
// was given.
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index';
import { fileSpool } from '../../src/cli/spool';
import { DIRECT_LINT_FORMATS, headOf, LINT_FORMATS, lintStreamer, pieceText, renderLint, slimLintedFile, type LintFile, type LintFormat, type LintRun } from '../../src/report/lint';
import type { AuditReport } from '../../src/engine/types';
import { reportOf, ROOT } from './helpers';

const EXAMPLES = ['mid-size-gaps', 'struggling-startup', 'healthy-org'];
const reports = new Map<string, AuditReport>();

/** The three examples (each `copies` times, under other names), a file that could not be read and a pattern that matched none. */
async function runOf(copies = 1): Promise<LintRun> {
  const files: LintFile[] = [];
  const gates = [{}, { strict: true }, { failOn: 'high' as const }];
  for (const name of EXAMPLES) if (!reports.has(name)) reports.set(name, await reportOf(`${ROOT}templates/examples/${name}.yaml`));
  for (let c = 0; c < copies; c++)
    for (const [i, name] of EXAMPLES.entries()) {
      const report = reports.get(name)!;
      files.push({
        ok: true,
        file: `orgs/${c ? `${c}/` : ''}${name}.yaml`,
        report,
        gates: gates[i]!,
        failures: i === 1 ? [{ gate: 'fail-on' as const, message: 'a high finding' }] : [],
        missingAt: {},
        ...(i === 0 ? { config: '.sales-audit.yaml', configs: ['.sales-audit.yaml'] } : {}),
      });
    }
  files.push({ ok: false, file: 'orgs/bad.yaml', diagnostics: [{ file: 'orgs/bad.yaml', line: 2, column: 1, message: 'expected a mapping' }] });
  files.push({ ok: false, unmatched: true, file: 'none/*.yaml', diagnostics: [{ file: 'none/*.yaml', message: 'no files match this pattern' }] });
  return { tool: { name: 'sales-audit', version: 't' }, rules, files, cwd: '/repo', repoRoot: '/repo' };
}

/** The output as lint writes it: each file added as linted, then finish() over the slim files; the spool a temporary file from the first record. */
async function streamed(format: LintFormat, run: LintRun, opts: { color: boolean }, direct: boolean): Promise<string> {
  const spool = fileSpool({ inMemory: 0 });
  const out: string[] = [];
  try {
    const s = await lintStreamer(format, headOf(run), opts, spool, direct ? (t) => void out.push(t) : undefined);
    for (const f of run.files) s.add(f);
    const slim = { ...run, files: run.files.map(slimLintedFile) };
    for (const piece of s.finish(slim)) out.push(pieceText(piece));
  } finally {
    spool.close();
  }
  return out.join('');
}

describe('lint, file by file', () => {
  const cases = LINT_FORMATS.flatMap((format) => [false, true].map((direct) => [format, direct] as const)).filter(([f, d]) => !d || DIRECT_LINT_FORMATS.includes(f));
  it.each(cases)('%s (written to stdout as it goes: %s): the streamed bytes, ending over slim files, are renderLint of the whole run', async (format, direct) => {
    const run = await runOf();
    for (const color of format === 'stylish' ? [false, true] : [false]) {
      const whole = await renderLint(format, run, { color });
      expect(await streamed(format, run, { color }, direct)).toBe(whole);
      // The run had something to show in this format: problems of several files, and the file that could not be read.
      expect(whole).toContain('struggling-startup.yaml');
      expect(whole).toContain('mid-size-gaps.yaml');
      expect(whole).toContain('bad.yaml');
      if (!color) expect(whole).not.toContain('\u001b');
    }
  });

  it.each(LINT_FORMATS)(
    '%s: the same over a run past every format limit (GitHub 10 per kind, Markdown 65,536 characters, SARIF 25,000 results)',
    async (format) => {
      // 400 copies of the three examples: over 25,000 SARIF results.
      const run = await runOf(400);
      const whole = await renderLint(format, run, { color: false });
      expect(await streamed(format, run, { color: false }, false)).toBe(whole);
      if (format === 'sarif') expect(whole).toContain('"resultsCapped"');
      if (format === 'github') expect(whole).toMatch(/\.\.\. and \d+ more errors/);
      if (format === 'markdown') expect(whole).toContain('Shortened to fit a comment');
    },
    120_000,
  );

  it('a slim file keeps its summary and expired waivers, and drops the findings, checklist and labels', async () => {
    const run = await runOf();
    const f = run.files[0]!;
    const s = slimLintedFile(f);
    if (!f.ok || !s.ok) throw new Error('expected linted files');
    expect(s.report.summary).toBe(f.report.summary);
    expect(s.report.findings).toBeUndefined();
    expect(s.report.checklist).toBeUndefined();
    expect(JSON.stringify(s).length).toBeLessThan(JSON.stringify(f).length / 10);
    expect(s.failures).toBe(f.failures);
    expect(slimLintedFile(run.files[3]!)).toBe(run.files[3]);
  });
});

describe('the spool of a streamed format', () => {
  it('gives back every record, in order and whole, from memory or from its temporary file', () => {
    const records = ['', 'é😀 \u0000 ##[x', 'a'.repeat(700_000), ...Array.from({ length: 5000 }, (_, i) => `record ${i} ${'x'.repeat(i % 300)}`)];
    for (const inMemory of [0, 8 << 20, 100_000]) {
      const spool = fileSpool({ inMemory });
      for (const r of records) spool.write(r);
      // Each record read as it comes: a long one is bytes, valid until the next is taken.
      expect(Array.from(spool.records(), pieceText)).toEqual(records);
      spool.close();
    }
  });
});
