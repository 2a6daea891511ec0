// The session logic without a terminal: a scripted prompter stands in for the
// user. Each answer is saved at once; "don't know" is written, "skip" is not;
// an interrupted session resumes at the first fact still missing.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { rules } from '../../rules/index';
import { loadOrgText } from '../../src/load/load';
import type { Section } from '../../src/model/schema';
import type { Question } from '../../src/interview/plan';
import type { FactAnswer, ItemsAnswer, Progress, Prompter } from '../../src/interview/prompter';
import { runSession, summarisePlan, type SessionOptions } from '../../src/interview/session';
import { planQuestions } from '../../src/interview/plan';
import { OrgText } from '../../src/interview/writeback';

const blank = () => readFileSync(new URL('../../templates/init/blank.yaml', import.meta.url), 'utf8');

type Script = (q: Question, p: Progress) => FactAnswer | ItemsAnswer | undefined;

class Scripted implements Prompter {
  asked: { id: string; progress: Progress }[] = [];
  notes: Section[] = [];
  constructor(
    private readonly script: Script,
    private readonly noteText?: string,
  ) {}
  async ask(q: Question, p: Progress): Promise<FactAnswer> {
    this.asked.push({ id: q.id, progress: p });
    return (this.script(q, p) as FactAnswer | undefined) ?? { kind: 'skip' };
  }
  async askItems(q: Question, p: Progress): Promise<ItemsAnswer> {
    this.asked.push({ id: q.id, progress: p });
    return (this.script(q, p) as ItemsAnswer | undefined) ?? { kind: q.continuing ? 'done' : 'skip' };
  }
  async askNote(section: Section): Promise<string | undefined> {
    this.notes.push(section);
    return this.noteText;
  }
  async confirm(): Promise<boolean> {
    return false;
  }
  sectionDone?: Prompter['sectionDone'];
}

/** Stands in for Inquirer's Ctrl-C. */
class ExitPromptError extends Error {
  override name = 'ExitPromptError';
}

function session(org: OrgText, prompter: Prompter, extra: Partial<SessionOptions> = {}) {
  const saved: string[] = [];
  const run = runSession({
    org,
    rules,
    prompter,
    date: '2026-11-27',
    save: async (t) => void saved.push(t),
    checkCsv: async () => undefined,
    ...extra,
  });
  return { run, saved };
}

const ANSWERS: Record<string, FactAnswer> = {
  'company.name': { kind: 'value', value: 'Acme' },
  'company.employees': { kind: 'value', value: 15 }, // read by comp-balances-client-value (issue 11)
  'company.sales_motion': { kind: 'value', value: 'solution' },
  'leadership.sales_managed_by': { kind: 'value', value: 'ceo' },
  'leadership.manager_experience_years': { kind: 'unknown' },
  'leadership.outside_help': { kind: 'value', value: ['reading'] },
};

