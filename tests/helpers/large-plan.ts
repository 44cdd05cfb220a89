import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Change {
  address: string;
  type: string;
  name: string;
  index?: string;
  change: Record<string, unknown>;
  [k: string]: unknown;
}

/**
 * A plan of `services` Fargate services (for_each), each with its own task definition, and one
 * cluster: `2 × services + 1` resources, every service of an invalid Fargate size (1 vCPU / 1 GB)
 * as in fixtures/fargate-invalid-size.json, which it is made from (as Terraform writes for_each
 * instances: one configuration block, one resource change per key).
 */
export function largeFargatePlan(services: number, fixtures = join(import.meta.dirname, '..', '..', 'fixtures')): unknown {
  const plan = JSON.parse(readFileSync(join(fixtures, 'fargate-invalid-size.json'), 'utf8'));
  const changes = plan.resource_changes as Change[];
  const keep = changes.filter((c) => c.type === 'aws_ecs_cluster');
  const each = changes.filter((c) => c.type !== 'aws_ecs_cluster');
  const out: Change[] = [...keep];
  for (let i = 0; i < services; i++) {
    const key = `svc-${String(i).padStart(4, '0')}`;
    for (const c of each) {
      const copy = JSON.parse(JSON.stringify(c)) as Change;
      copy.address = `${c.address}["${key}"]`;
      copy.index = key;
      const after = copy.change.after as Record<string, unknown>;
      if (typeof after.name === 'string') after.name = `${after.name}-${key}`;
      if (typeof after.family === 'string') after.family = `${after.family}-${key}`;
      out.push(copy);
    }
  }
  plan.resource_changes = out;
  for (const r of plan.configuration.root_module.resources as { type: string; for_each_expression?: unknown }[]) {
    if (r.type !== 'aws_ecs_cluster') r.for_each_expression = { references: ['local.services'] };
  }
  delete plan.planned_values;
  return plan;
}
