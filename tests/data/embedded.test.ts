import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { EMBEDDED } from '../../src/load/embedded.js';
// Importing the engine and the pricing refresh loads every module that embeds data.
import '../../src/engine/analyse.js';
import '../../src/cost/update.js';

describe('embedded data files', () => {
  it('are all registered', () => {
    expect(EMBEDDED.map((e) => e.name).sort()).toEqual([
      'ami-platforms.json',
      'appautoscaling.json',
      'ebs-optimized.json',
      'ecs-eni-trunking.json',
      'eks-addon-versions.json',
      'eks-ami-types.json',
      'eks-auto-mode.json',
      'eks-versions.json',
      'fargate-sizes.json',
      'fargate-task-rules.json',
      'instance-types.json',
      'placement.json',
      'price-list.json',
      'prices/index.json',
      'provider-defaults.json',
    ]);
  });
  for (const e of EMBEDDED) {
    it(`${e.name} matches its schema, unchanged by parsing`, () => {
      const r = e.schema(z).safeParse(e.data);
      expect(r.success ? 'ok' : r.error.issues.slice(0, 3)).toBe('ok');
      expect(r.data).toEqual(e.data);
    });
  }
});
