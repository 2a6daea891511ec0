// Reader comment (R. Tormey), point 3: when reps are left to solve marketing
// problems, each one ends up taking the company to market their own way.
import { defineRule, joinNames } from '../src/engine/define-rule';
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
  requires: ['marketing.function', 'marketing.reps_create_messaging'],
  docs: {
    description:
      'Checks that someone owns marketing (positioning, messaging, collateral), that reps sell with that shared message instead of writing their own, and that sales has a set way to hand market problems back to marketing.',
    rationale:
      'Positioning and messaging are marketing work. When each rep has to invent them, the company reaches the market with as many stories as it has reps, and selling time goes into problems that one owner could solve once for everybody.',
  },
  messages: {
    noOwnerRepsWrite: 'Nobody owns marketing, and the reps write their own messaging and collateral.',
    repsStillWrite: 'Marketing is covered ({who}), but the reps still write their own messaging or collateral.',
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
    const m = org.marketing!;
    const hasMarketing = m.function !== 'none';
    const repsWrite = m.reps_create_messaging!;
    const route = m.issue_route;
    // Without a marketing function nobody owns anything, whatever `owns` lists.
    const notOwned = hasMarketing && m.owns !== undefined ? MESSAGE_ITEMS.filter((x) => !m.owns!.includes(x)) : [];
    const ownedShare = hasMarketing && m.owns !== undefined ? (MESSAGE_ITEMS.length - notOwned.length) / MESSAGE_ITEMS.length : 0;
    const items = joinNames(notOwned.map((x) => MARKETING_OWNS[x].toLowerCase()));

    // The band comes from the two core facts; owns and issue_route move the score within it,
    // and only when they are known (unknown neither earns nor costs anything).
    let score: number;
    const findings: ReturnType<typeof finding>[] = [];
    if (!hasMarketing && repsWrite) {
      score = route === true ? 0.2 : 0;
      findings.push(finding('noOwnerRepsWrite', ['marketing.function', 'marketing.reps_create_messaging']));
    } else if (hasMarketing && repsWrite) {
      score = 0.5 + 0.25 * ownedShare + (route === true ? 0.1 : 0);
      findings.push(finding('repsStillWrite', ['marketing.reps_create_messaging', 'marketing.function'], { who: MARKETING_FUNCTIONS[m.function!].toLowerCase() }));
    } else if (!hasMarketing) {
      score = 0.6 + (route === true ? 0.2 : 0);
      findings.push(finding('noMarketingOwner', ['marketing.function']));
    } else {
      score = 1 - 0.05 * notOwned.length - (route === false ? 0.1 : 0);
    }
    if (notOwned.length) findings.push(finding('notOwned', ['marketing.owns'], { items }));
    if (route === false) findings.push(finding('noIssueRoute', ['marketing.issue_route']));

    const steps: ReturnType<typeof step>[] = [];
    if (score < 1) {
      if (!hasMarketing) steps.push(step('nameOwner', {}, ['marketing.function']));
      if (notOwned.length) steps.push(step('ownItems', { items }, ['marketing.owns']));
      if (repsWrite) steps.push(step('oneMessage', {}, ['marketing.reps_create_messaging']));
      if (route === false) steps.push(step('issueRoute', {}, ['marketing.issue_route']));
    }
    return { score, findings, steps };
  },
});
