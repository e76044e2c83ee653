import { runSettings, type RunSettings, type SettingsInput } from './settings.ts';
import type { SettingSource } from './sources.ts';

/**
 * One repository's settings in an organisation run: its own `.github/basepin.yml` over the org-wide
 * sources (the running workflow's inputs or flags, then the running repository's settings file), key by
 * key, so a repository keeps what it chose and takes the organisation's defaults for the rest.
 * A dry run is the run's, not the repository's: a repository's file cannot turn an org dry run into writes.
 */
export function repositoryRunSettings(
  org: SettingsInput,
  repositoryFile: SettingSource | undefined,
): RunSettings {
  const orgWide = runSettings(org);
  if (repositoryFile === undefined) return orgWide;
  const settings = runSettings({ ...org, sources: [repositoryFile, ...org.sources] });
  return { ...settings, dryRun: settings.dryRun || orgWide.dryRun };
}
