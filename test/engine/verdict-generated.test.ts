// The evidence principle over generated orgs (the verdict follow-ups): orgs
// built from the facts where the edges were found (role policies, part-time
// sellers and player-coaches, span of control, the compensation ramp, draw and
// pay mix, several respondents with a `resolution:`), then every fact deleted
// in turn: no rule's score and not the headline may rise. Deleting a fact
// means making it unknown: its key goes from the body and from every
// respondent's answers (a vote taken away is not a fact made unknown).
// FC_RUNS raises the runs (FC_RUNS=5000 for a long search); CI keeps the seed.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index';
import { runAudit } from '../../src/engine/run';
import type { AuditReport } from '../../src/engine/types';
import { monthsBetween } from '../../src/engine/define-rule';
import { storedKey } from '../../src/model/paths';
import { example } from '../helpers/monotone';
import { sellingManager, unlistedPeople } from '../../src/engine/roster-gap';
import { isPartialRosterCount } from '../helpers/roster-counts';
import type { Org } from '../../src/model/schema';

const DATE = '2026-11-27';
const RUNS = Number(process.env.FC_RUNS ?? 150);
const SEED = Number(process.env.FC_SEED ?? 20261130);
// A long search (FC_RUNS=2000) takes longer than CI's 150 runs: the time allowed grows with the runs.

type Seg = string | number;
const TITLES = ['Account Executive', 'CEO', 'Sales Manager'] as const;
const DATES = ['2019-03-01', '2025-10-15', '2026-06-01', '2026-10-20'] as const;

const coaching = fc.record(
  {
    plan: fc.constantFrom('individual', 'generic', 'none'),
    focus: fc.constantFrom(['skills'], ['mindset', 'pipeline']),
    one_to_one: fc.constantFrom('weekly', 'monthly', 'quarterly', 'none'),
    hours_per_month: fc.constantFrom(0, 1, 3, 6),
  },
  { requiredKeys: [] },
);
const action = fc.record({ date: fc.constantFrom(...DATES), action: fc.constantFrom('pay_cut', 'improvement_plan', 'coaching', 'release') }, { requiredKeys: [] });
const person = (i: number) =>
  fc.record(
    {
      name: fc.constant(`P${i}`),
      title: fc.constantFrom(...TITLES),
      is_rep: fc.boolean(),
      direct_reports: fc.constantFrom(0, 2, 12),
      // Part-time shares beside records either side of the bar: neither the share nor the part-time status may move a score.
      selling_share_pct: fc.constantFrom(0, 30, 50, 60, 100),
      start_date: fc.constantFrom(...DATES),
      attainment: fc.array(fc.constantFrom(20, 30, 45, 60, 85, 95, 130), { maxLength: 6 }),
      selling_time_pct: fc.constantFrom(15, 40, 60),
      coaching,
      actions: fc.array(action, { maxLength: 2 }),
    },
    { requiredKeys: ['name'] },
  );
