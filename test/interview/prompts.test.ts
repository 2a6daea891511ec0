// Each fact kind's prompt, rendered with @inquirer/testing: the choices it
// offers, its validation, and what its raw answer means (value, don't know, skip).
import { checkbox, confirm, input, number, select, Separator } from '@inquirer/prompts';
import { render } from '@inquirer/testing';
import { describe, expect, it } from 'vitest';
import { blankPrompt, checkboxProblem, DONT_KNOW, emptyHint, factPrompt, interpretFact, itemsPrompt, messageOf, NONE_OF_THESE, SKIP, type PromptSpec } from '../../src/interview/inquirer';
import { questionFor, type Question } from '../../src/interview/plan';

const PROMPTS = { select, checkbox, number, input, confirm } as const;

/** Renders a prompt spec as the Inquirer prompter would run it. */
function show(spec: PromptSpec) {
  const prompt = PROMPTS[spec.type] as (config: unknown, ctx?: unknown) => Promise<unknown>;
  const shown = render(prompt as never, spec.config as never);
  // Validation tests leave their prompt open; when the worker exits, Inquirer
  // rejects it (ExitPromptError). Tests that want the answer still await it.
  void shown.then((r) => (r.answer as Promise<unknown>).catch(() => undefined));
  return shown;
}

const q = (path: string, extra: Partial<Question> = {}): Question => ({ ...questionFor(path)!, ...extra });

describe("select: one of the schema's choices", () => {
  const question = q('leadership.sales_managed_by');

  it('offers the labelled choices, then "Don\'t know" and "Skip for now"', async () => {
    const { answer, events, getScreen } = await show(factPrompt(question, Separator));
    const screen = getScreen();
    expect(screen).toContain('Who manages the salespeople day to day?');
    for (const label of ['The CEO', 'A founder (not the CEO)', 'A dedicated sales manager or leader', 'Nobody in particular', "Don't know", 'Skip for now']) expect(screen).toContain(label);
    events.keypress('down');
    events.keypress('enter');
    const raw = await answer;
    expect(interpretFact(question, raw)).toEqual({ kind: 'value', value: 'founder' });
  });

  it('"Don\'t know" and "Skip for now" are answers of their own', async () => {
    for (const [downs, want] of [
      [4, { kind: 'unknown' }],
      [5, { kind: 'skip' }],
    ] as const) {
      const { answer, events } = await show(factPrompt(question, Separator));
      for (let i = 0; i < downs; i++) events.keypress('down');
      events.keypress('enter');
      expect(interpretFact(question, await answer)).toEqual(want);
    }
  });

  it('with --all the current answer is the default', async () => {
    const { answer, events, getScreen } = await show(factPrompt({ ...question, current: 'sales_manager' }, Separator));
    expect(getScreen()).toMatch(/❯ A dedicated sales manager or leader/);
    events.keypress('enter');
    expect(await answer).toBe('sales_manager');
  });
});

