// Fact paths in words a client reads. A report for a client should say "the
// performance actions of AE 3", not `people[7].actions`; the path stays as a
// small reference beside the words, and machine formats keep paths alone.
//
// The words are part of the model: one noun phrase per fact of the org
// schema (FACT_LABELS, checked against the schema by test/model/describe.test.ts,
// so a new fact without words fails the tests), and for each list the field
// that names an item (LIST_ITEMS). Plain data, no zod: the engine uses it on
// every run and the JSON audit must not load the schema.
import { parsePath, type Segment } from './paths';

/**
 * Words for each fact, keyed by its schema path (list items as `[]`): a noun
 * phrase that fits "the report could not assess ___" and "we need ___".
 * Inside a list item, `{item}` is replaced by the item's name (see
 * LIST_ITEMS); a label without `{item}` gets "of <item>" appended.
 */
export const FACT_LABELS: Readonly<Record<string, string>> = {
  $schema: 'the schema reference',
  version: 'the org file format version',
  company: 'the company',
  'company.name': "the company's name",
  'company.employees': 'how many people work at the company',
  'company.sales_motion': 'how the company mostly sells',
  leadership: 'who leads sales',
  'leadership.sales_managed_by': 'who manages the salespeople day to day',
  'leadership.manager_experience_years': "the sales manager's years of managing salespeople",
  'leadership.outside_help': 'the outside help the sales leader uses',
  'leadership.leader_since': 'since when the sales leader has been in the role',
  'leadership.leaders_last_3_years': 'how many people have led sales in the last three years',
  'leadership.first_90_days_plan': 'whether the sales leader has a written plan for the first 90 days',
  'leadership.reps_per_manager': 'how many reps report to one first-line sales manager (span of control)',
  'leadership.manager_coaching_hours_per_month': 'the hours a month a sales manager can give to coaching',
  roles: 'the sales roles',
  'roles[]': '{item}',
  'roles[].title': 'the job title of {item}',
  'roles[].open': 'whether {item} is being hired for',
  'roles[].opened_on': 'when {item} opened',
  'roles[].carries_quota': 'whether {item} carries a quota',
  'roles[].direct_reports': 'how many people report to {item}',
  'roles[].hiring_authority': 'who may hire for {item}',
  'roles[].role_profile': 'the written role profile for {item}',
  plan: 'the go-to-market sales plan',
  'plan.documented': 'whether there is a written sales plan',
  'plan.covers': 'what the sales plan covers',
  'plan.shared_with_reps': 'whether every rep has seen the sales plan',
  'plan.last_reviewed': 'when the sales plan was last reviewed',
  'plan.review_cadence': 'how often the sales plan is reviewed',
  'plan.goals_quantified': "whether the plan's goals are numbers with a date",
  'plan.sales_target': "this year's sales target",
  'plan.quota_per_rep': 'the yearly quota of a ramped rep',
  'plan.ramped_reps': 'how many ramped reps the plan counts on',
  process: 'the sales process',
  'process.buyer_journey_mapped': "whether the customer's buying process is mapped",
  'process.stages': 'the stages of the sales process',
  'process.stages[]': 'the "{item}" stage',
  'process.stages[].name': 'the name of the "{item}" stage',
  'process.stages[].buyer_activity': 'what the buyer does in the "{item}" stage',
  'process.stages[].exit_criteria': 'the exit criteria of the "{item}" stage',
  'process.stages[].exit_kind': 'whether the exit criteria of the "{item}" stage are buyer milestones or seller activities',
  'process.forecast_method': 'how the sales forecast is made',
  'process.stage_reviews': 'how often stage conversion is reviewed',
  'process.forecast_accuracy_pct': 'how accurate the sales forecast is',
  'process.pipeline_coverage': 'how many times the pipeline covers the open target',
  'process.win_rate_pct': 'the win rate of qualified opportunities',
  metrics: 'the sales metrics',
  'metrics.kpis': 'the sales metrics tracked',
  'metrics.kpis[]': 'the metric "{item}"',
  'metrics.kpis[].name': 'the name of the metric "{item}"',
  'metrics.kpis[].kind': 'what kind of metric "{item}" is',
  'metrics.kpis[].target': 'the target of the metric "{item}"',
  'metrics.kpis[].owner': 'who owns the metric "{item}"',
  'metrics.review_cadence': 'how often the metrics are reviewed with the team',
  'metrics.team_involved': 'whether the reps helped define the metrics',
  people: 'the people in sales',
  'people[]': '{item}',
  'people[].name': 'the name of {item}',
  'people[].start_date': 'when {item} started in the role',
  'people[].title': 'the job title of {item}',
  'people[].is_rep': 'whether {item} carries a quota',
  'people[].direct_reports': 'how many people report to {item}',
  'people[].hiring_authority': 'whether {item} may hire',
  'people[].attainment': 'the quota attainment of {item}',
  'people[].selling_time_pct': 'how much of the week {item} spends selling',
  'people[].selling_share_pct': 'the share of the job of {item} that is selling',
  'people[].coaching': 'the coaching of {item}',
  'people[].coaching.plan': 'the development plan of {item}',
  'people[].coaching.focus': 'what the development plan of {item} focuses on',
  'people[].coaching.one_to_one': 'how often {item} has a one-to-one',
  'people[].coaching.hours_per_month': 'the coaching hours {item} gets a month',
  'people[].actions': 'the performance actions of {item}',
  'people[].actions[]': 'a performance action for {item}',
  'people[].actions[].date': 'the date of a performance action for {item}',
  'people[].actions[].action': 'a performance action taken with {item}',
  people_csv: 'the CSV roster of the people in sales',
  policies: 'the policies for sales roles',
  'policies[]': 'the policy for {item}',
  'policies[].applies_to': 'the role the policy for {item} applies to',
  'policies[].development_plan': 'the development plan the policy for {item} sets',
  'policies[].one_to_one': 'how often the policy for {item} sets one-to-ones',
  'policies[].coaching_hours_per_month': 'the coaching hours a month the policy for {item} sets',
  'policies[].underperformance': 'what the policy for {item} does with a rep under quota',
  'policies[].improvement_plan_deadline_days': 'the decision deadline the policy for {item} sets',
  admin: 'the admin load on reps',
  'admin.selling_time_pct': "the share of reps' time spent selling",
  'admin.non_sales_tasks': 'the non-sales tasks reps do',
  'admin.non_sales_tasks[]': 'the task "{item}"',
  'admin.non_sales_tasks[].task': 'the task "{item}"',
  'admin.non_sales_tasks[].hours_per_week': 'the hours a week reps spend on "{item}"',
  'admin.non_sales_tasks[].offloadable': 'whether a less specialised role could do "{item}"',
  'admin.support_staff': 'how many support staff help the reps',
  tools: "the reps' tools",
  'tools.crm': 'the CRM the reps use',
  'tools.system_of_record': 'where the customer and deal data really live',
  'tools.crm_active_use_pct': 'the share of reps using the CRM every week',
  'tools.remote_access': 'whether reps can reach company systems on the road',
  'tools.travel_connectivity': 'whether travelling reps have mobile data',
  'tools.reps_travel': 'whether reps travel to customers',
  recruiting: 'how salespeople are recruited',
  'recruiting.mode': 'when the company recruits salespeople',
  'recruiting.bench': 'how many qualified candidates could be called today',
  'recruiting.open_territories': 'the open territories and seats',
  'recruiting.open_territories[]': 'the open territory "{item}"',
  'recruiting.open_territories[].name': 'the open territory "{item}"',
  'recruiting.open_territories[].opened_on': 'when the territory "{item}" opened',
  'recruiting.channels': 'where candidates come from',
  'recruiting.reps_left_last_12_months': 'how many reps left in the last 12 months',
  friction: 'internal friction',
  'friction.none_reported': 'whether reps can serve customers without fighting other departments',
  'friction.points': 'where reps fight the company for their customers',
  'friction.points[]': '{item}',
  'friction.points[].area': 'where {item} is',
  'friction.points[].description': 'what happens in {item}',
  'friction.points[].owner': 'who owns fixing {item}',
  'friction.points[].mechanism': 'what resolves {item}',
  compensation: 'how salespeople are paid',
  'compensation.basis': 'what commission is calculated on',
  'compensation.customer_profitability_reported': 'whether salespeople see how profitable each customer is',
  'compensation.profit_target_incentive': 'the reward for deals above a profit target',
  'compensation.client_outcome_component': 'the part of pay that depends on client outcomes',
  'compensation.varies_by_objective': 'whether the commission plan varies by objective',
  'compensation.deal_review': 'who reviews the structure of non-standard deals',
  'compensation.margins_vary': 'whether margins vary from deal to deal',
  'compensation.margin_floor': 'whether there is a margin floor on commission',
  'compensation.components': 'the parts of the variable pay',
  'compensation.components[]': 'the "{item}" part of the variable pay',
  'compensation.components[].measure': 'what the "{item}" part of the variable pay measures',
  'compensation.components[].weight_pct': 'the share of the variable pay on "{item}"',
  'compensation.pay_on_collection': 'whether commission waits until the customer pays',
  'compensation.clawback': 'whether commission is taken back on a cancelled or unpaid deal',
  'compensation.discount_approval_above_pct': 'the discount above which a deal needs approval',
  'compensation.accelerators': 'whether commission accelerates past quota',
  'compensation.capped': 'whether commission is capped',
  'compensation.approver_paid_on_deal': 'whether the approver of a discount earns on the deal',
  'compensation.ramp_months': 'how many months a new rep carries a reduced quota',
  'compensation.draw': 'whether a new rep is paid a draw while ramping',
  'compensation.base_pct': 'the share of on-target pay that is base salary',
  marketing: 'marketing',
  'marketing.function': 'who does marketing',
  'marketing.owns': 'what marketing owns',
  'marketing.reps_create_messaging': 'whether reps write their own messaging',
  'marketing.issue_route': 'how reps raise issues with marketing',
  'marketing.message_owner': 'who owns positioning and messaging',
  'marketing.qualified_lead_defined': 'whether sales and marketing share a definition of a qualified lead',
  'marketing.lead_follow_up_agreed': 'whether the follow-up of a qualified lead is agreed',
  waivers: 'the accepted risks (waivers)',
  'waivers[]': 'the waiver for {item}',
  'waivers[].rule': 'the rule the waiver for {item} covers',
  'waivers[].reason': 'the reason for the waiver for {item}',
  'waivers[].owner': 'the owner of the waiver for {item}',
  'waivers[].expires': 'when the waiver for {item} expires',
  notes: "the consultant's notes",
  custom: "the facts of a team's own rules",
  answers: 'who gave each answer',
  sources: 'where the facts come from',
  responses: "each respondent's answers",
  'responses[]': 'the answers of {item}',
  'responses[].respondent': 'who gave {item}',
  'responses[].group': 'the role group of {item}',
  'responses[].anonymous': 'whether {item} is anonymous',
  'responses[].on': 'when {item} was given',
  'responses[].resume': 'the code that resumes {item}',
  'responses[].answers': 'the answers in {item}',
  resolution: 'which group decides a disputed fact',
};

