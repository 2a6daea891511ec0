// An org file with schema errors: the facts whose values are invalid are asked
// again, the rest of the file kept as it is (issue 17 item 8). A problem that
// no question can fix (YAML that does not parse, an unknown key, a section that
// is not a map) is left to the user, as before.
import type { Diagnostic } from '../load/diagnostics';
import { formatPath, parsePath } from '../model/paths';
import { questionFor, type Question } from './plan';
import type { FactAnswer, Prompter } from './prompter';
import type { OrgText } from './writeback';

/** One invalid fact the interview can ask again: its question and the loader's diagnostic (place and what was expected). */
export interface InvalidFact {
  path: string;
  question: Question;
  diagnostic: Diagnostic;
}

export interface InvalidFacts {
  /** Facts to ask again, one per fact path, in the file's order. */
  facts: InvalidFact[];
  /** Problems no question fixes; while there is one, the file must be fixed by hand. */
  other: Diagnostic[];
}

/**
 * Sorts the loader's diagnostics into facts the interview can ask again and
 * the rest. A diagnostic about a list's item (`people[0].attainment[1]`) is
 * about the fact holding it (`people[0].attainment`). `date` (YYYY-MM-DD) is
 * the interview's, so the questions carry its checks.
 */
export function invalidFacts(diagnostics: readonly Diagnostic[], date?: string): InvalidFacts {
  const facts = new Map<string, InvalidFact>();
  const other: Diagnostic[] = [];
  for (const d of diagnostics) {
    const q = d.path ? askable(d.path, date) : undefined;
    if (!q) other.push(d);
    else if (!facts.has(q.path)) facts.set(q.path, { path: q.path, question: q, diagnostic: d });
  }
  return { facts: [...facts.values()], other };
}

function askable(path: string, date: string | undefined): Question | undefined {
  let segs = parsePath(path);
  if (!segs.length) return undefined;
  // A value inside a list of plain values: the list is the fact asked.
  while (typeof segs.at(-1) === 'number') segs = segs.slice(0, -1);
  const q = questionFor(formatPath(segs), date);
  // Lists of objects and notes are not re-asked: their problems are structural.
  return q && q.kind !== 'items' && segs[0] !== 'notes' ? q : undefined;
}

export interface RepairResult {
  /** Facts given a valid answer (or "don't know"). */
  fixed: string[];
  /** Facts skipped: still invalid. */
  left: string[];
}

/**
 * Asks each invalid fact again through the prompter and writes each answer
 * into `org` (a value, or `unknown` for "don't know"); a skipped fact keeps
 * its invalid value. `show` is called with each fact before its question, so
 * the user sees where it is and what was expected. Nothing is saved here.
 */
export async function repairFacts(org: OrgText, facts: readonly InvalidFact[], prompter: Prompter, show: (f: InvalidFact) => void = () => undefined): Promise<RepairResult> {
  const result: RepairResult = { fixed: [], left: [] };
  for (const [i, f] of facts.entries()) {
    show(f);
    const a: FactAnswer = await prompter.ask(f.question, { section: f.question.section, sectionIndex: 1, sectionCount: 1, index: i + 1, count: facts.length });
    if (a.kind === 'value') org.set(f.question.segs, a.value);
    else if (a.kind === 'unknown') org.setUnknown(f.question.segs);
    else {
      result.left.push(f.path);
      continue;
    }
    result.fixed.push(f.path);
  }
  return result;
}
