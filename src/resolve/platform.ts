import type { Platform } from '../registry/types.ts';

/** `linux/arm64/v8` → `{os, architecture, variant}`. The string was validated by the config schema. */
export function parsePlatform(text: string): Platform {
  const [os = '', architecture = '', variant] = text.split('/');
  return variant === undefined ? { os, architecture } : { os, architecture, variant };
}

export function formatPlatform(platform: Platform): string {
  return [platform.os, platform.architecture, platform.variant].filter(Boolean).join('/');
}
