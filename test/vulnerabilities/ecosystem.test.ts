import { describe, expect, it } from 'vitest';
import { osvQueryFor, parsePurl, queryKey } from '../../src/vulnerabilities/index.ts';

describe('osvQueryFor', () => {
  it.each([
    // Alpine: every spelling of the release lands on the branch.
    [
      'pkg:apk/alpine/busybox@1.36.1-r29?arch=x86_64&distro=3.20.3',
      'busybox',
      'Alpine:v3.20',
      'busybox',
      '1.36.1-r29',
    ],
    [
      'pkg:apk/alpine/busybox@1.36.1-r29?distro=alpine-3.20.3',
      'busybox',
      'Alpine:v3.20',
      'busybox',
      '1.36.1-r29',
    ],
    [
      'pkg:apk/alpine/busybox@1.37.0-r30?os_name=alpine&os_version=3.23',
      'busybox',
      'Alpine:v3.23',
      'busybox',
      '1.37.0-r30',
    ],
    ['pkg:apk/alpine/zlib@1.3.1-r2?distro=3.24.0_alpha20251224', 'zlib', 'Alpine:v3.24', 'zlib', '1.3.1-r2'],
    // The source package from `upstream=`.
    [
      'pkg:apk/alpine/libssl3@3.0.8-r0?arch=x86_64&upstream=openssl&distro=alpine-3.17.2',
      'libssl3',
      'Alpine:v3.17',
      'openssl',
      '3.0.8-r0',
    ],
    [
      'pkg:deb/debian/libexpat1@2.5.0-1?arch=amd64&upstream=expat&distro=debian-12',
      'libexpat1',
      'Debian:12',
      'expat',
      '2.5.0-1',
    ],
    [
      'pkg:deb/debian/libgcc-s1@12.2.0-14?upstream=gcc-12%4012.2.0-14&distro=debian-12',
      'libgcc-s1',
      'Debian:12',
      'gcc-12',
      '12.2.0-14',
    ],
    ['pkg:deb/debian/bash@5.2.15-2%2Bb2?distro=bookworm', 'bash', 'Debian:12', 'bash', '5.2.15-2+b2'],
    [
      'pkg:deb/ubuntu/openssl@3.0.13-0ubuntu3.4?distro=ubuntu-24.04',
      'openssl',
      'Ubuntu:24.04:LTS',
      'openssl',
      '3.0.13-0ubuntu3.4',
    ],
    [
      'pkg:deb/ubuntu/openssl@3.3.1-2ubuntu2?distro=ubuntu-24.10',
      'openssl',
      'Ubuntu:24.10',
      'openssl',
      '3.3.1-2ubuntu2',
    ],
    [
      'pkg:deb/ubuntu/openssl@3.0.2-0ubuntu1.18?distro=ubuntu-22.04',
      'openssl',
      'Ubuntu:22.04:LTS',
      'openssl',
      '3.0.2-0ubuntu1.18',
    ],
    ['pkg:apk/wolfi/glibc@2.40-r3?arch=x86_64&distro=wolfi-20230201', 'glibc', 'Wolfi', 'glibc', '2.40-r3'],
    ['pkg:apk/chainguard/glibc@2.40-r3?arch=x86_64', 'glibc', 'Chainguard', 'glibc', '2.40-r3'],
    [
      'pkg:rpm/rocky/openssl@3.0.7-27.el9?distro=rocky-9.4',
      'openssl',
      'Rocky Linux:9',
      'openssl',
      '3.0.7-27.el9',
    ],
    [
      'pkg:rpm/almalinux/openssl@3.0.7-27.el9?distro=almalinux-9.4',
      'openssl',
      'AlmaLinux:9',
      'openssl',
      '3.0.7-27.el9',
    ],
    [
      'pkg:rpm/opensuse/openssl-3@3.1.4-150600.5.15.1?distro=opensuse-leap-15.6',
      'openssl-3',
      'openSUSE:Leap 15.6',
      'openssl-3',
      '3.1.4-150600.5.15.1',
    ],
    // Language ecosystems.
    ['pkg:npm/%40babel/core@7.24.0', '@babel/core', 'npm', '@babel/core', '7.24.0'],
    ['pkg:npm/lodash@4.17.20', 'lodash', 'npm', 'lodash', '4.17.20'],
    ['pkg:pypi/django@3.2.0', 'django', 'PyPI', 'django', '3.2.0'],
    ['pkg:golang/golang.org/x/net@v0.23.0', 'golang.org/x/net', 'Go', 'golang.org/x/net', 'v0.23.0'],
    [
      'pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1',
      'log4j-core',
      'Maven',
      'org.apache.logging.log4j:log4j-core',
      '2.14.1',
    ],
    ['pkg:cargo/tokio@1.36.0', 'tokio', 'crates.io', 'tokio', '1.36.0'],
    ['pkg:gem/rack@2.2.8', 'rack', 'RubyGems', 'rack', '2.2.8'],
    ['pkg:nuget/Newtonsoft.Json@13.0.1', 'Newtonsoft.Json', 'NuGet', 'Newtonsoft.Json', '13.0.1'],
    ['pkg:composer/symfony/http-kernel@6.4.0', 'http-kernel', 'Packagist', 'symfony/http-kernel', '6.4.0'],
    ['pkg:hex/plug@1.15.0', 'plug', 'Hex', 'plug', '1.15.0'],
    ['pkg:pub/http@1.2.0', 'http', 'Pub', 'http', '1.2.0'],
  ])('%s → %s', (purl, name, ecosystem, queried, version) => {
    expect(osvQueryFor({ name, version: '', purl })).toEqual({
      query: { ecosystem, name: queried, version },
    });
  });

  it('names the source package from an SPDX relationship when the purl has no upstream', () => {
    const pkg = {
      name: 'libssl3',
      version: '3.5.4-r0',
      purl: 'pkg:apk/alpine/libssl3@3.5.4-r0?os_name=alpine&os_version=3.23',
      source: { name: 'openssl', version: '3.5.4-r0' },
    };
    expect(osvQueryFor(pkg)).toEqual({
      query: { ecosystem: 'Alpine:v3.23', name: 'openssl', version: '3.5.4-r0' },
    });
  });

  it.each([
    [
      'pkg:rpm/redhat/openssl@3.0.7-27.el9?distro=rhel-9.4',
      'rpm/redhat: not an ecosystem basepin maps to OSV',
    ],
    ['pkg:rpm/suse/openssl-3@3.1.4?distro=sles-15.6', 'rpm/suse: not an ecosystem basepin maps to OSV'],
    ['pkg:apk/alpine/busybox@1.36.1-r29', 'apk/alpine: no Alpine release in the purl'],
    ['pkg:deb/debian/bash@5.2', 'deb/debian: no Debian release in the purl'],
    ['pkg:generic/openssl@3.0', 'generic/?: not an ecosystem basepin maps to OSV'],
    ['not a purl', 'not a package URL'],
  ])('leaves %s unqueried', (purl, reason) => {
    expect(osvQueryFor({ name: 'x', version: '1', purl })).toEqual({ unqueried: reason });
  });

  it('falls back to the SBOM version when the purl has none', () => {
    expect(
      osvQueryFor({ name: 'zlib', version: '1.3.1-r2', purl: 'pkg:apk/alpine/zlib?distro=3.20.3' }),
    ).toEqual({
      query: { ecosystem: 'Alpine:v3.20', name: 'zlib', version: '1.3.1-r2' },
    });
  });

  it('keys a query by ecosystem, name and version', () => {
    expect(queryKey({ ecosystem: 'Debian:12', name: 'expat', version: '2.5.0-1' })).toBe(
      'Debian:12\nexpat\n2.5.0-1',
    );
  });
});

describe('parsePurl', () => {
  it('decodes the parts and drops the subpath', () => {
    expect(parsePurl('pkg:deb/debian/curl@7.88.1-10%2Bdeb12u5?arch=amd64&distro=debian-12#sub/path')).toEqual(
      {
        type: 'deb',
        namespace: 'debian',
        name: 'curl',
        version: '7.88.1-10+deb12u5',
        qualifiers: new Map([
          ['arch', 'amd64'],
          ['distro', 'debian-12'],
        ]),
      },
    );
  });

  it.each(['pkg:', 'pkg:npm', 'pkg:npm/%E0%A4%A', `pkg:npm/${'a'.repeat(3000)}`])('refuses %s', (text) => {
    expect(parsePurl(text)).toBeUndefined();
  });
});
