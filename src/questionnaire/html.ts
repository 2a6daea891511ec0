// The questionnaire as one self-contained HTML form (`questionnaire --for reps
// -o reps.html`), for respondents without a terminal: it opens from file://,
// makes no request, and "Save" downloads the answers file. The page's CSP (the
// report's pageHead) allows only its own inline style and script, by their
// sha256. The checks run in the page from rules generated here from the model
// (ranges, whole numbers, choices, and the model's own messages). Built with
// the escaping template (../report/html-template), the rules handed to the
// script as JSON by its `script` template. Renders only.
import { coerce } from '../interview/answers';
import type { Question } from '../interview/plan';
import { GROUP_LABELS } from '../model/respondents';
import { pageHead } from '../report/html';
import { html, type Html, join, script, trusted } from '../report/html-template';
import CSS_TEXT from './form.css?raw';
import { FORM_SCRIPT } from './form-script';
import { rangeText } from './yaml';
import { flatten, type QNode, type Questionnaire } from './questions';

/** What the page's script checks for one question: the model's rules and messages. */
export interface FormRule {
  kind: Question['kind'];
  unit?: string;
  min?: number;
  max?: number;
  integer?: boolean;
  valueKind?: 'number' | 'text';
  /** The answers under which this question applies (its gate), when it has one. */
  gate?: readonly (string | number | boolean)[];
  /** The answers-file reader's messages: nan, int, min, max (numbers), date, noneAlone. */
  m: Record<string, string>;
}

/** A message without its item number and the value it got: the page puts its own in. */
const cut = (m: string) => m.replace(/^item \d+: /, '').replace(/[,;] got [^]*$/, '');

/**
 * The rule the page checks for a node. Its messages are the answers-file
 * reader's own (coerce, which words them as the org-file loader does), found
 * by giving it one value that breaks each rule; the page adds ", got <value>".
 */
