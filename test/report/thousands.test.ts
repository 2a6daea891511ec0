// Counts a client reads are written with thousands separators in every place,
// as the summaries already were ("12,528 people and facts"): a review of a
// 10,000-person org found "once 2502 facts are known", "a company of 12000
// people", "12528 findings" (HTML) and 12528 in lint's markdown table.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AuditReport } from '../../src/engine/types';
import { rangeText } from '../../src/report/format';
import { cli, DATE } from '../e2e/run';
import { repeated } from '../helpers/repeated';

const GROUPED = /\d{1,3}(?:,\d{3})+/;

describe('counts of a thousand and more read with a separator', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sales-audit-thousands-'));
  writeFileSync(join(dir, 'org.yaml'), repeated(1200).replace(/^ {2}employees: \d+/m, '  employees: 12000'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = (args: string[]) => {
    const r = cli([...args, '--date', DATE, '--no-config'], { cwd: dir });
    expect(r.stderr).toBe('');
    return r.stdout;
  };

  it('the headline range', () => {
    const s = { score: 40, upTo: 70, unknownFacts: 2502 } as AuditReport['summary'];
    expect(rangeText(s)).toBe('up to 70 once 2,502 facts are known');
  });

  it('a rule message (comp-balances-client-value: the company headcount), in the text report', () => {
    expect(run(['audit', 'org.yaml']).replace(/\s+/g, ' ')).toContain('in a company of 12,000 people');
  });

  it("the HTML report's at a glance says what the text and markdown say: findings shown, then the people and facts they are about", () => {
    const line = /<li>(\d+ findings; [\d,]+ people and facts \([^)]*\))\.<\/li>/.exec(run(['audit', 'org.yaml', '--format', 'html']));
    expect(line?.[1]).toMatch(new RegExp(`^\\d+ findings; ${GROUPED.source} people and facts \\(.*${GROUPED.source} high`));
  });

  it("lint's markdown table", () => {
    const row = run(['lint', 'org.yaml', '--format', 'markdown'])
      .split('\n')
      .find((l) => l.startsWith('| `org.yaml`'));
    expect(row?.split('|').map((c) => c.trim())[5]).toMatch(new RegExp(`^${GROUPED.source}$`));
  });
});