describe('boolean: yes or no', () => {
  it('answers true or false', async () => {
    const question = q('plan.documented');
    const { answer, events, getScreen } = await show(factPrompt(question, Separator));
    expect(getScreen()).toMatch(/Yes[\s\S]*No[\s\S]*Don't know[\s\S]*Skip for now/);
    events.keypress('down');
    events.keypress('enter');
    expect(interpretFact(question, await answer)).toEqual({ kind: 'value', value: false });
  });
});

describe('checkbox: several choices', () => {
  const question = q('leadership.outside_help');

  it('returns the ticked values', async () => {
    const { answer, events } = await show(factPrompt(question, Separator));
    events.keypress('space');
    events.keypress('down');
    events.keypress('down');
    events.keypress('space');
    events.keypress('enter');
    expect(interpretFact(question, await answer)).toEqual({ kind: 'value', value: ['advisor', 'fractional_leader'] });
  });

  it('Enter with nothing ticked is "blank", not "none of these": the prompter then asks what it means', async () => {
    const covers = q('plan.covers');
    const { answer, events } = await show(factPrompt(covers, Separator));
    events.keypress('enter');
    expect(interpretFact(covers, await answer)).toBe('blank');
    // No `none` choice to tick: the menu offers "None of these" (an explicit empty list).
    const follow = await show(blankPrompt(covers));
    expect(follow.getScreen()).toMatch(/Nothing ticked[\s\S]*Skip for now[\s\S]*Don't know[\s\S]*None of these[\s\S]*Answer it after all/);
    follow.events.keypress('down');
    follow.events.keypress('down');
    follow.events.keypress('enter');
    expect(await follow.answer).toBe(NONE_OF_THESE);
    expect(emptyHint(covers)).toContain('none of these');
  });

  it('with a `none` choice, the empty-answer menu leaves "None" to the list itself', async () => {
    const { getScreen } = await show(blankPrompt(question));
    expect(getScreen()).toMatch(/Skip for now[\s\S]*Don't know[\s\S]*Answer it after all/);
    expect(getScreen()).not.toContain('None of these');
    expect(emptyHint(question)).not.toContain('none of these');
  });

  it('"None" cannot be ticked with other choices', async () => {
    const { answer, events, getScreen, nextRender } = await show(factPrompt(question, Separator));
    events.keypress('space'); // advisor
    for (let i = 0; i < 5; i++) events.keypress('down'); // "None"
    events.keypress('space');
    events.keypress('enter');
    await nextRender();
    expect(getScreen()).toContain('"None" goes on its own: untick it or the other choices');
    for (let i = 0; i < 5; i++) events.keypress('up');
    events.keypress('space'); // untick advisor
    events.keypress('enter');
    expect(interpretFact(question, await answer)).toEqual({ kind: 'value', value: ['none'] });
  });

  it('"Skip for now" cannot be ticked with other choices either', () => {
    expect(checkboxProblem(question, ['coach', SKIP])).toBe('"Skip for now" goes on its own: untick it or the other choices');
    expect(checkboxProblem(question, ['coach', 'advisor'])).toBeUndefined();
    expect(checkboxProblem(question, ['none'])).toBeUndefined();
  });

  it('"Don\'t know" cannot be ticked with other choices', async () => {
    const { answer, events, getScreen, nextRender } = await show(factPrompt(question, Separator));
    events.keypress('space'); // advisor
    for (let i = 0; i < 6; i++) events.keypress('down'); // past the separator, to "Don't know"
    events.keypress('space');
    events.keypress('enter');
    await nextRender();
    expect(getScreen()).toContain('"Don\'t know" goes on its own: untick it or the other choices');
    events.keypress('up');
    for (let i = 0; i < 5; i++) events.keypress('up');
    events.keypress('space'); // untick advisor
    events.keypress('enter');
    expect(interpretFact(question, await answer)).toEqual({ kind: 'unknown' });
  });

  it('the "select all" shortcut is off (it would tick "Don\'t know" too)', async () => {
    const { answer, events } = await show(factPrompt(question, Separator));
    events.type('a');
    events.keypress('enter');
    expect(await answer).toEqual([]); // nothing ticked: a blank answer
  });

  it('with --all the current answers are ticked', async () => {
    const { answer, events } = await show(factPrompt({ ...question, current: ['coach', 'reading'] }, Separator));
    events.keypress('enter');
    expect(await answer).toEqual(['coach', 'reading']);
  });
});

describe("number: with the schema's range", () => {
  const pct = q('people[0].selling_time_pct');

  it('rejects a value out of range, then takes a good one', async () => {
    const { answer, events, getScreen, nextRender } = await show(factPrompt(pct, Separator));
    expect(getScreen()).toContain('What share of their week is spent selling? (%)');
    events.type('130');
    events.keypress('enter');
    await nextRender();
    expect(getScreen()).toMatch(/expected a number from 0 to 100/);
    for (let i = 0; i < 3; i++) events.keypress('backspace');
    events.type('42.5');
    events.keypress('enter');
    expect(interpretFact(pct, await answer)).toEqual({ kind: 'value', value: 42.5 });
  });

  it('takes a trailing % where a percentage is asked, and refuses a fraction with the fix', async () => {
    const { answer, events, getScreen, nextRender } = await show(factPrompt(pct, Separator));
    events.type('0.8');
    events.keypress('enter');
    await nextRender();
    expect(getScreen()).toContain('write 80 for 80 %');
    for (let i = 0; i < 3; i++) events.keypress('backspace');
    events.type('38%');
    events.keypress('enter');
    expect(interpretFact(pct, await answer)).toEqual({ kind: 'value', value: 38 });
  });

  it('a whole-number fact rejects decimals', async () => {
    const { events, getScreen, nextRender } = await show(factPrompt(q('admin.support_staff'), Separator));
    events.type('1.5');
    events.keypress('enter');
    await nextRender();
    expect(getScreen()).toMatch(/expected a whole number; got 1\.5/);
  });

  it('an empty answer is "blank": the prompter then asks skip or don\'t know', async () => {
    const { answer, events } = await show(factPrompt(pct, Separator));
    events.keypress('enter');
    expect(interpretFact(pct, await answer)).toBe('blank');
    const follow = await show(blankPrompt());
    expect(follow.getScreen()).toMatch(/Skip for now[\s\S]*Don't know[\s\S]*Answer it after all/);
    follow.events.keypress('down');
    follow.events.keypress('enter');
    expect(await follow.answer).toBe(DONT_KNOW);
  });
});

describe('date: ISO YYYY-MM-DD', () => {
  const date = q('plan.last_reviewed');

  it('rejects other formats and days not in the calendar', async () => {
    const { answer, events, getScreen, nextRender } = await show(factPrompt(date, Separator));
    events.type('10/02/2025');
    events.keypress('enter');
    await nextRender();
    // Ambiguous (day or month first): the format is named with the day-first reading as the example.
    expect(getScreen()).toContain('dates are written YYYY-MM-DD, such as 2025-02-10 for 10 February (day first)');
    for (let i = 0; i < 10; i++) events.keypress('backspace');
    events.type('2025-02-30');
    events.keypress('enter');
    await nextRender();
    expect(getScreen()).toContain('2025-02-30 is not a day in the calendar');
    for (let i = 0; i < 10; i++) events.keypress('backspace');
    events.type('2024-02-29');
    events.keypress('enter');
    expect(interpretFact(date, await answer)).toEqual({ kind: 'value', value: '2024-02-29' });
  });
});

describe('text and lists of values', () => {
  it('text is trimmed', async () => {
    const crm = q('tools.crm');
    const { answer, events } = await show(factPrompt(crm, Separator));
    events.type('  HubSpot ');
    events.keypress('enter');
    expect(interpretFact(crm, await answer)).toEqual({ kind: 'value', value: 'HubSpot' });
  });

  it('a list of numbers is typed comma-separated, each item checked', async () => {
    const att = q('people[0].attainment');
    const { answer, events, getScreen, nextRender } = await show(factPrompt(att, Separator));
    events.type('45, 40, lots');
    events.keypress('enter');
    await nextRender();
    expect(getScreen()).toContain('item 3: expected a number, got "lots"');
    for (let i = 0; i < 4; i++) events.keypress('backspace');
    events.type('38%');
    events.keypress('enter');
    expect(interpretFact(att, await answer)).toEqual({ kind: 'value', value: [45, 40, 38] });
  });

  it('with --all a list shows its current items', async () => {
    const crit = q('process.stages[0].exit_criteria', { current: ['budget confirmed', 'champion named'] });
    const { answer, events, getScreen } = await show(factPrompt(crit, Separator));
    expect(getScreen()).toContain('budget confirmed, champion named');
    events.keypress('enter');
    expect(interpretFact(crit, await answer)).toEqual({ kind: 'value', value: ['budget confirmed', 'champion named'] });
  });
});

describe('lists of objects: "add another?"', () => {
  it("the first step offers add, a CSV roster (people only), none, don't know, skip", async () => {
    const people = q('people');
    const { answer, events, getScreen } = await show(itemsPrompt(people));
    expect(getScreen()).toMatch(/Who is on the sales team\?[\s\S]*Add a person[\s\S]*CSV file[\s\S]*There are none[\s\S]*Don't know[\s\S]*Skip for now/);
    events.keypress('down');
    events.keypress('enter');
    expect(await answer).toBe('csv');
    const tasks = await show(itemsPrompt(q('admin.non_sales_tasks')));
    expect(tasks.getScreen()).not.toContain('CSV');
  });

  it('then asks "add another?", saying how many so far, defaulting to no', async () => {
    const { answer, events, getScreen } = await show(itemsPrompt({ ...q('metrics.kpis'), continuing: true, count: 2 }));
    expect(getScreen()).toContain('Add another metric? (2 so far)');
    events.keypress('enter');
    expect(await answer).toBe(false);
  });

  it("an item's questions say which item they are about", () => {
    expect(messageOf(q('people[1].selling_time_pct', { context: 'Person 2 (AE 2)' }))).toBe('Person 2 (AE 2) › What share of their week is spent selling? (%)');
  });

  it('sentinels never collide with schema values', () => {
    expect(DONT_KNOW).not.toMatch(/^[a-z_]+$/);
    expect(SKIP).not.toMatch(/^[a-z_]+$/);
  });
});

describe('the prompter after an empty answer', () => {
  /** An InquirerPrompter whose prompts return the given raw answers in turn. */
  const scripted = async (answers: unknown[]) => {
    const { InquirerPrompter } = await import('../../src/interview/inquirer');
    const out: string[] = [];
    const next = async () => answers.shift();
    const p = { select: next, checkbox: next, input: next, number: next, confirm: next, Separator };
    const io = { output: { write: (s: string) => out.push(s), columns: 80 } as unknown as NodeJS.WriteStream, color: false };
    return { prompter: new InquirerPrompter(p as never, io), out };
  };
  const pr = { section: 'plan', sectionIndex: 1, sectionCount: 1, index: 1, count: 1 } as const;

  it('nothing ticked, then "None of these": an explicit empty list', async () => {
    const { prompter } = await scripted([[], NONE_OF_THESE]);
    expect(await prompter.ask(q('plan.covers'), pr)).toEqual({ kind: 'value', value: [] });
  });

  it('nothing ticked, then "Answer it after all": asked again', async () => {
    const { prompter } = await scripted([[], '\u0000answer', ['goals']]);
    expect(await prompter.ask(q('plan.covers'), pr)).toEqual({ kind: 'value', value: ['goals'] });
  });
});

describe('wording', () => {
  it('typed answers say what an empty answer does, in words', () => {
    expect(emptyHint(q('plan.last_reviewed'))).toBe("Press Enter with no answer to skip it or mark it as don't know.");
    expect(emptyHint(q('leadership.sales_managed_by'))).toBeUndefined(); // a select lists "Don't know" and "Skip for now"
  });

  it('the hint is shown with the question, wrapped to the terminal width', async () => {
    const { InquirerPrompter } = await import('../../src/interview/inquirer');
    const out: string[] = [];
    const p = { input: async () => '2025-01-01', Separator };
    const io = { output: { write: (s: string) => out.push(s), columns: 50 } as unknown as NodeJS.WriteStream, color: false };
    await new InquirerPrompter(p as never, io).ask(q('plan.last_reviewed'), { section: 'plan', sectionIndex: 1, sectionCount: 1, index: 2, count: 4 });
    const text = out.join('');
    expect(text.replace(/\s+/g, ' ')).toContain("Press Enter with no answer to skip it or mark it as don't know.");
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(49);
  });

  it('a section that answers closed early ends with its count made true, and says why', async () => {
    const { InquirerPrompter } = await import('../../src/interview/inquirer');
    const out: string[] = [];
    const io = { output: { write: (s: string) => out.push(s), columns: 200 } as unknown as NodeJS.WriteStream, color: false };
    new InquirerPrompter({ Separator } as never, io).sectionDone({ section: 'plan', sectionIndex: 4, sectionCount: 14, index: 1, count: 1 }, 8);
    expect(out.join('')).toBe('Plan 4/14 · question 1 of 1 · done: your answers made the other 8 questions it counted unnecessary\n');
  });

  it("tell() wraps the command's own lines to the terminal width, like the progress line", async () => {
    const { InquirerPrompter } = await import('../../src/interview/inquirer');
    const out: string[] = [];
    const io = { output: { write: (s: string) => out.push(s), columns: 60 } as unknown as NodeJS.WriteStream, color: false };
    const long = 'Each answer is saved at once: Ctrl-C stops, and running the same command again picks up where you stopped.';
    new InquirerPrompter({ Separator } as never, io).tell(long);
    const lines = out.join('').trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(59);
    expect(lines.join(' ')).toBe(long);
  });

  // Issue 12, fault 22: a 28-column terminal got text hard-wrapped at 40 columns.
  it('on a 28-column terminal, tell() and the question notes keep to 27 columns', async () => {
    const { InquirerPrompter } = await import('../../src/interview/inquirer');
    const out: string[] = [];
    const io = { output: { write: (s: string) => out.push(s), columns: 28 } as unknown as NodeJS.WriteStream, color: false };
    const prompter = new InquirerPrompter({ input: async () => '2025-01-01', Separator } as never, io);
    prompter.tell('Each answer is saved at once: Ctrl-C stops, and running the same command again picks up where you stopped.');
    await prompter.ask(q('plan.last_reviewed'), { section: 'plan', sectionIndex: 1, sectionCount: 1, index: 2, count: 4 });
    const lines = out.join('').trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(6);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(27);
    expect(Math.max(...lines.map((l) => l.length))).toBeGreaterThan(20);
  });

  it('prompt wording from the file is made safe for the terminal, defaults are not touched', async () => {
    const { safePrompt } = await import('../../src/interview/inquirer');
    const cfg = safePrompt({ message: 'AE \u001b[2J1 \u202e› Job title', default: 'x\u001by', choices: [{ value: 'a', name: 'A\u0007', description: 'd\u009b' }] });
    expect(cfg).toEqual({ message: 'AE [2J1 › Job title', default: 'x\u001by', choices: [{ value: 'a', name: 'A', description: 'd' }] });
  });

  it('the backup is described as what it is: the file before this session, not necessarily an original', async () => {
    const { backupNote, HELP_BACKUP, HELP_EMPTY_ANSWERS } = await import('../../src/interview/messages');
    expect(backupNote('acme.yaml', 'acme.yaml.bak')).toBe('A copy of acme.yaml as it was before this session is in acme.yaml.bak; later sessions leave that copy alone.');
    expect(backupNote('acme.yaml', 'acme.yaml.bak')).not.toMatch(/original/);
    expect(HELP_BACKUP).toContain('earlier session');
    expect(HELP_EMPTY_ANSWERS).toContain('None of these');
  });
});
