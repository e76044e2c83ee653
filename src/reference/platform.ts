/**
 * An image platform, as an OCI index entry names it.
 * https://github.com/opencontainers/image-spec/blob/main/image-index.md#image-index-property-descriptions
 */
export interface Platform {
  readonly os: string;
  readonly architecture: string;
  readonly variant?: string | undefined;
}

/** `linux/arm64/v8` → `{os, architecture, variant}`; undefined when the text is not `os/arch[/variant]`. */
export function parsePlatform(text: string): Platform | undefined {
  if (!/^[a-z0-9]+\/[a-z0-9_]+(?:\/[a-z0-9]+)?$/.test(text)) return undefined;
  const [os = '', architecture = '', variant] = text.split('/');
  return variant === undefined ? { os, architecture } : { os, architecture, variant };
}

export function formatPlatform(platform: Platform): string {
  return [platform.os, platform.architecture, platform.variant].filter(Boolean).join('/');
}
