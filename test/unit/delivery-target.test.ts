import { describe, expect, it } from 'vitest';
import { ProviderMockError } from '../../contracts/errors.ts';
import { explainFailure, isLoopbackHost, loadProfile, redactUrl, Redactor, resolveTarget, urlSuggestion } from '../../delivery/index.ts';

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
    // Text that is no URL is shown as typed (the user must see the typo), credentials-looking parts masked.
    expect(redactUrl('not a url')).toBe('not a url');
    expect(redactUrl('127.0.0.1:8088/x')).toBe('127.0.0.1:8088/x');
    expect(redactUrl('me:s3cret@127.0.0.1:8088/x?token=abc&a=1')).toBe('***@127.0.0.1:8088/x?token=***&a=1');
    expect(redactUrl('localhost:8088')).toBe('localhost:8088');
  });

  it('masks every known secret in free text, longest first', () => {
    const r = new Redactor();
    r.add('abc', 'abcdef', undefined, '');
    expect(r.text('x abcdef y abc z')).toBe('x *** y *** z');
  });

  it('masks a secret shorter than 4 characters only where it stands alone, so messages stay readable', () => {
    const r = new Redactor();
    r.add('s', 'a.b', 'long');
    expect(r.text('status 500: secret=s rejected (s)')).toBe('status 500: secret=*** rejected (***)');
    expect(r.text('a.b axb a.bc')).toBe('*** axb a.bc');
    // From 4 characters on, everywhere, inside words too.
    expect(r.text('belongs')).toBe('be***s');
  });
});

describe('what a failure means, and the URL meant', () => {
  it('names the cause and the fix of a transport failure', () => {
    expect(explainFailure('tls', 'self-signed certificate (DEPTH_ZERO_SELF_SIGNED_CERT)')).toEqual({
      cause: 'the certificate is self-signed (DEPTH_ZERO_SELF_SIGNED_CERT)',
      fix: expect.stringMatching(/^pass --insecure to accept it anyway, .*NODE_EXTRA_CA_CERTS=ca\.pem/),
    });
    expect(explainFailure('tls', 'certificate has expired (CERT_HAS_EXPIRED)').cause).toBe('the certificate has expired (CERT_HAS_EXPIRED)');
    expect(explainFailure('tls', 'Hostname/IP does not match certificate\'s altnames (ERR_TLS_CERT_ALTNAME_INVALID)').cause).toBe('the certificate is for another host name (ERR_TLS_CERT_ALTNAME_INVALID)');
    expect(explainFailure('tls', 'wrong version number', 'h:443').cause).toBe('the server at h:443 does not speak TLS');
    expect(explainFailure('dns', 'getaddrinfo ENOTFOUND nowhere.example', 'nowhere.example:443')).toEqual({ cause: 'the host name nowhere.example does not resolve (DNS ENOTFOUND)', fix: 'check the host name' });
    expect(explainFailure('refused', 'connect ECONNREFUSED 127.0.0.1:1', '127.0.0.1:1').cause).toBe('connection refused: nothing listens on 127.0.0.1:1');
  });

  it('suggests the scheme a URL lacks, http for loopback and https elsewhere, and nothing for what is no URL', () => {
    expect(urlSuggestion('127.0.0.1:8088/x')).toBe('http://127.0.0.1:8088/x');
    expect(urlSuggestion('localhost')).toBe('http://localhost');
    expect(urlSuggestion('[::1]:8080/h')).toBe('http://[::1]:8080/h');
    expect(urlSuggestion('hooks.example.com/enreach?token=x')).toBe('https://hooks.example.com/enreach?token=x');
    expect(urlSuggestion('htp://h.example/x')).toBe('http://h.example/x');
    expect(urlSuggestion('https://h.example/x')).toBeUndefined();
    expect(urlSuggestion('ftp://h.example/x')).toBeUndefined();
    expect(urlSuggestion('chat-session')).toBeUndefined();
  });
});
