// The terminal prompter: @inquirer/prompts, imported lazily (only the
// interview loads it; `audit` and `lint` never do). Each fact kind gets its own
// prompt: a select for a choice, a checkbox for several, a number prompt with
// the schema's range, a yes/no select, text and date inputs. Every question can
// be answered "don't know" (recorded as `unknown`) or skipped for now: in a
// list as two extra choices, in a typed answer by leaving it empty.
// The prompt configs are built by plain functions so tests can render each
// one with @inquirer/testing.
import { Chalk } from 'chalk';
import type { Separator as SeparatorClass } from '@inquirer/prompts';
import type { Section } from '../model/schema';
import { importEsm } from '../cli/import-esm';
import { columns, wrap } from '../report/format';
import { safeText } from '../report/safe';
import { checkAnswer, type Question } from './plan';
import { dateHint, parseNumber, parseValues, sectionTitle, whyWeAsk, checkValue, type FactAnswer, type ItemsAnswer, type ItemsContext, type Progress, type Prompter } from './prompter';

type Prompts = typeof import('@inquirer/prompts');
type SeparatorCtor = typeof SeparatorClass;

/** Choice values that are not answers (a NUL cannot be a schema value). */
export const DONT_KNOW = '\u0000unknown';
export const SKIP = '\u0000skip';
/** "None of these" in the menu after an empty checkbox answer: an explicit empty list. */
export const NONE_OF_THESE = '\u0000none';
const ANSWER = '\u0000answer';

export type PromptSpec =
  | { type: 'select'; config: Parameters<Prompts['select']>[0] }
  | { type: 'checkbox'; config: Parameters<Prompts['checkbox']>[0] }
  | { type: 'number'; config: Parameters<Prompts['number']>[0] }
  | { type: 'input'; config: Parameters<Prompts['input']>[0] }
  | { type: 'confirm'; config: Parameters<Prompts['confirm']>[0] };

const extras = (Separator: SeparatorCtor) => [
  new Separator(),
  { value: DONT_KNOW, name: "Don't know", description: 'Recorded as unknown; not asked again' },
  { value: SKIP, name: 'Skip for now', description: 'Asked again next time' },
];

/**
 * A prompt's wording made safe for the terminal (see src/report/safe.ts): the
 * message and the choices' names and descriptions hold item names from the
 * file. Defaults are left as they are, since accepting one writes it back.
 */
export function safePrompt<T>(config: T): T {
  const c = { ...(config as Record<string, unknown>) };
  if (typeof c.message === 'string') c.message = safeText(c.message);
  if (Array.isArray(c.choices))
    c.choices = c.choices.map((ch: unknown) => {
      if (!ch || typeof ch !== 'object' || !('value' in ch)) return ch;
      const o = { ...(ch as Record<string, unknown>) };
      for (const k of ['name', 'description', 'short'] as const) if (typeof o[k] === 'string') o[k] = safeText(o[k] as string);
      return o;
    });
  return c as T;
}

/** `Leadership 2/9 · question 3 of 4`: where a question stands. */
export const progressLine = (pr: Progress) => `${sectionTitle(pr.section)} ${pr.sectionIndex}/${pr.sectionCount} · question ${pr.index} of ${pr.count}`;

/** The question as shown: which item it is about, the question, its unit. */
export function messageOf(q: Question): string {
  const unit = q.unit && (q.kind === 'number' || q.kind === 'values') && !q.message.includes(q.unit) ? ` (${q.unit})` : '';
  return `${q.context ? `${q.context} › ` : ''}${q.message}${unit}`;
}

