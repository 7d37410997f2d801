/**
 * Provider verification: any consumer's message pacts against what our generators produce,
 * with pact-js's message provider verification (its Verifier with `messageProviders`, whose proxy
 * listens on 127.0.0.1 only; MessageProviderPact's listens on every interface). The generators
 * are the provider's message factories; the description (the event type) picks the factory, the
 * provider state picks the situation.
 *
 * First every interaction is checked against the catalog (see precheck.ts), so a pact that
 * expects an event, a field or a type the provider never sends is reported in those terms;
 * then the real Pact verification runs, and its mismatches are reported too.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { Verifier, type LogLevel } from '@pact-foundation/pact';
import { ProviderMockError, formatIssues, listEvents, validate, type Provider } from '../contracts/index.ts';
import { createContext, generate, hashSeed } from '../generators/index.ts';
import { mixSeed } from '../generators/rng/seed.ts';
import { PACT_PROVIDER, findState, messageMetadata, providerStates, statesFor, type StateDefinition } from './constants.ts';
import { formatIssue, precheckInteraction, readPact, type PactFile, type PactIssue } from './precheck.ts';

export interface ConsumerVersionSelector {
  mainBranch?: boolean;
  branch?: string;
  matchingBranch?: boolean;
  deployedOrReleased?: boolean;
  deployed?: boolean;
  released?: boolean;
  environment?: string;
  tag?: string;
  fallbackTag?: string;
  latest?: boolean;
  consumer?: string;
}

/** What a message factory gets: a seed, the provider state (its situation) and the state's params. */
export interface FactoryOptions {
  /** Stable per description and state (and `VerifyOptions.seed`): a verification is reproducible. */
  seed: number;
  state: StateDefinition;
  /** The params of `given(state, params)`: wire property names (`QueueId`, `userId`) that preset the generator context. */
  params: Record<string, unknown>;
}

/** Builds the payload the provider would send for an event; by default the generators. */
export type MessageFactory = (provider: Provider, eventType: string, options: FactoryOptions) => unknown;

export interface VerifyOptions {
  provider: Provider;
  /** A folder of pact files: every pact in it whose provider is `providerName` is verified. */
  pactDir?: string;
  /** Pact files or URLs. */
  pactUrls?: readonly string[];
  /** A Pact Broker (pacts selected by `consumerVersionSelectors`). */
  brokerUrl?: string;
  consumerVersionSelectors?: readonly ConsumerVersionSelector[];
  /** Broker credentials; pact-js also reads PACT_BROKER_TOKEN / _USERNAME / _PASSWORD. */
  brokerToken?: string;
  brokerUsername?: string;
  brokerPassword?: string;
  enablePending?: boolean;
  includeWipPactsSince?: string;
  /** Publishing verification results to the broker needs a provider version. */
  publishVerificationResult?: boolean;
  providerVersion?: string;
  providerVersionBranch?: string;
  /** The provider name in the pacts; default `mluvii` / `enreach` (PACT_PROVIDER). */
  providerName?: string;
  /** Varies the generated messages; the same seed gives the same messages. */
  seed?: number;
  /** Replaces the generators (tests, or your own provider-side factories). */
  factory?: MessageFactory;
  /** Skip the catalog pre-check and run the Pact verification only. */
  skipPrecheck?: boolean;
  logLevel?: LogLevel;
  /** Relative paths resolve against this folder (default: process.cwd()). */
  cwd?: string;
}

export interface VerifiedPact {
  source: string;
  consumer: string;
  interactions: number;
}

export interface VerifyResult {
  ok: boolean;
  provider: Provider;
  providerName: string;
  /** The pacts read for the pre-check (none when they come from a broker). */
  pacts: VerifiedPact[];
  /** Everything that failed, from the pre-check and from the Pact verification. */
  issues: PactIssue[];
  /** Pact's own verification output, colours removed. */
  output: string[];
  /** Whether the pre-check ran (it cannot for broker sources). */
  prechecked: boolean;
}

const stripAnsi = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '');