export function formRule(n: QNode): FormRule {
  const q = n.question;
  const r: FormRule = { kind: q.kind, m: {} };
  for (const k of ['unit', 'min', 'max', 'integer', 'valueKind'] as const) if (q[k] !== undefined) (r as unknown as Record<string, unknown>)[k] = q[k];
  if (n.gate) r.gate = n.gate.values;
  const probe = (v: unknown) => {
    const c = coerce(q, q.kind === 'values' ? [v] : v);
    return c.ok ? '' : cut(c.message);
  };
  if (q.kind === 'number' || (q.kind === 'values' && q.valueKind === 'number')) {
    r.m.nan = probe('x');
    if (q.integer) r.m.int = probe((q.min ?? 0) + 0.5);
    if (q.min !== undefined) r.m.min = probe(q.min - 1);
    if (q.max !== undefined) r.m.max = probe(q.max + 1);
  }
  if (q.kind === 'date') r.m.date = probe('x');
  if (q.kind === 'checkbox' && q.choices!.some((c) => c.value === 'none')) r.m.noneAlone = probe(['none', q.choices!.find((c) => c.value !== 'none')!.value]);
  return r;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

// The form's style (./form.css), inlined by the build.
const CSS = trusted.css(CSS_TEXT);

interface Ctx {
  rules: FormRule[];
  /** Keys of the questions others depend on (their answer shows or hides another). */
  gates: ReadonlySet<string>;
  /** Index of each distinct rule (by fact pattern and gate): a roster's people share theirs. */
  seen: Map<string, number>;
  /** Id prefix: `q` outside lists, `t<n>_` + `__ID__` (made unique when an item is added) inside. */
  ids: number;
}

function renderNode(ctx: Ctx, n: QNode, inTemplate: boolean): Html {
  const ruleKey = `${n.question.pattern}|${n.type}|${JSON.stringify(n.gate?.values ?? null)}`;
  let index = ctx.seen.get(ruleKey);
  if (index === undefined) ctx.seen.set(ruleKey, (index = ctx.rules.push(formRule(n)) - 1));
  const id = inTemplate ? `q${ctx.ids++}x__ID__` : `q${ctx.ids++}`;
  const q = n.question;
  // Inside a list item, the item's legend says which one: the plan's "Role 1 ›" is left out.
  const legend = `${!inTemplate && q.context ? `${q.context} › ` : ''}${q.message}`;
  const k = hint(n);
  const described = [q.help ? `${id}-h` : '', k ? `${id}-k` : '', `${id}-e`].filter(Boolean).join(' ');
  const gate = html`${n.gate ? html` data-gate="${n.gate.field}"` : ''}${ctx.gates.has(n.key) ? html` data-gates` : ''}`;
  const head = html`<fieldset class="q" id="${id}" data-q="${index}" data-field="${n.field}"${gate} aria-describedby="${described}">
<legend id="${id}-l">${legend}</legend>
${q.help ? html`<p class="help" id="${id}-h">${q.help}</p>\n` : ''}${k ? html`<p class="hint" id="${id}-k">${k}</p>` : ''}`;
  const dk = html`<label><input type="checkbox" class="dk"> Don't know</label>`;
  const err = html`<p class="err" id="${id}-e" hidden></p>`;
  if (n.type === 'list') {
    const item = capitalise(q.item ?? 'item');
    const children = join(
      n.children!.map((c) => renderNode(ctx, c, true)),
      '\n',
    );
    return html`${head}
<div class="ctl"><template><fieldset class="item"><legend>${item} <span class="n"></span></legend>
${children}
<button type="button" class="remove">Remove this ${q.item ?? 'item'}</button></fieldset></template><div class="items"></div>
<button type="button" class="add">Add ${/^[aeiou]/i.test(q.item ?? 'item') ? 'an' : 'a'} ${q.item ?? 'item'}</button></div>
<div class="opt"><label><input type="checkbox" class="none"> There are none</label> ${dk}</div>
${err}
</fieldset>`;
  }
  return html`${head}
<div class="ctl">${control(n, id, described)}</div>
<div class="opt">${dk}</div>
${err}
</fieldset>`;
}

/** What to answer, in words: the same range and unit as the answers file says ('' where the question says enough). */
function hint(n: QNode): string {
  const q = n.question;
  switch (q.kind) {
    case 'select':
      return 'Choose one.';
    case 'checkbox':
      return 'Tick all that apply.';
    case 'boolean':
      return 'Yes or no.';
    case 'number':
      return `${capitalise(rangeText(q))}${q.unit === '%' ? ' (40 or 40%)' : ''}.`;
    case 'date':
      // The model's help often says it already.
      return q.help?.includes('YYYY-MM-DD') ? '' : 'A date as YYYY-MM-DD.';
    case 'values':
      return q.valueKind === 'number' ? `Comma-separated, each ${rangeText(q)}.` : 'Comma-separated.';
    case 'items':
      return `Add each ${q.item ?? 'item'}, or tick "There are none".`;
    default:
      return '';
  }
}

function control(n: QNode, id: string, described: string): Html {
  const q = n.question;
  const labelled = html`aria-labelledby="${id}-l" aria-describedby="${described}"`;
  switch (q.kind) {
    case 'select':
      return html`<div class="choices">${q.choices!.map((c) => html`<label><input type="radio" name="${id}" value="${c.value}"> ${c.label}</label>`)}</div>`;
    case 'boolean':
      return html`<label><input type="radio" name="${id}" value="true"> Yes</label><label><input type="radio" name="${id}" value="false"> No</label>`;
    case 'checkbox':
      return html`<div class="choices">${q.choices!.map((c) => html`<label><input type="checkbox" name="${id}" value="${c.value}"> ${c.label}</label>`)}</div>`;
    case 'number':
      return html`<input type="text" inputmode="decimal" id="${id}-i" ${labelled}>${q.unit ? html`<span class="unit">${q.unit}</span>` : ''}`;
    case 'date':
      // Text, not type=date: a date picker shows the browser's local format (mm/dd/yyyy), the file needs YYYY-MM-DD.
      return html`<input type="text" id="${id}-i" placeholder="YYYY-MM-DD" autocomplete="off" ${labelled}>`;
    default:
      return html`<input type="text" id="${id}-i" ${labelled}>`;
  }
}

/**
 * The HTML form for a questionnaire: every question with its help and hint, a
 * "Don't know" box each, lists as "Add a role" items, and Save. Same input,
 * same bytes: nothing depends on the date or the machine.
 * @param version the tool's version, for the page's generator tag
 */
export function renderQuestionnaireHtml(qn: Questionnaire, version: string): string {
  const gates = new Set(qn.sections.flatMap((s) => flatten(s.nodes)).flatMap((n) => (n.gate ? [n.gate.key] : [])));
  const ctx: Ctx = { rules: [], gates, seen: new Map(), ids: 0 };
  const who = GROUP_LABELS[qn.group];
  const sections = join(
    qn.sections.map(
      ({ section, nodes }) => html`<section aria-labelledby="s-${section}">
<h2 id="s-${section}">${capitalise(section)}</h2>
${join(
  nodes.map((n) => renderNode(ctx, n, false)),
  '\n',
)}
</section>`,
    ),
    '\n',
  );
  const data = { q: ctx.rules, group: qn.group, anonymous: qn.anonymous, file: `answers-${qn.group}.yaml` };
  // The rules go in as JSON (the script template's escaping: no `</script>` can come out of them).
  const formScript = script`var D = ${data};\n${FORM_SCRIPT}`;
  const count = qn.sections.reduce((n, s) => n + flatten(s.nodes).length, 0);
  const respondent = qn.anonymous
    ? html`<p>Your answers are anonymous: the file you save holds no name, and the report shows only your group\u2019s answers together.</p>`
    : html`<fieldset class="respondent"><legend>About you</legend>
<label for="respondent-name">Your name (or a label such as \u201cRep 3\u201d)</label>
<input type="text" id="respondent-name" autocomplete="name">
</fieldset>`;
  // Upper-case DOCTYPE: the start-up test tells the report's chunk by its lower-case one.
  return html`<!DOCTYPE html>
${pageHead(`Questions for ${who}`, CSS, version, { script: formScript })}
<body>
<main>
<h1>Questions for ${who}</h1>
<p>${count} questions about how sales works here. Answer what you know; leave the rest empty, or tick \u201cDon't know\u201d. Nothing leaves this page: \u201cSave answers\u201d writes the file <code>${data.file}</code> on your computer, which you send back to whoever sent you this form.</p>
<div id="summary" role="alert" tabindex="-1" hidden></div>
<form id="qf" novalidate>
${respondent}
${sections}
<p><button type="submit">Save answers</button> <span id="status" role="status"></span></p>
</form>
</main>
<script>${formScript}</script>
</body>
</html>
`.text;
}
