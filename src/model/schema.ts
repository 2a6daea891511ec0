// The org file's schema: the one source of truth for the TypeScript types, the
// validation messages, the exported JSON Schema and the interview's questions.
// Every fact is optional: a missing fact is unknown, and the rules that need it
// are "not assessed". The loader strips `null` and the literal `unknown` before
// validation (recording where `unknown` was said), so the schema below only
// describes real answers.
import { noneAlone } from './checks';
import {
  SALES_MOTIONS,
  MANAGED_BY,
  OUTSIDE_HELP,
  PLAN_ELEMENTS,
  FORECAST_METHODS,
  CADENCES,
  KPI_KINDS,
  COACHING_PLANS,
  COACHING_FOCUS,
  PERFORMANCE_ACTIONS,
  SYSTEMS_OF_RECORD,
  RECRUITING_MODES,
  CHANNELS,
  FRICTION_AREAS,
  COMP_BASES,
  DEAL_REVIEWS,
  MARKETING_FUNCTIONS,
  MARKETING_OWNS,
  DRAWS,
} from './enums';
import { SECTIONS } from './sections';
import { RESPONDENT_GROUPS } from './respondents';
import * as z from 'zod/mini';
import './zod-locale';

/** What the interview and the docs need to know about one fact. */
export interface FactMeta {
  /** The question, in plain language, as the interview asks it. */
  question?: string;
  /** One line of help shown under the question. */
  help?: string;
  /** Labels for enum values, in the order they are offered. */
  choices?: Record<string, string>;
  /** For lists of objects: the singular noun used in "add another ...?". */
  item?: string;
  /** For lists of objects: offer a CSV roster path instead of item-by-item questions. */
  csv?: string;
  /** Unit shown after a number (%, hours, years...). */
  unit?: string;
  /**
   * Ask only when a sibling fact (same object) has one of these values, e.g. the
   * opening date only of an open role. Not asked while that fact is unanswered.
   */
  askIf?: { fact: string; in: readonly (string | number | boolean)[] };
  /**
   * Ask only while a sibling date (YYYY-MM-DD) is unanswered or less than
   * `days` days before the interview's date, e.g. a new leader's 90-day plan
   * only of a leader who took the role recently. Without a date, always asked.
   */
  askWhileRecent?: { fact: string; days: number };
  /**
   * Ask only while these top-level facts are not given (absent or an empty
   * list), e.g. the team-wide selling time only when people are not listed
   * one by one (`people` or a `people_csv` roster).
   */
  askWithout?: readonly string[];
  /** Asked by the interview even though no rule reads it (the report shows it). */
  askAlways?: boolean;
  /**
   * A date that cannot be after the interview's (audit) date: something that
   * has already happened (a role opened, a plan reviewed). A later date is
   * refused at once, in the terminal and in an answers file, with the reason
   * and this question to ask again ("when did it open?").
   */
  notAfterToday?: { again: string };
  /**
   * For a list of objects whose items another list may already hold (an open
   * role is an open seat): when that list has items whose `when` field is
   * true, the interview offers them as this list's answer, copying `fields`
   * (this list's field -> the other list's field). The first field pairs the
   * items (a territory named as a role's title); a later field that differs
   * between a pair is asked about, not taken silently.
   */
  offerFrom?: { list: string; when: string; fields: Readonly<Record<string, string>> };
}

// Typed wrapper around zod's registry so a typo in a meta key fails the build.
// The meta sits on the optional wrapper that makes the fact optional, so the
// value schemas below can be shared by many facts: every run builds this
// schema, and fewer objects built is a faster start.
const fact = <T extends z.ZodMiniType>(schema: T, meta: FactMeta) => {
  const optional = z.optional(schema);
  z.globalRegistry.add(optional, meta as never);
  return optional;
};

const isoDate = z.iso.date({ error: 'expected a date as YYYY-MM-DD' });
const pct = z.number({ error: 'expected a number from 0 to 100' }).check(z.gte(0, 'expected a number from 0 to 100'), z.lte(100, 'expected a number from 0 to 100'));
const count = z.number({ error: 'expected a whole number' }).check(z.int('expected a whole number'), z.gte(0, 'expected 0 or more'));
const text = z.string({ error: 'expected text' }).check(z.trim(), z.minLength(1, 'expected text'));
const bool = z.boolean({ error: 'expected true or false' });