/** For each list of objects (by schema path): the field whose value names an item, and the noun for an item without one ("stage 2"). */
export const LIST_ITEMS: Readonly<Record<string, { nameField?: string; noun: string }>> = {
  roles: { nameField: 'title', noun: 'role' },
  policies: { nameField: 'applies_to', noun: 'policy' },
  'process.stages': { nameField: 'name', noun: 'stage' },
  'metrics.kpis': { nameField: 'name', noun: 'metric' },
  people: { nameField: 'name', noun: 'person' },
  'people[].actions': { nameField: 'action', noun: 'action' },
  'compensation.components': { nameField: 'measure', noun: 'part' },
  'admin.non_sales_tasks': { nameField: 'task', noun: 'task' },
  'recruiting.open_territories': { nameField: 'name', noun: 'open territory' },
  'friction.points': { noun: 'friction point' },
  waivers: { nameField: 'rule', noun: 'waiver' },
  // No name field: an item is never named by its respondent (anonymity, --redact).
  responses: { noun: 'response' },
};

/**
 * Who runs sales day to day, in words, when the org file says it is not a
 * dedicated manager: `the CEO` (`leadership.sales_managed_by: ceo`), `the
 * founder` (`founder`); undefined otherwise (a sales manager, nobody in
 * particular, or not known), where the standard role's words stand.
 */