/** The prompt for a fact (everything but lists of objects). */
export function factPrompt(q: Question, Separator: SeparatorCtor): PromptSpec {
  const message = messageOf(q);
  const current = q.currentUnknown ? DONT_KNOW : q.current;
  switch (q.kind) {
    case 'select':
      return {
        type: 'select',
        config: {
          message,
          choices: [...q.choices!.map((c) => ({ value: c.value, name: c.label })), ...extras(Separator)],
          ...(current !== undefined ? { default: current as string } : {}),
          pageSize: q.choices!.length + 3,
          loop: false,
        },
      };
    case 'boolean':
      return {
        type: 'select',
        config: {
          message,
          choices: [{ value: true, name: 'Yes' }, { value: false, name: 'No' }, ...extras(Separator)],
          ...(current !== undefined ? { default: current } : {}),
          pageSize: 5,
          loop: false,
        },
      };
    case 'checkbox': {
      const picked = new Set(Array.isArray(q.current) ? (q.current as string[]) : []);
      const [sep, dk, skip] = extras(Separator);
      return {
        type: 'checkbox',
        config: {
          message,
          choices: [
            ...q.choices!.map((c) => ({ value: c.value, name: c.label, checked: picked.has(c.value) })),
            sep!,
            { ...(dk as { value: string; name: string }), checked: q.currentUnknown === true },
            skip!,
          ],
          pageSize: q.choices!.length + 3,
          loop: false,
          // "all" would tick "Don't know" and "Skip for now" too.
          shortcuts: { all: null, invert: null },
          validate: (sel: readonly { value: unknown }[]) =>
            checkboxProblem(
              q,
              sel.map((c) => c.value),
            ) ?? true,
        },
      };
    }
    case 'number':
      // Typed as text and read by parseNumber: "38%" is accepted, "0.8" for a percentage gets the fix.
      return {
        type: 'input',
        config: {
          message,
          ...(typeof q.current === 'number' ? { default: String(q.current) } : {}),
          validate: (v: string) => {
            if (!v.trim()) return true;
            const r = parseNumber(q, v);
            return r.ok ? true : r.message;
          },
        },
      };
    case 'values':
      return {
        type: 'input',
        config: {
          message,
          ...(Array.isArray(q.current) ? { default: (q.current as unknown[]).join(', ') } : {}),
          validate: (v: string) => {
            if (!v.trim()) return true;
            const r = parseValues(q, v);
            return r.ok ? true : r.message;
          },
        },
      };
    case 'date':
    case 'text':
    default:
      return {
        type: 'input',
        config: {
          message,
          ...(typeof q.current === 'string' ? { default: q.current } : {}),
          validate: (v: string) => {
            const t = v.trim();
            if (!t) return true;
            if (q.kind === 'date' && checkAnswer(q.segs, t)) {
              if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return `${t} is not a day in the calendar`;
              return dateHint(t) ?? 'expected a date as YYYY-MM-DD, such as 2026-03-15';
            }
            // A well-formed date after the interview's date is asked again at once, with the reason.
            return checkValue(q, t) ?? true;
          },
        },
      };
  }
}

/**
 * Why ticks cannot go together: "Don't know", "Skip for now" and the schema's
 * own `none` choice each stand alone ([advisor, none] says two things at once).
 */
export function checkboxProblem(q: Question, values: readonly unknown[]): string | undefined {
  if (values.length < 2) return undefined;
  const alone = (v: unknown, label: string) => (values.includes(v) ? `"${label}" goes on its own: untick it or the other choices` : undefined);
  const none = q.choices?.find((c) => c.value === 'none');
  return alone(DONT_KNOW, "Don't know") ?? alone(SKIP, 'Skip for now') ?? (none ? alone('none', none.label) : undefined);
}

/** What a fact prompt's raw answer means; 'blank' when a typed answer was left empty or nothing was ticked. */
export function interpretFact(q: Question, raw: unknown): FactAnswer | 'blank' {
  if (raw === DONT_KNOW) return { kind: 'unknown' };
  if (raw === SKIP) return { kind: 'skip' };
  if (Array.isArray(raw)) {
    if (raw.includes(DONT_KNOW)) return { kind: 'unknown' };
    if (raw.includes(SKIP)) return { kind: 'skip' };
    // Enter with nothing ticked is too easy to press by accident to mean "none of these".
    if (!raw.length) return 'blank';
    return { kind: 'value', value: raw };
  }
  if (raw === undefined || (typeof raw === 'string' && !raw.trim())) return 'blank';
  if (q.kind === 'values') {
    const r = parseValues(q, raw as string);
    return r.ok ? { kind: 'value', value: r.value } : 'blank';
  }
  if (q.kind === 'number' && typeof raw === 'string') {
    const r = parseNumber(q, raw);
    return r.ok ? { kind: 'value', value: r.value } : 'blank';
  }
  return { kind: 'value', value: typeof raw === 'string' ? raw.trim() : raw };
}

