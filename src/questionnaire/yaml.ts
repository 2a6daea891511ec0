// The questionnaire as an answers file (`questionnaire --for reps -o reps.yaml`):
// the file `interview --answers` reads, each question written above its key as
// comments (question, help, choices, unit and range), every value left empty.
// An empty value is "not answered": no placeholder that would read as a fact.
// Renders only: the questions come from questions.ts.
import { safeText } from '../report/safe';
import { GROUP_LABELS } from '../model/respondents';
import type { Question } from '../interview/plan';
import { flatten, type QNode, type Questionnaire } from './questions';

/** One comment line: no line break, control or bidi character from a roster name can leave the comment. */
const comment = (text: string) => `# ${safeText(text)}`.trimEnd();

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** `from 0 to 100 %`, `0 or more people`, `a whole number`: the range as the model states it. */
export function rangeText(q: Question): string {
  const unit = q.unit ? (q.unit === '%' ? ' %' : ` ${q.unit}`) : '';
  const kind = q.integer ? 'a whole number' : 'a number';
  if (q.min !== undefined && q.max !== undefined) return `${kind} from ${q.min} to ${q.max}${unit}`;
  if (q.min !== undefined) return `${kind}, ${q.min} or more${unit}`;
  if (q.max !== undefined) return `${kind}, up to ${q.max}${unit}`;
  return `${kind}${unit}`;
}

/** What a question takes, as comment lines: choices one per line, ranges and units, the list form. */
export function answerLines(n: QNode): string[] {
  const q = n.question;
  const choices = () => q.choices!.map((c) => `  ${c.value}${c.label && c.label !== c.value ? `: ${c.label}` : ''}`);
  switch (q.kind) {
    case 'select':
      return ['Answer with one of:', ...choices()];
    case 'checkbox':
      return [
        `Answer with a list of any of these, e.g. [${q
          .choices!.slice(0, 2)
          .map((c) => c.value)
          .join(', ')}]:`,
        ...choices(),
      ];
    case 'boolean':
      return ['Answer true or false.'];
    case 'number':
      return [`Answer with ${rangeText(q)}${q.unit === '%' ? ' (40 or 40%)' : ''}.`];
    case 'date':
      return ['Answer with a date as YYYY-MM-DD.'];
    case 'values':
      return [q.valueKind === 'number' ? `Answer with a list, each ${rangeText(q)}, e.g. [90, 75].` : 'Answer with a list of texts, e.g. [first, second].'];
    case 'items': {
      const first = n.children?.[0]?.key ?? `${n.key}[0].<field>`;
      return [`A list of ${q.item ?? 'item'} entries: answer the questions below for the first one (${first}),`, `copy them with [1], [2]... for more, or answer [] here if there are none.`];
    }
    default:
      return ['Answer with text.'];
  }
}

/** Comment lines above a question's key. */
function questionComments(n: QNode): string[] {
  const q = n.question;
  const lines = [`${q.context ? `${q.context} › ` : ''}${q.message}`];
  if (q.help) lines.push(q.help);
  lines.push(...answerLines(n));
  if (n.gate) lines.push(`Only if ${n.gate.key} is ${n.gate.values.map(String).join(' or ')}.`);
  return lines.map(comment);
}

/**
 * The answers file for one respondent group: a header on how to answer, the
 * `respondent:` block (name left empty, or none and `anonymous: true`), then
 * each section's questions as `key:` with empty values, items numbered from 0.
 */
export function renderQuestionnaireYaml(qn: Questionnaire): string {
  const out: string[] = [
    comment(`Questions for ${GROUP_LABELS[qn.group]}, from sales-audit.`),
    comment('Write each answer after the colon of its key; leave a key empty to skip it.'),
    comment('Write unknown when you do not know. Text needs quotes when it starts with a symbol.'),
    comment('Return the file to the person who sent it; they import it with'),
    comment(`  sales-audit interview <org file> --answers <this file>${qn.anonymous ? '' : ' --respondent "<name>"'}`),
    '',
    'respondent:',
  ];
  if (qn.anonymous) out.push(`  group: ${qn.group}`, '  anonymous: true');
  else out.push(`  ${comment('Your name (or a label such as "Rep 3").')}`, '  name:', `  group: ${qn.group}`);
  for (const { section, nodes } of qn.sections) {
    out.push('', comment(`---- ${capitalise(section)} ----`));
    for (const n of flatten(nodes)) out.push('', ...questionComments(n), `${yamlKey(n.key)}:`);
  }
  return `${out.join('\n')}\n`;
}

/** A key as YAML reads it back: plain when it can be (`people[name=AE 4].x`), else double-quoted (a name with ": " or "#"). */
export const yamlKey = (key: string): string => (/^[A-Za-z_][\w.[\]=\- ]*[\w\]]$/.test(key) ? key : JSON.stringify(key));
