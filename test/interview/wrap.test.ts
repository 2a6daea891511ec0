// Every text the interview wraps (the question, the answer echoed after it, an
// error, a choice's description, the notes) breaks between words at any
// terminal width, never inside one; CJK and emoji take two columns.
import { stripVTControlCharacters } from 'node:util';
import { checkbox, confirm, input, number, select, Separator } from '@inquirer/prompts';
import { render } from '@inquirer/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { InquirerPrompter } from '../../src/interview/inquirer';
import { questionFor, type Question } from '../../src/interview/plan';
import { columns, wrap } from '../../src/report/format';

const WIDTHS = [40, 80, 100, 200];
const pr = { section: 'plan', sectionIndex: 1, sectionCount: 1, index: 1, count: 1 } as const;
const saved = process.env.CLI_WIDTH;
afterEach(() => {
  if (saved === undefined) delete process.env.CLI_WIDTH;
  else process.env.CLI_WIDTH = saved;
});

/**
 * The real prompter at a `width`-column terminal, each prompt rendered by
 * @inquirer/testing (which reads the width from CLI_WIDTH); `drive` answers it.
 * Returns the notes printed, the last screen of each prompt (the echo) and its first (the question with its choices).
 */
function terminal(width: number, drive: (events: { keypress: (k: string) => void; type: (t: string) => void }) => void) {
  process.env.CLI_WIDTH = String(width);
  const notes: string[] = [];
  const screens: string[] = [];
  const lists: string[] = [];
  const run = (prompt: (config: never) => Promise<unknown>) => async (config: unknown) => {
    const shown = await render(prompt as never, config as never);
    lists.push(shown.getScreen());
    drive(shown.events);
    const answer = await shown.answer;
    screens.push(shown.getScreen());
    return answer;
  };
  const p = { select: run(select as never), checkbox: run(checkbox as never), input: run(input as never), number: run(number as never), confirm: run(confirm as never), Separator };
  const io = { output: { write: (s: string) => notes.push(s), columns: width } as unknown as NodeJS.WriteStream, color: false };
  return { prompter: new InquirerPrompter(p as never, io), notes, screens, lists };
}

/**
 * What a `width`-column terminal shows: every line cut at `width` columns, as
 * the terminal (and Inquirer's own line breaking) does. @inquirer/testing
 * renders 10,000 columns wide, so the test cuts the screen itself.
 */
function onTerminal(screen: string, width: number): string {
  const seg = new Intl.Segmenter('en', { granularity: 'grapheme' });
  const out: string[] = [];
  for (const line of screen.split('\n')) {
    let cur = '';
    for (const { segment } of seg.segment(line)) {
      if (columns(cur + segment) > width) {
        out.push(cur);
        cur = '';
      }
      cur += segment;
    }
    out.push(cur);
  }
  return out.join('\n');
}

/** The line's words, with the prompt's prefix (? or ✔) dropped. */
const words = (text: string) =>
  text
    .replace(/^[?✔]\s/u, '')
    .split(/\s+/)
    .filter(Boolean);

function expectWrapped(screen: string, width: number, want: string) {
  const text = onTerminal(screen, width);
  const lines = text.split('\n');
  for (const line of lines) expect(columns(line), `${JSON.stringify(line)} is wider than ${width}`).toBeLessThanOrEqual(width);
  // Every word whole, in order: nothing split across lines.
  expect(words(text)).toEqual(want.split(/\s+/).filter(Boolean));
}

const longMessage = (q: Question) => ({ ...q, context: 'Northern territory enterprise accounts (healthcare, public sector, universities)' });

