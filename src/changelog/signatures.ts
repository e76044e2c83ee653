import type { ImageReference } from '../reference/index.ts';
import type { RegistryClient, TagPage } from '../registry/index.ts';
import { attestationFor, type ImageIndex } from '../oci/index.ts';
import {
  createSignatureChecker,
  findProvenance,
  type SignatureChecker,
  type SignatureTrust,
} from '../signature-check/index.ts';
import { compareWithSource, type SignatureVerdict } from '../signatures/index.ts';
import type { PlatformProvenance, PlatformSnapshot } from './facts/index.ts';

/** What the changelog asks about signatures: the run's trust, and whether provenance is wanted too. */
export interface SignatureCollection {
  readonly trust: SignatureTrust;
  /** Read BuildKit's SLSA provenance of the platforms used (pull requests, `--changelog`, explain). */
  readonly provenance: boolean;
}

export interface SignatureReader {
  verdict(ref: ImageReference, from: string | undefined, to: string): Promise<SignatureVerdict>;
  provenance(
    ref: ImageReference,
    index: ImageIndex | undefined,
    details: readonly PlatformSnapshot[],
  ): Promise<PlatformProvenance[] | undefined>;
}

/**
 * Signatures and provenance for the changelog, through the changelog's client and pull budget: a read the
 * budget does not allow, or that fails, is a verdict of `unknown` ("not checked"), never "not signed".
 */
export function createSignatureReader(
  collection: SignatureCollection,
  client: RegistryClient,
  canSpend: (ref: ImageReference, pulls: number) => boolean,
  tagPage: (ref: ImageReference) => () => Promise<TagPage | undefined>,
  debug: (line: string) => void,
): SignatureReader {
  const checkers = new Map<string, SignatureChecker>();
  // One checker a repository, so its tag page is the one the changelog reads (each digest once per run).
  const checkerFor = (ref: ImageReference) => {
    let checker = checkers.get(ref.name);
    if (!checker) {
      checker = createSignatureChecker({
        client,
        trust: collection.trust,
        canSpend,
        tags: tagPage(ref),
        debug,
      });
      checkers.set(ref.name, checker);
    }
    return checker;
  };
  return {
    async verdict(ref, from, to) {
      return (await checkerFor(ref).check(ref, from, to)).verdict;
    },
    async provenance(ref, index, details) {
      if (!collection.provenance || index === undefined) return undefined;
      const found: PlatformProvenance[] = [];
      for (const detail of details) {
        const attestation = attestationFor(index, detail.digest);
        if (!attestation) continue;
        const provenance = await findProvenance({ client, canSpend, debug }, ref, attestation);
        if (!provenance) continue;
        const { source, revision } = detail.metadata;
        const match = compareWithSource(provenance, {
          repository: source?.repository,
          revision: revision ?? source?.commit,
        });
        found.push({ platform: detail.platform, provenance, match });
      }
      return found.length ? found : undefined;
    },
  };
}