const keys = <T extends Record<string, string>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];
const enumOf = <T extends Record<string, string>>(o: T, meta: FactMeta) => fact(z.enum(keys(o)), { ...meta, choices: o });
// A `none` choice ("no outside help") cannot stand beside real answers.
const listOf = <T extends Record<string, string>>(o: T, meta: FactMeta) =>
  fact(z.array(z.enum(keys(o))).check(z.refine(noneAlone, 'expected "none" alone, or a list without "none"')), { ...meta, choices: o });

// ---- sections ----
export const Company = z.strictObject({
  name: fact(text, { question: 'What is the company called?', help: 'A code name works too.', askAlways: true }),
  employees: fact(count, { question: 'How many people work at the company?', unit: 'people' }),
  sales_motion: enumOf(SALES_MOTIONS, {
    question: 'How does the company mostly sell?',
    help: 'Decides whether commission needs a client-outcome part.',
  }),
});

export const Leadership = z.strictObject({
  sales_managed_by: enumOf(MANAGED_BY, { question: 'Who manages the salespeople day to day?' }),
  manager_experience_years: fact(z.number({ error: 'expected a number of years' }).check(z.gte(0, 'expected 0 or more'), z.lte(60, 'expected at most 60')), {
    question: 'How many years has that person spent managing salespeople?',
    unit: 'years',
    askIf: { fact: 'sales_managed_by', in: ['ceo', 'founder', 'sales_manager'] },
  }),
  outside_help: listOf(OUTSIDE_HELP, { question: 'What outside help does the person running sales use?' }),
  leader_since: fact(isoDate, {
    question: 'Since when has the current sales leader been in the role?',
    help: 'A date as YYYY-MM-DD.',
    notAfterToday: { again: 'since when has the leader been in the role?' },
    askIf: { fact: 'sales_managed_by', in: ['ceo', 'founder', 'sales_manager'] },
  }),
  leaders_last_3_years: fact(count, {
    question: 'How many people have led sales in the last three years, counting the current leader?',
    unit: 'people',
  }),
  first_90_days_plan: fact(bool, {
    question: 'Does the sales leader have a written plan for their first 90 days in the role?',
    help: 'Asked of a leader who took the role recently.',
    askIf: { fact: 'sales_managed_by', in: ['ceo', 'founder', 'sales_manager'] },
    // sales-leadership judges it only of a leader in the role under newLeaderDays (90 by default);
    // 365, the most that setting allows, so that no setting leaves a needed fact unasked.
    askWhileRecent: { fact: 'leader_since', days: 365 },
  }),
  reps_per_manager: fact(count, {
    question: 'How many reps report to one first-line sales manager (the most any manager has)?',
    help: 'Span of control: count the reps a manager coaches, including a selling CEO\u2019s or a player-coach\u2019s.',
    unit: 'reps',
  }),
  manager_coaching_hours_per_month: fact(z.number({ error: 'expected a number of hours' }).check(z.gte(0, 'expected 0 or more'), z.lte(200, 'expected at most 200')), {
    question: 'How many hours a month can a first-line sales manager give to coaching their reps, after everything else they do?',
    help: 'A manager who also sells, or the CEO, usually has fewer.',
    unit: 'hours',
  }),
});

export const Role = z.strictObject({
  title: fact(text, { question: 'What is the job title?' }),
  open: fact(bool, { question: 'Is the role open (being hired for)?' }),
  opened_on: fact(isoDate, {
    question: 'When did the role open?',
    help: 'A date as YYYY-MM-DD.',
    askIf: { fact: 'open', in: [true] },
    notAfterToday: { again: 'when did the role open?' },
  }),
  carries_quota: fact(bool, { question: 'Does the role carry a personal sales quota?' }),
  direct_reports: fact(count, { question: 'How many people report to the role?', unit: 'people' }),
  hiring_authority: fact(bool, {
    question: 'Does the role have the authority and budget to hire?',
  }),
  role_profile: fact(bool, {
    question: 'Is there a written role profile (what the job needs, and why it is worth taking)?',
    askIf: { fact: 'open', in: [true] },
  }),
});

