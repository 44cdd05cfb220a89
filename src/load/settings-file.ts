import { join } from 'node:path';
import { RULES } from '../checks/registry.js';
import type { Rule } from '../checks/types.js';
import type { Settings } from './settings.js';
import limits from '../data/limits.json' with { type: 'json' };
import { readRegularFile } from './files.js';
import { InputError } from '../plan/errors.js';

export const SETTINGS_FILE = '.container-plan-check.yml';

/**
 * Reads the configuration file: `settingsFile` when given (it must exist), else
 * `.container-plan-check.yml` in `tfDir`, else in the current directory, else none ({}).
 * Any problem is an InputError naming the file and the offending key.
 */
export async function loadSettings(
  opts: { settingsFile?: string; tfDir?: string },
  known: readonly Rule[] = RULES,
): Promise<{ settings: Settings; file?: string }> {
  const candidates = opts.settingsFile ? [opts.settingsFile] : [...(opts.tfDir ? [join(opts.tfDir, SETTINGS_FILE)] : []), SETTINGS_FILE];
  for (const file of candidates) {
    let text: string;
    try {
      text = (await readRegularFile(file, 'configuration file', limits.configFileMaxBytes)).toString('utf8');
    } catch (e) {
      if (e instanceof InputError) throw e;
      const code = (e as NodeJS.ErrnoException).code;
      if (!opts.settingsFile && code === 'ENOENT') continue;
      throw new InputError(
        file,
        code === 'ENOENT' ? 'no such configuration file' : `cannot read the configuration file (${code ?? 'error'})`,
      );
    }
    // The parser (src/load/settings.ts, with the YAML library) is loaded only when there is a file to read.
    const { parseSettings } = await import('./settings.js');
    return { settings: parseSettings(text, file, known), file };
  }
  return { settings: {} };
}
