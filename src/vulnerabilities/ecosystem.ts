import { parsePurl, type Purl } from './purl.ts';

/** One question for OSV: the versions of one package in one ecosystem. */
export interface OsvQuery {
  /** As OSV names it: `Alpine:v3.20`, `Debian:12`, `npm`. */
  readonly ecosystem: string;
  /** The name OSV indexes: the source package for distributions, `group:artifact` for Maven. */
  readonly name: string;
  readonly version: string;
}

/** A package as an SBOM lists it (the fields `src/changelog/sbom.ts` keeps). */
export interface ListedPackage {
  readonly name: string;
  readonly version: string;
  readonly purl?: string | undefined;
  /** The source package, where the SBOM names one (a purl's `upstream=`, an SPDX GENERATED_FROM relationship). */
  readonly source?: { readonly name: string; readonly version?: string | undefined } | undefined;
}

export type QueryMapping =
  | { readonly query: OsvQuery }
  /** Why the package is not asked about (`rpm/redhat`: the kind of package, never its name). */
  | { readonly unqueried: string };

/** The key answers are cached and compared by. */
export function queryKey(query: OsvQuery): string {
  return `${query.ecosystem}\n${query.name}\n${query.version}`;
}

/** Language ecosystems: purl type → OSV ecosystem. https://ossf.github.io/osv-schema/#defined-ecosystems */
const languageEcosystems: Readonly<Record<string, string>> = {
  npm: 'npm',
  pypi: 'PyPI',
  golang: 'Go',
  maven: 'Maven',
  cargo: 'crates.io',
  gem: 'RubyGems',
  nuget: 'NuGet',
  composer: 'Packagist',
  hex: 'Hex',
  pub: 'Pub',
};

/** Debian's code names, for purls that carry `distro=bookworm`. */
const debianCodenames: Readonly<Record<string, string>> = {
  stretch: '9',
  buster: '10',
  bullseye: '11',
  bookworm: '12',
  trixie: '13',
  forky: '14',
};

/**
 * The distribution release a purl names: syft and BuildKit write `distro=3.20.3`, `distro=alpine-3.20.3`,
 * `distro=debian-12`, `distro=ubuntu-24.04`; Docker Scout writes `os_name=alpine&os_version=3.23`.
 */
function distroRelease(purl: Purl, distro: string): string | undefined {
  const osName = purl.qualifiers.get('os_name')?.toLowerCase();
  const osVersion = purl.qualifiers.get('os_version');
  if (osVersion !== undefined && (osName === undefined || osName === distro)) return osVersion;
  const value = purl.qualifiers.get('distro') ?? purl.qualifiers.get('distroversion');
  if (value === undefined) return undefined;
  const lower = value.toLowerCase();
  for (const prefix of [`${distro}-`, `${distro}_`, `${distro}:`, distro]) {
    if (lower.startsWith(prefix)) return lower.slice(prefix.length);
  }
  return lower;
}

/** `3.20.3`, `v3.20`, `3.24.0_alpha20251224` → `v3.20` / `v3.24`. */
function alpineBranch(release: string | undefined): string | undefined {
  const match = /^v?(\d+)\.(\d+)/.exec(release ?? '');
  return match ? `Alpine:v${match[1]}.${match[2]}` : undefined;
}

function debianRelease(release: string | undefined): string | undefined {
  if (release === undefined) return undefined;
  const named = debianCodenames[release];
  if (named !== undefined) return `Debian:${named}`;
  const match = /^(\d+)/.exec(release);
  return match ? `Debian:${match[1]}` : undefined;
}

/** LTS releases are `YY.04` of even years; OSV names them `Ubuntu:24.04:LTS`, the others `Ubuntu:24.10`. */
function ubuntuRelease(release: string | undefined): string | undefined {
  const match = /^(\d{2})\.(\d{2})/.exec(release ?? '');
  if (!match) return undefined;
  const [, year, month] = match;
  const lts = month === '04' && Number(year) % 2 === 0;
  return `Ubuntu:${year}.${month}${lts ? ':LTS' : ''}`;
}

