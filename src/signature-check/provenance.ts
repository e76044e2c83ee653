import { factsMaySpend } from '../resolve/index.ts';
import type { ImageReference } from '../reference/index.ts';
import type { RegistryClient } from '../registry/index.ts';
import {
  ArtifactManifestSchema,
  parseBytes,
  readProvenance,
  slsaProvenance,
  type Descriptor,
  type Provenance,
} from '../signatures/index.ts';

export interface ProvenanceLookup {
  readonly client: RegistryClient;
  /** Default the changelog's Docker Hub budget, as for signatures. */
  readonly canSpend?: (ref: ImageReference, pulls: number) => boolean;
  readonly debug?: (line: string) => void;
}

const predicateAnnotations = ['in-toto.io/predicate-type', 'predicateType'];
const maxStatementBytes = 4 * 1024 * 1024;

/**
 * The SLSA provenance in BuildKit's attestation manifest `attestation` (the index entry the changelog finds
 * with `attestationFor`): one manifest GET, which the changelog's SBOM search shares through the client's
 * cache, then the statement's blob. Undefined when there is none, the budget is spent or a read fails.
 */
export async function findProvenance(
  lookup: ProvenanceLookup,
  ref: ImageReference,
  attestation: { readonly digest: string },
): Promise<Provenance | undefined> {
  const { client } = lookup;
  const debug = lookup.debug ?? (() => undefined);
  const where = `${ref.familiarName}@${attestation.digest}`;
  try {
    const canSpend = lookup.canSpend ?? ((at, pulls) => factsMaySpend(client, at, pulls));
    if (!canSpend(ref, 1)) {
      debug(`provenance: ${where} not read (Docker Hub pull budget)`);
      return undefined;
    }
    const manifest = parseBytes(
      ArtifactManifestSchema,
      (await client.fetchManifest(ref, attestation.digest)).bytes,
    );
    const layer = manifest?.layers.find(isProvenanceLayer);
    if (!layer) return undefined;
    if (layer.size !== undefined && layer.size > maxStatementBytes) return undefined;
    const bytes = await client.fetchBlob(ref, layer.digest);
    return bytes.length > maxStatementBytes ? undefined : readProvenance(bytes);
  } catch (error) {
    debug(`provenance: ${where} not read (${(error as Error).message})`);
    return undefined;
  }
}

function isProvenanceLayer(layer: Descriptor): boolean {
  const predicate = predicateAnnotations.map((key) => layer.annotations?.[key]).find((v) => v !== undefined);
  return predicate === slsaProvenance.v02 || predicate === slsaProvenance.v1;
}
