/**
 * Summarises a V8 CPU profile (`node --cpu-prof`): self time per function and per source folder,
 * for the profile notes in bench/README.md.
 *
 *   node --cpu-prof --cpu-prof-dir=prof --import tsx bench/deliver.ts --provider enreach
 *   npx tsx bench/profile-summary.ts prof/CPU.*.cpuprofile [--top 25]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '25' } } });
if (positionals.length === 0) {
  console.error('usage: tsx bench/profile-summary.ts <file.cpuprofile> [--top N]');
  process.exit(1);
}

/** Where a frame's time goes: this project's folder, a package, Node itself, or V8 (gc, idle, program). */
function area(url: string, name: string): string {
  if (url === '') return name.startsWith('(') ? name : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1] as string;
  if (url.startsWith('node:')) return 'node:internal';
  const own = /\/(contracts|generators|scenarios|delivery|cli|mock-server|msw|pact|bench)\//.exec(url);
  return own ? `${own[1]}/` : url;
}

for (const file of positionals) {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const fns = new Map<string, number>();
  const areas = new Map<string, number>();
  let total = 0;
  let idle = 0;
  for (const [id, us] of self) {
    const n = byNode.get(id);
    if (!n) continue;
    const { functionName, url, lineNumber } = n.callFrame;
    total += us;
    if (functionName === '(idle)') idle += us;
    const short = url.replace(/^.*?\/(node_modules\/|(?=(contracts|generators|scenarios|delivery|cli|mock-server|bench)\/))/, '');
    const key = `${functionName || '(anonymous)'} ${short}${url ? `:${lineNumber + 1}` : ''}`;
    fns.set(key, (fns.get(key) ?? 0) + us);
    const a = area(url, functionName);
    areas.set(a, (areas.get(a) ?? 0) + us);
  }
  const busy = total - idle;
  const pct = (us: number): string => `${((100 * us) / busy).toFixed(1).padStart(5)} %`;
  console.log(`${file}: ${(total / 1e6).toFixed(2)} s sampled, ${(busy / 1e6).toFixed(2)} s busy (shares below are of busy time)`);
  console.log('by area');
  for (const [a, us] of [...areas].filter(([a]) => a !== '(idle)').sort((x, y) => y[1] - x[1]).slice(0, 15)) console.log(`  ${pct(us)}  ${a}`);
  console.log('by function (self time)');
  for (const [f, us] of [...fns].filter(([f]) => !f.startsWith('(idle)')).sort((x, y) => y[1] - x[1]).slice(0, Number(values.top))) console.log(`  ${pct(us)}  ${f}`);
}