function readPactSource(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ProviderMockError('PM_UNREADABLE', code ? `cannot read pact file: ${code}` : `not a JSON pact file: ${(e as Error).message}`, { where: file });
  }
}

/** Every pact file of a folder, read and filtered by provider name. */
export function pactsInDir(dir: string, providerName: string): { pacts: PactFile[]; others: string[] } {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
    names = readdirSync(dir);
  } catch (e) {
    throw new ProviderMockError('PM_UNREADABLE', `cannot read the pact folder: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, {
      where: dir,
      hint: 'give the folder your consumer tests write pact files to',
    });
  }
  const pacts: PactFile[] = [];
  const others = new Set<string>();
  for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
    const file = join(dir, name);
    let doc: unknown;
    try {
      doc = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    } catch {
      continue; // not every JSON file in a folder has to be a pact
    }
    const pact = readPact(doc, file);
    if (!pact) continue;
    if (pact.provider === providerName) pacts.push(pact);
    else others.add(pact.provider);
  }
  return { pacts, others: [...others].sort() };
}

async function readPactUrl(url: string, opts: VerifyOptions): Promise<PactFile> {
  let doc: unknown;
  if (/^https?:\/\//i.test(url)) {
    const headers: Record<string, string> = {};
    const token = opts.brokerToken ?? process.env['PACT_BROKER_TOKEN'];
    const user = opts.brokerUsername ?? process.env['PACT_BROKER_USERNAME'];
    const pass = opts.brokerPassword ?? process.env['PACT_BROKER_PASSWORD'];
    if (token) headers['authorization'] = `Bearer ${token}`;
    else if (user && pass) headers['authorization'] = `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
    let res: Response;
    try {
      res = await fetch(url, { headers, signal: AbortSignal.timeout(30_000) });
    } catch (e) {
      throw new ProviderMockError('PM_UNREADABLE', `cannot fetch the pact: ${(e as Error).message}`, { where: url });
    }
    if (!res.ok) throw new ProviderMockError('PM_UNREADABLE', `cannot fetch the pact: HTTP ${res.status}`, { where: url });
    try {
      doc = (await res.json()) as unknown;
    } catch (e) {
      throw new ProviderMockError('PM_UNREADABLE', `not a JSON pact: ${(e as Error).message}`, { where: url });
    }
  } else {
    doc = readPactSource(url);
  }
  const pact = readPact(doc, url);
  if (!pact) throw new ProviderMockError('PM_UNREADABLE', 'not a pact file (it has no consumer and provider)', { where: url });
  return pact;
}

/**
 * The generators as the provider's message factory: a fresh generator context per message,
 * preset with what the provider state fixes (`StateDefinition.context`) and the state's params,
 * so `given('a queue call was answered', { QueueId })` yields a message about that queue.
 */
export const generatorFactory: MessageFactory = (provider, eventType, { seed, state, params }) =>
  generate(provider, eventType, { seed, context: createContext(provider, { ...state.context, ...params }) });

