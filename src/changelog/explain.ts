import { createChangelogCollector } from './collect.ts';
import type { ChangelogFacts } from './facts/index.ts';
import type { RunSettings } from '../config/settings.ts';
import { formatPlatform, parseImageReference } from '../reference/index.ts';
import type { RegistryClient } from '../registry/index.ts';
import type { SignatureTrust } from '../signature-check/index.ts';
import type { OsvClient } from '../osv/index.ts';
import { addVulnerabilities } from './vulnerabilities.ts';

export interface ExplainDeps {
  readonly registry: RegistryClient;
  readonly debug?: ((line: string) => void) | undefined;
  /** The run's signature trust; without it signatures and provenance are not looked for. */
  readonly signatureTrust?: SignatureTrust | undefined;
  /** Known vulnerabilities fixed and introduced (`osv-api`); none asked without it. */
  readonly osv?: OsvClient | undefined;
}

/**
 * `basepin explain IMAGE[:TAG][@OLD_DIGEST]`: the changelog facts of one image, from the digest given (if
 * any) to the digest its tag points at now, for the `platform` setting's platform (else linux/amd64).
 * Throws `BadReferenceError` for a bad reference and `RegistryError` when the tag cannot be resolved.
 */
export async function explainImage(
  text: string,
  settings: Pick<RunSettings, 'platform'>,
  deps: ExplainDeps,
): Promise<ChangelogFacts> {
  const ref = parseImageReference(text);
  const current = await deps.registry.resolveTag(ref);
  const collector = createChangelogCollector({
    client: deps.registry,
    debug: deps.debug,
    signatures: deps.signatureTrust && { trust: deps.signatureTrust, provenance: true },
  });
  const facts = await collector.collect({
    ref,
    image: `${ref.familiarName}:${ref.trackedTag}`,
    from: ref.digest,
    to: current.digest,
    toMediaType: current.mediaType,
    platforms: settings.platform ? [formatPlatform(settings.platform)] : undefined,
  });
  const [asked] = await addVulnerabilities(deps.osv, collector, [[ref, facts]]);
  return asked?.[1] ?? facts;
}
