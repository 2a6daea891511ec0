// One interview session: plan, ask, write back, again, until nothing is left
// to ask. The plan is recomputed after every answer, so an answer that opens
// or closes other questions (an open role's opening date, a new list item)
// takes effect at once, and a session stopped anywhere resumes at the first
// fact still missing. Every answer is saved before the next question.
import { formatPath } from '../model/paths';
import { SECTIONS, type Section } from '../model/schema';
import { formatPath as fmt, type Segment } from '../model/paths';
import { patternOf, planQuestions, type PlanOptions, type PlanState, type Question, type RuleReads } from './plan';
import type { Progress, Prompter } from './prompter';
import type { OrgText } from './writeback';

export interface SessionOptions extends PlanOptions {
  org: OrgText;
  rules: readonly RuleReads[];
  prompter: Prompter;
  /** Ask for free-text notes at the end of each section that had questions. */
  notes?: boolean;
  /** Recorded in `answers:` for every answer (who said it, and when). */
  respondent?: string;
  /** The date recorded with each answer (YYYY-MM-DD). */
  date: string;
  /** Persists the org file's new text; called after every answer. */
  save(text: string): Promise<void>;
  checkCsv(path: string): Promise<string | undefined>;
}

export interface SessionResult {
  asked: number;
  answered: number;
  unknown: number;
  skipped: number;
  /** Fact paths skipped for now (asked again next time). */
  skippedPaths: string[];
}

/** How many questions a plan holds, and in how many sections (for the opening line). */
export function summarisePlan(plan: readonly Question[]): { questions: number; sections: Section[] } {
  return { questions: plan.length, sections: SECTIONS.filter((s) => plan.some((q) => q.section === s)) };
}

export async function runSession(o: SessionOptions): Promise<SessionResult> {
  const result: SessionResult = { asked: 0, answered: 0, unknown: 0, skipped: 0, skippedPaths: [] };
  const visited = new Map<string, Section>();
  const askedIn = new Map<Section, number>();
  let last: Section | undefined;
  const opts: PlanOptions = { all: o.all, section: o.section };
  // The largest "of m" shown per section: the count never shrinks within a section.
  const shown = new Map<Section, number>();
  const perItem = new Map<string, number>();

  const persist = async (before: string) => {
    if (o.org.text !== before) await o.save(o.org.text);
  };
  const record = (path: string) => {
    if (o.respondent) o.org.set(['answers', path], { by: o.respondent, on: o.date }, { flow: true });
  };

  for (;;) {
    const state = o.org.state();
    const plan = planQuestions(state, o.rules, opts);
    const q = plan.find((x) => !visited.has(x.id));
    if (last && (!q || q.section !== last)) await askNote(o, last, askedIn.get(last) ?? 0, state.data);
    if (!q) break;
    visited.set(q.id, q.section);
    askedIn.set(q.section, (askedIn.get(q.section) ?? 0) + 1);
    last = q.section;
    result.asked++;
    // Counted with the questions that may still open up and one item's questions for each list not started,
    // so "question 2 of 9" neither grows as answers come nor shrinks when they close questions.
    const progress = progressOf(planQuestions(state, o.rules, { ...opts, conditional: true }), visited, q, (x) => itemCost(state, o.rules, opts, x, perItem));
    progress.count = Math.max(progress.count, shown.get(q.section) ?? 0);
    shown.set(q.section, progress.count);
    const before = o.org.text;

    if (q.kind === 'items') {
      const a = await o.prompter.askItems(q, progress, { checkCsv: o.checkCsv });
      switch (a.kind) {
        case 'add':
          o.org.appendItem(q.segs);
          o.org.openList(q.segs);
          break;
        case 'done':
          o.org.closeList(q.segs);
          break;
        case 'none':
          o.org.set(q.segs, []);
          o.org.closeList(q.segs);
          record(q.path);
          result.answered++;
          break;
        case 'csv': {
          const csvSegs = [...q.segs.slice(0, -1), q.csv!];
          o.org.set(csvSegs, a.path);
          record(formatPath(csvSegs));
          result.answered++;
          break;
        }
        case 'unknown':
          o.org.setUnknown(q.segs);
          o.org.closeList(q.segs);
          record(q.path);
          result.unknown++;
          break;
        case 'skip':
          result.skipped++;
          result.skippedPaths.push(q.path);
          break;
      }
    } else {
      const a = await o.prompter.ask(q, progress);
      if (a.kind === 'value') {
        o.org.set(q.segs, a.value);
        record(q.path);
        result.answered++;
      } else if (a.kind === 'unknown') {
        o.org.setUnknown(q.segs);
        record(q.path);
        result.unknown++;
      } else {
        result.skipped++;
        result.skippedPaths.push(q.path);
      }
    }
    await persist(before);
  }
  return result;
}

