/**
 * bench:generate: payloads per second of provider-mock's generators (validation on and off)
 * against json-schema-faker on the same 129 event schemas, in the same run, plus each tool's share
 * of payloads that pass the strict schema (contracts' validate()).
 *
 *   npm run bench:generate [-- --seconds 1.5]
 *
 * Target: ≥ 5× json-schema-faker's rate, 100% strict-valid. Exit code 1 when it is missed.
 */
import { readFileSync } from 'node:fs';
import { JSONSchemaFaker, type Schema } from 'json-schema-faker';
import { getSchemaById, listEvents, validate, type CatalogEntry } from '../contracts/index.ts';
import { dereference, formatTime, generate } from '../generators/index.ts';
import { Rng } from '../generators/rng/seed.ts';

const secondsArg = process.argv.indexOf('--seconds');
const BUDGET_MS = (secondsArg > 0 ? Number(process.argv[secondsArg + 1]) : 1) * 1000;
const MAX_ROUNDS = 2000;

const events = listEvents();

// json-schema-faker gets a fair chance: self-contained schemas (every $ref inlined, since it cannot
// follow our relative file $refs), our named formats registered, optionals always faked, and a
// seeded random so its run is reproducible too.
const rng = new Rng(2024);
JSONSchemaFaker.option({ alwaysFakeOptionals: true, useDefaultValue: false, random: () => rng.next() });
JSONSchemaFaker.format('guid', () => rng.guid());
JSONSchemaFaker.format('mluvii-datetime', () => formatTime('mluvii', Date.UTC(2024, 4, 2) + rng.int(0, 86_400_000)));
JSONSchemaFaker.format('enreach-datetime', () => formatTime('enreach', Date.UTC(2024, 4, 2) + rng.int(0, 86_400_000)));
const jsfSchemas = new Map<CatalogEntry, Schema>(events.map((e) => [e, dereference(getSchemaById(e.schemaId), e.schemaId) as Schema]));

interface Result {
  tool: string;
  make: (e: CatalogEntry, round: number) => unknown;
  out: unknown[];
  ms: number;
  rounds: number;
  valid: number;
  failed: number;
  payloads: number;
}

function tool(name: string, make: Result['make']): Result {
  for (const e of events) make(e, -1); // warm-up: plans compiled, validators built, JIT settled
  return { tool: name, make, out: [], ms: 0, rounds: 0, valid: 0, failed: 0, payloads: 0 };
}

/** One whole round (every event type once), timed. */
function round(r: Result): void {
  const t0 = performance.now();
  for (const e of events) {
    try {
      r.out.push(r.make(e, r.rounds));
    } catch {
      r.failed++;
      r.out.push(undefined);
    }
  }
  r.ms += performance.now() - t0;
  r.rounds++;
}

const ours = tool('provider-mock generate, validate on', (e, n) => generate(e.provider, e.eventType, { seed: n }));
const oursRaw = tool('provider-mock generate, validate off', (e, n) => generate(e.provider, e.eventType, { seed: n, validate: false }));
// The installed package's version (the library's own VERSION constant lags behind its releases).
const JSF_VERSION = (JSON.parse(readFileSync(new URL('../node_modules/json-schema-faker/package.json', import.meta.url), 'utf8')) as { version: string }).version;
const jsf = tool(`json-schema-faker ${JSF_VERSION}`, (e) => JSONSchemaFaker.generate(jsfSchemas.get(e) as Schema));
const rows = [ours, oursRaw, jsf];

// Rounds are interleaved so that a busy machine slows every tool alike; each tool runs whole
// rounds until it has spent the time budget.
while (rows.some((r) => r.ms < BUDGET_MS && r.rounds < MAX_ROUNDS)) for (const r of rows) if (r.ms < BUDGET_MS && r.rounds < MAX_ROUNDS) round(r);

for (const r of rows) {
  r.payloads = r.out.length;
  r.out.forEach((p, i) => {
    const e = events[i % events.length] as CatalogEntry;
    if (p !== undefined && validate(p, { provider: e.provider, eventType: e.eventType }).valid) r.valid++;
  });
  r.out = [];
}

const rate = (r: Result): number => (r.payloads / r.ms) * 1000;
const pct = (r: Result): string => `${((r.valid / r.payloads) * 100).toFixed(1)}%`;
const w = Math.max(...rows.map((r) => r.tool.length));
console.log(`bench:generate: ${events.length} event types (${listEvents('mluvii').length} mluvii + ${listEvents('enreach').length} Enreach), interleaved whole rounds, ~${BUDGET_MS / 1000}s per tool, same run`);
console.log(`${'tool'.padEnd(w)}  ${'payloads'.padStart(9)}  ${'seconds'.padStart(8)}  ${'payloads/s'.padStart(11)}  strict-valid`);
for (const r of rows) {
  console.log(`${r.tool.padEnd(w)}  ${String(r.payloads).padStart(9)}  ${(r.ms / 1000).toFixed(2).padStart(8)}  ${Math.round(rate(r)).toString().padStart(11)}  ${pct(r)}${r.failed ? ` (${r.failed} threw)` : ''}`);
}
const ratioOn = rate(ours) / rate(jsf);
const ratioOff = rate(oursRaw) / rate(jsf);
console.log(`ratio vs json-schema-faker: ${ratioOn.toFixed(1)}× with validation, ${ratioOff.toFixed(1)}× without`);
const jsfByProvider = (['mluvii', 'enreach'] as const).map((p) => {
  const idx = events.map((e, i) => (e.provider === p ? i : -1)).filter((i) => i >= 0);
  const ok = idx.filter((i) => {
    const e = events[i] as CatalogEntry;
    const p0 = JSONSchemaFaker.generate(jsfSchemas.get(e) as Schema);
    return validate(p0, { provider: e.provider, eventType: e.eventType }).valid;
  }).length;
  return `${p} ${ok}/${idx.length} event types`;
});
console.log(`json-schema-faker valid on one sample per event type: ${jsfByProvider.join(', ')}`);
const pass = ratioOn >= 5 && ours.valid === ours.payloads && oursRaw.valid === oursRaw.payloads;
console.log(`target ≥ 5× json-schema-faker with validation on, 100% strict-valid: ${pass ? 'PASS' : 'FAIL'}`);
if (!pass) process.exitCode = 1;
