// A checklist item that moves several rules names each one, in every format that shows an item's rule: the
// partial roster's "List the 2 people the roster leaves out" moves the five rules that judge reps one by one
// (it was tagged role-title-fit alone). Its gain is the points in play on all five.
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { inPlay, type Scored } from '../../src/engine/scoring';
import type { AuditReport } from '../../src/engine/types';
import { render } from '../../src/report/index';
import { reportJsonSchema } from '../../src/report/report-schema';
import { PARTIAL_ROSTER_ACTION, partialRosterReport, ROSTER_RULES } from '../helpers/partial-roster-report';

const ACTION = PARTIAL_ROSTER_ACTION;
const FIVE = ROSTER_RULES;

describe('a checklist item that moves several rules', () => {
  it('names all five rules on the partial roster item, gains the points in play on all of them, and ranks first', async () => {
    const r = await partialRosterReport();
    const item = r.checklist.find((c) => c.action === ACTION)!;
    expect(item.ruleId).toBe('role-title-fit');
    expect(item.ruleIds).toEqual(FIVE);
    expect([...item.ruleIds!].sort()).toEqual(
      r.rules
        .filter((x) => x.checks.some((c) => c.missing.join() === 'people'))
        .map((x) => x.id)
        .sort(),
    );
    // The gain is the sum of the points in play on each rule's roster check (one decimal each, so within 0.3).
    const scored = r.rules as unknown as Scored[];
    const sum = FIVE.reduce(
      (n, id) =>
        n +
        inPlay(
          scored,
          id,
          r.rules.find((x) => x.id === id)!.checks.find((c) => c.missing.join() === 'people')!,
        ),
      0,
    );
    expect(Math.abs(item.gain - sum)).toBeLessThanOrEqual(0.3);
    expect(item.gain).toBeGreaterThan(
      Math.max(
        ...FIVE.map((id) =>
          inPlay(
            scored,
            id,
            r.rules.find((x) => x.id === id)!.checks.find((c) => c.missing.join() === 'people')!,
          ),
        ),
      ),
    );
    expect(item.rank).toBe(1);
    // An item of one rule carries no list.
    expect(r.checklist.filter((c) => c !== item).every((c) => c.ruleIds === undefined)).toBe(true);
  });

  it('every format names each rule the item moves', async () => {
    const r = await partialRosterReport();
    const flat = (s: string) => s.replace(/\s+/g, ' ');
    const text = flat(await render('text', r, { color: false, width: 60 }));
    expect(text).toContain(`${ACTION} [${FIVE.join(', ')}]`);
    const md = await render('markdown', r, { color: false });
    expect(md).toContain(`${ACTION} (owner: Auditor; effort: low; rules ${FIVE.map((id) => `\`${id}\``).join(', ')})`);
    // An item of one rule still says "rule".
    expect(md).toMatch(/effort: \w+; rule `sales-vs-marketing`\)/);
    const json = JSON.parse(await render('json', r, { color: false })) as AuditReport;
    expect(json.checklist.find((c) => c.action === ACTION)!.ruleIds).toEqual(FIVE);
    const validate = new Ajv2020({ strict: true, strictRequired: false, allowUnionTypes: true, allErrors: true }).compile(reportJsonSchema());
    expect(validate(json), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    // The schema holds the list to two rules or more.
    expect(validate({ ...json, checklist: [{ ...json.checklist[0]!, ruleIds: ['role-title-fit'] }] })).toBe(false);
    const html = await render('html', r, { color: false });
    const row = [...html.matchAll(/<tr data-rank="1" data-rule="role-title-fit">([\s\S]*?)<\/tr>/g)].map((m) => m[1]!);
    expect(row).toHaveLength(1);
    expect(row[0]).toContain(ACTION);
    expect([...row[0]!.matchAll(/<code>([^<]+)<\/code>/g)].map((m) => m[1])).toEqual(FIVE);
    const csv = await render('csv', r, { color: false });
    expect(csv.split('\r\n').find((l) => l.includes('List the 2 people'))).toBe(`1,find-out,${FIVE.join(' ')},${ACTION},Auditor,low,${r.checklist[0]!.gain.toFixed(1)},open`);
  });
});
