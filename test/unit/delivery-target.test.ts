import { describe, expect, it } from 'vitest';
import { ProviderMockError } from '../../contracts/errors.ts';
import { isLoopbackHost, loadProfile, redactUrl, Redactor, resolveTarget } from '../../delivery/index.ts';

const mluvii = loadProfile('mluvii');
const enreach = loadProfile('enreach');

describe('resolveTarget', () => {
  it('turns mluvii userinfo into a Basic header and strips it from the request (docs/providers.md M4)', () => {
    const t = resolveTarget({ url: 'https://csharp:isawesome@hooks.example:8443/mluviiwebhook?x=1' }, mluvii);
    expect(t.origin).toBe('https://hooks.example:8443');
    expect(t.path).toBe('/mluviiwebhook?x=1');
    expect(t.authHeaders).toEqual({ Authorization: `Basic ${Buffer.from('csharp:isawesome').toString('base64')}` });
    expect(t.displayUrl).toBe('https://hooks.example:8443/mluviiwebhook?x=1');
    expect(t.wrongAuths.map((w) => w.what)).toEqual(['wrong Basic password']);
    expect(t.wrongAuths[0]?.headers.Authorization).not.toBe(t.authHeaders.Authorization);
  });

  it('keeps a + in a userinfo password (it is a space only in query strings)', () => {
    const t = resolveTarget({ url: 'https://op:a+b%2Bc@hooks.example/w' }, mluvii);
    expect(t.authHeaders.Authorization).toBe(`Basic ${Buffer.from('op:a+b+c').toString('base64')}`);
  });

  it('passes the query string through exactly as written (docs/providers.md M5)', () => {
    const t = resolveTarget({ url: "https://h.example/MluviiWebhook?secret=a%2Bb+c&x='y'" }, mluvii);
    expect(t.path).toBe("/MluviiWebhook?secret=a%2Bb+c&x='y'");
    expect(t.displayUrl).toBe("https://h.example/MluviiWebhook?secret=***&x='y'");
    expect(t.wrongAuths.map((w) => w.path)).toEqual(["/MluviiWebhook?secret=provider-mock-wrong-credential&x='y'"]);
    expect(t.secrets).toContain('a%2Bb+c');
  });

  it('puts the Enreach secret in X-Benemen-Token (docs/providers.md E1)', () => {
    const t = resolveTarget({ url: 'https://e.example/hook', secret: 's' }, enreach);
    expect(t.authHeaders).toEqual({ 'X-Benemen-Token': 's' });
    expect(resolveTarget({ url: 'https://e.example/hook' }, enreach).wrongAuths).toEqual([]);
  });

  it('allows plain http for loopback, with allowHttp, and always for mluvii (docs/providers.md E5, M8)', () => {
    expect(() => resolveTarget({ url: 'http://e.example/hook' }, enreach)).toThrow(ProviderMockError);
    expect(resolveTarget({ url: 'http://e.example/hook', allowHttp: true }, enreach).origin).toBe('http://e.example');
    expect(resolveTarget({ url: 'http://127.0.0.1:1/hook' }, enreach).origin).toBe('http://127.0.0.1:1');
    expect(resolveTarget({ url: 'http://[::1]:1/hook' }, enreach).origin).toBe('http://[::1]:1');
    expect(resolveTarget({ url: 'http://m.example/hook' }, mluvii).origin).toBe('http://m.example');
  });

  it('gives distinct keys to targets that differ only in credentials', () => {
    const a = resolveTarget({ url: 'https://e.example/hook', secret: 'a' }, enreach);
    const b = resolveTarget({ url: 'https://e.example/hook', secret: 'b' }, enreach);
    expect(a.key).not.toBe(b.key);
    expect(a.key).not.toContain('a"');
  });

  it('knows loopback hosts', () => {
    expect(['localhost', '127.0.0.1', '127.1.2.3', '::1', '[::1]', 'api.localhost'].every(isLoopbackHost)).toBe(true);
    expect(['10.0.0.1', 'example.com', '128.0.0.1'].some(isLoopbackHost)).toBe(false);
  });
});

describe('redaction', () => {
  it('drops userinfo and masks secret-looking query values', () => {
    expect(redactUrl('https://u:p@h.example/p?token=t&apiKey=k&Password=x&tenant=62#frag')).toBe('https://h.example/p?token=***&apiKey=***&Password=***&tenant=62');
    expect(redactUrl('not a url')).toBe('***');
  });

  it('masks every known secret in free text, longest first', () => {
    const r = new Redactor();
    r.add('abc', 'abcdef', undefined, '');
    expect(r.text('x abcdef y abc z')).toBe('x *** y *** z');
  });
});
