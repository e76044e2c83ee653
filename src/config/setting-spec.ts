import type { z } from 'zod';
import type { Shape, ShapeKind } from './shape.ts';
import type { Parsed } from './values.ts';

/** zod, handed in by `./file-schema.ts`: this module does not load it, so runs without a config file never do. */
export type Zod = typeof z;

export interface SettingSpec<T> {
  readonly shape: ShapeKind;
  /**
   * The config-file form (YAML), also the JSON Schema's; absent when the file may not set it (secrets,
   * per-run switches). A function, so the schema is built only when a config file is read (cold start).
   */
  readonly file?: (zod: Zod) => z.ZodType;
  /** The CLI flag, when it differs from the key or the key is not a flag (`null`). */
  readonly flag?: string | null;
  readonly input?: boolean;
  readonly description: string;
  readonly parse: (raw: Shape) => Parsed<T>;
  readonly fallback: T;
}

/** A person writes `labels: dependencies` as naturally as a list: both are a list. */
export const fileList = (z: Zod) => z.union([z.string().min(1), z.array(z.string().min(1))]);
