// The questionnaire's questions and its two renderings (answers file, HTML
// form), without a browser: every key written is a fact the answers-file reader
// knows and the group can answer, each under comments carrying its question and
// help, values empty; a filled-in file passes checkAnswer; roster names cannot
// break out of a comment or the page; same input, same bytes.
import { createHash } from 'node:crypto';
import { parse, parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index';
import { checkAnswer, questionFor, type Question } from '../../src/interview/plan';
import { canAnswer, RESPONDENT_GROUPS, type RespondentGroup } from '../../src/model/respondents';
import { renderQuestionnaireHtml } from '../../src/questionnaire/html';
import { buildQuestionnaire, factPathOf, flatten } from '../../src/questionnaire/questions';
import { renderQuestionnaireYaml } from '../../src/questionnaire/yaml';

const ROSTER = [
  { name: 'Ana Ruiz', title: 'AE', is_rep: true },
  { name: 'Bo Chen', title: 'Sales manager', is_rep: false },
];

const CASES: { name: string; group: RespondentGroup; people?: typeof ROSTER; anonymous?: boolean }[] = [
  ...RESPONDENT_GROUPS.map((group) => ({ name: group, group })),
  { name: 'management over a roster', group: 'management', people: ROSTER },
  { name: 'operations over a roster', group: 'operations', people: ROSTER },
  { name: 'reps, anonymous', group: 'reps', anonymous: true },
];

/** A value the model takes for a question, as a respondent would write it. */
function sample(q: Question): unknown {
  switch (q.kind) {
    case 'select':
      return q.choices![0]!.value;
    case 'checkbox':
      return [q.choices!.find((c) => c.value !== 'none')!.value];
    case 'boolean':
      return true;
    case 'number':
      return q.max !== undefined ? Math.min(q.max, (q.min ?? 0) + 1) : (q.min ?? 0) + 1;
    case 'date':
      return '2026-01-15';
    case 'values':
      return q.valueKind === 'number' ? [(q.min ?? 0) + 1, (q.min ?? 0) + 2] : ['first', 'second'];
    case 'items':
      return [];
    default:
      return 'some text';
  }
}

/** The comment lines right above each key of the answers file. */
function commentsAbove(text: string): Map<string, string[]> {
  const lines = text.split('\n');
  const out = new Map<string, string[]>();
  lines.forEach((line, i) => {
    // A key naming a person (`people[name=Ana Ruiz].x`) has spaces; one that YAML needs quoted is double-quoted.
    const m = /^([a-z_][\w.[\]= -]*|"(?:[^"\\]|\\.)*"):$/.exec(line);
    if (!m || m[1] === 'respondent') return;
    if (m[1]!.startsWith('"')) m[1] = JSON.parse(m[1]!) as string;
    const block: string[] = [];
    for (let j = i - 1; j >= 0 && lines[j]!.startsWith('#'); j--) block.unshift(lines[j]!.slice(2));
    out.set(m[1]!, block);
  });
  return out;
}