export const Plan = z.strictObject({
  documented: fact(bool, { question: 'Is there a written go-to-market sales plan?' }),
  covers: listOf(PLAN_ELEMENTS, { question: 'Which of these does the plan cover?', askIf: { fact: 'documented', in: [true] } }),
  shared_with_reps: fact(bool, { question: 'Has every rep seen the plan?', askIf: { fact: 'documented', in: [true] } }),
  last_reviewed: fact(isoDate, {
    question: 'When was the plan last reviewed?',
    help: 'A date as YYYY-MM-DD.',
    askIf: { fact: 'documented', in: [true] },
    notAfterToday: { again: 'when was the plan last reviewed?' },
  }),
  review_cadence: enumOf(
    { monthly: 'Monthly', quarterly: 'Quarterly', half_yearly: 'Every six months', yearly: 'Yearly', none: 'No set review' },
    { question: 'How often is the plan reviewed, as a standing practice?', askIf: { fact: 'documented', in: [true] } },
  ),
  goals_quantified: fact(bool, {
    question: 'Are the plan\u2019s goals numbers with a date (revenue, new customers, by when)?',
    askIf: { fact: 'documented', in: [true] },
  }),
  sales_target: fact(z.number({ error: 'expected an amount' }).check(z.gte(0, 'expected 0 or more')), {
    question: 'What is this year\u2019s sales target (bookings or revenue, in your currency)?',
    askIf: { fact: 'documented', in: [true] },
  }),
  quota_per_rep: fact(z.number({ error: 'expected an amount' }).check(z.gte(0, 'expected 0 or more')), {
    question: 'What is the yearly quota of a fully ramped rep (same currency)?',
    askIf: { fact: 'documented', in: [true] },
  }),
  ramped_reps: fact(z.number({ error: 'expected a number of reps' }).check(z.gte(0, 'expected 0 or more')), {
    question: 'How many full-year ramped reps does the plan count on?',
    help: 'A rep who joins mid-year or is still ramping counts in part (for example 0.5).',
    unit: 'reps',
    askIf: { fact: 'documented', in: [true] },
  }),
});

export const Stage = z.strictObject({
  name: fact(text, { question: 'What is the stage called?' }),
  buyer_activity: fact(text, { question: 'What is the buyer doing at this stage?' }),
  exit_criteria: fact(z.array(text), {
    question: 'What must be true to leave this stage? (comma-separated)',
    help: 'Milestones the buyer has reached, not activities the rep did.',
  }),
  exit_kind: enumOf(
    { buyer_milestone: 'Milestones the buyer has reached (budget confirmed, sponsor agrees)', seller_activity: 'Activities the seller has done (demo given, proposal sent)' },
    { question: 'Are the exit criteria of this stage milestones the buyer has reached, or activities the seller has done?', help: 'Left out, it is read from the wording of the exit criteria.' },
  ),
});

export const Process = z.strictObject({
  buyer_journey_mapped: fact(bool, {
    question: "Has the customer's buying process been mapped?",
  }),
  stages: fact(z.array(Stage), { question: 'What are the stages of the sales process?', item: 'stage' }),
  forecast_method: enumOf(FORECAST_METHODS, { question: 'How is the sales forecast made?' }),
  stage_reviews: enumOf(CADENCES, {
    question: 'How often is stage-by-stage conversion data reviewed?',
    help: 'Reviewing where deals stall shows where reps need help.',
  }),
  forecast_accuracy_pct: fact(pct, {
    question: 'Over the last four quarters, how close did the forecast made at the start of each quarter come to what closed?',
    help: '100 means exact; a forecast 10% off what closed is 90.',
    unit: '%',
  }),
  pipeline_coverage: fact(z.number({ error: 'expected a number (3 for 3 times)' }).check(z.gte(0, 'expected 0 or more'), z.lte(100, 'expected at most 100')), {
    question: 'How many times over does the qualified open pipeline cover the target still to close this period?',
    help: 'Pipeline value divided by the target still open: 3 means three times.',
    unit: '×',
  }),
  win_rate_pct: fact(pct, {
    question: 'Of the qualified opportunities decided in the last four quarters, what share was won?',
    help: 'Won divided by won plus lost (including no decision).',
    unit: '%',
  }),
});