describe('a session', () => {
  it('asks in order, saves after every answer, writes "don\'t know", leaves skipped facts for next time', async () => {
    const org = new OrgText(blank());
    const p = new Scripted((q) => ANSWERS[q.id]);
    const { run, saved } = session(org, p, { section: undefined });
    const result = await run;
    expect(p.asked.slice(0, 9).map((a) => a.id)).toEqual([
      'company.name',
      'company.employees',
      'company.sales_motion',
      'leadership.sales_managed_by',
      'leadership.manager_experience_years',
      'leadership.outside_help',
      'leadership.leader_since',
      'leadership.leaders_last_3_years',
      'leadership.first_90_days_plan',
    ]);
    expect(result).toMatchObject({ answered: 5, unknown: 1 });
    expect(result.skipped).toBe(result.asked - 6);
    // One save per answer that changed the file, each a loadable org file.
    expect(saved).toHaveLength(6);
    for (const t of saved) expect((await loadOrgText(t, 'org.yaml')).ok).toBe(true);
    const data = parse(org.text);
    expect(data.company).toEqual({ name: 'Acme', employees: 15, sales_motion: 'solution' });
    expect(data.leadership).toEqual({
      sales_managed_by: 'ceo',
      manager_experience_years: 'unknown',
      outside_help: ['reading'],
      leader_since: null,
      leaders_last_3_years: null,
      first_90_days_plan: null,
      reps_per_manager: null,
      manager_coaching_hours_per_month: null,
    });
    expect(org.fallbacks).toBe(0); // every answer was a small text edit
    // Next time: only what was skipped is asked.
    const again = new Scripted(() => undefined);
    await session(org, again).run;
    expect(again.asked[0]!.id).toBe('leadership.leader_since');
    expect(again.asked.map((a) => a.id)).not.toContain('leadership.manager_experience_years');
  });

  it('shows progress: section k of n, question i of m', async () => {
    const p = new Scripted((q) => ANSWERS[q.id]);
    await session(new OrgText(''), p, { section: 'leadership' }).run;
    // who manages sales, their experience, outside help, since when, leaders in three years, a 90-day plan,
    // reps per manager, a manager's coaching hours
    expect(p.asked.map((a) => a.progress)).toEqual([
      { section: 'leadership', sectionIndex: 1, sectionCount: 1, index: 1, count: 8 },
      { section: 'leadership', sectionIndex: 1, sectionCount: 1, index: 2, count: 8 },
      { section: 'leadership', sectionIndex: 1, sectionCount: 1, index: 3, count: 8 },
      { section: 'leadership', sectionIndex: 1, sectionCount: 1, index: 4, count: 8 },
      { section: 'leadership', sectionIndex: 1, sectionCount: 1, index: 5, count: 8 },
      { section: 'leadership', sectionIndex: 1, sectionCount: 1, index: 6, count: 8 },
      { section: 'leadership', sectionIndex: 1, sectionCount: 1, index: 7, count: 8 },
      { section: 'leadership', sectionIndex: 1, sectionCount: 1, index: 8, count: 8 },
    ]);
    const all = new Scripted(() => undefined);
    await session(new OrgText(''), all).run;
    const first = all.asked[0]!.progress;
    expect(first).toMatchObject({ section: 'company', sectionIndex: 1, index: 1 });
    expect(first.sectionCount).toBe(14);
  });

  it('progress over a whole interview (a blank file, and a bundled example with --all): never backwards, each section ends at its count', { timeout: 120_000 }, async () => {
    // Every list gets two items; answers open and close conditional questions (a rep, a non-rep, "no" to a gate).
    const answer = (q: Question, all: boolean): FactAnswer | ItemsAnswer => {
      // A blank file's lists get two items; an example's lists are kept as they are.
      if (q.kind === 'items') return { kind: (q.continuing && all) || (q.count ?? 0) >= 2 ? 'done' : 'add' };
      if (q.current !== undefined) return { kind: 'value', value: q.current } as FactAnswer;
      if (q.kind === 'boolean') return { kind: 'value', value: q.path.endsWith('is_rep') };
      if (q.kind === 'select') return { kind: 'value', value: q.choices![0]!.value };
      if (q.kind === 'checkbox') return { kind: 'value', value: [q.choices![0]!.value] };
      if (q.kind === 'number') return { kind: 'value', value: 1 };
      if (q.kind === 'date') return { kind: 'value', value: '2025-01-01' };
      if (q.kind === 'values') return { kind: 'value', value: [1] };
      return { kind: 'value', value: 'x' };
    };
    const read = (p: string) => readFileSync(new URL(`../../${p}`, import.meta.url), 'utf8');
    const walks: [string, string, boolean][] = [
      ['blank', blank(), false],
      // The mid-size example walks the same way, in 15 s: one example keeps the test quick.
      ['struggling-startup', read('templates/examples/struggling-startup.yaml'), true],
    ];
    let closedEarly = 0;
    for (const [name, text, all] of walks) {
      // What the user sees, in order: each question's progress, and a section closed early.
      const seen: { progress: Progress; q?: Question; answer?: FactAnswer | ItemsAnswer; closed?: number }[] = [];
      const p = new Scripted((q, pr) => {
        const a = answer(q, all);
        seen.push({ progress: pr, q, answer: a });
        return a;
      });
      p.sectionDone = (progress, closed) => void seen.push({ progress, closed });
      await session(new OrgText(text), p, { all }).run;
      expect(seen.length, name).toBeGreaterThan(20);
      const sections = seen.map((x) => x.progress.section).filter((s, i, xs) => xs[i - 1] !== s);
      // A section is asked once, in one run of questions, and "section k of n" counts up by one.
      expect(new Set(sections).size, name).toBe(sections.length);
      for (let i = 1; i < seen.length; i++) {
        const [a, b] = [seen[i - 1]!, seen[i]!];
        const where = `${name}: ${a.q?.id ?? 'section done'} -> ${b.q?.id ?? 'section done'}`;
        expect(b.progress.sectionCount, where).toBe(a.progress.sectionCount);
        if (b.progress.section !== a.progress.section) {
          expect(b.progress.sectionIndex, where).toBe(a.progress.sectionIndex + 1);
          expect(b.progress.index, where).toBe(1);
          // The section left ended at its count.
          expect(a.progress.index, where).toBe(a.progress.count);
          continue;
        }
        if (b.closed !== undefined) {
          // Answers closed the questions left: the count made true, the questions asked.
          expect(b.progress, where).toEqual({ ...a.progress, count: a.progress.index });
          expect(b.closed, where).toBe(a.progress.count - a.progress.index);
          closedEarly++;
          continue;
        }
        expect(b.progress.index, where).toBe(a.progress.index + 1);
        expect(b.progress.count, where).toBeGreaterThanOrEqual(b.progress.index);
        // The count rises only when a list gets another item ("add another?" answered yes).
        if (b.progress.count > a.progress.count) expect([a.q?.kind, a.answer?.kind, a.q?.continuing], where).toEqual(['items', 'add', true]);
      }
      const last = seen.at(-1)!.progress;
      expect(last.sectionIndex, name).toBe(last.sectionCount);
      expect(last.index, name).toBe(last.count);
    }
    // The walks include answers that close a section's last questions ("no" to a gate).
    expect(closedEarly).toBeGreaterThan(0);
  });

  it('progress: a second item adds its questions to "of m" at "add another?"; a non-rep\'s answer takes the rep questions off it', async () => {
    const p = new Scripted((q) => {
      if (q.kind === 'items') return q.path !== 'people' ? { kind: 'none' } : { kind: (q.count ?? 0) < 2 ? 'add' : 'done' };
      if (q.path.endsWith('is_rep')) return { kind: 'value', value: q.path.startsWith('people[0]') };
      return undefined;
    });
    const done: Progress[] = [];
    p.sectionDone = (pr) => void done.push(pr);
    await session(new OrgText(blank()), p, { section: 'people' }).run;
    const counts = p.asked.map((a) => a.progress.count);
    const again = p.asked.findIndex((a) => a.id === 'people#1');
    expect(counts[again + 1]).toBeGreaterThan(counts[again]!);
    // Before it, the count only falls (the first person's empty list of actions takes its estimate off).
    for (let i = 1; i <= again; i++) expect(counts[i]).toBeLessThanOrEqual(counts[i - 1]!);
    // The second person does not sell: once said, their rep questions leave the count.
    const notRep = p.asked.findIndex((a) => a.id === 'people[1].is_rep');
    expect(counts[notRep + 1]).toBeLessThan(counts[notRep]!);
    // It ends at its count: the last question's, or, when the last answer closed what it still counted, the count made true.
    const end = done.at(-1) ?? p.asked.at(-1)!.progress;
    expect(end.index).toBe(p.asked.at(-1)!.progress.index);
    expect(end.count).toBe(end.index);
  });

  it('the opening line\'s count is the first question\'s "of m": a list not started is more than one question', async () => {
    for (const section of ['roles', 'people', 'leadership'] as const) {
      const org = new OrgText(blank());
      const opening = summarisePlan(planQuestions(org.state(), rules, { section, conditional: true })).questions;
      const p = new Scripted(() => undefined);
      await session(org, p, { section }).run;
      expect(p.asked[0]!.progress.count, section).toBe(opening);
      if (section !== 'leadership') expect(opening, section).toBeGreaterThan(5);
    }
  });

  it('records the respondent with each answer and asks for notes at the end of each section asked about', async () => {
    const org = new OrgText(blank());
    const p = new Scripted((q) => ANSWERS[q.id], 'The CEO sells two days a week.');
    await session(org, p, { respondent: 'Jane Doe, CEO', notes: true, section: 'leadership' }).run;
    const data = parse(org.text);
    expect(data.answers).toEqual({
      'leadership.sales_managed_by': { by: 'Jane Doe, CEO', on: '2026-11-27' },
      'leadership.manager_experience_years': { by: 'Jane Doe, CEO', on: '2026-11-27' },
      'leadership.outside_help': { by: 'Jane Doe, CEO', on: '2026-11-27' },
    });
    expect(p.notes).toEqual(['leadership']);
    expect(data.notes).toEqual({ leadership: 'The CEO sells two days a week.' });
    // The loader and engine see the interview as the origin of those facts.
    const loaded = await loadOrgText(org.text, 'org.yaml');
    expect(loaded.ok && loaded.value.org.answers?.['leadership.sales_managed_by']?.by).toBe('Jane Doe, CEO');
  });

  it('builds lists with "add another?" loops, nested ones too', async () => {
    const org = new OrgText('');
    const people = ['AE 1', 'AE 2'];
    const p = new Scripted((q) => {
      if (q.id === 'people#0' || q.id === 'people#1') return { kind: 'add' };
      if (q.id === 'people#2') return { kind: 'done' };
      const m = /^people\[(\d)\]\.(\w+)$/.exec(q.path);
      if (m && m[2] === 'name') return { kind: 'value', value: people[Number(m[1])] };
      if (m && m[2] === 'is_rep') return { kind: 'value', value: true };
      if (q.id === 'people[0].actions#0') return { kind: 'add' };
      if (q.path === 'people[0].actions[0].action') return { kind: 'value', value: 'pay_cut' };
      if (q.id === 'people[1].actions#0') return { kind: 'none' };
      return undefined;
    });
    await session(org, p, { section: 'people' }).run;
    const data = parse(org.text);
    expect(data.people).toEqual([
      { name: 'AE 1', is_rep: true, actions: [{ action: 'pay_cut' }] },
      { name: 'AE 2', is_rep: true, actions: [] },
    ]);
    expect(org.state().openLists.size).toBe(0);
    expect(p.asked.map((a) => a.id)).toContain('people[0].actions#1');
    expect(org.fallbacks).toBe(0);
  });

  it('a CSV roster instead of people one by one', async () => {
    const org = new OrgText('');
    const p = new Scripted((q) => (q.id === 'people#0' ? { kind: 'csv', path: 'reps.csv' } : undefined));
    await session(org, p, { section: 'people' }).run;
    expect(parse(org.text)).toEqual({ people_csv: 'reps.csv' });
  });

  it('--all shows current answers; skipping keeps them', async () => {
    const org = new OrgText('leadership:\n  sales_managed_by: ceo   # for now\n');
    const seen: Question[] = [];
    const p = new Scripted((q) => {
      seen.push(q);
      return q.id === 'leadership.sales_managed_by' ? { kind: 'skip' } : undefined;
    });
    await session(org, p, { all: true, section: 'leadership' }).run;
    expect(seen[0]).toMatchObject({ id: 'leadership.sales_managed_by', current: 'ceo' });
    expect(org.text).toBe('leadership:\n  sales_managed_by: ceo   # for now\n');
  });
});