/** True when an empty list can only be given as "None of these" from the blank menu (no `none` choice to tick). */
export const offersNoneOfThese = (q?: Question) => q?.kind === 'checkbox' && !q.choices?.some((c) => c.value === 'none');

/** After an empty answer (nothing typed, nothing ticked): skip, don't know, none of these, or go back and answer. */
export function blankPrompt(q?: Question): PromptSpec {
  const skip = { value: SKIP, name: 'Skip for now', description: q?.current !== undefined ? 'Keeps the current answer' : 'Asked again next time' };
  const dk = { value: DONT_KNOW, name: "Don't know", description: q?.currentUnknown ? 'As answered before' : 'Recorded as unknown; not asked again' };
  const none = { value: NONE_OF_THESE, name: 'None of these', description: 'Recorded as an empty list: none of the choices applies' };
  const wasNone = Array.isArray(q?.current) && q.current.length === 0;
  // With --all, the answer already given comes first (Enter keeps it).
  const first = q?.currentUnknown ? [dk, skip] : [skip, dk];
  const choices = offersNoneOfThese(q) ? (wasNone ? [none, ...first] : [...first, none]) : first;
  return {
    type: 'select',
    config: {
      message: q?.kind === 'checkbox' ? 'Nothing ticked:' : 'No answer given:',
      choices: [...choices, { value: ANSWER, name: 'Answer it after all' }],
      loop: false,
    },
  };
}

/** What Enter with no answer does, for the questions where it is not obvious (lists of choices show their own choices). */
export function emptyHint(q: Question): string | undefined {
  if (q.kind === 'checkbox') {
    return offersNoneOfThese(q)
      ? "Press Enter with nothing ticked to skip it, mark it as don't know, or answer none of these."
      : "Press Enter with nothing ticked to skip it or mark it as don't know.";
  }
  const typed = q.kind === 'text' || q.kind === 'date' || q.kind === 'number' || q.kind === 'values';
  return typed ? "Press Enter with no answer to skip it or mark it as don't know." : undefined;
}

const article = (noun: string) => (/^[aeiou]/i.test(noun) ? `an ${noun}` : `a ${noun}`);

/** One step of an "add another?" loop. */
export function itemsPrompt(q: Question): PromptSpec {
  const noun = q.item ?? 'item';
  const where = q.context ? `${q.context} › ` : '';
  if (q.continuing) {
    return {
      type: 'confirm',
      config: { message: `${where}${q.count ? `Add another ${noun}? (${q.count} so far)` : `Add ${article(noun)}?`}`, default: false },
    };
  }
  return {
    type: 'select',
    config: {
      message: `${where}${q.message}`,
      choices: [
        { value: 'add', name: `Add ${article(noun)}`, description: `Then a few questions about that ${noun}` },
        ...(q.csv ? [{ value: 'csv', name: `Point to a CSV file instead, one row per ${noun}`, description: 'Quicker for a large team' }] : []),
        { value: 'none', name: 'There are none' },
        { value: DONT_KNOW, name: "Don't know", description: 'Recorded as unknown; not asked again' },
        { value: SKIP, name: 'Skip for now', description: 'Asked again next time' },
      ],
      loop: false,
    },
  };
}

export function csvPrompt(q: Question, ctx: ItemsContext): PromptSpec {
  return {
    type: 'input',
    config: {
      message: q.csvMessage ?? 'Path to the CSV file',
      validate: async (v: string) => (v.trim() ? ((await ctx.checkCsv(v.trim())) ?? true) : 'Give the path of the CSV file'),
    },
  };
}

export function notePrompt(section: Section, current: string | undefined): PromptSpec {
  return {
    type: 'input',
    config: {
      message: `Notes on ${sectionTitle(section)}, for the report (optional; Enter to go on):`,
      ...(current ? { default: current } : {}),
    },
  };
}

type Paint = (text: string) => string;
/** The styles a prompt's theme needs (the prompter's Chalk: colour only on a TTY and never with NO_COLOR). */
export interface ThemePaint {
  bold: Paint;
  cyan: Paint;
  dim: Paint;
  red: Paint;
}

