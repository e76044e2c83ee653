import { describe, expect, it } from 'vitest';
import { forbiddenAddressReason, ipBytes, isLoopbackAddress } from '../../src/registry/addresses.ts';
import { canonicalHostname, forbiddenHostReason, isLoopbackHost } from '../../src/registry/hosts.ts';

describe('forbidden addresses, in every spelling', () => {
  it.each([
    ['169.254.169.254', 'link-local'],
    ['169.254.0.1', 'link-local'],
    ['100.100.100.200', 'Alibaba'],
    ['168.63.129.16', 'Azure'],
    ['192.0.0.192', 'Oracle'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['::', 'unspecified'],
    ['0:0:0:0:0:0:0:0', 'unspecified'],
    ['::ffff:0.0.0.0', 'unspecified'],
    ['fe80::1', 'link-local'],
    ['febf:ffff::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['fd00:ec2::254', 'AWS'],
    ['fd00:ec2:0:0:0:0:0:254', 'AWS'],
    ['::ffff:169.254.169.254', 'IPv4-mapped'],
    ['::ffff:a9fe:a9fe', 'IPv4-mapped'],
    ['[::ffff:a9fe:a9fe]', 'IPv4-mapped'],
    ['0:0:0:0:0:ffff:a9fe:a9fe', 'IPv4-mapped'],
    ['64:ff9b::a9fe:a9fe', 'NAT64'],
    ['64:ff9b::169.254.169.254', 'NAT64'],
    ['64:ff9b::6464:64c8', 'NAT64'],
  ])('refuses %s', (address, why) => {
    expect(forbiddenAddressReason(address)).toContain(why);
  });

  it.each([
    '127.0.0.1',
    '10.0.0.1',
    '192.168.1.1',
    '100.100.100.201',
    '169.253.255.255',
    '169.255.0.0',
    '1.2.3.4',
    '::1',
    '2001:db8::1',
    'fec0::1',
    'fd00:ec2::253',
    '::ffff:127.0.0.1',
    '64:ff9b::102:304',
    'registry.example',
    '169.254.169.254.nip.io',
  ])('allows %s', (address) => {
    expect(forbiddenAddressReason(address)).toBeUndefined();
  });

  it('parses IPv6 groups and dotted tails to 16 bytes', () => {
    expect([...ipBytes('64:ff9b::169.254.1.2')!]).toEqual([
      0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0, 169, 254, 1, 2,
    ]);
    expect([...ipBytes('1::')!]).toEqual([0, 1, ...new Array<number>(14).fill(0)]);
    expect(ipBytes('example.com')).toBeUndefined();
  });
});

describe('hosts as a connection would see them', () => {
  it.each([
    ['[::ffff:169.254.169.254]', 'IPv4-mapped'],
    ['[::ffff:169.254.169.254]:8080', 'IPv4-mapped'],
    ['[64:ff9b::a9fe:a9fe]', 'NAT64'],
    ['2852039166', 'link-local'],
    ['0251.0376.0251.0376', 'link-local'],
    ['0xa9.0xfe.0xa9.0xfe:80', 'link-local'],
    ['169.254.169.254.', 'link-local'],
    ['METADATA.google.internal', 'metadata'],
    ['0', 'unspecified'],
  ])('refuses %s', (host, why) => {
    expect(forbiddenHostReason(host)).toContain(why);
  });

  it('canonicalises like the URL parser', () => {
    expect(canonicalHostname('[::ffff:169.254.169.254]:1')).toBe('[::ffff:a9fe:a9fe]');
    expect(canonicalHostname('Registry.Example:5000')).toBe('registry.example');
  });

  it.each([
    ['localhost', true],
    ['localhost:5000', true],
    ['127.0.0.1:5000', true],
    ['127.1.2.3', true],
    ['[::1]:5000', true],
    ['[::ffff:127.0.0.1]', true],
    ['127.evil.example', false],
    ['127.0.0.1.nip.io', false],
    ['evil.localhost', false],
    ['localhost.evil.example', false],
    ['10.0.0.1', false],
  ])('loopback: %s → %s', (host, loopback) => {
    expect(isLoopbackHost(host)).toBe(loopback);
  });

  it('knows literal loopback addresses only', () => {
    expect(isLoopbackAddress('127.0.0.1')).toBe(true);
    expect(isLoopbackAddress('localhost')).toBe(false);
  });
});