const policy = fc.record(
  {
    applies_to: fc.constantFrom('all reps', 'Account Executive', 'CEO'),
    development_plan: fc.constantFrom('individual', 'generic', 'none'),
    one_to_one: fc.constantFrom('weekly', 'monthly', 'quarterly', 'none'),
    coaching_hours_per_month: fc.constantFrom(0, 2, 4),
    underperformance: fc.constantFrom(['coaching', 'improvement_plan'], ['pay_cut'], ['coaching', 'improvement_plan', 'release'], []),
    improvement_plan_deadline_days: fc.constantFrom(30, 90, 200),
  },
  { requiredKeys: [] },
);
const leadership = fc.record(
  {
    sales_managed_by: fc.constantFrom('ceo', 'founder', 'sales_manager', 'nobody'),
    manager_experience_years: fc.constantFrom(0, 2, 8),
    reps_per_manager: fc.constantFrom(0, 3, 8, 14),
    manager_coaching_hours_per_month: fc.constantFrom(0, 10, 40),
    leader_since: fc.constantFrom(...DATES),
  },
  { requiredKeys: [] },
);
const compensation = fc.record(
  {
    basis: fc.constantFrom('revenue', 'gross_margin', 'profit', 'mixed'),
    ramp_months: fc.constantFrom(0, 3, 6, 12),
    draw: fc.constantFrom('recoverable', 'non_recoverable', 'none'),
    base_pct: fc.constantFrom(30, 50, 70, 95),
    accelerators: fc.boolean(),
    capped: fc.boolean(),
    clawback: fc.boolean(),
    pay_on_collection: fc.boolean(),
  },
  { requiredKeys: [] },
);
const metrics = fc.record(
  {
    kpis: fc.array(
      fc.record(
        { name: fc.constantFrom('Revenue', 'Meetings'), kind: fc.constantFrom('activity', 'outcome'), target: fc.constantFrom(0, 10), owner: fc.constantFrom('VP', 'none') },
        { requiredKeys: [] },
      ),
      {
        maxLength: 2,
      },
    ),
    review_cadence: fc.constantFrom('weekly', 'quarterly', 'none'),
    team_involved: fc.boolean(),
  },
  { requiredKeys: [] },
);
const friction = fc.record(
  {
    none_reported: fc.boolean(),
    points: fc.array(
      fc.record(
        {
          area: fc.constantFrom('credit', 'production'),
          description: fc.constantFrom('Credit checks', 'Late builds'),
          owner: fc.constantFrom('CFO', 'none'),
          mechanism: fc.constantFrom('A weekly review', 'none'),
        },
        { requiredKeys: [] },
      ),
      { maxLength: 2 },
    ),
  },
  { requiredKeys: [] },
);
const roster = fc.integer({ min: 0, max: 4 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => person(i))));

/** Answers about facts the generated orgs hold, as respondents store them (a person by name). */
const ANSWERABLE = [
  'people[0].coaching.one_to_one',
  'people[1].coaching.plan',
  'people[0].selling_share_pct',
  'leadership.reps_per_manager',
  'compensation.ramp_months',
  'policies[0].one_to_one',
] as const;
const VALUES: Record<(typeof ANSWERABLE)[number], readonly unknown[]> = {
  'people[0].coaching.one_to_one': ['weekly', 'none', 'unknown'],
  'people[1].coaching.plan': ['individual', 'none'],
  'people[0].selling_share_pct': [40, 100],
  'leadership.reps_per_manager': [5, 15],
  'compensation.ramp_months': [0, 6],
  'policies[0].one_to_one': ['weekly', 'quarterly'],
};
const response = fc.record({
  group: fc.constantFrom('leadership', 'management', 'reps'),
  answers: fc.dictionary(fc.constantFrom(...ANSWERABLE), fc.constant(null), { maxKeys: 3 }),
  choice: fc.nat(),
});

