// A rule's findings about one subject, one finding: a person whose coaching
// misses on plan and hours is one finding that states both facts, not two
// rows naming the same person (issue 17 item 13). Done here, in the report's
// data, so every format (text, Markdown, HTML and PDF, JSON, CSV, SARIF...)
// shows the same grouping without logic of its own.
import type { Org } from '../model/schema';
import { describeFact } from '../model/describe';
import { getAt } from '../model/paths';
import { itemLabel } from './identity';
import { SUMMARY_NAMED, thousands } from './summarise';
import { SEVERITY_WEIGHT, type Finding } from './types';

type Raw = Omit<Finding, 'fatal' | 'suppressed'> & { gap?: number };

/**
 * The list item a finding is about (`people[4]`), when all of its evidence
 * lies inside one item of a list; undefined for a finding about the whole
 * organisation or about several items.
 */
export function subjectOf(f: Pick<Finding, 'evidence'>): string | undefined {
  let subject: string | undefined;
  for (const e of f.evidence) {
    // The path up to its first list index (`people[4].coaching.plan` -> `people[4]`): string work without a
    // match object or a new string per path, since a large roster has tens of thousands of findings.
    const end = firstItemEnd(e.path);
    if (end < 0) return undefined;
    if (subject === undefined) subject = e.path.slice(0, end);
    else if (subject.length !== end || !e.path.startsWith(subject)) return undefined;
  }
  return subject;
}

/** Where `path`'s first list index ends (past its `]`: `people[4].x` -> 9), or -1 when it has none or it is not digits. */
function firstItemEnd(path: string): number {
  const open = path.indexOf('[');
  if (open < 0) return -1;
  let i = open + 1;
  while (i < path.length) {
    const c = path.charCodeAt(i);
    if (c === 93 /* ] */) return i > open + 1 ? i + 1 : -1;
    if (c < 48 || c > 57) return -1;
    i++;
  }
  return -1;
}

/**
 * One rule's findings with those about the same subject (and of the same kind:
 * notes apart from failures) merged into one, at the place of the first:
 *
 * - message: "AE 1: has no development plan; gets no coaching at all (...)."
 *   when each part names the subject first, else the parts one after another;
 * - messageId and id: the parts' joined with "+" (`noPlan+lowHours`, then
 *   the parts' subjects), so the identity stays stable across audits and
 *   changes when a part does;
 * - severity: the highest; evidence and thresholds: all, once each;
 * - parts: each original message id, message and data, so nothing is lost.
 */
export function groupBySubject(findings: readonly Raw[], org: Org, summariseOver = Infinity): Raw[] {
  const keys = findings.map((f) => {
    const s = subjectOf(f);
    return s === undefined ? undefined : { key: `${f.note ? 'note' : 'finding'} ${s}`, subject: s };
  });
  const byKey = new Map<string, Raw[]>();
  findings.forEach((f, i) => {
    const k = keys[i]?.key;
    if (k === undefined) return;
    const list = byKey.get(k);
    if (list) list.push(f);
    else byKey.set(k, [f]);
  });
  const out: Raw[] = [];
  const done = new Set<string>();
  findings.forEach((f, i) => {
    const k = keys[i];
    const group = k && byKey.get(k.key)!;
    if (!group || group.length < 2) out.push(f);
    else if (!done.has(k.key)) {
      done.add(k.key);
      out.push(group.length > summariseOver ? mergeMany(group, k.subject, org) : merge(group, k.subject, org));
    }
  });
  return out;
}

/** `{ gap }`: the widest of the parts' gaps; nothing when none has one. */
function widestGap(parts: readonly Raw[]): { gap?: number } {
  let gap: number | undefined;
  for (const p of parts) if (p.gap !== undefined && (gap === undefined || p.gap > gap)) gap = p.gap;
  return gap === undefined ? {} : { gap };
}

function merge(parts: readonly Raw[], subject: string, org: Org): Raw {
  const evidence = [...new Map(parts.flatMap((p) => p.evidence).map((e) => [e.path, e])).values()];
  const thresholds = [...new Map(parts.flatMap((p) => p.thresholds).map((t) => [t.name, t])).values()];
  const severity = parts.map((p) => p.severity).reduce((a, b) => (SEVERITY_WEIGHT[b] > SEVERITY_WEIGHT[a] ? b : a));
  const messageId = parts.map((p) => p.messageId).join('+');
  // The id and the sentence are worked out when read, as the parts' own are (engine/run.ts): a merged
  // finding that is then summarised (engine/summarise.ts) never needs either. Assigning either replaces it.
  let id: string | undefined;
  let message: string | undefined;
  return {
    get id() {
      // The parts' subjects (each the stable, sorted evidence paths after "<rule>/<messageId>/"), reused rather
      // than recomputed: naming items by label walks the list, which at 10,000 people is the cost that matters.
      const subjects = () => [...new Set(parts.map((p) => p.id.split('/').slice(2).join('/')))].sort();
      return (id ??= [parts[0]!.ruleId, messageId, subjects().join('+')].filter(Boolean).join('/'));
    },
    set id(v: string) {
      id = v;
    },
    ruleId: parts[0]!.ruleId,
    messageId,
    get message() {
      if (message === undefined) {
        const label = itemLabel(getAt(org, subject));
        const named = label !== undefined && parts.every((p) => p.message.startsWith(`${label} `));
        message = named ? `${label}: ${parts.map((p) => p.message.slice(label.length + 1).replace(/\.$/, '')).join('; ')}.` : parts.map((p) => p.message).join(' ');
      }
      return message;
    },
    set message(v: string) {
      message = v;
    },
    severity,
    // A person's findings together miss by the widest of them (the order among people, summarise.ts).
    ...widestGap(parts),
    note: parts[0]!.note,
    data: Object.assign({}, ...parts.map((p) => p.data)),
    evidence,
    thresholds,
    parts: parts.map((p) => ({
      messageId: p.messageId,
      get message() {
        return p.message;
      },
      data: p.data,
    })),
  };
}

/**
 * More findings about one subject than a reader goes through (a policy that
 * 2,000 people are under, one note each): one finding that counts them and
 * shows the first SUMMARY_NAMED, their message ids once each; every one is
 * in the report with --per-person (engine/summarise.ts).
 */
function mergeMany(parts: readonly Raw[], subject: string, org: Org): Raw {
  const shown = parts.slice(0, SUMMARY_NAMED);
  const label = itemLabel(getAt(org, subject)) ?? describeFact(subject, org);
  const messageId = [...new Set(parts.map((p) => p.messageId))].join('+');
  const subjects = [...new Set(parts.map((p) => p.id.split('/').slice(2).join('/')))].sort();
  let severity = parts[0]!.severity;
  for (const p of parts) if (SEVERITY_WEIGHT[p.severity] > SEVERITY_WEIGHT[severity]) severity = p.severity;
  return {
    id: [parts[0]!.ruleId, messageId, subjects.join('+')].filter(Boolean).join('/'),
    ruleId: parts[0]!.ruleId,
    messageId,
    message: `${thousands(parts.length)} findings about ${label}: ${shown.map((p) => p.message.replace(/\.$/, '')).join('; ')}; and ${thousands(parts.length - shown.length)} more.`,
    severity,
    note: parts[0]!.note,
    data: { findings: parts.length },
    evidence: [...new Map(parts.flatMap((p) => p.evidence).map((e) => [e.path, e])).values()],
    thresholds: [...new Map(parts.flatMap((p) => p.thresholds).map((t) => [t.name, t])).values()],
    parts: shown.map((p) => ({ messageId: p.messageId, message: p.message, data: p.data })),
  };
}
