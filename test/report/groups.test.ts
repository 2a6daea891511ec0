// The two compensation rules are presented as one compensation review (issue 11,
// item 6): the grouping is data on each rule's result, and every human format
// prints the group's rules together under one heading.
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index';
import { runAudit } from '../../src/engine/run';
import { render } from '../../src/report/index';
import { example } from '../helpers/monotone';

const COMP = ['profit-based-comp', 'comp-balances-client-value'];

describe('the compensation review', async () => {
  const org = await example('healthy-org');
  const report = runAudit({ org, date: '2026-11-27', rules, file: 'org.yaml' });

  it('is data in the report: the JSON carries the group id and heading on both compensation rules, and on no other', async () => {
    const json = JSON.parse(await render('json', report, { color: false })) as { rules: { id: string; group?: { id: string; title: string } }[] };
    const grouped = json.rules.filter((r) => r.group);
    expect(grouped.map((r) => r.id)).toEqual(COMP);
    for (const r of grouped) expect(r.group).toEqual({ id: 'compensation', title: 'Compensation review' });
  });

  it.each(['text', 'markdown', 'html'] as const)('%s prints both rules under one "Compensation review" heading, once', async (format) => {
    const out = await render(format, report, { color: false, width: 100 });
    expect(out.split('Compensation review').length - 1).toBe(format === 'html' ? 2 : 1);
    const at = out.indexOf('Compensation review');
    // Both rules come after the heading, and before any other rule that follows them.
    const after = out.slice(at);
    for (const id of COMP) expect(after).toContain(id);
    if (format === 'text') expect(after.indexOf('deal-structure-review')).toBeGreaterThan(Math.max(...COMP.map((id) => after.indexOf(id))));
    if (format === 'markdown') {
      // Its own section: the group's table holds the two rules and no other.
      const section = after.slice(0, after.indexOf('\n#', 1));
      expect(section.match(/^\| `[a-z-]+`/gm)).toEqual(COMP.map((id) => `| \`${id}\``));
    }
  });
});
