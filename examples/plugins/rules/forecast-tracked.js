// An example plugin: a rule of a consultancy's own, beside its org files.
// Named in .sales-audit.yaml (`plugins: [./rules/forecast-tracked.js]`), it gets
// what a built-in rule gets: `sales-audit rules` and `explain`, the score and
// checklist, SARIF rule metadata, waivers, and options under `rules:` in the
// config. ES module; the default export is a rule (or a list of rules).
import { defineRule, fact, options, threshold, z } from 'sales-audit';

export default defineRule({
  id: 'forecast-tracked',
  title: 'The forecast is checked against what closed, and is close enough to plan on',
  source: 'Example Consulting methodology (2026), pipeline review',
  category: 'process',
  severity: 'medium',
  reads: ['process.forecast_accuracy_pct', 'custom.forecast-tracked.compared_with_closed'],
  // Facts of its own, under custom.forecast-tracked in the org file, checked with file:line:col errors
  // and asked by the interview (in the section of the first built-in fact it reads: process), and by
  // `questionnaire --for` of the groups of that section (or of those `askOf` names).
  facts: z.strictObject({
    compared_with_closed: fact(z.optional(z.boolean({ error: 'expected true or false' })), {
      question: 'Does anyone compare each start-of-quarter forecast with what actually closed?',
      help: 'In a pipeline review or a board pack, every quarter.',
      // The fact in a report's words (default: the answer to "<question>").
      label: 'whether anyone compares the forecast with what closed',
    }),
  }),
  options: options({
    minAccuracyPct: threshold({
      default: 80,
      min: 0,
      max: 100,
      whole: true,
      description: 'Forecast accuracy (%) under which the forecast is too far off to plan hiring and cash on.',
      source: 'Example Consulting house default: a forecast 20% off moves a hiring decision by a quarter',
    }),
  }),
  docs: {
    description: 'Checks that the start-of-quarter forecast is compared with what closed, and comes within minAccuracyPct (80% by default).',
    rationale: 'Hiring, cash and targets are planned on the forecast; one that nobody checks against results drifts, and the company plans on numbers it cannot trust.',
  },
  messages: {
    notCompared: 'Nobody compares the forecast with what closed, so nobody knows how far off it is.',
    inaccurate: 'The forecast came within {pct}% of what closed; under {min}% the company cannot plan on it.',
  },
  steps: {
    review: {
      action: 'Compare each start-of-quarter forecast with what closed, and correct the stage probabilities until it comes within {min}%.',
      owner: 'Sales manager',
      effort: 'medium',
    },
  },
  check({ org, finding, step, options: o }) {
    if (org.custom?.['forecast-tracked']?.compared_with_closed === false) {
      const path = 'custom.forecast-tracked.compared_with_closed';
      return { score: 0, findings: [finding('notCompared', [path])], steps: [step('review', { min: o.minAccuracyPct }, [path])] };
    }
    const pct = org.process?.forecast_accuracy_pct;
    if (pct === undefined) return { notAssessed: ['process.forecast_accuracy_pct'] };
    if (pct >= o.minAccuracyPct) return { score: 1 };
    const path = 'process.forecast_accuracy_pct';
    return {
      score: Math.round((pct / o.minAccuracyPct) * 1000) / 1000,
      findings: [finding('inaccurate', [path], { pct, min: o.minAccuracyPct }, { thresholds: ['minAccuracyPct'], gap: 1 - pct / o.minAccuracyPct })],
      steps: [step('review', { min: o.minAccuracyPct }, [path])],
    };
  },
});
