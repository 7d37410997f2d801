/**
 * `provider-mock/pact`: Pact helpers for teams that consume mluvii or Enreach webhooks.
 * Consumers: `enreachMessage` / `mluviiMessage` + `receive` (V4) or `expectMessage` (V3).
 * Providers' side: `verifyPacts` (also `provider-mock pact verify`).
 */
export {
  PACT_PROVIDER,
  EVENTS,
  ENREACH_STATES,
  MLUVII_STATES,
  providerStates,
  findState,
  statesFor,
  messageMetadata,
  type EnreachState,
  type MluviiState,
  type EventName,
  type StateDefinition,
} from './constants.ts';
export {
  bodyWithMatchers,
  enumMatcher,
  guid,
  mluviiDatetime,
  enreachDatetime,
  isPactMatcher,
  type MatcherOptions,
  type NullRule,
} from './matchers.ts';
export {
  message,
  enreachMessage,
  mluviiMessage,
  providerPact,
  receive,
  expectMessage,
  type MessageOptions,
  type PactMessage,
  type ProviderPactOptions,
} from './consumer.ts';
export {
  verifyPacts,
  formatVerifyResult,
  generatorFactory,
  pactsInDir,
  type VerifyOptions,
  type VerifyResult,
  type VerifiedPact,
  type MessageFactory,
  type FactoryOptions,
  type ConsumerVersionSelector,
} from './verify.ts';
export { precheckInteraction, readPact, formatIssue, type PactIssue, type PactFile, type MessageInteraction } from './precheck.ts';
