// Issue 12, fault 22: on a 28-column terminal the audit's checklist table
// wrapped into garbage and the report kept to 60 columns. The text report now
// keeps to the real width, lays the checklist out as a list when the table
// cannot fit, and cuts words longer than a line (a 150-character URL).
import { describe, expect, it } from 'vitest';
import { renderText, CHECKLIST_TABLE_MIN } from '../../src/report/text';
import { render } from '../../src/report/index';
import { fixture } from './helpers';

const visible = (l: string) => l.replace(/\u001b\[[0-9;]*m/g, '');
const URL = `https://intranet.example.com/${'very-long-path-segment-'.repeat(6)}end`;

async function withUrl() {
  const r = await fixture('acme');
  return { ...r, findings: r.findings.map((f, i) => (i === 0 ? { ...f, message: `${f.message} See ${URL}` } : f)), org: { ...r.org, file: `orgs/${'deep/'.repeat(8)}acme.yaml` } };
}

describe('the text report at the terminal width', () => {
  it.each([28, 40, 62, 63, 80, 100])('%i columns: no line is wider, with and without colour', async (width) => {
    const r = await withUrl();
    for (const color of [false, true]) {
      const text = renderText(r, { color, width });
      const wide = text.split('\n').filter((l) => visible(l).length > width);
      expect(wide).toEqual([]);
      // Nothing is lost: the URL is all there, cut across lines.
      expect(visible(text).replace(/\s+/g, '')).toContain(URL);
    }
  });

  it('28 columns: the checklist is a list, each item with its owner and effort', async () => {
    const r = await fixture('acme');
    const text = renderText(r, { color: false, width: 28 });
    const checklist = text.slice(text.indexOf('Remediation checklist'));
    expect(checklist).not.toMatch(/[┌│└]/);
    expect(checklist).toMatch(/^ {2}1\. \+\d+\.\d /m);
    expect(checklist.match(/^ {2}\d+\. /gm)).toHaveLength(r.checklist.length);
    expect(checklist.match(/^ {5,7}owner: /gm)).toHaveLength(r.checklist.length);
    expect(checklist.replace(/\s+/g, ' ')).toContain(`owner: ${r.checklist[0]!.owner} · effort: ${r.checklist[0]!.effort}`);
  });

  it(`the table from ${CHECKLIST_TABLE_MIN} columns, as before`, async () => {
    const r = await fixture('acme');
    expect(renderText(r, { color: false, width: CHECKLIST_TABLE_MIN })).toMatch(/┌/);
    expect(renderText(r, { color: false, width: CHECKLIST_TABLE_MIN - 1 })).not.toMatch(/┌/);
  });

  it('the width goes through render(), as the CLI calls it', async () => {
    const text = await render('text', await withUrl(), { color: false, width: 28 });
    expect(Math.max(...text.split('\n').map((l) => l.length))).toBeLessThanOrEqual(28);
  });
});
