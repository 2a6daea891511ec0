// Issue 17 item 4: a date that has already happened (a role opened, a plan
// reviewed, a person started) given as later than the interview's date is
// asked again at once, with the reason, in the terminal and in an answers
// file. Declared once in the model (notAfterToday), so every such date fact
// gets it; this test walks them all.
import { input } from '@inquirer/prompts';
import { render } from '@inquirer/testing';
import { Separator } from '@inquirer/prompts';
import { describe, expect, it } from 'vitest';
import { factPrompt, interpretFact } from '../../src/interview/inquirer';
import { coerce, parseAnswers } from '../../src/interview/answers';
import { planQuestions, questionFor } from '../../src/interview/plan';
import { rules } from '../../rules/index';
import { formatDiagnostic } from '../../src/load/diagnostics';
import { child, keysAt, kindOf, metaOf, schemaAt, unwrap } from '../../src/model/introspect';
import { formatPath, type Segment } from '../../src/model/paths';
import { OrgText } from '../../src/interview/writeback';

const TODAY = '2026-11-29';

/** Every date fact the interview can ask, as a concrete path (list items as [0]). */
function dateFacts(): string[] {
  const out: string[] = [];
  const walk = (segs: Segment[]) => {
    for (const k of keysAt(segs)) {
      const p = [...segs, k];
      const s = schemaAt(p)!;
      const kind = kindOf(s);
      if (kind === 'object') walk(p);
      else if (kind === 'array' && kindOf(child(s, 0)!) === 'object') walk([...p, 0]);
      else {
        const d = (unwrap(s) as unknown as { _zod: { def: { type: string; format?: string } } })._zod.def;
        if (d.type === 'string' && d.format === 'date' && metaOf(s).question) out.push(formatPath(p));
      }
    }
  };
  walk([]);
  return out;
}

const facts = dateFacts();

describe('every date fact of the model', () => {
  it('there are date facts to check (the walk finds them)', () => {
    expect(facts).toEqual(
      expect.arrayContaining(['roles[0].opened_on', 'recruiting.open_territories[0].opened_on', 'plan.last_reviewed', 'leadership.leader_since', 'people[0].start_date', 'people[0].actions[0].date']),
    );
  });

  // None of the model's dates is a plan for the future: each is something that has happened.
  it.each(facts)('%s: declares notAfterToday, and a later date is refused with the reason and the question again', (path) => {
    const q = questionFor(path, TODAY)!;
    expect(metaOf(schemaAt(path)!).notAfterToday, `${path} has no notAfterToday`).toBeDefined();
    const c = coerce(q, '2027-01-10');
    expect(c.ok).toBe(false);
    if (!c.ok) expect(c.message).toMatch(/^2027-01-10 is after today's date 2026-11-29; (when|since when) .+\?$/);
    // The day itself and earlier days are taken.
    expect(coerce(q, TODAY)).toEqual({ ok: true, value: TODAY });
    expect(coerce(q, '2026-01-10')).toEqual({ ok: true, value: '2026-01-10' });
  });
});

describe('in the terminal', () => {
  it("a role's opening date after today is refused on the spot, with the reason, then a good date is taken", async () => {
    const org = new OrgText('version: 1\nroles:\n  - title: AE West\n    open: true\n');
    const q = planQuestions(org.state(), rules, { date: TODAY }).find((x) => x.path === 'roles[0].opened_on')!;
    expect(q.notAfter).toEqual({ date: TODAY, again: 'when did the role open?' });
    const { answer, events, getScreen, nextRender } = await render(input as never, factPrompt(q, Separator).config as never);
    events.type('2027-01-10');
    events.keypress('enter');
    await nextRender();
    expect(getScreen()).toContain("2027-01-10 is after today's date 2026-11-29; when did the role open?");
    for (let i = 0; i < 10; i++) events.keypress('backspace');
    events.type('2026-10-01');
    events.keypress('enter');
    expect(interpretFact(q, await answer)).toEqual({ kind: 'value', value: '2026-10-01' });
  });
});

describe('in an answers file', () => {
  it('a later date is one diagnostic with file:line:col and the reason, found before anything is written', () => {
    const r = parseAnswers('roles[0].title: AE West\nroles[0].open: true\nroles[0].opened_on: 2027-01-10\n', 'answers.yaml', { date: TODAY });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostics.map(formatDiagnostic)).toEqual(["answers.yaml:3:1: roles[0].opened_on: 2027-01-10 is after today's date 2026-11-29; when did the role open?"]);
  });

  it('without the date (a library caller that gives none) the date is only checked as a date', () => {
    expect(parseAnswers('roles[0].opened_on: 2027-01-10\n', 'answers.yaml').ok).toBe(true);
  });
});
