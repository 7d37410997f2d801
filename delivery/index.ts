/** Delivery: sends scenario timelines to receivers the provider's way. See delivery/README.md. */
export { deliver, interruptionOf, abortOnSignals } from './run.ts';
export type { DeliveryEntry } from './run.ts';
export { preflight, explainFailure, PREFLIGHT_TIMEOUT_MS } from './preflight.ts';
export type { PreflightTarget, PreflightOptions } from './preflight.ts';
export { defaultTimeMode, prepareRun, DEFAULTS, MAX_DRAIN_LIMIT } from './config.ts';
export type { DeliverOptions, IdempotencyProbe, RunConfig } from './config.ts';
export { serialize, identify } from './identity.ts';
export type { Prepared, Serialized } from './identity.ts';
export { jsonPointer } from '../contracts/json-pointer.ts';
export { probeIdempotency } from './probes.ts';
export { parseDeliveryFlags, parseRate, parseSpeed, SECRET_ENV, VALUE_FLAGS, BOOLEAN_FLAGS } from './options.ts';
export type { FlagValues, ParsedDeliveryFlags } from './options.ts';
export { loadProfile, loadProfiles, validateProfile, successPredicate, rejectsSome2xx, renderHeaders, profilePath } from './profile.ts';
export type { DeliveryProfile, AuthRule, Ordering, EventIdRule, HeaderTemplate } from './profile.ts';
export { resolveTarget, isLoopbackHost, nothingToProbe, urlSuggestion, urlHint } from './target.ts';
export type { DeliveryTarget, ResolvedTarget, WrongAuth } from './target.ts';
export { ConnectionPools, sendAttempt, classifyError } from './attempt.ts';
export type { AttemptRequest, AttemptResult, AttemptErrorKind } from './attempt.ts';
export {
  parseDuration,
  formatDuration,
  parseRetrySchedule,
  formatRetrySchedule,
  retryDelayMs,
  parseDelayRange,
  formatDelayRange,
  formatTimeMode,
  Pacer,
  systemClock,
  sleep,
  TIME_LIMITS,
  MAX_TIMER_MS,
  checkDurationRange,
  checkSpeed,
} from './schedule.ts';
export type { TimeMode, Clock, DelayRange, DurationLimit } from './schedule.ts';
export { Faults, DEFAULT_SEED, unitHash, reorderTimeline } from './faults.ts';
export type { FaultOptions, PlannedEntry } from './faults.ts';
export { OrderedDispatcher } from './ordering.ts';
export type { OrderedTask, DispatcherOptions } from './ordering.ts';
export { eventBody, openJournal, parseJournal } from './journal.ts';
export type { AttemptRecord, AttemptKind, AttemptOutcome, DeliveryOutcome, EventRecord, JournalSink, ParsedJournal } from './journal.ts';
export { CHECKS, emptyScenarioStats, totalCounts, evaluateScenarioChecks, evaluateAuthCheck, evaluateIdempotencyCheck } from './checks.ts';
export type { CheckId, CheckStatus, CheckResult, CheckDefinition, DeliveryCounts, ScenarioStats } from './checks.ts';
export { computeExitCode, EXIT, formatSummary, formatVerdict, toJsonSummary, toJUnitXml, writeReports, latencySummary } from './report.ts';
export type { RunResult, Summary, LatencySummary, DrainSummary, Interruption, DeliveryResult, FormatOptions } from './report.ts';
export { createProgress, silentProgress, formatEta, paint } from './progress.ts';
export type { Progress, ProgressCounters, ProgressStream, ProgressPlan, ProgressOptions } from './progress.ts';
export { redactUrl, Redactor, SECRET_PARAM_RE, urlSecrets } from './redact.ts';
