import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { providerDefaults } from '../../src/plan/provider-facts.js';
import { FIXTURES } from '../helpers/paths.js';

interface Change {
  address: string;
  type: string;
  name: string;
  module_address?: string;
  change: { actions: string[]; after: Record<string, unknown> | null; after_unknown?: unknown };
}
interface ConfigModule {
  resources?: { address: string; expressions?: Record<string, unknown> }[];
  module_calls?: Record<string, { module?: ConfigModule }>;
}

/**
 * The shipped plans are written as Terraform writes them: in a create, an Optional+Computed
 * attribute (per the provider facts) that the configuration does not write is unknown, never
 * null or left out of both.
 */
describe('fixtures are shaped as Terraform writes plans', () => {
  const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.json'));
  for (const f of files) {
    it(f, () => {
      const plan = JSON.parse(readFileSync(join(FIXTURES, f), 'utf8')) as {
        resource_changes?: Change[];
        configuration?: { root_module?: ConfigModule };
      };
      const config = new Map<string, Record<string, unknown>>();
      const walk = (m: ConfigModule | undefined, prefix: string) => {
        for (const r of m?.resources ?? []) config.set(prefix + r.address, r.expressions ?? {});
        for (const [n, c] of Object.entries(m?.module_calls ?? {})) walk(c.module, `${prefix}module.${n}.`);
      };
      walk(plan.configuration?.root_module, '');
      const wrong: string[] = [];
      for (const rc of plan.resource_changes ?? []) {
        const facts = providerDefaults.types[rc.type];
        if (!facts || !rc.change.actions.includes('create') || !rc.change.after) continue;
        const addr = `${rc.module_address ? `${rc.module_address.replace(/\[[^\]]*\]/g, '')}.` : ''}${rc.type}.${rc.name}`;
        const written = config.get(addr) ?? {};
        const unknown = (rc.change.after_unknown ?? {}) as Record<string, unknown>;
        for (const [path, fact] of Object.entries(facts)) {
          const computed = typeof fact.schema === 'string' ? fact.schema === 'optional-computed' : fact.schema.v6 === 'optional-computed';
          if (!computed || path.includes('.')) continue;
          const v = rc.change.after[path];
          if ((v === null || v === undefined) && written[path] === undefined && unknown[path] !== true) wrong.push(`${rc.address}.${path}`);
        }
      }
      expect(wrong).toEqual([]);
    });
  }
});