describe('interrupted and resumed', () => {
  const interruptAt = (n: number, answer: Script): Script => {
    let i = 0;
    return (q, pr) => {
      if (++i === n) throw new ExitPromptError('User force closed the prompt with SIGINT');
      return answer(q, pr);
    };
  };

  it('everything answered before Ctrl-C is saved; the next run starts at the first missing fact', async () => {
    const org = new OrgText(blank());
    // Ctrl-C at the 5th question (name, employees, motion and who manages sales answered before it)
    const { run, saved } = session(org, new Scripted(interruptAt(5, (q) => ANSWERS[q.id])));
    await expect(run).rejects.toThrow(ExitPromptError);
    expect(saved).toHaveLength(4);
    const file = saved.at(-1)!;
    expect((await loadOrgText(file, 'org.yaml')).ok).toBe(true);
    expect(file).toContain('# sales-audit org file: a description of your sales organisation.');

    const resumed = new OrgText(file);
    const p = new Scripted((q) => ANSWERS[q.id]);
    await session(resumed, p).run;
    expect(p.asked[0]!.id).toBe('leadership.manager_experience_years');
  });

  it('Ctrl-C inside an "add another?" loop resumes the loop', async () => {
    const org = new OrgText('');
    const script: Script = (q) => (q.id === 'roles#0' || q.id === 'roles#1' ? { kind: 'add' } : q.path.endsWith('.title') ? { kind: 'value', value: `Role ${q.path}` } : undefined);
    // Interrupted at the 9th question: roles#0, title, 5 more facts of role 1 (skipped), then roles#1 (add), then role 2's title.
    const { run, saved } = session(org, new Scripted(interruptAt(9, script)), { section: 'roles' });
    await expect(run).rejects.toThrow(ExitPromptError);
    const file = saved.at(-1)!;
    expect(parse(file).roles).toHaveLength(2);
    expect(file).toContain('# sales-audit interview: roles is not finished yet');

    const p = new Scripted(() => undefined);
    await session(new OrgText(file), p, { section: 'roles' }).run;
    expect(p.asked[0]!.id).toBe('roles[0].open');
    expect(p.asked.at(-1)!.id).toBe('roles#2');
  });
});
