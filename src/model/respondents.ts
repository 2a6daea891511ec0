// Who can answer which fact. A consultant audits an organisation from several
// respondents (the CEO, the sales leader, the reps, sales operations, finance);
// each fact declares here the role groups that can answer it, best informed
// first. The questionnaire asks a group only the facts it can answer; the audit
// resolves disagreeing answers by this order unless the consultant overrides it.
// A plain table keyed by fact pattern (indexes as `[]`), cheap to import. A
// plugin rule's custom facts say it themselves (`fact(..., { askOf })`), else
// take the groups of the section the interview asks them in.
import type { Category } from '../engine/types';
import { customFactMetas } from './custom-fact';
import { SECTIONS, type Section } from './sections';

/** Role groups of respondents, in the order reports list them. */
export const RESPONDENT_GROUPS = ['leadership', 'management', 'reps', 'operations', 'finance'] as const;
/** A respondent's role group: leadership (CEO, founders), management (sales leader and managers), reps, operations (sales or revenue operations), finance. */
export type RespondentGroup = (typeof RESPONDENT_GROUPS)[number];

/** Plain words for each group, for questions and reports. */
export const GROUP_LABELS: Readonly<Record<RespondentGroup, string>> = {
  leadership: 'leadership (CEO, founders)',
  management: 'sales management',
  reps: 'sales reps',
  operations: 'sales operations',
  finance: 'finance',
};

type G = readonly RespondentGroup[];

// Section defaults: who normally holds the facts of a section.
const BY_SECTION: Readonly<Record<string, G>> = {
  company: ['leadership', 'finance'],
  leadership: ['leadership', 'management'],
  roles: ['leadership', 'management'],
  plan: ['management', 'leadership'],
  process: ['management', 'operations', 'reps'],
  metrics: ['operations', 'management'],
  people: ['operations', 'management'],
  policies: ['management', 'leadership'],
  admin: ['reps', 'management', 'operations'],
  tools: ['operations', 'management', 'reps'],
  recruiting: ['management', 'leadership'],
  friction: ['reps', 'management', 'operations'],
  compensation: ['finance', 'operations', 'leadership', 'management'],
  marketing: ['management', 'leadership', 'reps'],
};

// Facts whose best-informed group differs from their section's. Person-level
// facts that a rep answers about themselves list `reps` (their own coaching,
// their own selling time); the CRM or sales operations knows attainment best.
const BY_FACT: Readonly<Record<string, G>> = {
  'plan.shared_with_reps': ['reps', 'management'],
  'process.forecast_accuracy_pct': ['operations', 'finance', 'management'],
  'process.pipeline_coverage': ['operations', 'management'],
  'process.win_rate_pct': ['operations', 'management'],
  'people[].attainment': ['operations', 'finance', 'management'],
  'people[].selling_time_pct': ['reps', 'operations', 'management'],
  'people[].coaching.plan': ['reps', 'management'],
  'people[].coaching.focus': ['reps', 'management'],
  'people[].coaching.one_to_one': ['reps', 'management'],
  'people[].coaching.hours_per_month': ['reps', 'management'],
  'metrics.team_involved': ['reps', 'management'],
  'admin.selling_time_pct': ['reps', 'operations', 'management'],
  'admin.support_staff': ['management', 'operations'],
  'people[].selling_share_pct': ['management', 'leadership'],
  'recruiting.reps_left_last_12_months': ['management', 'operations', 'finance'],
  'tools.crm_active_use_pct': ['operations', 'management', 'reps'],
  'tools.remote_access': ['reps', 'operations'],
  'tools.travel_connectivity': ['reps', 'operations'],
  'tools.reps_travel': ['reps', 'management'],
  'compensation.basis': ['finance', 'operations', 'reps', 'management'],
  'compensation.varies_by_objective': ['finance', 'management', 'reps'],
  'marketing.reps_create_messaging': ['reps', 'management'],
  'marketing.lead_follow_up_agreed': ['reps', 'management'],
  'marketing.qualified_lead_defined': ['management', 'reps'],
};

/** A fact path with its list indexes written as `[]`: `people[2].attainment` -> `people[].attainment`. */
export const factPattern = (path: string): string => path.replace(/\[\d+\]/g, '[]');

/**
 * Who can answer each custom fact of plugin rules, by path without indexes
 * (`custom.<rule id>.<field>`): see customFactGroups. Built-in rules make none.
 */
export type CustomGroups = ReadonlyMap<string, readonly RespondentGroup[]>;

/** The section a plugin rule's custom facts belong to when its reads name none: the one of its category. */
const BY_CATEGORY: Readonly<Record<Category, Section>> = {
  leadership: 'leadership',
  strategy: 'plan',
  process: 'process',
  people: 'people',
  enablement: 'tools',
  compensation: 'compensation',
};

/**
 * The section a plugin rule's custom facts are asked in (and whose groups
 * answer them by default): the one of the first built-in fact the rule reads
 * (a forecast question beside the forecast accuracy), else its category's.
 */
export function customFactSection(rule: { reads: readonly string[]; category: Category }): Section;
export function customFactSection(rule: { reads: readonly string[]; category?: Category }): Section | undefined;
export function customFactSection(rule: { reads: readonly string[]; category?: Category }): Section | undefined {
  for (const r of rule.reads) {
    const top = /^[A-Za-z0-9_$]+/.exec(r)?.[0] ?? '';
    if (top === 'custom') continue;
    // A top-level key that belongs to a section counts as it (people_csv -> people).
    const s = SECTIONS.find((x) => x === top) ?? SECTIONS.find((x) => top.startsWith(`${x}_`));
    if (s) return s;
  }
  return rule.category && BY_CATEGORY[rule.category];
}

/**
 * Who can answer each custom fact the rules declare (`facts`, each field made
 * with `fact`): its `askOf`, best informed first, else the groups of its
 * section (customFactSection). Empty for built-in rules.
 */
export function customFactGroups(rules: readonly { id: string; reads: readonly string[]; category?: Category; facts?: unknown }[]): CustomGroups {
  const out = new Map<string, readonly RespondentGroup[]>();
  for (const r of rules) {
    if (!r.facts) continue;
    const section = BY_SECTION[customFactSection(r) ?? ''] ?? [];
    for (const [path, meta] of customFactMetas([r])) out.set(path, meta.askOf?.length ? meta.askOf : section);
  }
  return out;
}

/**
 * The groups that can answer a fact, best informed first (never empty for a
 * fact of a known section; empty for waivers, which only the consultant sets).
 * Looks up the fact, then each enclosing object, then the section; a custom
 * fact (`custom.<rule id>.<field>...`) in `custom`, none without it.
 * @param path a fact path, `people[2].coaching.one_to_one` or its pattern
 * @param custom the groups of plugin rules' custom facts (customFactGroups)
 */
export function knownBy(path: string, custom?: CustomGroups): readonly RespondentGroup[] {
  if (path.startsWith('custom.')) {
    const field = /^custom\.[^.[]+\.[^.[]+/.exec(path)?.[0];
    return (field && custom?.get(field)) || [];
  }
  let p = factPattern(path);
  for (;;) {
    const hit = BY_FACT[p];
    if (hit) return hit;
    const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
    if (cut <= 0) break;
    p = p.slice(0, cut);
  }
  const section = /^[a-z_]+/.exec(path)?.[0] ?? '';
  return BY_SECTION[section] ?? [];
}

/** Whether a group can answer a fact (it appears in `knownBy`). */
export const canAnswer = (group: RespondentGroup, path: string, custom?: CustomGroups): boolean => knownBy(path, custom).includes(group);
