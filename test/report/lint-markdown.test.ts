// lint --format markdown is sized for a pull-request comment and for
// $GITHUB_STEP_SUMMARY (65,536 characters each), however many files a run lints.
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index';
import { diffAudits } from '../../src/engine/diff';
import { renderLint, type LintFile } from '../../src/report/lint';
import { reportOf, ROOT } from './helpers';

describe('lint markdown size', () => {
  it.each([false, true])('2,000 files (with --baseline: %s): under 65,536 characters, every cut said', async (withBaseline) => {
    const report = await reportOf(`${ROOT}templates/examples/mid-size-gaps.yaml`);
    const diff = diffAudits({ report, label: 'main:x' }, { report, label: 'x' });
    const files: LintFile[] = Array.from({ length: 2000 }, (_, i) => ({
      ok: true,
      file: `orgs/region-${String(i).padStart(4, '0')}/a-rather-long-organisation-name.yaml`,
      report,
      gates: {},
      failures: [],
      missingAt: {},
      ...(withBaseline ? { baseline: { status: 'compared' as const, revision: 'main', diff } } : {}),
    }));
    const text = await renderLint('markdown', { tool: { name: 'sales-audit', version: 't' }, rules, files, ...(withBaseline ? { baseline: 'main' } : {}) }, { color: false });
    expect(text.length).toBeLessThan(65_536);
    expect(text).toMatch(/^\*\.\.\. and \d+ more files: run `sales-audit lint` with `--format stylish` or `json` for them all\.\*$/m);
    expect(text).toContain('The table is cut too');
    expect(text).toContain('| `orgs/region-0000/a-rather-long-organisation-name.yaml` |');
  });
});