/** Verifies consumer pacts against the provider's messages. Bad input throws ProviderMockError; failures are in the result. */
export async function verifyPacts(opts: VerifyOptions): Promise<VerifyResult> {
  const { provider } = opts;
  const providerName = opts.providerName ?? PACT_PROVIDER[provider];
  const cwd = opts.cwd ?? process.cwd();
  const abs = (p: string) => (/^https?:\/\//i.test(p) || isAbsolute(p) ? p : resolve(cwd, p));
  const sources = [opts.pactDir, opts.pactUrls?.length ? 'urls' : undefined, opts.brokerUrl].filter(Boolean).length;
  if (sources !== 1) {
    throw new ProviderMockError('PM_PACT_SOURCE', sources === 0 ? 'no pacts to verify' : 'give one source of pacts, not several', {
      hint: 'use exactly one of pactDir (--pact-dir), pactUrls (--pact-url), brokerUrl (--broker-url)',
    });
  }

  // 1. Read the pacts (local folder or URLs) for the pre-check.
  let pacts: PactFile[] = [];
  let pactUrls: string[] | undefined;
  if (opts.pactDir) {
    const dir = abs(opts.pactDir);
    const found = pactsInDir(dir, providerName);
    if (found.pacts.length === 0) {
      throw new ProviderMockError('PM_NO_PACTS', `no pact with provider "${providerName}" in the folder`, {
        where: dir,
        hint: found.others.length
          ? `it has pacts for ${found.others.map((o) => `"${o}"`).join(', ')}; name the provider in your consumer pacts "${providerName}" or pass --provider-name`
          : 'run your consumer tests first; they write the pact files',
      });
    }
    pacts = found.pacts;
    pactUrls = pacts.map((p) => p.source);
  } else if (opts.pactUrls?.length) {
    pactUrls = opts.pactUrls.map(abs);
    for (const url of pactUrls) {
      const pact = await readPactUrl(url, opts);
      if (pact.provider !== providerName) {
        throw new ProviderMockError('PM_NO_PACTS', `the pact is for provider "${pact.provider}", not "${providerName}"`, {
          where: url,
          hint: 'pass --provider-name if your pacts name the provider differently',
        });
      }
      pacts.push(pact);
    }
  }

  const issues: PactIssue[] = [];
  const prechecked = !opts.skipPrecheck && !opts.brokerUrl;
  if (prechecked) {
    for (const pact of pacts) {
      for (const i of pact.interactions) issues.push(...precheckInteraction(provider, i, { pact: pact.source, consumer: pact.consumer }));
    }
  }

  // 2. The real verification: one message provider per event type, built by the factory.
  const factory = opts.factory ?? generatorFactory;
  const baseSeed = opts.seed ?? 0;
  const factoryErrors: PactIssue[] = [];
  const messageProviders: Record<string, (d: { description?: string; providerStates?: { name: string; params?: Record<string, unknown> }[] }) => Promise<unknown>> = {};
  for (const entry of listEvents(provider)) {
    messageProviders[entry.eventType] = async (descriptor) => {
      const given = (descriptor.providerStates ?? []).find((s) => findState(provider, s.name)?.events.includes(entry.eventType));
      const state = given ? findState(provider, given.name) : statesFor(provider, entry.eventType)[0];
      if (!state) throw new Error(`no provider state leads to ${entry.eventType}`);
      // Stable per description and state, so a verification is reproducible.
      const seed = mixSeed(hashSeed(baseSeed), entry.eventType, state.name);
      const payload = await factory(provider, entry.eventType, { seed, state, params: given?.params ?? {} });
      const check = validate(payload, { provider, eventType: entry.eventType });
      if (!check.valid) {
        const message = `the message factory built an invalid ${entry.eventType}: ${formatIssues(check.errors).join('; ')}`;
        factoryErrors.push({ source: 'verifier', interaction: entry.eventType, state: state.name, path: '$', message });
        throw new Error(message);
      }
      return { __pactMessageMetadata: messageMetadata(provider, entry.eventType), message: payload };
    };
  }

  // Pact asks the proxy to set up each provider state; the state is read per message instead.
  const stateHandlers = Object.fromEntries(providerStates(provider).map((s) => [s.name, async () => undefined]));
  const verifier = new Verifier({
    provider: providerName,
    logLevel: opts.logLevel ?? 'error',
    messageProviders,
    stateHandlers,
    proxyHost: '127.0.0.1',
    ...(pactUrls ? { pactUrls } : {}),
    ...(opts.brokerUrl
      ? {
          pactBrokerUrl: opts.brokerUrl,
          consumerVersionSelectors: (opts.consumerVersionSelectors?.length
            ? opts.consumerVersionSelectors
            : [{ mainBranch: true }, { deployedOrReleased: true }]) as ConsumerVersionSelector[],
          ...(opts.brokerToken ? { pactBrokerToken: opts.brokerToken } : {}),
          ...(opts.brokerUsername ? { pactBrokerUsername: opts.brokerUsername } : {}),
          ...(opts.brokerPassword ? { pactBrokerPassword: opts.brokerPassword } : {}),
          ...(opts.enablePending !== undefined ? { enablePending: opts.enablePending } : {}),
          ...(opts.includeWipPactsSince ? { includeWipPactsSince: opts.includeWipPactsSince } : {}),
        }
      : {}),
    ...(opts.providerVersion ? { providerVersion: opts.providerVersion } : {}),
    ...(opts.providerVersionBranch ? { providerVersionBranch: opts.providerVersionBranch } : {}),
    ...(opts.publishVerificationResult ? { publishVerificationResult: true } : {}),
  });

  let raw: string;
  let passed: boolean;
  try {
    raw = String(await verifier.verifyProvider());
    passed = true;
  } catch (e) {
    raw = (e as Error).message ?? String(e);
    passed = false;
  }
  let output: string[] = [];
  try {
    const parsed = JSON.parse(raw) as { errors?: { interaction?: string; mismatch?: unknown }[]; output?: string[]; result?: boolean };
    output = (parsed.output ?? []).flatMap((l) => stripAnsi(l).split('\n'));
    for (const err of parsed.errors ?? []) issues.push(...verifierIssues(err));
    if (typeof parsed.result === 'boolean') passed = parsed.result;
  } catch {
    // Not the verifier's JSON: it could not run at all (bad options, broker unreachable…).
    if (!passed) issues.push({ source: 'verifier', interaction: '(all)', path: '$', message: stripAnsi(raw) });
  }
  for (const f of factoryErrors) if (!issues.some((i) => i.message === f.message)) issues.push(f);

  return {
    ok: passed && issues.length === 0,
    provider,
    providerName,
    pacts: pacts.map((p) => ({ source: p.source, consumer: p.consumer, interactions: p.interactions.length })),
    issues,
    output,
    prechecked,
  };
}

/** "Verifying a pact between c and p Given s - Desc" → consumer, state, description. */
function splitInteraction(label: string): { consumer?: string; state?: string; interaction: string } {
  const m = /^Verifying a pact between (.+?) and (.+?)(?: Given (.+?))? - (.+)$/.exec(label);
  if (!m) return { interaction: label };
  return { consumer: m[1], ...(m[3] ? { state: m[3] } : {}), interaction: m[4] ?? label };
}

function verifierIssues(err: { interaction?: string; mismatch?: unknown }): PactIssue[] {
  const who = splitInteraction(err.interaction ?? '');
  const base = { source: 'verifier' as const, interaction: who.interaction, ...(who.consumer ? { consumer: who.consumer } : {}), ...(who.state ? { state: who.state } : {}) };
  const m = err.mismatch as { type?: string; message?: string; mismatches?: { path?: string; mismatch?: string; type?: string; key?: string }[] } | undefined;
  if (m?.mismatches?.length) {
    return m.mismatches.map((x) => {
      const message = stripAnsi(x.mismatch ?? JSON.stringify(x));
      return {
        ...base,
        path: x.type === 'MetadataMismatch' ? `metadata.${x.key ?? ''}` : (x.path ?? '$'),
        // A nullable field the state does not fix: the provider sends null in some of its messages.
        message: /^Expected null \(Null\)/.test(message) ? `${message} (the provider sends null here in this state; pick a state that fixes the field: provider-mock pact states)` : message,
      };
    });
  }
  return [{ ...base, path: '$', message: stripAnsi(m?.message ?? JSON.stringify(m ?? err)) }];
}

/** The result as lines for people: one line per issue, then a summary. */
export function formatVerifyResult(r: VerifyResult): string[] {
  const lines: string[] = [];
  const interactions = r.pacts.reduce((n, p) => n + p.interactions, 0);
  for (const i of r.issues) lines.push(`${i.source === 'catalog' ? 'catalog ' : 'verifier'}  ${formatIssue(i)}`);
  const where = r.pacts.length ? `${r.pacts.length} pact(s), ${interactions} interaction(s)` : 'pacts from the broker';
  lines.push(
    r.ok
      ? `OK: ${where} verified against the ${r.provider} generators (provider "${r.providerName}")`
      : `FAILED: ${where}, provider "${r.providerName}": ${r.issues.length} problem(s)${r.prechecked ? '' : ' (catalog pre-check skipped)'}`,
  );
  return lines;
}