export const Kpi = z.strictObject({
  name: fact(text, { question: 'What is the metric?' }),
  kind: enumOf({ ...KPI_KINDS, conversion: 'Conversion rate (stage to stage, win rate)' }, { question: 'What kind of metric is it?' }),
  target: fact(z.number({ error: 'expected a number' }), { question: 'What is its target?' }),
  owner: fact(text, { question: 'Who owns it?' }),
});

export const Metrics = z.strictObject({
  kpis: fact(z.array(Kpi), { question: 'Which sales metrics are tracked?', item: 'metric' }),
  review_cadence: enumOf(CADENCES, { question: 'How often are the metrics reviewed with the team?' }),
  team_involved: fact(bool, {
    question: 'Did the reps help define the metrics?',
  }),
});

export const Coaching = z.strictObject({
  plan: enumOf(COACHING_PLANS, { question: 'What development plan does this person have?' }),
  focus: listOf(COACHING_FOCUS, { question: 'What does the plan focus on?', askIf: { fact: 'plan', in: ['individual', 'generic'] } }),
  one_to_one: enumOf(CADENCES, { question: 'How often does this person have a one-to-one with their manager?' }),
  hours_per_month: fact(z.number({ error: 'expected a number of hours' }).check(z.gte(0, 'expected 0 or more'), z.lte(200, 'expected at most 200')), {
    question: 'How many hours of coaching does this person get per month?',
    unit: 'hours',
  }),
});

export const Action = z.strictObject({
  date: fact(isoDate, { question: 'When was it?', help: 'A date as YYYY-MM-DD.', notAfterToday: { again: 'when was it?' } }),
  action: enumOf(PERFORMANCE_ACTIONS, { question: 'What was done?' }),
});

export const Person = z.strictObject({
  name: fact(text, {
    question: 'Name or label',
    help: 'A role label such as "AE 1" is enough: the report works without personal data.',
  }),
  title: fact(text, { question: 'Job title' }),
  is_rep: fact(bool, {
    question: 'Does this person sell (carry a quota)?',
  }),
  direct_reports: fact(count, { question: 'How many people report to this person?', unit: 'people' }),
  hiring_authority: fact(bool, {
    question: 'Does this person have the authority and budget to hire?',
  }),
  start_date: fact(isoDate, {
    question: 'When did this person start in their current sales role?',
    help: 'A date as YYYY-MM-DD. A new rep is not judged on quota until the ramp-up period is over.',
    askIf: { fact: 'is_rep', in: [true] },
    notAfterToday: { again: 'when did this person start in the role?' },
  }),
  // Over 100 is normal (a rep beating quota); 1000 only catches typos.
  attainment: fact(z.array(z.number({ error: 'expected a percentage of quota' }).check(z.gte(0, 'expected 0 or more'), z.lte(1000, 'expected at most 1000 (% of quota)'))), {
    question: 'Quota attainment for recent quarters, oldest first (comma-separated %)',
    help: "Each quarter's bookings as a % of this person's own quota; for a part-time seller (a selling CEO), of the quota sized to their selling share.",
    unit: '%',
    askIf: { fact: 'is_rep', in: [true] },
  }),
  selling_time_pct: fact(pct, {
    question: 'What share of their week is spent selling?',
    help: 'Selling means time with buyers, by phone, video or face to face: not research, admin, internal meetings or travel.',
    unit: '%',
    askIf: { fact: 'is_rep', in: [true] },
  }),
  selling_share_pct: fact(pct, {
    question: 'What share of this person\u2019s job is selling (100 for a full-time seller; less for a selling CEO or a manager who also sells)?',
    help: 'A part-time seller is not judged as a full-time rep on quota or selling time.',
    unit: '%',
    askIf: { fact: 'is_rep', in: [true] },
  }),
  coaching: fact(Coaching, { askIf: { fact: 'is_rep', in: [true] } }),
  actions: fact(z.array(Action), {
    question: 'Which performance actions has this person had (pay cut, improvement plan, extra coaching, release)?',
    item: 'action',
  }),
});

