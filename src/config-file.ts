import { join } from 'node:path';
import { RULES } from './checks/registry.js';
import type { Rule } from './checks/types.js';
import type { ToolConfig } from './config.js';
import limits from './data/limits.json' with { type: 'json' };
import { readRegularFile } from './files.js';
import { InputError } from './plan/errors.js';

export const CONFIG_FILE = '.container-plan-check.yml';

/**
 * Reads the configuration file: `configFile` when given (it must exist), else
 * `.container-plan-check.yml` in `tfDir`, else in the current directory, else none ({}).
 * Any problem is an InputError naming the file and the offending key.
 */
export async function loadConfig(
  opts: { configFile?: string; tfDir?: string },
  known: readonly Rule[] = RULES,
): Promise<{ config: ToolConfig; file?: string }> {
  const candidates = opts.configFile ? [opts.configFile] : [...(opts.tfDir ? [join(opts.tfDir, CONFIG_FILE)] : []), CONFIG_FILE];
  for (const file of candidates) {
    let text: string;
    try {
      text = (await readRegularFile(file, 'configuration file', limits.configFileMaxBytes)).toString('utf8');
    } catch (e) {
      if (e instanceof InputError) throw e;
      const code = (e as NodeJS.ErrnoException).code;
      if (!opts.configFile && code === 'ENOENT') continue;
      throw new InputError(
        file,
        code === 'ENOENT' ? 'no such configuration file' : `cannot read the configuration file (${code ?? 'error'})`,
      );
    }
    // The parser (src/config.ts, with the YAML library) is loaded only when there is a file to read.
    const { parseConfig } = await import('./config.js');
    return { config: parseConfig(text, file, known), file };
  }
  return { config: {} };
}
