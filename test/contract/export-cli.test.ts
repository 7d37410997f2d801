/** `provider-mock export openapi|asyncapi`: writes the document, or exits 2 on bad flags. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { exportText } from '../../contracts/export/index.ts';
import { ROOT } from '../../scripts/artifacts.ts';
import { artifactFolder } from '../helpers/artifacts.ts';
import { cli } from '../helpers/cli.ts';

const { abs: OUT, rel: REL } = artifactFolder('export');

beforeAll(() => {
  writeFileSync(join(OUT, 'a-file'), '');
});

describe('provider-mock export', () => {
  it('writes the OpenAPI document of both providers to --out, creating folders', async () => {
    const r = await cli(['export', 'openapi', '--out', `${REL}/nested/openapi.json`]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`wrote ${REL}/nested/openapi.json (openapi, JSON)`);
    expect(readFileSync(join(OUT, 'nested/openapi.json'), 'utf8')).toBe(exportText('openapi'));
  });

  it('writes YAML for a .yaml or .yml file: the same document', async () => {
    for (const name of ['asyncapi.yaml', 'asyncapi.yml']) {
      const r = await cli(['export', 'asyncapi', '-o', `${REL}/${name}`]);
      expect(r.code).toBe(0);
      expect(r.stderr).toContain(`wrote ${REL}/${name} (asyncapi, YAML)`);
      const text = readFileSync(join(OUT, name), 'utf8');
      expect(text.startsWith('asyncapi: 3.0.0\n')).toBe(true);
      expect(parseYaml(text)).toEqual(JSON.parse(exportText('asyncapi')));
    }
  });

  it('prints one provider\'s AsyncAPI document to stdout', async () => {
    const r = await cli(['export', 'asyncapi', '--provider', 'mluvii']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { asyncapi: string; channels: Record<string, unknown> };
    expect(doc.asyncapi).toBe('3.0.0');
    expect(Object.keys(doc.channels)).toEqual(['mluviiWebhook']);
  });

  it('matches the committed copies', async () => {
    for (const format of ['openapi', 'asyncapi'] as const) {
      const r = await cli(['export', format]);
      expect(r.stdout === readFileSync(join(ROOT, `contracts/${format}.json`), 'utf8'), `contracts/${format}.json is stale: npm run generate`).toBe(true);
    }
  });

  it.each([
    ['no format', ['export'], 'export needs a format'],
    ['an unknown format', ['export', 'swagger'], 'unknown export format "swagger"'],
    ['an unknown provider', ['export', 'openapi', '--provider', 'genesys'], 'unknown provider "genesys"'],
    ['an unknown flag', ['export', 'openapi', '--output', 'x.json'], 'unknown flag for "export" "--output"'],
    ['an unwritable file', ['export', 'openapi', '--out', `${REL}/a-file/openapi.json`], 'cannot write the openapi document'],
  ])('exits 2 for %s', async (_what, argv, message) => {
    const r = await cli(argv);
    expect(r.stderr).toContain(message);
    expect(r.code).toBe(2);
  });
});