/**
 * The theme for one prompt whose lines are word-wrapped to `width` columns
 * (CJK and emoji count 2), since Inquirer itself cuts every line at the
 * terminal's width mid-word. The question hangs under its first line after the
 * one-column prefix (`?`, then `✔`); the answer echoed after it continues on
 * the question's last line and wraps the same way; an error, a choice's
 * description and the keys' help are wrapped too. `message` is the prompt's
 * message as shown (already safe for the terminal).
 */
export function promptTheme(message: string, width: number, paint: ThemePaint) {
  const lines = (text: string, style: Paint, used = 0, indent = '  ') =>
    wrap(text, width, indent, used)
      .map((l) => (l ? style(l) : l))
      .join('\n');
  const msg = wrap(message, width, '  ', 2);
  // Where the echoed answer starts: after the question's last line and a space.
  const end = msg.length > 1 ? columns(msg[msg.length - 1]!) : 2 + columns(msg[0] ?? '');
  return {
    style: {
      message: (text: string) => lines(text, paint.bold, 2),
      answer: (text: string) => lines(text, paint.cyan, end + 1),
      error: (text: string) => lines(`> ${text}`, paint.red),
      description: (text: string) => lines(text, paint.cyan, 0, ''),
      // "↑↓ navigate • ⏎ select": whole pairs to a line, never a key without its action.
      keysHelpTip: (keys: [string, string][]) => {
        const out: string[] = [];
        let cur = '';
        let curCols = 0;
        for (const [key, action] of keys) {
          const cols = columns(`${key} ${action}`);
          const item = `${paint.bold(key)} ${paint.dim(action)}`;
          if (cur && curCols + 3 + cols > width) {
            out.push(cur);
            cur = '';
            curCols = 0;
          }
          cur = cur ? `${cur}${paint.dim(' • ')}${item}` : item;
          curCols += (curCols ? 3 : 0) + cols;
        }
        if (cur) out.push(cur);
        return out.join('\n');
      },
    },
  };
}

/** The columns before a choice's name: "❯ " on a select, "❯◯ " on a checkbox (the cursor, the box, a space). */
const CHOICE_PREFIX: Partial<Record<PromptSpec['type'], number>> = { select: 2, checkbox: 3 };
/** The columns a wrapped choice's later lines hang past its first (fitChoices). */
const HANG = 2;

/**
 * A select's or checkbox's choices fitted to a `width`-column terminal:
 * Inquirer breaks a choice longer than the line mid-word, and counts its page
 * in lines, so a long choice was cut and pushed the last choices (Don't know,
 * Skip for now) off the page. Each name is word-wrapped to the columns after
 * its prefix (CHOICE_PREFIX), the lines after the first hanging HANG
 * columns further in, so a tail never reads as another choice; `short`, the answer echoed once chosen, keeps the name on one line
 * (the theme wraps it); the page grows by the lines added, so every choice
 * stays in view. Other prompts are returned as they are.
 */
export function fitChoices<T>(config: T, type: PromptSpec['type'], width: number): T {
  const prefix = CHOICE_PREFIX[type];
  const c = config as { choices?: unknown[]; pageSize?: number };
  if (prefix === undefined || !Array.isArray(c.choices)) return config;
  let added = 0;
  const choices = c.choices.map((ch) => {
    if (!ch || typeof ch !== 'object' || !('value' in ch) || typeof (ch as { name?: unknown }).name !== 'string') return ch;
    const o = ch as unknown as { name: string; short?: string };
    // A hanging indent (two columns past the choices' text): a tail at the choices' own indent reads as another option.
    const lines = wrap(o.name, width, ' '.repeat(prefix + HANG), prefix);
    if (lines.length < 2) return ch;
    added += lines.length - 1;
    return { ...o, name: lines.join('\n'), short: o.short ?? o.name };
  });
  return { ...config, choices, ...(added && c.pageSize !== undefined ? { pageSize: c.pageSize + added } : {}) };
}

export interface TerminalIO {
  output: NodeJS.WriteStream;
  color: boolean;
}

export class InquirerPrompter implements Prompter {
  private readonly c: InstanceType<typeof Chalk>;
  constructor(
    private readonly p: Prompts,
    private readonly io: TerminalIO,
  ) {
    this.c = new Chalk({ level: io.color ? 1 : 0 });
  }