describe('the answer echo and the question wrap at word boundaries', () => {
  for (const width of WIDTHS) {
    it(`a typed answer at ${width} columns`, async () => {
      const answer = 'Northwind Regional Distribution Holdings (incorporating Contoso Field Services and Fabrikam Logistics)';
      const { prompter, screens } = terminal(width, (e) => {
        e.type(answer);
        e.keypress('enter');
      });
      const q = longMessage(questionFor('company.name')!);
      expect(await prompter.ask(q, pr)).toEqual({ kind: 'value', value: answer });
      expect(screens).toHaveLength(1);
      expectWrapped(screens[0]!, width, `${q.context} › ${q.message} ${answer}`);
      if (width <= 100) expect(screens[0]!.split('\n').length).toBeGreaterThan(1);
    });

    it(`a name in CJK and emoji at ${width} columns`, async () => {
      const answer = '東京営業本部 🚀 大阪支社 名古屋営業所 福岡オフィス 札幌サテライト 横浜ショールーム 神戸物流センター';
      const { prompter, screens } = terminal(width, (e) => {
        e.type(answer);
        e.keypress('enter');
      });
      const q = longMessage(questionFor('company.name')!);
      await prompter.ask(q, pr);
      expectWrapped(screens[0]!, width, `${q.context} › ${q.message} ${answer}`);
    });

    it(`a chosen answer at ${width} columns`, async () => {
      const { prompter, screens } = terminal(width, (e) => {
        e.keypress('down');
        e.keypress('enter');
      });
      const q = longMessage(questionFor('leadership.sales_managed_by')!);
      expect(await prompter.ask(q, pr)).toEqual({ kind: 'value', value: 'founder' });
      expectWrapped(screens[0]!, width, `${q.context} › ${q.message} A founder (not the CEO)`);
    });

    it(`ticked answers at ${width} columns`, async () => {
      const { prompter, screens } = terminal(width, (e) => {
        e.keypress('space');
        e.keypress('down');
        e.keypress('down');
        e.keypress('space');
        e.keypress('enter');
      });
      const q = longMessage(questionFor('leadership.outside_help')!);
      const got = await prompter.ask(q, pr);
      expect(got.kind).toBe('value');
      const labels = (got as { value: string[] }).value.map((v) => q.choices!.find((c) => c.value === v)!.label);
      expectWrapped(screens[0]!, width, `${q.context} › ${q.message} ${labels.join(', ')}`);
    });

    it(`the notes above a question at ${width} columns`, async () => {
      const { prompter, notes } = terminal(width, (e) => e.keypress('enter'));
      const q = questionFor('plan.documented')!;
      await prompter.ask(q, pr);
      const text = notes.join('');
      for (const line of text.split('\n')) expect(columns(line)).toBeLessThanOrEqual(width - 1);
    });
  }

  it('a validation error is wrapped, not cut', async () => {
    // 44 columns: a cut at the width would fall inside "2026-03-15".
    process.env.CLI_WIDTH = '44';
    const out: string[] = [];
    const io = { output: { write: (s: string) => out.push(s), columns: 44 } as unknown as NodeJS.WriteStream, color: false };
    let screen = '';
    const p = {
      Separator,
      input: async (config: never) => {
        const shown = await render(input as never, config);
        shown.events.type('next spring');
        shown.events.keypress('enter');
        await shown.nextRender();
        screen = shown.getScreen();
        shown.events.keypress('backspace');
        for (let i = 0; i < 11; i++) shown.events.keypress('backspace');
        shown.events.type('2025-01-01');
        shown.events.keypress('enter');
        return shown.answer;
      },
    };
    await new InquirerPrompter(p as never, io).ask(questionFor('plan.last_reviewed')!, pr);
    const err = onTerminal(screen.slice(screen.indexOf('>')), 44);
    expect(err.split('\n').length).toBeGreaterThan(1);
    expect(words(err)).toEqual('> expected a date as YYYY-MM-DD, such as 2026-03-15'.split(' '));
  });
});

