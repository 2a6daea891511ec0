// Reader comment (R. Tormey), point 3: when reps are left to solve marketing
// problems, each one ends up taking the company to market their own way. What a
// sales leader asks is who owns the story (the CEO, in a founder-led company),
// whether every rep tells it, and whether sales and whoever finds leads agree on
// what a qualified lead is and how fast it is followed up: not whether there is
// a marketing department.
import { bracket, defineRule, joinNames, saysNone } from '../src/engine/define-rule';
import type { CheckOut } from '../src/engine/types';
import { MARKETING_FUNCTIONS, MARKETING_OWNS } from '../src/model/enums';

/** What the owner of the story owns. */
const MESSAGE_ITEMS = ['positioning', 'messaging'] as const;

export default defineRule({
  id: 'sales-vs-marketing',
  title: 'Marketing problems are solved by marketing, not by each rep',
  source: 'Reader comment, R. Tormey, point 3',
  category: 'strategy',
  severity: 'high',
  reads: [
    'leadership.sales_managed_by',
    'marketing.message_owner',
    'marketing.function',
    'marketing.owns',
    'marketing.reps_create_messaging',
    'marketing.qualified_lead_defined',
    'marketing.lead_follow_up_agreed',
    'marketing.issue_route',
  ],
  docs: {
    description:
      'Checks that someone owns positioning and messaging (a marketing team, a part-time marketer, or the CEO in a founder-led company: no marketing department is required), that reps sell with that shared message instead of writing their own, that sales and whoever finds leads share a definition of a qualified lead and an agreement on how it is followed up, and that sales has a set way to hand market problems back to the owner of the message.',
    rationale:
      'Positioning and messaging are marketing work, whoever does it. When each rep has to invent them, the company reaches the market with as many stories as it has reps, and selling time goes into problems one owner could solve once for everybody. Without a shared idea of a qualified lead and of how fast it is followed up, leads are argued over instead of worked.',
  },
  messages: {
    noOwnerRepsWrite: 'Nobody owns positioning and messaging, and the reps write their own pitch and collateral.',
    repsWrite: 'The reps write their own pitch, messaging or collateral: the market hears as many stories as there are reps.',
    noMessageOwner: 'Nobody owns positioning and messaging: the shared story has no owner to keep it current.',
    notOwned: 'Marketing ({who}) does not own {items}, and no one else is named as their owner.',
    noLeadDefinition: 'Sales and whoever finds leads share no definition of a qualified lead.',
    noFollowUp: 'There is no agreement on how fast, and how, sales follows up a qualified lead.',
    noIssueRoute: 'Sales has no set way to raise market or messaging problems to whoever owns the message.',
  },
  steps: {
    // The founder or CEO who runs sales: the engine resolves "Sales manager" to the CEO or the founder, and
    // namingWhoRunsSales words "the sales manager" as whoever the file says runs sales ("As the CEO running sales").
    founderOwnsMessage: {
      action: 'As the sales manager running sales, own positioning and messaging in writing until a marketer takes them over.',
      owner: 'Sales manager',
      effort: 'low',
    },
    nameOwner: {
      action: 'Name an owner for positioning and messaging (a marketing hire, a part-time marketer or an agency).',
      owner: 'CEO',
      effort: 'medium',
    },
    ownItems: { action: 'Make marketing responsible for {items}.', owner: 'CEO', effort: 'low' },
    // Marketing where it exists; the engine gives it to the CEO where the company has none.
    oneMessage: {
      action: 'Build one shared message and collateral set for every rep, and retire the versions reps made themselves.',
      owner: 'Marketing',
      effort: 'medium',
    },
    defineLead: {
      action: 'Write down, with whoever finds leads, what makes a lead qualified (fit, need, timing), and record it in the CRM.',
      owner: 'Sales manager',
      effort: 'low',
    },
    agreeFollowUp: {
      action: 'Agree how fast sales follows up a qualified lead, and what happens to a lead sales turns down.',
      owner: 'Sales manager',
      effort: 'low',
    },
    issueRoute: {
      action: 'Set a route for sales to raise market issues, with the owner of the message resolving them quickly.',
      owner: 'Sales manager',
      effort: 'low',
    },
  },
  check({ org, finding, step }) {
    const m = org.marketing ?? {};
    const fn = m.function;
    const founderLed = org.leadership?.sales_managed_by === 'ceo' || org.leadership?.sales_managed_by === 'founder';
    const ownerNamed = m.message_owner === undefined ? undefined : !saysNone(m.message_owner);
    const hasMarketing = fn === undefined ? undefined : fn !== 'none';
    // Without a marketing function nobody in marketing owns anything, whatever `owns` lists.
    const share = (owns: readonly string[]) => MESSAGE_ITEMS.filter((x) => owns.includes(x)).length / MESSAGE_ITEMS.length;
    const notOwned = hasMarketing && m.owns !== undefined ? MESSAGE_ITEMS.filter((x) => !m.owns!.includes(x)) : [];
    const items = joinNames(notOwned.map((x) => MARKETING_OWNS[x].toLowerCase()));
    const repsWrite = m.reps_create_messaging;
    const yesNo = (id: string, weight: number, v: boolean | undefined, path: string): CheckOut => (v === undefined ? { id, weight, score: [0, 1], unknown: [path] } : { id, weight, score: v ? 1 : 0 });

    const checks: CheckOut[] = [
      // Someone owns positioning and messaging (3/10): a named owner, or marketing owning them.
      {
        id: 'message-owner',
        weight: 3,
        score: bracket((pick) => (pick(ownerNamed, false, true) ? 1 : pick(hasMarketing, false, true) ? (m.owns === undefined ? pick<number>(undefined, 0, 1) : share(m.owns)) : 0)),
        unknown: [
          ...(m.message_owner === undefined ? ['marketing.message_owner'] : []),
          ...(fn === undefined ? ['marketing.function'] : []),
          ...(m.owns === undefined && fn !== 'none' ? ['marketing.owns'] : []),
        ],
      },
      // Every rep tells that story (3/10).
      yesNo('one-message', 3, repsWrite === undefined ? undefined : !repsWrite, 'marketing.reps_create_messaging'),
      // A shared definition of a qualified lead (1.5/10) and a follow-up agreement (1.5/10).
      yesNo('lead-definition', 1.5, m.qualified_lead_defined, 'marketing.qualified_lead_defined'),
      yesNo('lead-follow-up', 1.5, m.lead_follow_up_agreed, 'marketing.lead_follow_up_agreed'),
      // Market problems have a route back (1/10).
      yesNo('issue-route', 1, m.issue_route, 'marketing.issue_route'),
    ];

    const findings: ReturnType<typeof finding>[] = [];
    const steps: ReturnType<typeof step>[] = [];
    const nobody = ownerNamed === false && hasMarketing === false;
    const nobodyPaths = ['marketing.message_owner', 'marketing.function'];
    if (nobody && repsWrite === true) findings.push(finding('noOwnerRepsWrite', [...nobodyPaths, 'marketing.reps_create_messaging']));
    else {
      if (nobody) findings.push(finding('noMessageOwner', nobodyPaths));
      if (repsWrite === true) findings.push(finding('repsWrite', ['marketing.reps_create_messaging']));
    }
    if (ownerNamed !== true && notOwned.length) findings.push(finding('notOwned', ['marketing.owns'], { items, who: MARKETING_FUNCTIONS[fn!].toLowerCase() }));
    if (m.qualified_lead_defined === false) findings.push(finding('noLeadDefinition', ['marketing.qualified_lead_defined']));
    if (m.lead_follow_up_agreed === false) findings.push(finding('noFollowUp', ['marketing.lead_follow_up_agreed']));
    if (m.issue_route === false) findings.push(finding('noIssueRoute', ['marketing.issue_route']));

    if (nobody) steps.push(founderLed ? step('founderOwnsMessage', {}, nobodyPaths) : step('nameOwner', {}, nobodyPaths));
    if (ownerNamed !== true && notOwned.length) steps.push(step('ownItems', { items }, ['marketing.owns']));
    if (repsWrite === true) steps.push(step('oneMessage', {}, ['marketing.reps_create_messaging']));
    if (m.qualified_lead_defined === false) steps.push(step('defineLead', {}, ['marketing.qualified_lead_defined']));
    if (m.lead_follow_up_agreed === false) steps.push(step('agreeFollowUp', {}, ['marketing.lead_follow_up_agreed']));
    if (m.issue_route === false) steps.push(step('issueRoute', {}, ['marketing.issue_route']));
    return { checks, findings, steps };
  },
});
