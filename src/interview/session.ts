// One interview session: plan, ask, write back, again, until nothing is left
// to ask. The plan is recomputed after every answer, so an answer that opens
// or closes other questions (an open role's opening date, a new list item)
// takes effect at once, and a session stopped anywhere resumes at the first
// fact still missing. Every answer is saved before the next question.
import { formatPath } from '../model/paths';
import { SECTIONS, type Section } from '../model/schema';
import { crossCheck, offerFor, planQuestions, type PlanOptions, type Question, type RuleReads } from './plan';
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
  /**
   * Persists the org file's new text; called after every answer. `edit` is
   * what the answer did, as a function of the file: a saver that finds the file
   * changed by someone else re-applies it to that newer text (see OrgText.reset)
   * instead of overwriting the other change.
   */
  save(text: string, edit: AnswerEdit): Promise<void>;
  checkCsv(path: string): Promise<string | undefined>;
}

/** One answer's change to the org file: the fact path it answers and how to apply it to any version of the file. */
export interface AnswerEdit {
  /** The fact path asked (`leadership.sales_managed_by`, `notes.plan`). */
  path: string;
  apply(org: OrgText): void;
}

export interface SessionResult {
  asked: number;
  answered: number;
  unknown: number;
  skipped: number;
  /** Fact paths skipped for now (asked again next time). */
  skippedPaths: string[];
}

/** How many questions a plan holds (a list not started: one item's worth), and in how many sections (for the opening line). */
export function summarisePlan(plan: readonly Question[]): { questions: number; sections: Section[] } {
  return { questions: plan.reduce((n, q) => n + (q.estimate ?? 1), 0), sections: SECTIONS.filter((s) => plan.some((q) => q.section === s)) };
}

export async function runSession(o: SessionOptions): Promise<SessionResult> {
  const result: SessionResult = { asked: 0, answered: 0, unknown: 0, skipped: 0, skippedPaths: [] };
  const visited = new Map<string, Section>();
  const askedIn = new Map<Section, number>();
  let last: Section | undefined;
  const opts: PlanOptions = { all: o.all, section: o.section, only: o.only, date: o.date };
  // The progress shown with the last question: a section left before its count is closed with the count made true.
  let shown: Progress | undefined;

  const persist = async (before: string, edit: AnswerEdit) => {
    if (o.org.text !== before) await o.save(o.org.text, edit);
  };

  for (;;) {
    const state = o.org.state();
    const plan = planQuestions(state, o.rules, opts);
    const q = plan.find((x) => !visited.has(x.id));
    if (last && (!q || q.section !== last)) {
      if (shown && shown.index < shown.count) o.prompter.sectionDone?.({ ...shown, count: shown.index }, shown.count - shown.index);
      await askNote(o, last, askedIn.get(last) ?? 0, state.data);
    }
    if (!q) break;
    visited.set(q.id, q.section);
    askedIn.set(q.section, (askedIn.get(q.section) ?? 0) + 1);
    last = q.section;
    result.asked++;
    // Counted with the questions that may still open up and one item's questions for each list not started,
    // so "question 2 of 9" does not grow as answers open follow-ups (only when a list gets another item); it
    // falls when answers close them, so the section ends at its count, never at "7 of 8".
    const progress = progressOf(planQuestions(state, o.rules, { ...opts, conditional: true }), visited, q, (x) => x.estimate ?? 1);
    shown = progress;
    const before = o.org.text;
    // The answer's edits, kept as a function so a save can re-apply them to a newer file.
    let apply: ((org: OrgText) => void) | undefined;
    const record = (path: string) => (org: OrgText) => {
      if (o.respondent) org.set(['answers', path], { by: o.respondent, on: o.date }, { flow: true });
    };

    // Items another list already holds (open roles for open territories): offered, so a seat is not asked twice.
    const offer = q.kind === 'items' ? offerFor(state.data, q) : undefined;
    if (offer && (await o.prompter.confirm(`offer:${q.path}`, offer.message, true, { q, progress }))) {
      apply = (org) => {
        org.set(q.segs, offer.items);
        // Left open: "add another?" follows, for a seat that is not a role.
        org.openList(q.segs);
        record(q.path)(org);
      };
      result.answered++;
    } else if (q.kind === 'items') {
      const a = await o.prompter.askItems(q, progress, { checkCsv: o.checkCsv });
      switch (a.kind) {
        case 'add':
          apply = (org) => {
            org.appendItem(q.segs);
            org.openList(q.segs);
          };
          break;
        case 'done':
          apply = (org) => org.closeList(q.segs);
          break;
        case 'none':
          apply = (org) => {
            org.set(q.segs, []);
            org.closeList(q.segs);
            record(q.path)(org);
          };
          result.answered++;
          break;
        case 'csv': {
          const csvSegs = [...q.segs.slice(0, -1), q.csv!];
          apply = (org) => {
            org.set(csvSegs, a.path);
            record(formatPath(csvSegs))(org);
          };
          result.answered++;
          break;
        }
        case 'unknown':
          apply = (org) => {
            org.setUnknown(q.segs);
            org.closeList(q.segs);
            record(q.path)(org);
          };
          result.unknown++;
          break;
        case 'skip':
          result.skipped++;
          result.skippedPaths.push(q.path);
          break;
      }
    } else {
      let a = await o.prompter.ask(q, progress);
      // An answer that disagrees with its counterpart (a territory's date and its role's) is a question, not taken silently.
      for (let clash: string | undefined; a.kind === 'value' && (clash = crossCheck(state.data, q, a.value));) {
        if (await o.prompter.confirm(`keep:${q.path}`, `${clash}. Keep ${String(a.value)}?`, false, { q, progress })) break;
        a = await o.prompter.ask(q, progress);
      }
      if (a.kind === 'value') {
        apply = (org) => {
          org.set(q.segs, a.value);
          record(q.path)(org);
        };
        result.answered++;
      } else if (a.kind === 'unknown') {
        apply = (org) => {
          org.setUnknown(q.segs);
          record(q.path)(org);
        };
        result.unknown++;
      } else {
        result.skipped++;
        result.skippedPaths.push(q.path);
      }
    }
    if (apply) {
      apply(o.org);
      await persist(before, { path: q.path, apply });
    }
  }
  return result;
}

async function askNote(o: SessionOptions, section: Section, asked: number, data: Record<string, unknown>): Promise<void> {
  if (!o.notes || asked === 0) return;
  const current = (data.notes as Record<string, unknown> | undefined)?.[section];
  const note = await o.prompter.askNote(section, typeof current === 'string' ? current : undefined);
  if (note === undefined || !note.trim() || note.trim() === current) return;
  const before = o.org.text;
  const apply = (org: OrgText) => org.set(['notes', section], note.trim());
  apply(o.org);
  if (o.org.text !== before) await o.save(o.org.text, { path: `notes.${section}`, apply });
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
    count: index - 1 + cost(plan.find((x) => x.id === q.id) ?? q) + pending.filter((x) => x.section === q.section && x.id !== q.id).reduce((n, x) => n + cost(x), 0),
  };
}
