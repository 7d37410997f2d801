import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, buildArtifacts } from '../../scripts/artifacts.ts';

describe('derived files', () => {
  it('are up to date with the schemas (run `npm run generate` when this fails)', async () => {
    const artifacts = await buildArtifacts();
    expect(artifacts.size).toBeGreaterThan(0);
    for (const [rel, content] of artifacts) {
      let committed: string;
      try {
        committed = readFileSync(join(ROOT, rel), 'utf8');
      } catch {
        throw new Error(`${rel} is missing: run npm run generate`);
      }
      expect(committed === content, `${rel} is stale: run npm run generate`).toBe(true);
    }
  });
});
