// Reader comment (R. Tormey), point 3: when reps are left to solve marketing
// problems, each one ends up taking the company to market their own way.
import { bracket, defineRule, joinNames } from '../src/engine/define-rule';
import type { CheckOut } from '../src/engine/types';
import { MARKETING_FUNCTIONS, MARKETING_OWNS } from '../src/model/enums';

/** What marketing must own so that every rep tells the market the same story. */
const MESSAGE_ITEMS = ['positioning', 'messaging', 'collateral'] as const;

export default defineRule({
  id: 'sales-vs-marketing',
  title: 'Marketing problems are solved by marketing, not by each rep',
  source: 'Reader comment, R. Tormey, point 3',
  category: 'strategy',
  severity: 'high',
  reads: ['marketing.function', 'marketing.owns', 'marketing.reps_create_messaging', 'marketing.issue_route'],
  docs: {
    description:
      'Checks that someone owns marketing (positioning, messaging, collateral), that reps sell with that shared message instead of writing their own, and that sales has a set way to hand market problems back to marketing.',
    rationale:
      'Positioning and messaging are marketing work. When each rep has to invent them, the company reaches the market with as many stories as it has reps, and selling time goes into problems that one owner could solve once for everybody.',
  },
  messages: {
    noOwnerRepsWrite: 'Nobody owns marketing, and the reps write their own messaging and collateral.',
    repsStillWrite: 'Marketing is covered ({who}), but the reps still write their own messaging or collateral.',
    repsWrite: 'The reps write their own messaging or collateral.',
    noMarketingOwner: 'Nobody owns marketing: the shared message has no owner to keep it current.',
    notOwned: 'Marketing does not own {items}.',
    noIssueRoute: 'Sales has no set way to raise market or messaging problems to marketing.',
  },
  steps: {
    nameOwner: {
      action: 'Name an owner for positioning and messaging (a marketing hire, a part-time marketer or an agency).',
      owner: 'CEO',
      effort: 'medium',
    },
    ownItems: { action: 'Make marketing responsible for {items}.', owner: 'CEO', effort: 'low' },
    oneMessage: {
      action: 'Build one shared message and collateral set for every rep, and retire the versions reps made themselves.',
      owner: 'Marketing',
      effort: 'medium',
    },
    issueRoute: {
      action: 'Set a route for sales to raise market issues, with a person in marketing who resolves them quickly.',
      owner: 'Sales manager',
      effort: 'low',
    },
  },
  check({ org, finding, step }) {
    const m = org.marketing ?? {};
    const fn = m.function;
    const repsWrite = m.reps_create_messaging;
    const route = m.issue_route;
    const hasMarketing = fn === undefined ? undefined : fn !== 'none';
    // Without a marketing function nobody owns anything, whatever `owns` lists.
    const notOwned = hasMarketing && m.owns !== undefined ? MESSAGE_ITEMS.filter((x) => !m.owns!.includes(x)) : [];
    const items = joinNames(notOwned.map((x) => MARKETING_OWNS[x].toLowerCase()));
    const known = (id: string, weight: number, v: boolean | undefined, path: string): CheckOut =>
      v === undefined ? { id, weight, score: [0, 1], unknown: [path] } : { id, weight, score: v ? 1 : 0 };

    const checks: CheckOut[] = [
      // Someone owns marketing (3/10), reps sell one shared message (4/10),
      // marketing owns positioning, messaging and collateral (2/10), market problems have a route back (1/10).
      known('marketing-owner', 3, hasMarketing, 'marketing.function'),
      known('one-message', 4, repsWrite === undefined ? undefined : !repsWrite, 'marketing.reps_create_messaging'),
      {
        id: 'owns-message',
        weight: 2,
        score: bracket((pick) => (pick(hasMarketing, false, true) ? (m.owns === undefined ? pick<number>(undefined, 0, 1) : (MESSAGE_ITEMS.length - MESSAGE_ITEMS.filter((x) => !m.owns!.includes(x)).length) / MESSAGE_ITEMS.length) : 0)),
        unknown: [...(fn === undefined ? ['marketing.function'] : []), ...(m.owns === undefined && fn !== 'none' ? ['marketing.owns'] : [])],
      },
      known('issue-route', 1, route, 'marketing.issue_route'),
    ];

    const findings: ReturnType<typeof finding>[] = [];
    if (hasMarketing === false && repsWrite === true) findings.push(finding('noOwnerRepsWrite', ['marketing.function', 'marketing.reps_create_messaging']));
    else if (hasMarketing === true && repsWrite === true) findings.push(finding('repsStillWrite', ['marketing.reps_create_messaging', 'marketing.function'], { who: MARKETING_FUNCTIONS[fn!].toLowerCase() }));
    else if (repsWrite === true) findings.push(finding('repsWrite', ['marketing.reps_create_messaging']));
    else if (hasMarketing === false) findings.push(finding('noMarketingOwner', ['marketing.function']));
    if (notOwned.length) findings.push(finding('notOwned', ['marketing.owns'], { items }));
    if (route === false) findings.push(finding('noIssueRoute', ['marketing.issue_route']));

    const steps: ReturnType<typeof step>[] = [];
    if (hasMarketing === false) steps.push(step('nameOwner', {}, ['marketing.function']));
    if (notOwned.length) steps.push(step('ownItems', { items }, ['marketing.owns']));
    if (repsWrite === true) steps.push(step('oneMessage', {}, ['marketing.reps_create_messaging']));
    if (route === false) steps.push(step('issueRoute', {}, ['marketing.issue_route']));
    return { checks, findings, steps };
  },
});
