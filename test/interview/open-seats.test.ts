// Issue 17 item 6: an open seat is asked once. Roles given with open seats and
// opening dates are offered as the open territories (offerFrom in the model);
// a territory whose date differs from its role's is asked about, not taken
// silently; an answers file keeps what it says, with a note.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { rules } from '../../rules/index';
import { AnswersPrompter, parseAnswers } from '../../src/interview/answers';
import { crossCheck, offerFor, planQuestions, questionFor, type Question } from '../../src/interview/plan';
import type { FactAnswer, ItemsAnswer, Prompter } from '../../src/interview/prompter';
import { runSession } from '../../src/interview/session';
import { OrgText } from '../../src/interview/writeback';

const DATE = '2026-11-29';
const ROLES = `version: 1
# the two open seats
roles:
  - title: AE West
    open: true
    opened_on: 2026-09-01
  - title: SDR
    open: true
  - title: Sales manager
    open: false
recruiting:
  mode: continuous
`;

class Scripted implements Prompter {
  log: string[] = [];
  constructor(
    private readonly facts: (q: Question, n: number) => FactAnswer,
    private readonly items: (q: Question) => ItemsAnswer,
    private readonly confirms: (id: string, message: string) => boolean,
  ) {}
  private n = new Map<string, number>();
  async ask(q: Question): Promise<FactAnswer> {
    const n = (this.n.get(q.id) ?? 0) + 1;
    this.n.set(q.id, n);
    this.log.push(`ask ${q.id}`);
    return this.facts(q, n);
  }
  async askItems(q: Question): Promise<ItemsAnswer> {
    this.log.push(`items ${q.id}`);
    return this.items(q);
  }
  async askNote(): Promise<string | undefined> {
    return undefined;
  }
  async confirm(id: string, message: string): Promise<boolean> {
    this.log.push(`confirm ${id}: ${message}`);
    return this.confirms(id, message);
  }
}

const run = (org: OrgText, prompter: Prompter) => runSession({ org, rules, prompter, section: 'recruiting', date: DATE, save: async () => undefined, checkCsv: async () => undefined });

describe('open roles offered as open territories', () => {
  it('the offer names each open role with its date; yes writes them, keeps the comments, asks only what is missing', async () => {
    const org = new OrgText(ROLES);
    const p = new Scripted(
      (q) => (q.path === 'recruiting.open_territories[1].opened_on' ? { kind: 'value', value: '2026-10-15' } : { kind: 'skip' }),
      () => ({ kind: 'done' }),
      (id) => id === 'offer:recruiting.open_territories',
    );
    await run(org, p);
    expect(p.log).toContain(
      'confirm offer:recruiting.open_territories: Roles already lists 2 open roles: AE West (opened on 2026-09-01); SDR. Take them as open territories (others can be added next)?',
    );
    // Not asked item by item; SDR's date (not in roles) asked; then "add another?".
    expect(p.log).not.toContain('ask recruiting.open_territories[0].name');
    expect(p.log).not.toContain('ask recruiting.open_territories[0].opened_on');
    expect(p.log).toContain('ask recruiting.open_territories[1].opened_on');
    expect(p.log).toContain('items recruiting.open_territories#2');
    expect(parse(org.text).recruiting.open_territories).toEqual([
      { name: 'AE West', opened_on: '2026-09-01' },
      { name: 'SDR', opened_on: '2026-10-15' },
    ]);
    expect(org.text).toContain('# the two open seats');
  });

  it('no open role, or the list already answered: nothing is offered', () => {
    const q = questionFor('recruiting.open_territories')!;
    expect(offerFor({ roles: [{ title: 'AE', open: false }] }, q)).toBeUndefined();
    expect(offerFor({}, q)).toBeUndefined();
    expect(offerFor({ roles: [{ title: 'AE', open: true }] }, { ...q, continuing: true })).toBeUndefined();
    // The planner asks no list question once the list is there, so nothing to offer either.
    const planned = planQuestions(new OrgText(`${ROLES}  open_territories: []\n`).state(), rules, { section: 'recruiting', date: DATE });
    expect(planned.some((x) => x.path === 'recruiting.open_territories')).toBe(false);
  });

  it('declined: the list is asked as before', async () => {
    const org = new OrgText(ROLES);
    const p = new Scripted(
      () => ({ kind: 'skip' }),
      () => ({ kind: 'none' }),
      () => false,
    );
    await run(org, p);
    expect(p.log).toContain('items recruiting.open_territories#0');
    expect(parse(org.text).recruiting.open_territories).toEqual([]);
  });
});

describe("a territory's date that differs from its role's is a question", () => {
  it("asked whether to keep it; no asks again, and the role's date is taken", async () => {
    const org = new OrgText(ROLES);
    let added = false;
    const p = new Scripted(
      (q, n) => {
        if (q.path === 'recruiting.open_territories[0].name') return { kind: 'value', value: 'ae west' };
        if (q.path === 'recruiting.open_territories[0].opened_on') return { kind: 'value', value: n === 1 ? '2026-10-01' : '2026-09-01' };
        return { kind: 'skip' };
      },
      (q) => (q.continuing || added ? { kind: 'done' } : ((added = true), { kind: 'add' })),
      () => false,
    );
    await run(org, p);
    expect(p.log).toContain('confirm keep:recruiting.open_territories[0].opened_on: ae west: the role opened on 2026-09-01 (roles[0].opened_on), not 2026-10-01. Keep 2026-10-01?');
    expect(p.log.filter((l) => l === 'ask recruiting.open_territories[0].opened_on')).toHaveLength(2);
    expect(parse(org.text).recruiting.open_territories).toEqual([{ name: 'ae west', opened_on: '2026-09-01' }]);
  });

  it('the same date, another seat, a closed role: no question', () => {
    const q = questionFor('recruiting.open_territories[0].opened_on')!;
    const data = parse(ROLES);
    const withName = (name: string) => ({ ...data, recruiting: { open_territories: [{ name }] } });
    expect(crossCheck(withName('AE West'), q, '2026-09-01')).toBeUndefined();
    expect(crossCheck(withName('North'), q, '2026-10-01')).toBeUndefined();
    expect(crossCheck(withName('Sales manager'), q, '2026-10-01')).toBeUndefined();
    expect(crossCheck(withName('AE West'), q, '2026-10-01')).toBe('AE West: the role opened on 2026-09-01 (roles[0].opened_on), not 2026-10-01');
  });

  it('an answers file keeps what it says, and the difference is noted with its place', async () => {
    const parsed = parseAnswers('recruiting.open_territories[0].name: AE West\nrecruiting.open_territories[0].opened_on: 2026-10-01\n', 'a.yaml', { date: DATE });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const p = new AnswersPrompter(parsed.entries, 'a.yaml');
    const org = new OrgText(ROLES);
    await run(org, p);
    expect(parse(org.text).recruiting.open_territories).toEqual([{ name: 'AE West', opened_on: '2026-10-01' }]);
    expect(p.kept.map((k) => [k.entry.line, k.entry.key, k.difference])).toEqual([
      [2, 'recruiting.open_territories[0].opened_on', 'AE West: the role opened on 2026-09-01 (roles[0].opened_on), not 2026-10-01'],
    ]);
  });
});
