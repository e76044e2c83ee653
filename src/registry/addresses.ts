import { isIP } from 'node:net';

/**
 * Which IP addresses basepin refuses to connect to, in every spelling an
 * address can take: a registry, an auth realm or a redirect that leads to
 * link-local or cloud metadata addresses is an attempt to reach instance
 * credentials (so a registry cannot steer requests to internal or metadata addresses). Checked on literal hosts and, through the
 * dispatcher's lookup hook, on the addresses a name resolves to.
 */

/** IPv4 ranges as [first octets, prefix length, why]. */
const forbiddenIpv4: readonly (readonly [readonly number[], number, string])[] = [
  [[0], 8, 'an unspecified ("this network") address'],
  [[169, 254], 16, 'a link-local address (cloud metadata lives at 169.254.169.254)'],
  [[100, 100, 100, 200], 32, 'the Alibaba Cloud metadata address'],
  [[168, 63, 129, 16], 32, 'the Azure host (WireServer) address'],
  [[192, 0, 0, 192], 32, 'the Oracle Cloud metadata address'],
];

/** IPv6 ranges as [leading bytes, prefix length, why]; embedded IPv4 is checked separately. */
const forbiddenIpv6: readonly (readonly [readonly number[], number, string])[] = [
  [[0xfe, 0x80], 10, 'a link-local address'],
  [[0xfd, 0x00, 0x0e, 0xc2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0x54], 128, 'the AWS metadata address'],
];

/** Prefixes under which an IPv6 address carries an IPv4 address in its last 32 bits. */
const ipv4Carriers: readonly (readonly [readonly number[], string])[] = [
  [[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff], 'IPv4-mapped'],
  [[0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0], 'NAT64'],
];

/** `[::1]`, `::ffff:a9fe:a9fe`, `169.254.169.254` → bytes; anything else (a name) → undefined. */
export function ipBytes(text: string): Uint8Array | undefined {
  const address = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  const family = isIP(address);
  if (family === 4) return Uint8Array.from(address.split('.').map(Number));
  if (family === 6) return ipv6Bytes(address.replace(/%.*$/, ''));
  return undefined;
}

function ipv6Bytes(address: string): Uint8Array {
  // A trailing dotted quad counts as two groups.
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  let text = address;
  if (dotted?.[1]) {
    const [a = 0, b = 0, c = 0, d = 0] = dotted[1].split('.').map(Number);
    text = `${address.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const groups = (part: string) => (part === '' ? [] : part.split(':').map((g) => parseInt(g, 16)));
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const all = [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
  const bytes = new Uint8Array(16);
  all.forEach((group, index) => {
    bytes[index * 2] = group >> 8;
    bytes[index * 2 + 1] = group & 0xff;
  });
  return bytes;
}

function inPrefix(bytes: Uint8Array, prefix: readonly number[], bits: number): boolean {
  for (let bit = 0; bit < bits; bit += 8) {
    const mask = bits - bit >= 8 ? 0xff : (0xff << (8 - (bits - bit))) & 0xff;
    const index = bit / 8;
    if (((bytes[index] ?? 0) & mask) !== ((prefix[index] ?? 0) & mask)) return false;
  }
  return true;
}

function ipv4Reason(bytes: Uint8Array): string | undefined {
  return forbiddenIpv4.find(([prefix, bits]) => inPrefix(bytes, prefix, bits))?.[2];
}

/** The IPv4 address an IPv6 address stands for (IPv4-mapped, NAT64 64:ff9b::/96), if any. */
function embeddedIpv4(bytes: Uint8Array): { bytes: Uint8Array; how: string } | undefined {
  for (const [prefix, how] of ipv4Carriers) {
    if (inPrefix(bytes, prefix, 96)) return { bytes: bytes.slice(12), how };
  }
  return undefined;
}

/** Why basepin refuses to connect to this literal address, or undefined when it may. */
export function forbiddenAddressReason(address: string): string | undefined {
  const bytes = ipBytes(address);
  if (bytes === undefined) return undefined;
  if (bytes.length === 4) return ipv4Reason(bytes);
  if (bytes.every((byte) => byte === 0)) return 'the unspecified address';
  const embedded = embeddedIpv4(bytes);
  if (embedded !== undefined) {
    const reason = ipv4Reason(embedded.bytes);
    return reason === undefined ? undefined : `${reason}, ${embedded.how}`;
  }
  return forbiddenIpv6.find(([prefix, bits]) => inPrefix(bytes, prefix, bits))?.[2];
}

/** 127.0.0.0/8, ::1, and IPv4-mapped 127.x: literal loopback addresses only. */
export function isLoopbackAddress(address: string): boolean {
  const bytes = ipBytes(address);
  if (bytes === undefined) return false;
  if (bytes.length === 4) return bytes[0] === 127;
  if (inPrefix(bytes, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], 128)) return true;
  const embedded = embeddedIpv4(bytes);
  return embedded?.how === 'IPv4-mapped' && embedded.bytes[0] === 127;
}

/** `error.code` of a refused connection; transport.ts turns it into an UNSAFE_URL RegistryError. */
export const forbiddenAddressCode = 'BASEPIN_FORBIDDEN_ADDRESS';

export class ForbiddenAddressError extends Error {
  override readonly name = 'ForbiddenAddressError';
  readonly code = forbiddenAddressCode;

  constructor(host: string, address: string, reason: string) {
    super(
      host === address
        ? `${address} is ${reason}; refusing to connect`
        : `${host} resolves to ${address}, ${reason}; refusing to connect`,
    );
  }
}