export const NonSalesTask = z.strictObject({
  task: fact(text, { question: 'What is the task?' }),
  hours_per_week: fact(z.number({ error: 'expected a number of hours' }).check(z.gte(0, 'expected 0 or more'), z.lte(80, 'expected at most 80')), {
    question: 'Hours per rep per week',
    unit: 'hours',
  }),
  offloadable: fact(bool, {
    question: 'Could a less specialised, lower-paid role do it?',
  }),
});

export const Admin = z.strictObject({
  selling_time_pct: fact(pct, {
    question: 'Across the team, what share of reps\u2019 time goes to selling?',
    help: 'Selling means time with buyers, by phone, video or face to face: not research, admin, internal meetings or travel. Used when people are not listed one by one.',
    unit: '%',
    askWithout: ['people', 'people_csv'],
  }),
  non_sales_tasks: fact(z.array(NonSalesTask), {
    question: 'What non-sales tasks do reps do?',
    item: 'task',
    // An empty list earns nothing (selling-time): every rep has some admin, so a VP hears "none" as "not looked at".
    help: 'Every rep does some: CRM updates, quotes, order entry, internal meetings, expenses. List each with its hours; a task only a rep can do is not offloadable. An empty list earns nothing: the audit reads it as not looked at.',
  }),
  support_staff: fact(count, { question: 'How many support or admin staff help the reps?', unit: 'people' }),
});

export const Tools = z.strictObject({
  crm: fact(text, { question: 'Which CRM do the reps use? (write "none" if none)' }),
  system_of_record: enumOf(SYSTEMS_OF_RECORD, { question: 'Where does the real customer and deal data live?' }),
  crm_active_use_pct: fact(pct, { question: 'What share of reps use the CRM every week?', unit: '%' }),
  remote_access: fact(bool, {
    question: 'Can reps reach company systems from the road (phone, laptop)?',
    askIf: { fact: 'reps_travel', in: [true] },
  }),
  travel_connectivity: fact(bool, {
    question: 'Do travelling reps have mobile data where there is no Wi-Fi?',
    askIf: { fact: 'reps_travel', in: [true] },
  }),
  reps_travel: fact(bool, { question: 'Do reps travel to customers?' }),
});

export const OpenTerritory = z.strictObject({
  name: fact(text, { question: 'Which territory or seat?' }),
  opened_on: fact(isoDate, { question: 'When did it open?', help: 'A date as YYYY-MM-DD.', notAfterToday: { again: 'when did it open?' } }),
});

export const Recruiting = z.strictObject({
  mode: enumOf(RECRUITING_MODES, { question: 'When does the company recruit salespeople?' }),
  bench: fact(count, {
    question: 'How many qualified candidates could you call today if a seat opened?',
    unit: 'candidates',
  }),
  open_territories: fact(z.array(OpenTerritory), {
    question: 'Which territories or seats are open now?',
    item: 'open territory',
    // An open role is an open seat: asked once (issue 17 item 6).
    offerFrom: { list: 'roles', when: 'open', fields: { name: 'title', opened_on: 'opened_on' } },
  }),
  channels: listOf(CHANNELS, { question: 'Where do candidates come from?' }),
  reps_left_last_12_months: fact(count, {
    question: 'How many reps left the company (resigned or let go) in the last 12 months?',
    help: 'Attrition: the bench is judged against how many seats open in a year, as well as team size.',
    unit: 'reps',
  }),
});

export const FrictionPoint = z.strictObject({
  area: enumOf(FRICTION_AREAS, { question: 'Where is the friction?' }),
  description: fact(text, { question: 'What happens?' }),
  owner: fact(text, { question: 'Who owns fixing it?' }),
  mechanism: fact(text, {
    question: 'What resolves it? (a policy, credit insurance, capacity flexibility, an escalation path)',
  }),
});

