import { listBuiltins, readScenario } from './scenarios/files.ts';
import { plan, type TimelineEntry } from './scenarios/index.ts';
import { ENREACH_INVARIANTS } from './test/contract/invariants/enreach.ts';
import { MLUVII_INVARIANTS } from './test/contract/invariants/mluvii.ts';
const INV: Record<string, any> = { ...MLUVII_INVARIANTS, ...ENREACH_INVARIANTS };
const only = process.argv[2];
for (const b of listBuiltins()) {
  if (only && b.name !== only) continue;
  const sc = readScenario(b.file);
  let failed = '';
  for (let seed = 1; seed <= 20 && !failed; seed++) {
    const t = [...plan(sc, { seed, validate: false })];
    const m = new Map<string, TimelineEntry[]>();
    for (const e of t) { const k = `${e.scenario}#${e.instance}`; m.set(k, [...(m.get(k) ?? []), e]); }
    for (const inst of m.values()) {
      const name = inst[0]!.scenario; const f = INV[name];
      if (!f) { failed = `${name}: no invariants`; break; }
      try { f(inst, seed); } catch (e) { failed = `${name} seed ${seed}: ${(e as Error).message.split('\n')[0]} @ ${((e as Error).stack ?? '').split('\n').find((l) => l.includes('invariants/'))?.trim()}`; break; }
    }
  }
  console.log(failed || `${b.name}: ok`);
}
