import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { estimateCosts } from '../../src/cost/index.js';
import { resource } from './helpers.js';
import { fixtureContext } from '../helpers/context.js';

/* The example plans of task EBS volumes, public IPv4 addresses and a Karpenter NodePool, read as the CLI reads them. */
async function estimateFixture(name: string) {
  const ctx = await fixtureContext(join(import.meta.dirname, '../../fixtures', name));
  const model = ctx.model;
  const c = estimateCosts(ctx);
  if (!c) throw new Error('no cost estimate');
  return { model, c };
}

describe('example plans', () => {
  it('fixtures/ecs-task-ebs.json: the task volumes and public addresses are components of the service', async () => {
    const { c } = await estimateFixture('ecs-task-ebs.json');
    const r = resource(c, 'aws_ecs_service.ingest');
    expect(r.components.map((k) => [k.name, k.quantity])).toEqual([
      ['Fargate vCPU (Linux/x86)', 3 * 2 * 730],
      ['Fargate memory (Linux/x86)', 3 * 4 * 730],
      ['EBS task volume (gp3, 100 GB)', 300],
      ['EBS task volume IOPS above 3000', 9000],
      ['EBS task volume throughput above 125 MB/s', 375],
      ['Public IPv4 addresses', 3 * 730],
    ]);
    expect(r.monthlyAfter).not.toBeNull();
    // 2..8 tasks: the range scales every per-task component.
    expect(r.max! / r.min!).toBeCloseTo(4, 9);
  });

  it('fixtures/karpenter-nodepool.json: the NodePool shows its ceiling, the Helm release a note', async () => {
    const { c, model } = await estimateFixture('karpenter-nodepool.json');
    const r = resource(c, 'kubernetes_manifest.nodepool_general');
    expect(r.usageBased).toBe(true);
    expect(r.max).toBeGreaterThan(0);
    expect(r.description).toMatch(/^NodePool "general": usage-based, at most \$[\d,.]+\/month \(spec\.limits\)$/);
    expect(model.notes.join('\n')).toContain('helm_release.karpenter installs a Karpenter chart');
  });
});