describe('long choices wrap at word boundaries, every choice in view (C1)', () => {
  // The longest choices of a select and a checkbox: 67 and 50 columns.
  const cases = [
    { path: 'metrics.kpis[0].kind', pick: 'activity', keys: ['enter'] },
    { path: 'process.stages[0].exit_kind', pick: 'seller_activity', keys: ['down', 'enter'] },
    { path: 'recruiting.channels', pick: ['competitor_talent'], keys: [] as string[] },
  ];
  for (const width of [40, 80, 100])
    for (const { path, pick, keys } of cases)
      it(`${path} at ${width} columns`, async () => {
        const q = questionFor(path)!;
        const at = Array.isArray(pick) ? q.choices!.findIndex((c) => c.value === pick[0]) : -1;
        const { prompter, screens, lists } = terminal(width, (e) => {
          for (let i = 0; i < at; i++) e.keypress('down');
          if (at >= 0) e.keypress('space');
          for (const k of keys) e.keypress(k);
          if (at >= 0) e.keypress('enter');
        });
        const got = prompter.ask(q, pr);
        expect(await got).toEqual({ kind: 'value', value: pick });
        // The list as shown: no line wider than the terminal, so nothing is cut or re-wrapped by it.
        const list = lists[0]!;
        for (const line of list.split('\n')) expect(columns(line), `${JSON.stringify(line)} is wider than ${width}`).toBeLessThanOrEqual(width);
        // A wrapped choice's tail hangs past the choice's text (review s9, item 4: at 40 columns "outcomes)" stood at the
        // choices' indent and read as another option): each line after a choice's first is indented further than it.
        const shown = list.split('\n').map((l) => stripVTControlCharacters(l));
        for (const label of q.choices!.map((c) => c.label)) {
          const head = label.split(' ').slice(0, 2).join(' ');
          const i = shown.findIndex((l) => l.includes(head));
          expect(i, label).toBeGreaterThanOrEqual(0);
          const at = shown[i]!.indexOf(head);
          let seen = shown[i]!.slice(at).trim();
          for (let j = i + 1; seen.replace(/\s+/g, ' ') !== label && j < shown.length; j++) {
            const indent = shown[j]!.length - shown[j]!.trimStart().length;
            expect(indent, `${JSON.stringify(shown[j])}, the tail of "${label}", hangs past its first line`).toBeGreaterThanOrEqual(at + 2);
            seen += ` ${shown[j]!.trim()}`;
          }
        }
        // Every choice whole, words in order, with "Don't know" and "Skip for now" still on the page.
        const flat = list.replace(/\s+/g, ' ');
        for (const label of [...q.choices!.map((c) => c.label), "Don't know", 'Skip for now']) expect(flat, `${label} at ${width}`).toContain(label);
        // The echo names the chosen choice on one logical line, wrapped by the theme.
        const chosen = q.choices!.filter((c) => (Array.isArray(pick) ? pick.includes(c.value as string) : c.value === pick)).map((c) => c.label);
        expectWrapped(screens[0]!, width, `${q.message} ${chosen.join(', ')}`);
      });
});

describe('wrap counts terminal columns', () => {
  it('CJK and emoji take two columns, marks none', () => {
    expect(columns('abc')).toBe(3);
    expect(columns('営業部長')).toBe(8);
    expect(columns('東京 👍')).toBe(7);
    expect(columns('👨‍👩‍👧')).toBe(2);
    expect(columns('e\u0301')).toBe(1);
    expect(columns('✔ ·–é')).toBe(5);
  });

  for (const width of WIDTHS) {
    it(`wide words wrap whole at ${width} columns`, () => {
      const text = Array.from({ length: 40 }, (_, i) => (i % 3 === 0 ? '営業チーム' : i % 3 === 1 ? 'sales🚀team' : 'Überprüfung')).join(' ');
      const lines = wrap(text, width, '  ');
      for (const l of lines) expect(columns(l)).toBeLessThanOrEqual(width);
      expect(lines.join(' ').split(/\s+/).filter(Boolean)).toEqual(text.split(' '));
      // Full lines: the next word would not have fitted.
      for (let i = 0; i < lines.length - 1; i++) expect(columns(lines[i]!) + 1 + columns(lines[i + 1]!.trim().split(' ')[0]!)).toBeGreaterThan(width);
    });
  }

  it('only a word longer than the line is cut, between characters and within the width', () => {
    expect(wrap('a 営業営業営業営業営業 b', 7)).toEqual(['a', '営業営', '業営業', '営業営', '業 b']);
    expect(wrap('short words only', 10, '', 8)).toEqual(['', 'short', 'words only']);
  });
});
