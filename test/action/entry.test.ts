import { describe, expect, it, vi } from 'vitest';

// @github/local-action imports the entry and calls its run(); importing it must run nothing.
describe('src/action.ts', () => {
  it('exports run() and does nothing on import', async () => {
    const write = vi.spyOn(process.stdout, 'write');
    const exitCode = process.exitCode;
    try {
      const entry = await import('../../src/action.ts');
      expect(typeof entry.run).toBe('function');
      expect(write).not.toHaveBeenCalled();
      expect(process.exitCode).toBe(exitCode);
    } finally {
      write.mockRestore();
    }
  });
});
