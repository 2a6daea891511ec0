// Facts an organisation should be able to measure (the article's mistake 4:
// what is not measured cannot be managed). A key left out of the org file is
// the auditor's unknown; an explicit "unknown" (don't know) answer to one of
// these means the company cannot say, which is a finding of its own. Kept out
// of the zod schema so the engine can read it without loading zod; the schema
// marks these facts `measurable` from this list.

/** Generic fact path (list items as `[]`) -> what is measured, in words a client reads; `{name}` is the person. */
export const MEASURABLE: Readonly<Record<string, string>> = {
  'people[].attainment': 'the quota attainment of {name}',
  'people[].selling_time_pct': 'the share of time {name} spends selling',
  'admin.selling_time_pct': 'the share of reps’ time that goes to selling',
  'tools.crm_active_use_pct': 'the share of reps who use the CRM every week',
  'roles[].opened_on': 'how long the open role has been open (time to fill)',
  'recruiting.open_territories[].opened_on': 'how long the open territory has been open (time to fill)',
  'process.forecast_accuracy_pct': 'how accurate the sales forecast is',
  'process.win_rate_pct': 'the win rate',
  'process.pipeline_coverage': 'the pipeline coverage of the target',
};

/** `people[3].attainment` -> `people[].attainment`. */
export const genericPath = (path: string): string => path.replace(/\[\d+\]/g, '[]');

/** True when the fact (a concrete path) is one an organisation should be able to measure. */
export const isMeasurable = (path: string): boolean => genericPath(path) in MEASURABLE;