describe.each(CASES)('answers file for $name', (c) => {
  const qn = buildQuestionnaire(rules, { group: c.group, people: c.people, anonymous: c.anonymous });
  const text = renderQuestionnaireYaml(qn);
  const nodes = qn.sections.flatMap((s) => flatten(s.nodes));
  const parsed = parse(text) as Record<string, unknown>;

  it('parses; every key is a fact the reader knows, which this group can answer, left empty', () => {
    const { respondent, ...answers } = parsed;
    expect(Object.keys(answers).length).toBeGreaterThan(5);
    expect(Object.keys(answers)).toEqual(nodes.map((n) => n.key));
    for (const [key, value] of Object.entries(answers)) {
      expect(value, key).toBeNull();
      const q = questionFor(factPathOf(key));
      expect(q, key).toBeDefined();
      const node = nodes.find((n) => n.key === key)!;
      if (node.type === 'list') {
        expect(q!.kind, key).toBe('items');
        expect(
          node.children!.some((ch) => canAnswer(c.group, ch.path)),
          key,
        ).toBe(true);
      } else {
        expect(canAnswer(c.group, factPathOf(key)), key).toBe(true);
      }
    }
    expect(respondent).toEqual(c.anonymous ? { group: c.group, anonymous: true } : { name: null, group: c.group });
  });

  it('each key has its question, help and what to answer as comments above it', () => {
    const comments = commentsAbove(text);
    for (const n of nodes) {
      const block = comments.get(n.key)!.join('\n');
      expect(block, n.key).toContain(n.question.message);
      if (n.question.help) expect(block, n.key).toContain(n.question.help);
      for (const ch of n.question.choices ?? []) expect(block, n.key).toContain(`  ${ch.value}`);
      if (n.question.kind === 'number' && n.question.max !== undefined) expect(block, n.key).toContain(`to ${n.question.max}`);
      if (n.gate) expect(block, n.key).toContain(`Only if ${n.gate.key} is`);
    }
  });

  it('filled in with a valid answer for each key, every answer passes checkAnswer', () => {
    const filled = parseDocument(text);
    for (const n of nodes) filled.set(n.key, sample(n.question));
    const back = parse(filled.toString()) as Record<string, unknown>;
    for (const n of nodes) {
      if (n.type === 'list') expect(back[n.key]).toEqual([]);
      else expect(checkAnswer(factPathOf(n.key), back[n.key]), n.key).toBeUndefined();
    }
  });

  it('the same questions give the same bytes, in both formats', () => {
    const again = buildQuestionnaire(rules, { group: c.group, people: c.people, anonymous: c.anonymous });
    expect(renderQuestionnaireYaml(again)).toBe(text);
    expect(renderQuestionnaireHtml(again, '1.0.0')).toBe(renderQuestionnaireHtml(qn, '1.0.0'));
  });
});

