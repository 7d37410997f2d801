/**
 * The example consumers (examples/pact/) write their pacts, and the pacts verify green against
 * what the generators produce: the acceptance path a consumer team follows.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { artifactFolder } from '../helpers/artifacts.ts';
import { crmSyncPactTests, CRM_SYNC_CONSUMER } from '../../examples/pact/crm-sync/crm-sync.pact.ts';
import { sessionTrackerPactTests, SESSION_TRACKER_CONSUMER } from '../../examples/pact/session-tracker/session-tracker.pact.ts';
import { formatVerifyResult, verifyPacts } from '../../pact/index.ts';

const PACT_DIR = artifactFolder('pacts-examples').abs;

crmSyncPactTests(PACT_DIR);
sessionTrackerPactTests(PACT_DIR);

describe('the example consumers\' pacts', () => {
  it('are written as V4 pact files, one per consumer and provider', () => {
    for (const [consumer, provider, n] of [
      [CRM_SYNC_CONSUMER, 'enreach', 3],
      [SESSION_TRACKER_CONSUMER, 'mluvii', 4],
    ] as const) {
      const file = join(PACT_DIR, `${consumer}-${provider}.json`);
      expect(existsSync(file), file).toBe(true);
      const pact = JSON.parse(readFileSync(file, 'utf8')) as { metadata: { pactSpecification: { version: string } }; interactions: { type: string; description: string; providerStates: { name: string }[] }[] };
      expect(pact.metadata.pactSpecification.version).toBe('4.0');
      expect(pact.interactions).toHaveLength(n);
      for (const i of pact.interactions) {
        expect(i.type).toBe('Asynchronous/Messages');
        expect(i.providerStates).toHaveLength(1);
      }
    }
  });

  it('verify green against the Enreach generators', async () => {
    const r = await verifyPacts({ provider: 'enreach', pactDir: PACT_DIR });
    expect(formatVerifyResult(r)).toEqual([expect.stringMatching(/^OK: 1 pact\(s\), 3 interaction\(s\)/)]);
    expect(r.ok).toBe(true);
  });

  it('verify green on every seed, not only the default one (the states fix what the consumers read)', async () => {
    for (const provider of ['enreach', 'mluvii'] as const) {
      for (let seed = 1; seed <= 16; seed++) {
        const r = await verifyPacts({ provider, pactDir: PACT_DIR, seed });
        expect(formatVerifyResult(r), `${provider} seed ${seed}`).toEqual([expect.stringMatching(/^OK: /)]);
      }
    }
  });

  it('verify green against the mluvii generators', async () => {
    const r = await verifyPacts({ provider: 'mluvii', pactDir: PACT_DIR });
    expect(formatVerifyResult(r)).toEqual([expect.stringMatching(/^OK: 1 pact\(s\), 4 interaction\(s\)/)]);
    expect(r.ok).toBe(true);
  });
});
