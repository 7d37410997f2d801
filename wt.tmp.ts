import { listBuiltins, readScenario } from './scenarios/files.ts';
import { planWithWorlds } from './test/helpers/world-replay.ts';
import { enreachWorldInvariants, mluviiWorldInvariants } from './test/contract/invariants/world.ts';
const only = process.argv[2];
for (const b of listBuiltins()) {
  if (only && b.name !== only) continue;
  const sc = readScenario(b.file);
  for (let seed = 1; seed <= Number(process.argv[3] ?? 5); seed++) {
    const { t, worlds } = planWithWorlds(sc, seed);
    try { if (b.provider === 'enreach') enreachWorldInvariants(t, worlds[0] as any, sc); else mluviiWorldInvariants(t, worlds[0] as any, sc); }
    catch (e) { console.log(b.name, seed, (e as Error).message.split('\n').slice(0, 12).join('\n')); break; }
  }
}
