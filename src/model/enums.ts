// The org file's choice lists: value -> label. The values are stable (they appear
// in org files); the labels are what the interview and the reports show. In a
// module of their own so that rules can read them without building the schema.

export const SALES_MOTIONS = {
  transactional: 'Transactional (one-and-done sales)',
  relationship: 'Relationship selling (repeat business with the same clients)',
  solution: 'Solution selling (tailored products and services)',
} as const;
export const MANAGED_BY = {
  ceo: 'The CEO',
  founder: 'A founder (not the CEO)',
  sales_manager: 'A dedicated sales manager or leader',
  nobody: 'Nobody in particular',
} as const;
export const OUTSIDE_HELP = {
  advisor: 'A sales advisor',
  coach: 'A sales coach',
  fractional_leader: 'A fractional (part-time) sales leader',
  training: 'Sales-management training',
  reading: 'Reading: blogs, books, newsletters',
  none: 'None',
} as const;
export const PLAN_ELEMENTS = {
  target_markets: 'Target markets',
  ideal_customer_profile: 'Ideal customer profile',
  value_proposition: 'Value proposition',
  positioning: 'Positioning against alternatives',
  goals: 'Goals (what success looks like this year)',
} as const;
export const FORECAST_METHODS = {
  stage_weighted: 'Weighted by pipeline stage',
  evidence_based: 'Based on evidence gathered at each stage',
  gut: 'Gut feel / rep judgement',
  none: 'No forecast',
} as const;
export const CADENCES = {
  weekly: 'Weekly',
  monthly: 'Monthly',
  quarterly: 'Quarterly',
  none: 'Never / no fixed cadence',
} as const;
export const KPI_KINDS = {
  activity: 'Activity or leading indicator (meetings, proposals, pipeline added)',
  outcome: 'Outcome or lagging indicator (revenue, deals won)',
} as const;
export const COACHING_PLANS = {
  individual: 'An individual development plan written for this person',
  generic: 'The same plan as everyone else',
  none: 'No plan',
} as const;
export const COACHING_FOCUS = {
  skills: 'Selling skills',
  mindset: 'Mindset and confidence',
  time_management: 'Time management',
  product_knowledge: 'Product knowledge',
  pipeline: 'Pipeline discipline',
} as const;
export const PERFORMANCE_ACTIONS = {
  pay_cut: 'Pay or commission cut',
  improvement_plan: 'Performance improvement plan',
  coaching: 'Extra coaching',
  release: 'Released (parted ways)',
} as const;
export const SYSTEMS_OF_RECORD = {
  crm: 'The CRM',
  spreadsheets: 'Spreadsheets',
  notes: 'Notes, lists or sticky notes',
  none: 'Nothing in particular',
} as const;
export const RECRUITING_MODES = {
  continuous: 'Continuously, even with no open seat',
  on_vacancy: 'Only when a seat is open',
} as const;
export const CHANNELS = {
  referrals: 'Referrals',
  partners: 'Business partners',
  professional_networks: 'Professional networks and social media',
  competitor_talent: 'Courting people at competitors and in the industry',
  agencies: 'Recruiting agencies',
} as const;
export const FRICTION_AREAS = {
  credit: 'Credit administration',
  inventory: 'Inventory',
  production: 'Production or capacity',
  pricing: 'Pricing approvals',
  legal: 'Legal and contracts',
  other: 'Other',
} as const;
export const COMP_BASES = {
  revenue: 'Revenue (sales value)',
  gross_margin: 'Gross margin',
  profit: 'Profit',
  mixed: 'A mix (for example margin plus client outcomes)',
} as const;
export const DEAL_REVIEWS = {
  deal_desk: 'A deal desk reviews them',
  manager: 'A manager approves them',
  none: 'No review',
} as const;
export const MARKETING_FUNCTIONS = {
  dedicated: 'A dedicated marketing person or team',
  shared: 'Someone does marketing part-time',
  none: 'Nobody',
} as const;
export const MARKETING_OWNS = {
  positioning: 'Positioning',
  messaging: 'Messaging',
  collateral: 'Sales collateral',
  lead_generation: 'Lead generation',
} as const;

export const DRAWS = {
  recoverable: 'A recoverable draw (paid back from later commission)',
  non_recoverable: 'A non-recoverable draw (a guarantee, not paid back)',
  none: 'No draw',
} as const;
