/**
 * Consumer-side helpers: one call builds everything a message interaction needs (description,
 * provider state, body with matchers, metadata), checked against the catalog as it is built.
 *
 *   const pact = providerPact('enreach', { consumer: 'crm-sync', dir: 'pacts' });
 *   await receive(pact, enreachMessage('QueueCallInUserConnected'), (body) => crm.handle(body));
 */
import { MatchersV3, PactV4, SpecificationVersion, type MessageConsumerPact } from '@pact-foundation/pact';
import { ProviderMockError, formatIssues, resolveEvent, validate, type Provider } from '../contracts/index.ts';
import { eventDocExamples } from '../contracts/export/examples.ts';
import { EVENT_TYPE_FIELD, PACT_PROVIDER, findState, messageMetadata, providerStates, statesFor, type EnreachState, type EventName, type MluviiState } from './constants.ts';
import { bodyWithMatchers, isPactMatcher, type NullRule } from './matchers.ts';
import { checkPathInSchema, formatPath, getAt, parsePath, pick, setAt, type Segment } from './paths.ts';
import { sampleEvent } from './sample.ts';
import { rootOf } from './shape.ts';

export interface MessageOptions<S extends string = string> {
  /** The provider state (`given`); default: the first state that leads to this event. */
  state?: S;
  /**
   * JSON path → value, applied to the example (`{ QueueName: 'Sales', 'data.channel': 'Chat' }`).
   * A plain value is an example value, matched by the schema's rule; a Pact matcher
   * (`MatchersV3.equal('Sales')`) replaces the rule for that field.
   */
  overrides?: Record<string, unknown>;
  /**
   * Only these fields (JSON paths, with their subtrees) become part of the contract: the ones
   * the consumer reads. The event type field is always kept. Default: every field of the example.
   */
  fields?: readonly string[];
  /** A whole payload to start from instead of the provider doc's example. */
  example?: unknown;
  /**
   * Which nullable fields are in the contract (Pact cannot say "T or null"): `named` (default):
   * only the ones named in `fields` or `overrides`; `example`: every one the example gives a value.
   */
  nullable?: 'named' | 'example';
  /** What a null value of a named nullable field becomes: left out (default) or the literal null. See matchers.ts. */
  nulls?: NullRule;
}

/** Everything a V4 asynchronous interaction or a V3 MessageConsumerPact needs. */
export interface PactMessage {
  provider: Provider;
  /** The interaction description: the event type, exactly as on the wire. */
  description: string;
  providerState: string;
  /** The message body with Pact matchers. */
  content: Record<string, unknown>;
  metadata: Record<string, string>;
  /** The plain payload the body was built from (after overrides and `fields`). */
  example: unknown;
}

function baseExample(provider: Provider, eventType: string): unknown {
  const doc = eventDocExamples(provider, eventType)[0];
  return structuredClone(doc ? doc.value : sampleEvent(provider, eventType));
}

