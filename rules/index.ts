// The registry: every rule, in the order reports list them (RULES.md).
// A meta-test checks that every file in rules/ is listed here.
import type { RuleDefinition } from '../src/engine/types';
import salesLeadership from './sales-leadership';
import roleTitleFit from './role-title-fit';
import goToMarketPlan from './go-to-market-plan';
import salesProcess from './sales-process';
import metricsAccountability from './metrics-accountability';
import individualCoaching from './individual-coaching';
import manageNotPayCut from './manage-not-pay-cut';
import sellingTime from './selling-time';
import salesTools from './sales-tools';
import continuousRecruiting from './continuous-recruiting';
import internalFriction from './internal-friction';
import profitBasedComp from './profit-based-comp';
import compBalancesClientValue from './comp-balances-client-value';
import dealStructureReview from './deal-structure-review';
import salesVsMarketing from './sales-vs-marketing';

export const rules: readonly RuleDefinition[] = [
  salesLeadership,
  roleTitleFit,
  goToMarketPlan,
  salesProcess,
  metricsAccountability,
  individualCoaching,
  manageNotPayCut,
  sellingTime,
  salesTools,
  continuousRecruiting,
  internalFriction,
  profitBasedComp,
  compBalancesClientValue,
  dealStructureReview,
  salesVsMarketing,
] as unknown as readonly RuleDefinition[];
