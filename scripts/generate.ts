/** `npm run generate`: writes every derived artefact (see scripts/artifacts.ts). */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ROOT, buildArtifacts } from './artifacts.ts';

const artifacts = await buildArtifacts();
let changed = 0;
for (const [rel, content] of artifacts) {
  const abs = join(ROOT, rel);
  if (existsSync(abs) && readFileSync(abs, 'utf8') === content) continue;
  mkdirSync(dirname(abs), { recursive: true });
  writeFileSync(abs, content);
  changed++;
  console.log(`wrote ${rel}`);
}
console.log(`${artifacts.size} derived files, ${changed} changed`);