/** The major release (`9.4` → `9`; Rocky and AlmaLinux advisories are per major release). */
function majorRelease(name: string, release: string | undefined): string | undefined {
  const match = /^(\d+)/.exec(release ?? '');
  return match ? `${name}:${match[1]}` : undefined;
}

function openSuseRelease(release: string | undefined): string | undefined {
  if (release === undefined) return undefined;
  if (release.includes('tumbleweed')) return 'openSUSE:Tumbleweed';
  const match = /(\d+\.\d+)/.exec(release);
  return match ? `openSUSE:Leap ${match[1]}` : undefined;
}

/** The OS ecosystem of a distribution purl, or why it has none basepin can name. */
function osEcosystem(purl: Purl): { ecosystem: string } | { unqueried: string } {
  const vendor = purl.namespace?.toLowerCase() ?? '';
  const kind = `${purl.type}/${vendor || '?'}`;
  const found = (ecosystem: string | undefined, what: string) =>
    ecosystem === undefined ? { unqueried: `${kind}: no ${what} release in the purl` } : { ecosystem };
  if (purl.type === 'apk') {
    if (vendor === 'alpine') return found(alpineBranch(distroRelease(purl, 'alpine')), 'Alpine');
    if (vendor === 'wolfi') return { ecosystem: 'Wolfi' };
    if (vendor === 'chainguard') return { ecosystem: 'Chainguard' };
  }
  if (purl.type === 'deb') {
    if (vendor === 'debian') return found(debianRelease(distroRelease(purl, 'debian')), 'Debian');
    if (vendor === 'ubuntu') return found(ubuntuRelease(distroRelease(purl, 'ubuntu')), 'Ubuntu');
  }
  if (purl.type === 'rpm') {
    if (vendor === 'rocky') return found(majorRelease('Rocky Linux', distroRelease(purl, 'rocky')), 'Rocky');
    if (vendor === 'almalinux') {
      return found(majorRelease('AlmaLinux', distroRelease(purl, 'almalinux')), 'AlmaLinux');
    }
    if (vendor === 'opensuse') return found(openSuseRelease(distroRelease(purl, 'opensuse')), 'openSUSE');
  }
  // Red Hat's and SUSE's OSV ecosystems name products and repositories (CPE-like), which a purl does not carry.
  return { unqueried: `${kind}: not an ecosystem basepin maps to OSV` };
}

/** `upstream=expat` or `upstream=glibc@2.36-9` (syft writes the version when it differs). */
function upstreamOf(purl: Purl): { name: string; version?: string } | undefined {
  const upstream = purl.qualifiers.get('upstream');
  if (upstream === undefined) return undefined;
  const at = upstream.indexOf('@');
  return at > 0 ? { name: upstream.slice(0, at), version: upstream.slice(at + 1) } : { name: upstream };
}

function languageName(purl: Purl): string {
  if (purl.namespace === undefined) return purl.name;
  if (purl.type === 'maven') return `${purl.namespace}:${purl.name}`;
  return `${purl.namespace}/${purl.name}`;
}

/**
 * The OSV query for one SBOM package. OS packages are asked by name, ecosystem and version (api.osv.dev
 * ignores a purl's `distro`), under their source package where the SBOM names one: Debian and Alpine
 * advisories are keyed by source package (`libexpat1` is advised as `expat`).
 */
export function osvQueryFor(pkg: ListedPackage): QueryMapping {
  if (pkg.purl === undefined) return { unqueried: 'no purl' };
  const purl = parsePurl(pkg.purl);
  if (purl === undefined) return { unqueried: 'not a package URL' };
  const version = purl.version ?? pkg.version;
  if (version === '') return { unqueried: `${purl.type}: no version` };
  const language = languageEcosystems[purl.type];
  if (language !== undefined) return { query: { ecosystem: language, name: languageName(purl), version } };
  const os = osEcosystem(purl);
  if ('unqueried' in os) return os;
  const upstream = upstreamOf(purl) ?? pkg.source;
  return {
    query: {
      ecosystem: os.ecosystem,
      name: upstream?.name ?? purl.name,
      version: upstream?.version ?? version,
    },
  };
}