async function askNote(o: SessionOptions, section: Section, asked: number, data: Record<string, unknown>): Promise<void> {
  if (!o.notes || asked === 0) return;
  const current = (data.notes as Record<string, unknown> | undefined)?.[section];
  const note = await o.prompter.askNote(section, typeof current === 'string' ? current : undefined);
  if (note === undefined || !note.trim() || note.trim() === current) return;
  const before = o.org.text;
  o.org.set(['notes', section], note.trim());
  if (o.org.text !== before) await o.save(o.org.text);
}

/**
 * How many questions a pending question stands for: 1, or for a list not
 * started ("Add a person / There are none"), itself plus one item's questions
 * (nested lists counted the same way) and the "add another?" after it.
 * Found by planning a state where the list has one empty item; cached per list
 * pattern, since an empty item asks the same questions wherever it is.
 */
export function itemCost(state: PlanState, rules: readonly RuleReads[], opts: PlanOptions, q: Question, cache: Map<string, number> = new Map()): number {
  if (q.kind !== 'items' || q.continuing) return 1;
  const key = patternOf(q.path);
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const data = withEmptyItem(state.data, q.segs);
  const trial: PlanState = { data, unknowns: state.unknowns, openLists: new Set([...state.openLists, q.path]) };
  const inside = `${q.path}[0]`;
  const brought = planQuestions(trial, rules, { ...opts, all: false, conditional: true }).filter(
    (x) => x.path === inside || x.path.startsWith(`${inside}.`) || x.path.startsWith(`${inside}[`) || x.id === `${q.path}#1`,
  );
  const cost = 1 + brought.reduce((n, x) => n + (x.id === `${q.path}#1` ? 1 : itemCost(trial, rules, opts, x, cache)), 0);
  cache.set(key, cost);
  return cost;
}

/** A copy of `data` whose list at `segs` holds one empty item (the objects on the way copied, the rest shared). */
function withEmptyItem(data: Record<string, unknown>, segs: readonly Segment[]): Record<string, unknown> {
  const put = (node: unknown, i: number): unknown => {
    if (i === segs.length) return [{}];
    const seg = segs[i]!;
    const copy: Record<string | number, unknown> = Array.isArray(node) ? [...node] as unknown as Record<number, unknown> : { ...((node ?? {}) as Record<string, unknown>) };
    copy[seg] = put(copy[seg], i + 1);
    return copy;
  };
  return put(data, 0) as Record<string, unknown>;
}

function progressOf(plan: readonly Question[], visited: ReadonlyMap<string, Section>, q: Question, cost: (x: Question) => number): Progress {
  const pending = plan.filter((x) => !visited.has(x.id));
  const seen = [...visited.values()];
  const sections = SECTIONS.filter((s) => seen.includes(s) || pending.some((x) => x.section === s));
  const index = seen.filter((s) => s === q.section).length;
  return {
    section: q.section,
    sectionIndex: sections.indexOf(q.section) + 1,
    sectionCount: sections.length,
    index,
    count: index - 1 + cost(q) + pending.filter((x) => x.section === q.section && x.id !== q.id).reduce((n, x) => n + cost(x), 0),
  };
}
