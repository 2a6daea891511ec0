// Who can answer which fact. A consultant audits an organisation from several
// respondents (the CEO, the sales leader, the reps, sales operations, finance);
// each fact declares here the role groups that can answer it, best informed
// first. The questionnaire asks a group only the facts it can answer; the audit
// resolves disagreeing answers by this order unless the consultant overrides it.
// A plain table keyed by fact pattern (indexes as `[]`), cheap to import.

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
 * The groups that can answer a fact, best informed first (never empty for a
 * fact of a known section; empty for waivers, which only the consultant sets).
 * Looks up the fact, then each enclosing object, then the section.
 * @param path a fact path, `people[2].coaching.one_to_one` or its pattern
 */
export function knownBy(path: string): readonly RespondentGroup[] {
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
export const canAnswer = (group: RespondentGroup, path: string): boolean => knownBy(path).includes(group);
