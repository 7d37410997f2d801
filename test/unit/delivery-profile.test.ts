import { describe, expect, it } from 'vitest';
import { ProviderMockError } from '../../contracts/errors.ts';
import { loadProfile, rejectsSome2xx, renderHeaders, successPredicate, validateProfile } from '../../delivery/index.ts';

describe('delivery profiles (contracts/<provider>/delivery.json)', () => {
  it('Enreach: 200 only, 5 s, 3 retries (ours), X-Benemen headers, unordered, /Id (docs/providers.md E1-E5)', () => {
    const p = loadProfile('enreach');
    expect(p).toMatchObject({ successStatuses: [200], timeoutMs: 5000, retries: 3, ordering: 'none', eventId: { kind: 'json-pointer', pointer: '/Id' }, plainHttp: 'loopback-or-flag' });
    expect(renderHeaders(p, 'UserStatus')).toEqual({ 'Content-Type': 'application/json; charset=utf-8', 'X-Benemen-Event': 'UserStatus' });
    const ok = successPredicate(p);
    expect([200, 201, 204, 302, 500].map(ok)).toEqual([true, false, false, false, false]);
    expect(rejectsSome2xx(p)).toBe(true);
    expect(p.notes?.retries).toContain('ours');
  });

  it('mluvii: any 2xx, 2 retries (docs/providers.md M2), per-entity order (M7), content hash (M6), Basic from userinfo (M4)', () => {
    const p = loadProfile('mluvii');
    expect(p).toMatchObject({ retries: 2, ordering: 'per-entity', eventId: { kind: 'content-hash' }, auth: { kind: 'basic-from-userinfo' }, plainHttp: 'allowed' });
    const ok = successPredicate(p);
    expect([200, 204, 299, 301, 400].map(ok)).toEqual([true, true, true, false, false]);
    expect(rejectsSome2xx(p)).toBe(false);
  });

  it('rejects an invalid profile with the JSON path of the problem', () => {
    const good = JSON.parse(JSON.stringify(loadProfile('enreach'))) as Record<string, unknown>;
    const bad = (patch: Record<string, unknown>): ProviderMockError => {
      try {
        validateProfile({ ...good, ...patch }, 'x.json');
      } catch (e) {
        return e as ProviderMockError;
      }
      throw new Error('expected an error');
    };
    expect(bad({ successStatuses: ['2x'] }).where).toBe('x.json#/successStatuses/0');
    expect(bad({ followRedirects: true }).where).toBe('x.json#/followRedirects');
    expect(bad({ headers: [{ name: 'X', value: '{secret}' }] }).message).toContain('{secret}');
    expect(bad({ ordering: 'global' }).code).toBe('PM_DELIVERY_PROFILE_INVALID');
    expect(bad({ provider: 'genesys' }).hint).toContain('mluvii');
  });
});