export const Friction = z.strictObject({
  none_reported: fact(bool, {
    question: 'Can reps serve customers without fighting other departments?',
    help: 'Answer yes only if no internal battles (credit, stock, production, approvals) come up.',
  }),
  points: fact(z.array(FrictionPoint), {
    question: 'Where do reps fight the company for their customers?',
    item: 'friction point',
    askIf: { fact: 'none_reported', in: [false] },
  }),
});

export const Compensation = z.strictObject({
  basis: enumOf(COMP_BASES, { question: 'What is commission calculated on?' }),
  customer_profitability_reported: fact(bool, {
    question: 'Do salespeople see how profitable each customer is?',
  }),
  profit_target_incentive: fact(bool, {
    question: 'Is there a reward for deals closed above a standard profit target?',
    help: 'A margin floor is asked separately.',
    askIf: { fact: 'basis', in: ['revenue'] },
  }),
  client_outcome_component: fact(bool, {
    question: 'Does part of the pay depend on client outcomes (retention, renewal, client ROI)?',
  }),
  varies_by_objective: fact(bool, {
    question: 'Does the plan vary by product, client segment or market objective?',
  }),
  deal_review: enumOf(DEAL_REVIEWS, {
    question: 'Who reviews non-standard deals (discounts, terms, bundles) before signing?',
  }),
  margins_vary: fact(bool, {
    question: 'Do gross margins vary much from deal to deal (discounts, product mix, custom work)?',
    help: 'Where every deal earns about the same margin, commission on revenue is commission on margin.',
    askIf: { fact: 'basis', in: ['revenue'] },
  }),
  margin_floor: fact(bool, {
    question: 'Is there a margin floor, under which a deal earns no commission or cannot be signed without approval?',
    askIf: { fact: 'basis', in: ['revenue'] },
  }),
  components: fact(
    z.array(
      z.strictObject({
        measure: enumOf(
          {
            new_business: 'New business (bookings or revenue)',
            gross_margin: 'Gross margin or profit',
            retention: 'Retention or renewal',
            expansion: 'Expansion (upsell, cross-sell)',
            client_outcome: "Client outcomes (satisfaction, the client's return)",
            objectives: 'Objectives or activities (MBOs)',
            other: 'Something else',
          },
          { question: 'What does this part of the variable pay reward?' },
        ),
        weight_pct: fact(pct, { question: 'What share of the variable pay is it?', unit: '%' }),
      }),
    ),
    { question: 'What are the parts of the variable pay?', item: 'pay component', help: 'For example new business 70%, renewals 30%.' },
  ),
  pay_on_collection: fact(bool, { question: 'Is commission paid only once the customer has paid?' }),
  clawback: fact(bool, {
    question: 'Is commission taken back when a customer cancels or does not pay within a set period?',
  }),
  discount_approval_above_pct: fact(pct, {
    question: 'Above what discount (% off list price) must a deal be approved before it is signed?',
    help: '0 if every discount needs approval.',
    unit: '%',
    askIf: { fact: 'deal_review', in: ['deal_desk', 'manager'] },
  }),
  accelerators: fact(bool, { question: 'Does the commission rate rise once a rep passes quota (accelerators)?' }),
  capped: fact(bool, { question: 'Is commission capped (nothing more, or less, is paid past a ceiling)?' }),
  approver_paid_on_deal: fact(bool, {
    question: 'Does the person who approves a discounted deal earn commission or an override on that deal?',
    askIf: { fact: 'deal_review', in: ['deal_desk', 'manager'] },
  }),
  ramp_months: fact(z.number({ error: 'expected a number of months' }).check(z.int('expected a whole number of months'), z.gte(0, 'expected 0 or more'), z.lte(36, 'expected at most 36')), {
    question: 'For how many months does a new rep carry a reduced (ramped) quota?',
    help: '0 if a new rep carries the full quota from the first day.',
    unit: 'months',
  }),
  draw: enumOf(DRAWS, {
    question: 'Is a new rep paid a draw (an advance on commission) while ramping?',
  }),
  base_pct: fact(pct, {
    question: 'What share of a rep\u2019s on-target pay is base salary (the rest is variable)?',
    help: 'The pay mix: 60 means 60% base, 40% variable at quota.',
    unit: '%',
  }),
});

