// With summaries (a kind about more than 100 people is one finding), the
// counts by severity count people and facts, not the findings listed: every
// client format says both, with thousands separators (review item 3); without a
// summary the headings read as before.
import { describe, expect, it } from 'vitest';
import { audit, loadOrgFromText, render } from '../../src/api';
import { findingsAbout } from '../../src/report/format';
import { slimLintedFile, type LintFile, type LintRun } from '../../src/report/lint';
import { summaryLine } from '../../src/report/stylish';
import { repeated } from '../helpers/repeated';

const DATE = '2026-11-27';

describe('findings counts with summaries', async () => {
  const big = audit(await loadOrgFromText(repeated(3000), 'big.yaml'), { date: DATE });
  const small = audit(await loadOrgFromText(repeated(9), 'small.yaml'), { date: DATE });
  const shown = big.findings.filter((f) => !f.note && !f.suppressed).length;
  const about = Object.values(big.summary.findings).reduce((a, n) => a + n, 0);
  const t = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

  it('the premise: a summary, and more people and facts than findings, over a thousand', () => {
    expect(big.findings.some((f) => f.people)).toBe(true);
    expect(about).toBeGreaterThan(1000);
    expect(findingsAbout(big)).toEqual({ shown, about });
    expect(findingsAbout(small)).toBeUndefined();
  });

  it('text, Markdown and HTML say the findings shown and the people and facts counted', async () => {
    const both = `${t(shown)}; ${t(about)} people and facts`;
    const text = await render(big, 'text');
    expect(text).toContain(`Findings (${both}: `);
    expect(text).toContain(`${t(big.summary.findings.high)} high`);
    expect(await render(big, 'markdown')).toContain(`## Findings (${both})`);
    expect(await render(big, 'html')).toContain(`(${both})</span>`);
    // Without a summary, as before.
    expect(await render(small, 'markdown')).toContain(`## Findings (${small.findings.filter((f) => !f.note && !f.suppressed).length})`);
  });

  it('the stylish summary line too, from a slim (streamed) file', () => {
    const file = { ok: true, file: 'big.yaml', report: big, gates: {}, failures: [], missingAt: {} } as unknown as LintFile;
    for (const f of [file, slimLintedFile(file)]) {
      const line = summaryLine({ files: [f] } as unknown as LintRun);
      expect(line).toContain(`${t(shown)} findings (${t(about)} people and facts): `);
      expect(line).toContain(`${t(big.summary.findings.high)} high`);
    }
  });

  it('the HTML "Not assessed" appendix gives a question asked of more than 100 people one row: how many, three named', async () => {
    const html = await render(big, 'html');
    const appendix = html.slice(html.indexOf('Not assessed: the facts'), html.indexOf('Rule by rule'));
    for (const x of big.rules.filter((y) => y.missing.filter((p) => p.startsWith('people[')).length > 100)) {
      const many = x.missing.filter((p) => p.startsWith('people['));
      const generic = new Set(many.map((p) => p.replace(/^people\[\d+\]/, 'people[]')));
      for (const g of generic) {
        const of = many.filter((p) => p.replace(/^people\[\d+\]/, 'people[]') === g);
        if (of.length <= 100) continue;
        expect(appendix).toContain(`for ${t(of.length)} people: `);
        expect(appendix).toContain(`and ${t(of.length - 3)} more`);
        // Three named, not every one.
        expect(appendix).toContain(`<code class="path">${of[2]}</code>`);
        expect(appendix).not.toContain(`<code class="path">${of[3]}</code>`);
      }
    }
    // A small roster lists every fact, as before.
    const smallHtml = await render(small, 'html');
    for (const x of small.rules) for (const p of x.missing) expect(smallHtml).toContain(p);
  });
});
