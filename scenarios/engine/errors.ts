import { ProviderMockError, unknownName, type ErrorDetails } from '../../contracts/errors.ts';

/**
 * Stable codes of the scenario language's user errors (exit 2). Each error says where
 * (`file.yaml:line:column`, or the CLI flag), what was wrong, and the fix or the valid values.
 */
export const CODES = {
  yaml: 'PM_SCENARIO_YAML',
  schema: 'PM_SCENARIO_SCHEMA',
  unknownEvent: 'PM_SCENARIO_UNKNOWN_EVENT',
  unknownStep: 'PM_SCENARIO_UNKNOWN_STEP',
  forwardRef: 'PM_SCENARIO_FORWARD_REF',
  badRef: 'PM_SCENARIO_BAD_REF',
  unknownParam: 'PM_SCENARIO_UNKNOWN_PARAM',
  unknownContextKey: 'PM_SCENARIO_UNKNOWN_CONTEXT_KEY',
  duplicateStep: 'PM_SCENARIO_DUPLICATE_STEP',
  circularInclude: 'PM_SCENARIO_CIRCULAR_INCLUDE',
  unknownScenario: 'PM_SCENARIO_UNKNOWN_SCENARIO',
  providerMismatch: 'PM_SCENARIO_PROVIDER_MISMATCH',
  badOverride: 'PM_SCENARIO_BAD_OVERRIDE',
  badDuration: 'PM_SCENARIO_BAD_DURATION',
  badValue: 'PM_SCENARIO_BAD_VALUE',
  badSet: 'PM_SCENARIO_BAD_SET',
  unreadable: 'PM_SCENARIO_UNREADABLE',
  invalidPayload: 'PM_SCENARIO_INVALID_PAYLOAD',
  generator: 'PM_SCENARIO_GENERATOR',
} as const;

export function scenarioError(code: string, what: string, details: ErrorDetails = {}): ProviderMockError {
  return new ProviderMockError(code, what, details);
}

export { ProviderMockError, unknownName };
