// The questions one respondent group can answer, for `sales-audit
// questionnaire`: the interview's own plan (src/interview/plan.ts) narrowed to
// the facts the group can answer (src/model/respondents.ts), as a tree that the
// answers-file writer (yaml.ts) and the HTML form (html.ts) both render.
// Nothing is worded here: question, help, choices, units and ranges are the
// model's. Pure: no I/O.
import { planQuestions, withEmptyItem, type Question, type RuleReads } from '../interview/plan';
import { metaOf, schemaAt } from '../model/introspect';
import { formatPath, parsePath, splitPersonKey, storedKey } from '../model/paths';
import { canAnswer, customFactGroups, type RespondentGroup } from '../model/respondents';
import { SECTIONS, type Section } from '../model/schema';
import { safeText } from '../report/safe';

/** Within a list's item (or the whole questionnaire): which answer decides whether a question applies. */
export interface Gate {
  /** The deciding fact's answers-file key, items numbered from 0: `plan.documented`, `roles[0].open`. */
  key: string;
  /** The same, relative to the enclosing list item (or `key` outside lists): `open`. */
  field: string;
  /** The answers under which the gated question applies. */
  values: readonly (string | number | boolean)[];
}

/** One question of the questionnaire: a fact, or a list of items (with the questions of one item). */
export interface QNode {
  type: 'fact' | 'list';
  /**
   * The answers-file key, a list's items numbered from 0 (the respondent adds
   * [1], [2]...): `plan.shared_with_reps`, `roles[0].title`,
   * `self.coaching.one_to_one` (a rep about themselves), `people[3].attainment`.
   */
  key: string;
  /** The model's fact path, for checkAnswer/questionFor: `self.x` is `people[0].x`. */
  path: string;
  /** The key relative to the enclosing list item (`title`), or `key` outside lists. */
  field: string;
  question: Question;
  gate?: Gate;
  /** For a list: the questions of one item. */
  children?: QNode[];
}

export interface Questionnaire {
  group: RespondentGroup;
  anonymous: boolean;
  /** Questions by section, in the model's section order (sections with none left out). */
  sections: { section: Section; nodes: QNode[] }[];
}

export interface QuestionnaireOptions {
  group: RespondentGroup;
  anonymous?: boolean;
  /**
   * The org's roster (`people`, as loaded, CSV rosters included): management
   * and operations then answer the per-person facts person by person. Ignored
   * for reps, who answer the person-level facts about themselves (`self.`).
   */
  people?: readonly Record<string, unknown>[];
}

/** The prefix of person-level facts a respondent answers about themselves. */
export const SELF = 'self.';
const SELF_PATH = 'people[0].';

/** `self.coaching.plan` or `people[name=AE 4].coaching.plan` -> `people[0].coaching.plan` (the fact checkAnswer knows); other keys as they are. */
export const factPathOf = (key: string): string => {
  if (key.startsWith(SELF)) return SELF_PATH + key.slice(SELF.length);
  const named = splitPersonKey(key);
  return named ? `people[0]${named.rest}` : key;
};

// What identifies a person in the roster: kept, so the questions say whose
// facts they are and whether a seller's facts apply; every other fact is asked.
const ROSTER_KEYS = ['name', 'title', 'is_rep'];

/**
 * Every question the group can answer, from the rules' reads and the model.
 * A list not given (roles, friction points) is asked as a template of one
 * item; questions that apply only under another answer (askIf) are all listed,
 * each with its gate when the gate is asked too.
 * @param rules the rules whose reads decide what is asked (rules/index.ts, and any plugin's: their custom facts, once useCustomFacts knows them)
 */