export const orgs: fc.Arbitrary<Org> = fc
  .record(
    {
      // A headcount either side of the roster (0 to 4 people) and the span: under it is a contradiction, which may not raise a score.
      company: fc.record({ employees: fc.constantFrom(1, 3, 200), sales_motion: fc.constantFrom('transactional', 'relationship') }, { requiredKeys: [] }),
      leadership,
      people: roster,
      policies: fc.array(policy, { maxLength: 2 }),
      compensation,
      metrics,
      admin: fc.record(
        {
          selling_time_pct: fc.constantFrom(20, 50),
          // The reps' tasks beside selling times either side of the target: `[]` must never score above a real list.
          non_sales_tasks: fc.array(fc.record({ task: fc.constantFrom('Quotes', 'Order entry'), hours_per_week: fc.constantFrom(0, 2, 5, 12), offloadable: fc.boolean() }, { requiredKeys: [] }), {
            maxLength: 2,
          }),
          support_staff: fc.constantFrom(0, 1),
        },
        { requiredKeys: [] },
      ),
      plan: fc.record({ ramped_reps: fc.constantFrom(0, 3) }, { requiredKeys: [] }),
      friction,
      roles: fc.array(fc.record({ title: fc.constantFrom(...TITLES), carries_quota: fc.boolean(), direct_reports: fc.constantFrom(0, 5), open: fc.boolean() }, { requiredKeys: [] }), { maxLength: 2 }),
      responses: fc.array(response, { maxLength: 3 }),
      resolution: fc.dictionary(fc.constantFrom('people[].coaching.one_to_one', 'leadership.reps_per_manager'), fc.constantFrom('reps', 'management', 'file'), { maxKeys: 1 }),
    },
    { requiredKeys: [] },
  )
  // A roster known to list no seller beside a team-wide selling time is a contradiction no scoring can settle
  // monotonically (either fact deleted, the other decides): left out here (a case for validation, not scoring).
  // An empty roster is kept: it counts as unknown (engine/contradictions.ts), so it settles nothing.
  .filter((o) => !(o.people !== undefined && o.people.length > 0 && o.people.every((p) => p.is_rep === false) && o.admin?.selling_time_pct !== undefined))
  // Likewise friction points listed beside "no friction reported": either fact deleted, the other decides (the points
  // scored, or the rule not applicable). Still open (verdict follow-ups, item 1): left out here, not settled.
  .filter((o) => !(o.friction?.none_reported === true && (o.friction.points?.length ?? 0) > 0))
  // Likewise an attainment record longer than the time since the start date: kept out, each record cut to what its start allows.
  .map((o) => ({
    ...o,
    people: o.people?.map((p) => (p.start_date === undefined || p.attainment === undefined ? p : { ...p, attainment: p.attainment.slice(-(1 + Math.floor(monthsBetween(p.start_date, DATE) / 3))) })),
  }))
  .map((o) => {
    const org = o as unknown as Org;
    const drawn = (o as { responses?: { group: string; answers: Record<string, unknown>; choice: number }[] }).responses;
    // Answers keyed as the interview stores them, about people who exist; values from each fact's own choices.
    if (drawn) {
      org.responses = drawn.map(({ group, answers, choice }) => ({
        group,
        answers: Object.fromEntries(
          Object.keys(answers)
            .filter((k) => !k.startsWith('people[') || Number(/\[(\d+)\]/.exec(k)![1]) < (org.people?.length ?? 0))
            .filter((k) => !k.startsWith('policies[') || (org.policies?.length ?? 0) > 0)
            .map((k) => [storedKey(k, org.people), VALUES[k as keyof typeof VALUES][choice % VALUES[k as keyof typeof VALUES].length]]),
        ),
      })) as never;
    }
    return org as Org;
  });

/** Every fact's key path: mapping keys at any depth and list items' keys (a list given is complete: items are never deleted). Decisions and bookkeeping are not facts. */
function factPaths(v: unknown, at: Seg[] = []): Seg[][] {
  if (Array.isArray(v)) return v.flatMap((x, i) => factPaths(x, [...at, i]));
  if (v === null || typeof v !== 'object') return [];
  return Object.entries(v)
    .filter(([k]) => at.length > 0 || !['responses', 'resolution', 'waivers', 'notes', 'answers', 'sources'].includes(k))
    .flatMap(([k, x]) => [[...at, k], ...factPaths(x, [...at, k])]);
}