export function salesRunBy(org: unknown): string | undefined {
  const by = (org as { leadership?: { sales_managed_by?: unknown } } | undefined)?.leadership?.sales_managed_by;
  return by === 'ceo' ? 'the CEO' : by === 'founder' ? 'the founder' : undefined;
}

/**
 * A text that speaks of "the sales manager" (a fact's words, a question, its
 * help), naming who runs sales when the org file says it is the CEO or the
 * founder (see salesRunBy): "the sales manager's years" -> "the CEO's years",
 * "one first-line sales manager" -> "the CEO or another first-line manager".
 * Unchanged when a sales manager runs sales or nobody is known to. Pure.
 */
export function namingWhoRunsSales(text: string, org: unknown): string {
  const who = salesRunBy(org);
  if (!who || !/sales manager/i.test(text)) return text;
  return text
    .replace(/\bone first-line sales manager\b/g, `${who} or another first-line manager`)
    .replace(/\b(?:a|the) (?:first-line )?sales manager\b/g, who)
    .replace(/\b(?:A|The) (?:first-line )?sales manager\b/g, who.replace(/^t/, 'T'));
}

/** `people[7].actions` -> `people[].actions`: the key of FACT_LABELS. */
const schemaKey = (segs: readonly Segment[]) => segs.reduce<string>((k, s) => (typeof s === 'number' ? `${k}[]` : k ? `${k}.${s}` : String(s)), '');