export const Policy = z.strictObject({
  applies_to: fact(text, {
    question: 'Which role does the policy apply to? (a job title from the roles, or "all reps")',
    help: 'A policy for a role holds for everyone in it, listed or not.',
  }),
  development_plan: enumOf(COACHING_PLANS, { question: 'What development plan does the policy give each rep in the role?' }),
  one_to_one: enumOf(CADENCES, { question: 'How often does the policy have each rep meet their manager one to one?' }),
  coaching_hours_per_month: fact(z.number({ error: 'expected a number of hours' }).check(z.gte(0, 'expected 0 or more'), z.lte(200, 'expected at most 200')), {
    question: 'How many hours of coaching a month does the policy give each rep?',
    unit: 'hours',
  }),
  underperformance: listOf(PERFORMANCE_ACTIONS, {
    question: 'What does the policy do with a rep who stays under quota, in order (extra coaching, an improvement plan, release)?',
  }),
  improvement_plan_deadline_days: fact(
    z.number({ error: 'expected a number of days' }).check(z.int('expected a whole number of days'), z.gte(1, 'expected 1 or more'), z.lte(730, 'expected at most 730')),
    {
      question: 'Within how many days must extra coaching or an improvement plan end in a decision (back to standard, or part ways)?',
      unit: 'days',
    },
  ),
});

export const Marketing = z.strictObject({
  function: enumOf(MARKETING_FUNCTIONS, { question: 'Who does marketing?' }),
  owns: listOf(MARKETING_OWNS, { question: 'What does marketing own?', askIf: { fact: 'function', in: ['dedicated', 'shared'] } }),
  reps_create_messaging: fact(bool, {
    question: 'Do reps write their own pitch, messaging or collateral?',
  }),
  issue_route: fact(bool, {
    question: 'Is there a set way for sales to raise market or messaging problems to marketing?',
  }),
  message_owner: fact(text, {
    question: 'Who owns positioning and messaging? (a role, such as CEO or Head of Marketing; "none" if nobody)',
    help: 'In a founder-led company this is often the CEO.',
  }),
  qualified_lead_defined: fact(bool, {
    question: 'Do sales and marketing (or whoever finds leads) share a written definition of a qualified lead?',
  }),
  lead_follow_up_agreed: fact(bool, {
    question: 'Is it agreed how fast, and how, sales follows up a qualified lead?',
  }),
});

export const Waiver = z.strictObject({
  rule: z.string({ error: 'expected a rule id' }).check(z.minLength(1, 'expected a rule id')),
  reason: z.string({ error: 'expected a reason' }).check(z.trim(), z.minLength(1, 'expected a reason')),
  owner: z.string({ error: 'expected an owner' }).check(z.trim(), z.minLength(1, 'expected an owner')),
  expires: isoDate,
});

// The choice lists, in their own module so that rules can read them without building the schema.
export * from './enums';

// In their own module, so that declaring `interview --section` does not build the schema.
export { SECTIONS, type Section } from './sections';

export const Answer = z.strictObject({
  by: z.string({ error: 'expected the respondent' }).check(z.minLength(1, 'expected the respondent')),
  on: z.optional(isoDate),
});

/**
 * One respondent's answers (issue 14: several respondents), kept as given:
 * `answers` maps a fact path to the answer (`unknown` for don't know); an
 * answer about one person of the roster is keyed by their name,
 * `people[name=AE 4].coaching.one_to_one` (a `people[3].…` key of an older file is
 * refused on load where that person has a name: src/load/responses.ts); a rep's answers about themselves that could not be tied to a person of the
 * roster are keyed `self.<fact>` (an answer about the reps in general). The
 * audit resolves one value per fact from these (src/engine/resolve.ts).
 */
