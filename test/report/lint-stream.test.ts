// lint writes the stylish format file by file (renderLintBlock as each file is
// linted, renderLintEnd after the last) and keeps of each file only
// slimLintedFile: the bytes must be renderLint's over the whole run, and the
// end must read nothing that the slim file has dropped.
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index';
import { renderLint, renderLintBlock, renderLintEnd, slimLintedFile, STREAMED_LINT_FORMATS, type LintFile, type LintRun } from '../../src/report/lint';
import { reportOf, ROOT } from './helpers';

async function runOf(): Promise<LintRun> {
  const files: LintFile[] = [];
  const gates = [{}, { strict: true }, { failOn: 'high' as const }];
  for (const [i, name] of ['mid-size-gaps', 'struggling-startup', 'healthy-org'].entries()) {
    const report = await reportOf(`${ROOT}templates/examples/${name}.yaml`);
    files.push({
      ok: true,
      file: `orgs/${name}.yaml`,
      report,
      gates: gates[i]!,
      failures: i === 1 ? [{ gate: 'fail-on' as const, message: 'a high finding' }] : [],
      missingAt: {},
      ...(i === 0 ? { config: '.sales-audit.yaml', configs: ['.sales-audit.yaml'] } : {}),
    });
  }
  files.push({ ok: false, file: 'orgs/bad.yaml', diagnostics: [{ file: 'orgs/bad.yaml', line: 2, column: 1, message: 'expected a mapping' }] });
  files.push({ ok: false, unmatched: true, file: 'none/*.yaml', diagnostics: [{ file: 'none/*.yaml', message: 'no files match this pattern' }] });
  return { tool: { name: 'sales-audit', version: 't' }, rules, files };
}

describe('lint, file by file', () => {
  it.each([false, true])('stylish (colour %s): the parts, then the end over slim files, are renderLint of the whole run', async (color) => {
    const run = await runOf();
    expect(STREAMED_LINT_FORMATS).toContain('stylish');
    const whole = await renderLint('stylish', run, { color });
    const parts: string[] = [];
    for (const f of run.files) parts.push(await renderLintBlock('stylish', f, { color }));
    const slim = { ...run, files: run.files.map(slimLintedFile) };
    const streamed = `${parts.join('')}${await renderLintEnd('stylish', slim, { color })}`;
    expect(streamed).toBe(whole);
    // The run had something to show: problems of several files, the summary, the config line.
    expect(whole).toMatch(/struggling-startup\.yaml:\d+:\d+ /);
    expect(whole).toMatch(/mid-size-gaps\.yaml:\d+:\d+ /);
    expect(whole).toContain('Config: .sales-audit.yaml');
    expect(whole).toContain('orgs/bad.yaml could not be linted, none/*.yaml matched no file');
    if (!color) expect(whole).not.toContain('\u001b');
  });

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

  it('a format that is not written file by file says so', async () => {
    const run = await runOf();
    await expect(renderLintBlock('sarif', run.files[0]!, { color: false })).rejects.toThrow(/not written file by file/);
  });
});