const show = (p: readonly Seg[]) =>
  p
    .map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`))
    .join('')
    .replace(/^\./, '');

/** The org with the fact at `p` unknown: gone from the body, and from every answer to it or to a fact under it. */
export function withoutFact(org: Org, p: readonly Seg[]): Org {
  const copy = structuredClone(org) as Record<Seg, unknown>;
  let cur = copy;
  for (const s of p.slice(0, -1)) cur = cur[s] as Record<Seg, unknown>;
  delete cur[p[p.length - 1]!];
  const path = show(p);
  const keys = new Set([path, storedKey(path, org.people)]);
  const under = (k: string) => [...keys].some((x) => k === x || k.startsWith(`${x}.`) || k.startsWith(`${x}[`));
  const out = copy as Org;
  if (out.responses) out.responses = out.responses.map((r) => ({ ...r, answers: Object.fromEntries(Object.entries(r.answers).filter(([k]) => !under(k))) }));
  return out;
}

const audit = (org: Org) => runAudit({ org, date: DATE, rules, file: 'org.yaml' });
const scores = (r: AuditReport) => new Map<string, number | null>([['headline', r.summary.score], ...r.rules.map((x) => [x.id, x.score] as [string, number | null])]);

/**
 * Where deleting one fact raises a score: a rule's earned points, or the
 * headline. A rule out of the count (null) may come into it only at 0: an
 * unknown earns nothing.
 */
export function rises(org: Org): string[] {
  const before = scores(audit(org));
  const out: string[] = [];
  for (const p of factPaths(org)) {
    // Still open: a count that says a partial roster leaves people out (helpers/roster-counts.ts).
    if (isPartialRosterCount(org, p)) continue;
    const after = scores(audit(withoutFact(org, p)));
    for (const [id, s] of after) {
      const b = before.get(id) ?? null;
      if (s === null) continue;
      if (b === null ? s > 1e-9 : s > b + 1e-9) out.push(`${show(p)}: ${id} ${b} -> ${s}`);
    }
  }
  return out;
}

/**
 * The lists whose members the rules judge as a population (the roster, a rep's
 * quarters, the friction points, the roles, the reps' non-sales tasks, the
 * KPIs, a rep's coaching focus): emptied, each could make a rule "not
 * applicable" or hide a member that falls short. Every other list of the
 * schema is in LIST_EXEMPT below, with the reason.
 */
function memberLists(org: Org): Seg[][] {
  const out: Seg[][] = [];
  if (org.people?.length) out.push(['people']);
  for (const [i, p] of (org.people ?? []).entries()) if (p.attainment?.length) out.push(['people', i, 'attainment']);
  for (const [i, p] of (org.people ?? []).entries()) if (p.coaching?.focus?.length) out.push(['people', i, 'coaching', 'focus']);
  if (org.friction?.points?.length) out.push(['friction', 'points']);
  if (org.roles?.length) out.push(['roles']);
  if (org.admin?.non_sales_tasks?.length) out.push(['admin', 'non_sales_tasks']);
  if (org.metrics?.kpis?.length) out.push(['metrics', 'kpis']);
  return out;
}

/** Every list field of the org file's schema that memberLists empties (the generated orgs hold each). */
const LIST_COVERED = ['people', 'people[].attainment', 'people[].coaching.focus', 'friction.points', 'roles', 'admin.non_sales_tasks', 'metrics.kpis'];
/** Every other list field of the schema, and why the "[] never raises" property does not empty it. */
const LIST_EXEMPT: Record<string, string> = {
  'people[].actions': 'a known pay cut or release taken away may rightly raise a score: the list records bad practice, not members',
  policies: 'a known bad policy taken away may rightly raise a score (a policy that says nothing leaves each rep to their own facts)',
  'policies[].underperformance': 'the generator draws [] as a value already (a policy that names no response to underperformance); the deletion property covers it',
  'leadership.outside_help': 'an empty list of outside help is no help: the worst answer for sales-leadership (checked on the examples below)',
  'plan.covers': 'an empty list of plan elements is the worst answer (the plan covers nothing): it cannot raise go-to-market-plan (checked below)',
  'process.stages': 'sales-process requires stages: [] is missing (not assessed), never better than a real list (checked below)',
  'process.stages[].exit_criteria': 'a stage without exit criteria fails its check in sales-process: [] is the worst answer',
  'recruiting.open_territories': 'no open territory is a good state the file can truly hold; continuous-recruiting reads the open roles as well',
  'recruiting.channels': 'no recruiting channel is the worst answer for continuous-recruiting: [] cannot raise it',
  'compensation.components': 'comp-balances-client-value counts [] as no client part, the worst answer for its check',
  'marketing.owns': 'sales-vs-marketing counts [] as marketing owning nothing: the worst answer for its check',
  waivers: 'a decision, not a fact: waivers are bookkeeping the audit reports on',
  responses: "respondents' answers, not facts: the deletion property takes answers away instead",
};

/** The list fields of the org file's JSON Schema (sales-audit.schema.json), as `a.b[].c`. */
function schemaLists(): string[] {
  const schema = JSON.parse(readFileSync(new URL('../../sales-audit.schema.json', import.meta.url), 'utf8')) as Json;
  const defs = (schema.$defs ?? schema.definitions ?? {}) as Record<string, Json>;
  const out = new Set<string>();
  const walk = (n: Json | undefined, at: string, seen: Set<string>) => {
    if (!n || typeof n !== 'object') return;
    if (typeof n.$ref === 'string') {
      const name = n.$ref.split('/').pop()!;
      if (!seen.has(name)) walk(defs[name], at, new Set([...seen, name]));
      return;
    }
    if (n.type === 'array' || n.items) {
      out.add(at);
      walk(n.items as Json, `${at}[]`, seen);
    }
    for (const k of ['anyOf', 'oneOf', 'allOf']) for (const x of (n[k] as Json[] | undefined) ?? []) walk(x, at, seen);
    for (const [k, v] of Object.entries((n.properties as Record<string, Json> | undefined) ?? {})) walk(v, at ? `${at}.${k}` : k, seen);
  };
  walk(schema, '', new Set());
  return [...out].sort();
}
type Json = Record<string, unknown>;

/** Where replacing one such list by [] raises a rule's earned points or the headline. */
export function risesEmptied(org: Org): string[] {
  const out: string[] = [];
  for (const p of memberLists(org)) {
    const before = scores(audit(org));
    const copy = structuredClone(org) as Record<Seg, unknown>;
    let cur = copy;
    for (const s of p.slice(0, -1)) cur = cur[s] as Record<Seg, unknown>;
    cur[p[p.length - 1]!] = [];
    for (const [id, s] of scores(audit(copy as Org))) {
      const b = before.get(id) ?? null;
      if (s === null) continue;
      if (b === null ? s > 1e-9 : s > b + 1e-9) out.push(`${show(p)} = []: ${id} ${b} -> ${s}`);
    }
  }
  return out;
}

/**
 * Where deleting one quarter from a rep's attainment raises a rule's earned
 * points or the headline. The quarter deleted is the oldest: the list runs
 * oldest first up to the latest quarter, so dropping any other re-dates the
 * quarters after it (a different record, not a quarter made unknown).
 */
export function risesQuarterDeleted(org: Org): string[] {
  const out: string[] = [];
  const before = scores(audit(org));
  for (const [i, p] of (org.people ?? []).entries()) {
    if (!p.attainment?.length) continue;
    const copy = structuredClone(org);
    copy.people![i]!.attainment = p.attainment.slice(1);
    for (const [id, s] of scores(audit(copy))) {
      const b = before.get(id) ?? null;
      if (s === null) continue;
      if (b === null ? s > 1e-9 : s > b + 1e-9) out.push(`people[${i}].attainment [${p.attainment}] -> [${p.attainment.slice(1)}]: ${id} ${b} -> ${s}`);
    }
  }
  return out;
}

describe('generated orgs: deleting any one fact never raises a rule or the headline', () => {
  it('the generator makes the facts where the edges were (policies, part-time sellers, span, ramp, responses)', () => {
    const sample = fc.sample(orgs, { numRuns: 300, seed: SEED });
    const has = (f: (o: Org) => boolean) => sample.filter(f).length;
    expect(has((o) => (o.policies?.length ?? 0) > 0)).toBeGreaterThan(50);
    expect(has((o) => (o.people ?? []).some((p) => p.selling_share_pct !== undefined && p.selling_share_pct < 100 && p.is_rep === true))).toBeGreaterThan(20);
    expect(has((o) => (o.people ?? []).some((p) => (p.direct_reports ?? 0) > 0 && (p.attainment?.length ?? 0) > 0))).toBeGreaterThan(20);
    // Part-time sellers who miss quota: their misses count as any rep's (verdict follow-ups, item 3).
    expect(has((o) => (o.people ?? []).some((p) => p.is_rep === true && (p.selling_share_pct ?? 100) < 100 && (p.attainment ?? []).some((a) => a < 90)))).toBeGreaterThan(20);
    expect(has((o) => o.leadership?.reps_per_manager !== undefined && o.leadership.manager_coaching_hours_per_month !== undefined)).toBeGreaterThan(20);
    expect(has((o) => o.compensation?.ramp_months !== undefined && o.compensation.draw !== undefined && o.compensation.base_pct !== undefined)).toBeGreaterThan(10);
    expect(has((o) => (o.responses ?? []).some((r) => Object.keys(r.answers).some((k) => k.startsWith('people[name='))))).toBeGreaterThan(10);
    expect(has((o) => Object.keys(o.resolution ?? {}).length > 0)).toBeGreaterThan(50);
    // Empty lists beside facts that say they have members (verdict follow-ups, item 1).
    expect(has((o) => o.people?.length === 0 && (o.leadership?.reps_per_manager ?? 0) > 0)).toBeGreaterThan(10);
    expect(has((o) => (o.people ?? []).some((p) => p.attainment?.length === 0 && p.start_date === '2019-03-01'))).toBeGreaterThan(3);
    expect(has((o) => o.friction?.points?.length === 0 && o.friction.none_reported === false)).toBeGreaterThan(10);
    // A headcount under the roster or the span (verdict follow-ups 2, item 2), and empty task lists beside a low team-wide selling time (item 1).
    expect(has((o) => o.company?.employees !== undefined && (o.people?.length ?? 0) > o.company.employees)).toBeGreaterThan(10);
    expect(has((o) => o.admin?.non_sales_tasks?.length === 0 && o.admin.selling_time_pct === 20)).toBeGreaterThan(10);
  });

  it(
    `${RUNS} orgs, every fact of each deleted in turn (seed ${SEED})`,
    () => {
      fc.assert(
        fc.property(orgs, (org) => {
          expect(rises(org)).toEqual([]);
        }),
        { seed: SEED, numRuns: RUNS },
      );
    },
    Math.max(600_000, RUNS * 2_000),
  );

  it('every list field of the schema is emptied by the property below, or exempt with a reason (a new list field fails here until it is placed)', () => {
    expect([...LIST_COVERED, ...Object.keys(LIST_EXEMPT)].sort()).toEqual(schemaLists());
    for (const reason of Object.values(LIST_EXEMPT)) expect(reason.length).toBeGreaterThan(20);
  });

  it('on the bundled examples, each exempt list that says "[] is the worst answer" raises no rule nor the headline when emptied', async () => {
    const { loadOrgFile } = await import('../../src/load/load');
    const worst = ['leadership.outside_help', 'plan.covers', 'process.stages', 'process.stages[].exit_criteria', 'recruiting.channels', 'compensation.components', 'marketing.owns'];
    let tried = 0;
    for (const name of ['struggling-startup', 'mid-size-gaps', 'healthy-org']) {
      const r = await loadOrgFile(new URL(`../../templates/examples/${name}.yaml`, import.meta.url).pathname);
      if (!r.ok) throw new Error(name);
      const org = r.value.org;
      const before = scores(audit(org));
      for (const list of worst) {
        const copy = structuredClone(org) as Record<string, unknown>;
        const [head, tail] = list.split('[].');
        const parent = head!
          .split('.')
          .slice(0, -1)
          .reduce<Record<string, unknown> | undefined>((o, k) => o?.[k] as Record<string, unknown> | undefined, copy);
        const key = head!.split('.').at(-1)!;
        if (!parent || !Array.isArray(parent[key])) continue;
        if (tail) for (const item of parent[key] as Record<string, unknown>[]) item[tail] = [];
        else parent[key] = [];
        tried++;
        for (const [id, s] of scores(audit(copy as Org))) {
          const b = before.get(id) ?? null;
          if (s !== null) expect(b === null ? s : s - b, `${name}: ${list} = []: ${id} ${b} -> ${s}`).toBeLessThanOrEqual(1e-9);
        }
      }
    }
    expect(tried).toBeGreaterThan(10);
  });

  it(
    `${RUNS} orgs, the oldest quarter of each rep's attainment deleted in turn (seed ${SEED})`,
    () => {
      fc.assert(
        fc.property(orgs, (org) => {
          expect(risesQuarterDeleted(org)).toEqual([]);
        }),
        { seed: SEED, numRuns: RUNS },
      );
    },
    Math.max(600_000, RUNS * 2_000),
  );

  // s8 roster item 1: a rep left off a roster that the stated counts cover (mid-size-gaps: the director's 9 direct
  // reports) raised the verdict (66 -> 68 with both weak reps deleted). The counts are made tight: the span always equals
  // the people it is read against (s8 S1: the manager excluded, engine/roster-gap.ts), the ramped reps the plan counts
  // on (where stated) the reps, so each deletion leaves a person out.
  const covered = orgs
    .filter((o) => (o.people?.length ?? 0) > 0 && unlistedPeople(o) === undefined)
    .map((o) => {
      const org = structuredClone(o);
      const certain = org.people!.filter((p) => p.is_rep === true).length;
      const lines = org.people!.some((p) => (p.direct_reports ?? 0) > 0);
      org.leadership = { ...org.leadership, reps_per_manager: lines ? org.people!.length - 1 : certain };
      if (org.plan && certain > 0) org.plan.ramped_reps = certain;
      return org;
    })
    // A span of 0 says no one reports to a manager: no count covers that roster. A selling manager known by his title or
    // share is not one of his own span (s9 verd, item 3): the span one less there, so the counts still cover the roster.
    .map((o) => {
      if (sellingManager(o.people!) !== undefined) o.leadership!.reps_per_manager! -= 1;
      return o;
    })
    .filter((o) => o.leadership!.reps_per_manager! > 0);
  it(
    `${RUNS} orgs whose stated counts cover the roster, each person deleted in turn (seed ${SEED})`,
    () => {
      let partial = 0;
      fc.assert(
        fc.property(covered, (org) => {
          expect(unlistedPeople(org)).toBeUndefined();
          const before = scores(audit(org));
          const out: string[] = [];
          const most = Math.max(0, ...org.people!.map((p) => p.direct_reports ?? 0));
          const lead = most > 0 ? org.people!.findIndex((p) => p.direct_reports === most) : -1;
          for (const i of org.people!.keys()) {
            // The span counts the people under the manager (the one with the most direct reports), him excluded: his
            // own deletion leaves no one under him out. Without a reporting line it counts the people known to sell:
            // one whose selling is unknown is not implied by it, so leaving them out is not a rep left out.
            if (i === lead || (lead < 0 && org.people![i]!.is_rep !== true) || i === sellingManager(org.people!)) continue;
            const copy = structuredClone(org);
            copy.people!.splice(i, 1);
            if (unlistedPeople(copy)) partial++;
            for (const [id, s] of scores(audit(copy))) {
              const b = before.get(id) ?? null;
              if (s === null) continue;
              if (b === null ? s > 1e-9 : s > b + 1e-9) out.push(`people[${i}] deleted: ${id} ${b} -> ${s}`);
            }
          }
          expect(out).toEqual([]);
        }),
        { seed: SEED, numRuns: RUNS },
      );
      // The deletions do leave people out (the property is not vacuous).
      expect(partial).toBeGreaterThan(RUNS / 2);
    },
    Math.max(600_000, RUNS * 2_000),
  );

  // rev7 p2 and p4 (mid-size-gaps): AE 3 and AE 4 cut to one quarter made manage-not-pay-cut not applicable
  // (66 -> 67); AE 2's weak quarter dropped lifted metrics-accountability 0.81 -> 0.833.
  it('on mid-size-gaps, cutting reps to their oldest quarter, or dropping a weak one, raises no rule nor the headline', async () => {
    const org = await example('mid-size-gaps');
    const before = scores(audit(org));
    const edits: [string, (o: Org) => void][] = [
      ['AE 3 and AE 4 cut to one quarter', (o) => o.people!.filter((p) => p.name === 'AE 3' || p.name === 'AE 4').forEach((p) => (p.attainment = p.attainment!.slice(0, 1)))],
      ["AE 2's 71 dropped", (o) => o.people!.filter((p) => p.name === 'AE 2').forEach((p) => (p.attainment = p.attainment!.filter((a) => a !== 71)))],
    ];
    for (const [what, edit] of edits) {
      const copy = structuredClone(org);
      edit(copy);
      expect(JSON.stringify(copy)).not.toBe(JSON.stringify(org));
      const after = scores(audit(copy));
      for (const [id, s] of after) if (s !== null) expect(s, `${what}: ${id}`).toBeLessThanOrEqual((before.get(id) ?? 0) + 1e-9);
      expect(after.get('manage-not-pay-cut'), what).not.toBeNull();
    }
  });

  it(
    `${RUNS} orgs, the roster, each rep's quarters and coaching focus, the friction points, the roles, the non-sales tasks and the KPIs replaced by [] in turn (seed ${SEED})`,
    () => {
      fc.assert(
        fc.property(orgs, (org) => {
          expect(risesEmptied(org)).toEqual([]);
        }),
        { seed: SEED, numRuns: RUNS },
      );
    },
    Math.max(600_000, RUNS * 2_000),
  );
});