export const Response = z.strictObject({
  /** Who answered, e.g. "Dana Reyes, AE"; absent for an anonymous respondent. */
  respondent: z.optional(z.string({ error: 'expected who answered' }).check(z.trim(), z.minLength(1, 'expected who answered'))),
  group: z.enum(RESPONDENT_GROUPS, { error: `expected the respondent's group: ${RESPONDENT_GROUPS.join(', ')}` }),
  /** Only the group's aggregate is ever shown; no name is stored. */
  anonymous: z.optional(z.boolean({ error: 'expected true or false' })),
  on: z.optional(isoDate),
  /**
   * A respondent without a name resumes their own entry by this code
   * (`interview --resume <code>`, printed when a session stops): random, never
   * shown in a report, so it names nobody.
   */
  resume: z.optional(z.string({ error: 'expected the resume code' }).check(z.trim(), z.minLength(1, 'expected the resume code'))),
  answers: z.record(z.string(), z.unknown()),
});

/** Where a section or fact came from, and as of when: a handbook page, a CRM export, an interview. */
export const Provenance = z.strictObject({
  source: z.string({ error: 'expected where the fact comes from' }).check(z.trim(), z.minLength(1, 'expected where the fact comes from')),
  as_of: z.optional(isoDate),
});

export const OrgSchema = z
  .strictObject({
    $schema: z.optional(z.string()),
    version: z.optional(z.literal(1, { error: 'expected version: 1' })),
    company: z.optional(Company),
    leadership: z.optional(Leadership),
    roles: fact(z.array(Role), { question: 'Which sales roles exist or are being hired for?', item: 'role' }),
    plan: z.optional(Plan),
    process: z.optional(Process),
    metrics: z.optional(Metrics),
    people: fact(z.array(Person), {
      question: 'Who is on the sales team?',
      item: 'person',
      csv: 'people_csv',
    }),
    people_csv: fact(text, {
      question: 'Path to a CSV roster (one row per person, same fields as people)',
      help: 'Relative to the org file.',
    }),
    policies: fact(z.array(Policy), {
      question: 'Which policies hold for a whole role (one-to-ones, coaching hours, what happens to a rep under quota)?',
      item: 'policy',
      help: 'For example weekly one-to-ones and 4 hours of coaching a month for all Account Executives.',
    }),
    admin: z.optional(Admin),
    tools: z.optional(Tools),
    recruiting: z.optional(Recruiting),
    friction: z.optional(Friction),
    compensation: z.optional(Compensation),
    marketing: z.optional(Marketing),
    waivers: z.optional(z.array(Waiver)),
    /** Consultant's free-text observations, per section. */
    notes: z.optional(z.partialRecord(z.enum(SECTIONS), z.string())),
    /** Who answered which fact in an interview (fact path -> respondent). */
    answers: z.optional(z.record(z.string(), Answer)),
    /** Every respondent's answers, one entry per respondent (issue 14); see Response. */
    responses: z.optional(z.array(Response)),
    /** Which group decides a fact when respondents disagree (fact pattern -> group), e.g. `people[].coaching.one_to_one: reps`; overrides the best-informed order of src/model/respondents.ts. */
    resolution: z.optional(z.record(z.string(), z.enum([...RESPONDENT_GROUPS, 'file'], { error: `expected a group (${RESPONDENT_GROUPS.join(', ')}) or file` }))),
    /** Where facts come from (section or fact path -> source and date), e.g. `plan: {source: "Handbook: Sales plan", as_of: 2025-06-01}`. */
    sources: z.optional(z.record(z.string(), Provenance)),
    /** Facts of plugin rules, under the rule's id (`custom.forecast-tracked.compared_with_closed`); each plugin's own schema checks its part. */
    custom: z.optional(z.record(z.string(), z.record(z.string(), z.unknown()))),
  })
  .register(z.globalRegistry, { title: 'sales-audit org file', description: 'A description of a B2B sales organisation, audited by sales-audit.' });

// Deep-partial is the truth: every nested field is optional too.
export type Org = z.infer<typeof OrgSchema>;
export type Person = z.infer<typeof Person>;
export type Role = z.infer<typeof Role>;
export type Policy = z.infer<typeof Policy>;
export type Waiver = z.infer<typeof Waiver>;
export type Response = z.infer<typeof Response>;
