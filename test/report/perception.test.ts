// "Where people disagree" in every format (issue 14): the section in text,
// Markdown, HTML and JSON; CSV (the checklist) has none; hostile answers are
// made safe like any other value.
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index';
import { runAudit } from '../../src/engine/run';
import type { Org, Response } from '../../src/model/schema';
import { render, type Format } from '../../src/report/index';

const anon = (answers: Record<string, unknown>): Response => ({ group: 'reps', anonymous: true, answers });
const ORG: Org = {
  company: { name: 'Acme' },
  plan: { documented: true, covers: ['target_markets', 'goals'], review_cadence: 'yearly' },
  people: [{ name: 'AE 1', coaching: { one_to_one: 'monthly' } }, { name: 'AE 2' }],
  responses: [
    { respondent: 'Jane Doe, CEO', group: 'leadership', answers: { 'plan.shared_with_reps': true } },
    { respondent: 'Victor, VP', group: 'management', answers: { 'plan.shared_with_reps': true, 'people[name=AE 1].coaching.one_to_one': 'weekly', 'people[name=AE 2].coaching.one_to_one': 'weekly' } },
    anon({ 'plan.shared_with_reps': false, 'self.coaching.one_to_one': 'monthly' }),
    anon({ 'plan.shared_with_reps': false, 'self.coaching.one_to_one': 'monthly' }),
    anon({ 'plan.shared_with_reps': false, 'self.coaching.one_to_one': 'monthly' }),
    anon({ 'plan.shared_with_reps': true, 'self.coaching.one_to_one': 'weekly' }),
  ],
};
const report = runAudit({ org: ORG, date: '2026-11-27', rules, file: 'acme.yaml' });
const out = (f: Format) => render(f, report, { color: false, width: 100 });

describe('Where people disagree, by format', () => {
  it('text', async () => {
    const t = await out('text');
    expect(t).toContain(
      [
        'Where people disagree',
        '  Respondents: leadership 1, sales management 1, sales reps 4 (anonymous)',
        // Person by person (issue 14, item 5): the file's record of AE 1 against the VP's answer about AE 1.
        '  how often AE 1 has a one-to-one (people[0].coaching.one_to_one)',
        '    the org file: monthly',
        '    sales management: weekly',
        // Which answer the audit used (issue 14, item 11).
        '    the audit used the org file\u2019s value (the consultant\u2019s record; resolution: can name a group',
        '    instead)',
        '    affects individual-coaching',
        '  whether every rep has seen the sales plan (plan.shared_with_reps)',
        '    leadership: yes',
        '    sales management: yes',
        '    sales reps: 3 of 4 said no',
        '    the audit used the answer from sales reps: 3 of 4 said no; the best informed group',
        '    affects go-to-market-plan (its result turns on it)',
        '  Alignment by section: plan: 0 of 1 fact agree (0%)',
      ].join('\n'),
    );
  });
  it('markdown', async () => {
    const m = await out('markdown');
    expect(m).toContain('## Where people disagree\n\nRespondents: leadership 1, sales management 1, sales reps 4 (anonymous)\n');
    expect(m).toContain(
      '- **whether every rep has seen the sales plan** (`plan.shared_with_reps`): leadership: yes; sales management: yes; sales reps: 3 of 4 said no; the audit used the answer from sales reps: 3 of 4 said no; the best informed group; affects go-to-market-plan (its result turns on it)',
    );
    expect(m).toContain('Alignment by section: plan: 0 of 1 fact agree (0%)');
  });
  it('html: a section in the contents, a table row per gap', async () => {
    const h = await out('html');
    expect(h).toContain('<a href="#disagree">Where people disagree</a>');
    expect(h).toContain('<section id="disagree" aria-labelledby="disagree-title"><h2 id="disagree-title">Where people disagree</h2>');
    expect(h).toContain('<li dir="auto">sales reps: 3 of 4 said no</li>');
    expect((h.match(/<tr><th scope="row" dir="auto">/g) ?? []).length).toBeGreaterThanOrEqual(2);
  });
  it('json: perception, and the evidence of the gap finding', async () => {
    const j = JSON.parse(await out('json'));
    expect(j.schemaVersion).toBe(2);
    expect(j.perception.gaps.map((g: { fact: string }) => g.fact)).toEqual(['people[0].coaching.one_to_one', 'plan.shared_with_reps']);
    expect(j.perception.respondents).toEqual([
      { group: 'leadership', named: 1, anonymous: 0 },
      { group: 'management', named: 1, anonymous: 0 },
      { group: 'reps', named: 0, anonymous: 4 },
    ]);
    // Told in the finding the rule makes on that fact (issue 14, item 10), not a second one.
    expect(j.findings.filter((f: { messageId: string }) => f.messageId === 'perceptionGap')).toEqual([]);
    expect(j.findings.find((f: { message: string }) => f.message.startsWith('Not every rep has seen the plan. Where people disagree:')).ruleId).toBe('go-to-market-plan');
  });
  it('csv: the checklist only, no gaps section', async () => {
    const c = await out('csv');
    expect(c.split('\r\n')[0]).toBe('\ufeffrank,kind,rule,action,owner,effort,gain,status');
    expect(c).not.toMatch(/disagree|said no/);
  });
  it('without responses: no section and no perception key, so reports are as before', async () => {
    const plain = runAudit({ org: { ...ORG, responses: undefined }, date: '2026-11-27', rules, file: 'acme.yaml' });
    expect(plain.perception).toBeUndefined();
    expect(await render('text', plain, { color: false, width: 100 })).not.toContain('Where people disagree');
    expect(await render('markdown', plain, { color: false })).not.toContain('Where people disagree');
    expect(await render('html', plain, { color: false })).not.toContain('id="disagree"');
  });
});

describe('hostile answers', () => {
  it('a control sequence or a runner command in an answer reaches no output as such', async () => {
    const evil = 'Sales\u001b[2J\u001b]0;PWNED\u0007force\n::warning::x ##vso[task.setvariable]1';
    const r = runAudit({
      org: {
        responses: [
          { respondent: `Eve\u001b[31m`, group: 'operations', answers: { 'tools.crm': evil } },
          { respondent: 'AE 1', group: 'reps', answers: { 'tools.crm': 'HubSpot' } },
        ],
      },
      date: '2026-11-27',
      rules,
      file: 'acme.yaml',
    });
    expect(r.perception!.gaps.map((g) => g.fact)).toEqual(['tools.crm']);
    for (const f of ['text', 'markdown', 'html', 'csv'] as const) {
      const o = await render(f, r, { color: false, width: 100 });
      expect(o, f).not.toMatch(/[\u001b\u0007]|^\s*::warning::|##vso\[/m);
    }
    expect(await render('json', r, { color: false })).not.toMatch(/[\u001b\u0007]/);
  });
});

describe('--redact', () => {
  it("respondents' names kept under responses: are replaced by labels", async () => {
    const { redact } = await import('../../src/model/redact');
    const r = runAudit({ org: redact(ORG), date: '2026-11-27', rules, file: 'acme.yaml' });
    for (const f of ['text', 'markdown', 'json', 'html'] as const) {
      const o = await render(f, r, { color: false, width: 100 });
      expect(o, f).not.toMatch(/Jane Doe|Victor/);
      expect(o, f).toMatch(/Respondent 1/);
    }
  });
});