/** A message of any event of either provider; see `enreachMessage` and `mluviiMessage`. */
export function message(provider: Provider, eventType: string, options: MessageOptions = {}): PactMessage {
  const entry = resolveEvent(eventType, provider);
  const root = rootOf(entry.schemaId);

  const stateName = options.state ?? statesFor(provider, entry.eventType)[0]?.name;
  if (stateName === undefined) throw new ProviderMockError('PM_INTERNAL', `no provider state leads to ${provider} ${entry.eventType}`);
  const state = findState(provider, stateName);
  if (!state) {
    throw new ProviderMockError('PM_PACT_STATE', `unknown ${provider} provider state "${stateName}"`, {
      validValues: providerStates(provider).map((s) => s.name),
    });
  }
  if (!state.events.includes(entry.eventType)) {
    throw new ProviderMockError('PM_PACT_STATE', `in the state "${stateName}" ${provider} does not send ${entry.eventType}`, {
      validValues: statesFor(provider, entry.eventType).map((s) => s.name),
    });
  }

  const example = structuredClone(options.example ?? baseExample(provider, entry.eventType)) as Record<string, unknown>;
  const matcherOverrides: [Segment[], unknown][] = [];
  const named = new Set<string>();
  for (const [path, value] of Object.entries(options.overrides ?? {})) {
    const segs = parsePath(path);
    checkPathInSchema(root, segs, path);
    named.add(formatPath(segs));
    if (isPactMatcher(value)) {
      matcherOverrides.push([segs, value]);
      setAt(example, segs, MatchersV3.reify(value));
    } else {
      setAt(example, segs, value);
    }
  }
  const check = validate(example, { provider, eventType: entry.eventType });
  if (!check.valid) {
    throw new ProviderMockError('PM_PACT_EXAMPLE', `the example is not a payload ${provider} could send: ${formatIssues(check.errors).join('; ')}`, {
      where: `${provider} ${entry.eventType}`,
      hint: 'fix the override or the example',
    });
  }

  let contract: unknown = example;
  if (options.fields) {
    const paths = options.fields.map((f) => {
      const segs = parsePath(f);
      checkPathInSchema(root, segs, f);
      named.add(formatPath(segs));
      return segs;
    });
    paths.push([EVENT_TYPE_FIELD[provider]]);
    for (const [segs] of matcherOverrides) paths.push(segs);
    contract = pick(example, paths);
  }

  const keepNullable = options.nullable === 'example' ? () => true : (path: string) => named.has(path);
  const content = bodyWithMatchers(provider, entry.eventType, contract, { nulls: options.nulls ?? 'omit', keepNullable }) as Record<string, unknown>;
  for (const [segs, matcher] of matcherOverrides) {
    if (getAt(contract, segs) !== undefined) setAt(content, segs, matcher);
  }
  return {
    provider,
    description: entry.eventType,
    providerState: state.name,
    content,
    metadata: messageMetadata(provider, entry.eventType),
    example: contract,
  };
}

/** An Enreach message: `enreachMessage('QueueCallInUserConnected', { fields: ['CallId', 'UserId'] })`. */
export function enreachMessage(eventType: EventName<'enreach'>, options: MessageOptions<EnreachState> = {}): PactMessage {
  return message('enreach', eventType, options);
}

/** A mluvii message: `mluviiMessage('SessionStarted', { overrides: { 'data.channel': 'Chat' } })`. */
export function mluviiMessage(eventType: EventName<'mluvii'>, options: MessageOptions<MluviiState> = {}): PactMessage {
  return message('mluvii', eventType, options);
}

export interface ProviderPactOptions {
  consumer: string;
  /** Where pact files are written (pact-js default: ./pacts). */
  dir?: string;
  logLevel?: 'trace' | 'debug' | 'info' | 'warn' | 'error';
}

/** A V4 pact with one of our providers, under the name `provider-mock pact verify` expects. */
export function providerPact(provider: Provider, options: ProviderPactOptions): PactV4 {
  return new PactV4({
    consumer: options.consumer,
    provider: PACT_PROVIDER[provider],
    spec: SpecificationVersion.SPECIFICATION_VERSION_V4,
    logLevel: options.logLevel ?? 'error',
    ...(options.dir ? { dir: options.dir } : {}),
  });
}

/**
 * Adds the message to a V4 pact as an asynchronous interaction and runs the consumer's handler
 * on it (the handler receives the body and the metadata). The pact file is written when the
 * handler succeeds.
 */
export async function receive<T>(
  pact: PactV4,
  msg: PactMessage,
  handler: (body: unknown, metadata: Record<string, unknown>) => T | Promise<T>,
): Promise<T | undefined> {
  return pact
    .addAsynchronousInteraction()
    .given(msg.providerState)
    .expectsToReceive(msg.description, (builder) => {
      builder.withJSONContent(msg.content).withMetadata(msg.metadata);
    })
    .executeTest(async (m) => handler((m.contents as { content: unknown }).content, (m.metadata ?? {}) as Record<string, unknown>));
}

/**
 * For V3 message pacts: sets state, description, content and metadata on a MessageConsumerPact;
 * then call `.verify(asynchronousBodyHandler(handler))` on the result.
 */
export function expectMessage(pact: MessageConsumerPact, msg: PactMessage): MessageConsumerPact {
  return pact.given(msg.providerState).expectsToReceive(msg.description).withContent(msg.content).withMetadata(msg.metadata);
}

