// PLACEHOLDER: being written. Replace this whole file.
import { defineRule } from '../src/engine/define-rule';

export default defineRule({
  id: 'internal-friction',
  title: 'TODO',
  source: 'TODO',
  category: 'people',
  severity: 'low',
  reads: [],
  docs: { description: 'TODO', rationale: 'TODO' },
  messages: {},
  steps: {},
  check() {
    throw new Error('not implemented');
  },
});
