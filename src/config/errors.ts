/** A setting that cannot be used, in one line naming the source and key: `--platform: "amd64" is not os/arch…`. */
export class SettingsError extends Error {
  override readonly name = 'SettingsError';
}
