import { describe, expect, it } from 'vitest';
import { classifyNetworkFailure } from '../../src/registry/network-failure.ts';

// What fetch throws: `TypeError: fetch failed` whose cause is undici's or Node's error.
function fetchFailed(cause: { name?: string; code?: string; message: string }): Error {
  return new TypeError('fetch failed', { cause: Object.assign(new Error(cause.message), cause) });
}

describe('which failures fail the host and which one exchange, in a user’s words', () => {
  it.each([
    ['ENOTFOUND', 'getaddrinfo ENOTFOUND gcr.io', 'host', false, 'host not found: gcr.io'],
    [
      'EAI_AGAIN',
      'getaddrinfo EAI_AGAIN gcr.io',
      'host',
      true,
      'host not found: gcr.io (the DNS lookup failed)',
    ],
    ['ECONNREFUSED', 'connect ECONNREFUSED 1.2.3.4:443', 'host', false, 'connection refused by gcr.io'],
    ['EHOSTUNREACH', 'connect EHOSTUNREACH', 'host', false, 'gcr.io unreachable: no route to it'],
    ['UND_ERR_CONNECT_TIMEOUT', 'Connect Timeout Error', 'host', true, 'could not connect to gcr.io in time'],
    ['UND_ERR_HEADERS_TIMEOUT', 'Headers Timeout Error', 'host', true, 'no answer from gcr.io in time'],
    [
      'CERT_HAS_EXPIRED',
      'certificate has expired',
      'host',
      false,
      'TLS certificate problem with gcr.io: certificate has expired',
    ],
    [
      'DEPTH_ZERO_SELF_SIGNED_CERT',
      'self-signed certificate',
      'host',
      false,
      'TLS certificate problem with gcr.io: self-signed certificate',
    ],
    [
      'ERR_TLS_CERT_ALTNAME_INVALID',
      "Hostname/IP does not match certificate's altnames",
      'host',
      false,
      "TLS certificate problem with gcr.io: Hostname/IP does not match certificate's altnames",
    ],
    ['ECONNRESET', 'read ECONNRESET', 'host', true, 'connection to gcr.io was reset'],
    ['UND_ERR_SOCKET', 'other side closed', 'exchange', true, 'gcr.io closed the connection mid-reply'],
    [
      'UND_ERR_RES_CONTENT_LENGTH_MISMATCH',
      'Response body length does not match content-length header',
      'exchange',
      true,
      'gcr.io sent a reply that breaks HTTP (Response body length does not match content-length header)',
    ],
  ] as const)('%s', (code, message, scope, retryable, words) => {
    expect(classifyNetworkFailure(fetchFailed({ code, message }), 'gcr.io')).toMatchObject({
      scope,
      retryable,
      words,
    });
  });

  it('an HTTP parser error names the rule the reply broke', () => {
    const error = fetchFailed({
      name: 'HTTPParserError',
      message: 'Response does not match the HTTP/1.1 protocol (Invalid header value char)',
    });
    expect(classifyNetworkFailure(error, 'gcr.io')).toMatchObject({
      scope: 'exchange',
      words: 'gcr.io sent a reply that breaks HTTP (Invalid header value char)',
    });
  });

  it('an unknown failure fails the host, as before, and says what it was', () => {
    const failure = classifyNetworkFailure(
      new TypeError('fetch failed', { cause: new Error('bad port') }),
      'gcr.io',
    );
    expect(failure).toMatchObject({ scope: 'host', retryable: false });
    expect(failure.words).toBe('could not reach gcr.io (Error bad port)');
  });
});