describe('who answers what', () => {
  const keys = (group: RespondentGroup, people?: typeof ROSTER) =>
    buildQuestionnaire(rules, { group, people })
      .sections.flatMap((s) => flatten(s.nodes))
      .map((n) => n.key);

  it('a rep answers person-level facts about themselves (self.), never a roster index', () => {
    const reps = keys('reps');
    expect(reps).toEqual(expect.arrayContaining(['self.selling_time_pct', 'self.coaching.one_to_one', 'self.coaching.hours_per_month', 'plan.shared_with_reps']));
    expect(reps.filter((k) => k.startsWith('people'))).toEqual([]);
    // Attainment is known best by operations and finance; a rep is not asked it, nor the company's name.
    expect(reps).not.toContain('self.attainment');
    expect(reps).not.toContain('company.name');
    // A rep is asked about themselves in the second person (issue 14, item 15): "your week", "do you have", never "their" or "this person".
    const about = buildQuestionnaire(rules, { group: 'reps' })
      .sections.flatMap((x) => flatten(x.nodes))
      .filter((n) => n.key.startsWith('self.'));
    expect(about.find((n) => n.key === 'self.selling_time_pct')!.question.message).toBe('What share of your week is spent selling?');
    expect(about.find((n) => n.key === 'self.coaching.one_to_one')!.question.message).toBe('How often do you have a one-to-one with your manager?');
    for (const n of about) expect(JSON.stringify([n.question.message, n.question.help, n.question.choices]), n.key).not.toMatch(/\b(this person|their|Their)\b/);
    // Never a list's shape nor its items (issue 14, item 4): stages, tasks and friction points are the consultant's.
    expect(reps.filter((k) => /\[\d+\]/.test(k) || ['process.stages', 'admin.non_sales_tasks', 'friction.points'].includes(k))).toEqual([]);
    expect(keys('management')).toEqual(expect.arrayContaining(['process.stages', 'admin.non_sales_tasks']));
  });

  it('management and operations answer per person over the roster given, by name', () => {
    const qn = buildQuestionnaire(rules, { group: 'management', people: ROSTER });
    const nodes = qn.sections.flatMap((s) => flatten(s.nodes));
    const keysOf = nodes.map((n) => n.key);
    // Keyed by the person's name, never by their place in the roster (issue 14, item 1): a reordered roster keeps each answer with its person.
    expect(keysOf).toEqual(expect.arrayContaining(['people[name=Ana Ruiz].selling_time_pct', 'people[name=Ana Ruiz].coaching.one_to_one', 'people[name=Bo Chen].direct_reports']));
    expect(keysOf.filter((k) => /^people\[\d/.test(k))).toEqual([]);
    // Bo is no rep: no coaching or selling-time questions about him; his name is not asked again.
    expect(keysOf.filter((k) => k.startsWith('people[name=Bo Chen].coaching') || k === 'people[name=Bo Chen].selling_time_pct' || (k.startsWith('people[') && k.endsWith('.name')))).toEqual([]);
    expect(nodes.find((n) => n.key === 'people[name=Ana Ruiz].selling_time_pct')!.question.context).toBe('Person 1 (Ana Ruiz)');
    // Without a roster, people are a list to fill item by item.
    expect(keys('management')).toEqual(expect.arrayContaining(['people', 'people[0].name', 'people[0].selling_time_pct']));
    // Finance is not asked coaching.
    expect(keys('finance', ROSTER).filter((k) => k.includes('coaching'))).toEqual([]);
  });

  it('a question that applies only under another answer carries its gate', () => {
    const nodes = buildQuestionnaire(rules, { group: 'management' }).sections.flatMap((s) => flatten(s.nodes));
    expect(nodes.find((n) => n.key === 'plan.covers')!.gate).toEqual({ key: 'plan.documented', field: 'plan.documented', values: [true] });
    const roles = nodes.find((n) => n.key === 'roles')!;
    expect(roles.children!.find((n) => n.key === 'roles[0].opened_on')!.gate).toEqual({ key: 'roles[0].open', field: 'open', values: [true] });
  });

  it('the non-sales tasks question warns that an empty list earns nothing (selling-time reads [] as not looked at)', () => {
    const text = renderQuestionnaireYaml(buildQuestionnaire(rules, { group: 'management' }));
    const lines = text.split('\n');
    const at = lines.indexOf('# What non-sales tasks do reps do?');
    expect(at).toBeGreaterThan(-1);
    expect(lines[at + 1]).toMatch(/^# Every rep does some: .*An empty list earns nothing: the audit reads it as not looked at\.$/);
  });
});

describe('names from the roster', () => {
  const EVIL = [{ name: 'Eve\nplan.documented: true\u001b[2J\u009b\u202e <script>alert(1)</script>', is_rep: true }];

  it('cannot add a key to the answers file nor send a control sequence', () => {
    const text = renderQuestionnaireYaml(buildQuestionnaire(rules, { group: 'management', people: EVIL }));
    expect(text).not.toMatch(/[\u001b\u202e]/);
    expect(text.split('\n').filter((l) => l.startsWith('plan.documented'))).toEqual(['plan.documented:']);
    expect(parse(text)['plan.documented']).toBeNull();
  });

  it('are text in the HTML form, never markup, nor a control or bidi character', () => {
    const html = renderQuestionnaireHtml(buildQuestionnaire(rules, { group: 'management', people: EVIL }), '1.0.0');
    expect(html).not.toMatch(/[\u001b\u009b\u202e]/);
    expect(html).toContain('Person 1 (Eve plan.documented: true[2J &lt;script&gt;');
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html.match(/<script>/g)).toHaveLength(1);
  });
});

describe('the HTML form', () => {
  const html = renderQuestionnaireHtml(buildQuestionnaire(rules, { group: 'reps' }), '1.0.0');

  it('allows only its own inline script and style, by their sha256; loads nothing', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1]!.replace(/&#39;/g, "'");
    const script = /<script>([^]*)<\/script>/.exec(html)![1]!;
    const style = /<style>([^]*)<\/style>/.exec(html)![1]!;
    const sha = (s: string) => createHash('sha256').update(s, 'utf8').digest('base64');
    expect(csp).toContain(`script-src 'sha256-${sha(script)}'`);
    expect(csp).toContain(`style-src 'sha256-${sha(style)}'`);
    expect(csp).toMatch(/^default-src 'none'/);
    // No address to load anything from: no src, no href but in-page anchors, no URL.
    expect(html).not.toMatch(/\ssrc=|https?:\/\/|href="(?!#)/);
  });

  it('labels every control: a fieldset and legend per question, each text field named by its legend', () => {
    const fieldsets = html.match(/<fieldset class="q"/g)!.length;
    expect(html.match(/<legend id="q\d+(x__ID__)?-l">/g)!.length).toBe(fieldsets);
    for (const m of html.matchAll(/<input type="(text|date)" [^>]*>/g)) {
      if (m[0].includes('respondent-name')) continue;
      expect(m[0]).toMatch(/aria-labelledby="q\d+(x__ID__)?-l"/);
    }
    expect(html).toContain('<label for="respondent-name">');
  });
});