  private run(spec: PromptSpec): Promise<unknown> {
    const p = this.p as unknown as Record<string, (config: unknown) => Promise<unknown>>;
    const config = fitChoices(safePrompt(spec.config), spec.type, this.width) as { message: string };
    return p[spec.type]!({ ...config, theme: promptTheme(config.message, this.width, this.c) });
  }

  private say(line: string): void {
    this.io.output.write(`${line}\n`);
  }

  // The terminal's real width (one column spare for terminals that wrap at the
  // last one), however narrow: a floor wider than the terminal makes every line wrap twice.
  private get width(): number {
    return Math.max(10, (this.io.output.columns || 80) - 1);
  }

  /** A dim note, indented and wrapped to the terminal's width. */
  private note(text: string): void {
    for (const line of wrap(safeText(text), this.width, '  ')) this.say(this.c.dim(line));
  }

  /** A message of the command's own (the opening lines, the backup), wrapped to the terminal's width like the notes. */
  tell(text: string): void {
    for (const line of wrap(safeText(text), this.width)) this.say(line);
  }

  /** A section that ended early: the count made true, and why it is lower than the last one shown. */
  sectionDone(pr: Progress, closed: number): void {
    this.note(`${progressLine(pr)} · done: your answers made the other ${closed} question${closed === 1 ? '' : 's'} it counted unnecessary`);
  }

  /** Where we are and why we ask, above every question. */
  private header(q: Question, pr: Progress, help?: string): void {
    if (pr.index === 1) this.say(`\n${this.c.bold(sectionTitle(pr.section))} ${this.c.dim(`· section ${pr.sectionIndex} of ${pr.sectionCount}`)}`);
    this.note(`${progressLine(pr)} · why we ask: ${whyWeAsk(q)}`);
    if (help) this.note(help);
  }

  async ask(q: Question, pr: Progress): Promise<FactAnswer> {
    this.header(q, pr, [q.help, emptyHint(q)].filter(Boolean).join(' '));
    for (;;) {
      const raw = await this.run(factPrompt(q, this.p.Separator));
      const a = interpretFact(q, raw);
      if (a !== 'blank') return a;
      const next = await this.run(blankPrompt(q));
      if (next === SKIP) return { kind: 'skip' };
      if (next === DONT_KNOW) return { kind: 'unknown' };
      if (next === NONE_OF_THESE) return { kind: 'value', value: [] };
    }
  }

  async askItems(q: Question, pr: Progress, ctx: ItemsContext): Promise<ItemsAnswer> {
    this.header(q, pr, q.continuing ? undefined : q.help);
    const raw = await this.run(itemsPrompt(q));
    if (raw === true) return { kind: 'add' };
    if (raw === false) return { kind: 'done' };
    if (raw === DONT_KNOW) return { kind: 'unknown' };
    if (raw === SKIP) return { kind: 'skip' };
    if (raw === 'csv') {
      if (q.csvHelp) this.note(q.csvHelp);
      const path = (await this.run(csvPrompt(q, ctx))) as string;
      return { kind: 'csv', path: path.trim() };
    }
    return { kind: raw as 'add' | 'none' };
  }

  async askNote(section: Section, current: string | undefined): Promise<string | undefined> {
    const v = (await this.run(notePrompt(section, current))) as string;
    return v.trim() ? v.trim() : undefined;
  }

  async confirm(id: string, message: string, initial: boolean, about?: { q: Question; progress: Progress }): Promise<boolean> {
    // An offer in place of a question gets that question's heading and "why we ask" (a follow-up check does not repeat them).
    if (about && id.startsWith('offer:')) this.header(about.q, about.progress, about.q.help);
    return (await this.run({ type: 'confirm', config: { message, default: initial } })) as boolean;
  }

  /** The org file to fill in, when none was given. */
  async askFile(initial: string): Promise<string> {
    const v = (await this.run({ type: 'input', config: { message: 'Which org file should the answers go into?', default: initial } })) as string;
    return v.trim() || initial;
  }
}

export async function createInquirerPrompter(io: TerminalIO): Promise<InquirerPrompter> {
  const p = (await importEsm('@inquirer/prompts')) as typeof import('@inquirer/prompts');
  return new InquirerPrompter(p, io);
}
