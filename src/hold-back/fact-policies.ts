import { ageInDays, newestCreated } from '../changelog/facts/index.ts';
import type { HoldPolicy } from './policy.ts';

const dayMs = 86_400_000;

export function describeAge(ms: number): string {
  const days = ms / dayMs;
  return days >= 1 ? `${Math.round(days * 10) / 10}d` : `${Math.round(ms / 3_600_000)}h`;
}

/** `skip-unchanged-platforms`: the new digest changed only platforms the repository does not build. */
export const unchangedPlatformsPolicy: HoldPolicy = (_update, { settings, changelog }) => {
  const platforms = changelog?.platforms;
  if (!settings.skipUnchangedPlatforms || changelog?.from === undefined || platforms?.usedChanged !== false) {
    return undefined;
  }
  const changed = [...platforms.changed, ...platforms.added, ...platforms.removed];
  return {
    code: 'unchanged-platforms',
    message: `the new digest changed only platforms this repository does not use (${changed.join(', ')}); skip-unchanged-platforms`,
  };
};

/** `minimum-age`: the new digest was built less than the setting's time ago. */
export const minimumAgePolicy: HoldPolicy = (_update, { settings, changelog, now }) => {
  if (settings.minimumAgeMs === undefined || changelog === undefined) return undefined;
  const age = ageInDays(changelog, now);
  if (age === undefined || age * dayMs >= settings.minimumAgeMs) return undefined;
  return {
    code: 'minimum-age',
    message: `the new digest was built ${newestCreated(changelog)}, ${describeAge(Math.max(0, age * dayMs))} ago, less than minimum-age ${describeAge(settings.minimumAgeMs)}`,
  };
};