export function buildQuestionnaire(rules: readonly RuleReads[], opts: QuestionnaireOptions): Questionnaire {
  const { group } = opts;
  // A plugin rule's custom facts (asked once useCustomFacts knows them): of the groups its fact() names, else of its section's.
  const custom = customFactGroups(rules);
  const self = group === 'reps';
  let data: Record<string, unknown> = {};
  if (self) data = { people: [{}] };
  // Names are shown in comments, legends and on a terminal: one line, no control or bidi character.
  else if (opts.people?.length)
    data = { people: opts.people.map((p) => Object.fromEntries(ROSTER_KEYS.filter((k) => p[k] !== undefined).map((k) => [k, typeof p[k] === 'string' ? safeText(p[k]) : p[k]]))) };
  const open = new Set<string>(self ? ['people'] : []);
  // Lists not started get one empty item, until no new one turns up (lists inside items).
  const headers = new Map<string, Question>();
  let qs: Question[];
  for (;;) {
    qs = planQuestions({ data, unknowns: new Set(), openLists: open }, rules, { conditional: true });
    const fresh = qs.filter((q) => q.kind === 'items' && !q.continuing && !headers.has(q.path));
    if (!fresh.length) break;
    for (const q of fresh) {
      headers.set(q.path, q);
      open.add(q.path);
      data = withEmptyItem(data, q.segs);
    }
  }
  if (self) headers.delete('people');

  // The innermost list (given one empty item above) that holds a path: its nearest `<list>[0]` ancestor.
  const containerOf = (path: string): string | undefined => {
    for (let at = path.lastIndexOf('[0]'); at > 0; at = path.lastIndexOf('[0]', at - 1)) {
      const list = path.slice(0, at);
      if (headers.has(list) && (path[at + 3] === '.' || path[at + 3] === '[')) return list;
    }
    return undefined;
  };
  // A person of the roster by name (`people[name=AE 4].x`), as the import stores it: the answers stay theirs if the roster is reordered before the import.
  const keyOf = (path: string) => (self && path.startsWith(SELF_PATH) ? SELF + path.slice(SELF_PATH.length) : self ? path : storedKey(path, data.people as unknown[] | undefined));

  const top: QNode[] = [];
  const listNodes = new Map<string, QNode>();
  const nodeFor = (listPath: string): QNode => {
    let n = listNodes.get(listPath);
    if (n) return n;
    const q = headers.get(listPath)!;
    n = { type: 'list', key: keyOf(listPath), path: listPath, field: '', question: q, children: [] };
    const parent = containerOf(listPath);
    n.field = parent ? listPath.slice(parent.length + 4) : n.key;
    (parent ? nodeFor(parent).children! : top).push(n);
    listNodes.set(listPath, n);
    return n;
  };
  for (const q of qs) {
    if (q.kind === 'items') {
      if (headers.has(q.path)) nodeFor(q.path);
      continue;
    }
    if (self && q.path.startsWith('people[') && !q.path.startsWith(SELF_PATH)) continue;
    const parent = containerOf(q.path);
    // A rep answers about themselves: "About you", not "Person 1".
    const question =
      self && q.path.startsWith(SELF_PATH)
        ? {
            ...q,
            context: 'About you',
            message: toYou(q.message),
            ...(q.help ? { help: toYou(q.help) } : {}),
            ...(q.choices ? { choices: q.choices.map((c) => ({ ...c, label: toYou(c.label) })) } : {}),
          }
        : q;
    const node: QNode = { type: 'fact', key: keyOf(q.path), path: q.path, field: parent ? q.path.slice(parent.length + 4) : keyOf(q.path), question };
    (parent ? nodeFor(parent).children! : top).push(node);
  }

  // Only what the group can answer; a list stays while one of its questions does.
  const keep = (nodes: QNode[]): QNode[] =>
    nodes.flatMap((n) => {
      if (n.type === 'fact') return canAnswer(group, n.path, custom) ? [n] : [];
      // A rep is never asked a list's shape nor its items (stages, tasks, friction points): the consultant keeps lists, and a rep's item 0 is not the file's item 0.
      if (self) return [];
      const children = keep(n.children!);
      return children.length ? [{ ...n, children }] : [];
    });
  const kept = keep(top);
  const withGates = (nodes: QNode[], inList: boolean): QNode[] => {
    const byPath = new Map(nodes.map((n) => [n.path, n]));
    return nodes.map((n) => {
      const gate = gateOf(n, byPath, inList);
      const out: QNode = gate ? { ...n, gate } : n;
      return n.children ? { ...out, children: withGates(n.children, true) } : out;
    });
  };
  const all = withGates(kept, false);

  const sections = SECTIONS.map((section) => ({ section, nodes: all.filter((n) => n.question.section === section) })).filter((s) => s.nodes.length);
  return { group, anonymous: opts.anonymous === true, sections };
}

/**
 * A question about a person, put to that person: "How often does this person
 * have a one-to-one with their manager?" -> "How often do you have a
 * one-to-one with your manager?". The model words person facts in the third
 * person, for a manager answering about someone.
 */
export function toYou(text: string): string {
  return text
    .replace(/\bdoes this person\b/g, 'do you')
    .replace(/\bDoes this person\b/g, 'Do you')
    .replace(/\bthis person is\b/g, 'you are')
    .replace(/\bthis person\b/g, 'you')
    .replace(/\bThis person\b/g, 'You')
    .replace(/\btheir\b/g, 'your')
    .replace(/\bTheir\b/g, 'Your');
}

/** The askIf of a node's fact, when the deciding fact is a question beside it. */
function gateOf(n: QNode, siblings: ReadonlyMap<string, QNode>, inList: boolean): Gate | undefined {
  const segs = parsePath(n.path);
  const askIf = metaOf(schemaAt(segs)).askIf;
  if (!askIf) return undefined;
  const gatePath = formatPath([...segs.slice(0, -1), askIf.fact]);
  const on = siblings.get(gatePath);
  if (!on) return undefined;
  return { key: on.key, field: inList ? on.field : on.key, values: askIf.in };
}

/** Every node, depth first (lists before their items' questions). */
export function flatten(nodes: readonly QNode[]): QNode[] {
  return nodes.flatMap((n) => [n, ...(n.children ? flatten(n.children) : [])]);
}