/**
 * A fact path in words a client reads, with the org's own names.
 *
 * - `people[7].actions` -> `the performance actions of AE 3` (people[7] is named AE 3)
 * - `roles[2].hiring_authority` -> `who may hire for VP of Sales` (the role's title)
 * - `process.stages[1].exit_criteria` -> `the exit criteria of the "Proposal" stage`
 * - `plan.documented` -> `whether there is a written sales plan`
 * - `people[7].attainment[2]` -> `the quota attainment of AE 3 (entry 3)`
 * - `people[].selling_time_pct` (a rule's reads) -> `how much of the week each person spends selling`
 *
 * A list item is named by its name field (LIST_ITEMS: a person's name, a
 * role's title...), else by its noun and 1-based number (`person 8`, also when
 * there is no org). A path the model does not know is returned as it is, so a
 * caller can always show the result. Pure: reads the org, never changes it,
 * never throws (any string in, a string out).
 *
 * @param path a fact path as in findings' evidence and `missing` (`a.b[2].c`)
 * @param org the org the path points into (for names); optional
 */
export function describeFact(path: string, org?: unknown): string {
  const segs = parsePath(path);
  if (!segs.length) return path;
  // A trailing index into a list of values (attainment[2]) is the list, plus which entry.
  let entry: number | undefined;
  let last = segs.length - 1;
  while (last > 0 && typeof segs[last] === 'number' && segs[last] !== -1 && !LIST_ITEMS[schemaKey(segs.slice(0, last))]) {
    entry = segs[last] as number;
    segs.pop();
    last--;
  }
  const label = FACT_LABELS[schemaKey(segs)];
  if (label === undefined) return path;
  // The innermost list item on the path names `{item}`.
  let itemAt = -1;
  for (let i = segs.length - 1; i > 0; i--)
    if (typeof segs[i] === 'number' && LIST_ITEMS[schemaKey(segs.slice(0, i))]) {
      itemAt = i;
      break;
    }
  let words = label;
  if (itemAt > 0) {
    const name = itemName(segs.slice(0, itemAt + 1), org);
    words = label.includes('{item}') ? label.replace('{item}', name) : `${label} of ${name}`;
  }
  // "the sales manager's years" names the CEO or the founder when they run sales.
  words = namingWhoRunsSales(words, org);
  return entry === undefined ? words : `${words} (entry ${entry + 1})`;
}

/** `people[7]` -> "AE 3" (its name field) or "person 8"; `people[]` -> "each person". Names are single-line and trimmed. */
function itemName(segs: readonly Segment[], org: unknown): string {
  const list = LIST_ITEMS[schemaKey(segs.slice(0, -1))]!;
  const index = segs.at(-1) as number;
  if (index === -1) return `each ${list.noun}`;
  let item: unknown = org;
  for (const s of segs) item = item !== null && typeof item === 'object' ? (item as Record<string | number, unknown>)[s] : undefined;
  const name = list.nameField && item !== null && typeof item === 'object' ? (item as Record<string, unknown>)[list.nameField] : undefined;
  if (typeof name === 'string' && name.trim()) return name.trim().replace(/\s+/g, ' ');
  return `${list.noun} ${index + 1}`;
}
