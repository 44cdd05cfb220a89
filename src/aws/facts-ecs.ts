import ecsEniTrunkingJson from './data/ecs-eni-trunking.json' with { type: 'json' };
import { instanceType } from './facts.js';
import { embedded, type Zod } from '../load/embedded.js';

/**
 * ECS facts shipped as versioned data (src/aws/data/ecs-eni-trunking.json records its source and
 * date): how many awsvpc tasks ECS places on one EC2 container instance, without and with ENI
 * trunking.
 */

/** The data files' schemas, made only when the test suite checks the data against them, with the zod it passes (never at start). */
function schemas(z: Zod) {
  const EcsEniTrunking = z.object({
    _meta: z.object({ retrieved: z.string(), version: z.number(), source: z.object({ url: z.string() }).loose() }).loose(),
    types: z.record(
      z.string(),
      z.object({ withoutTrunking: z.number().int().positive(), withTrunking: z.number().int().positive().optional() }),
    ),
  });
  return { EcsEniTrunking };
}

export const ecsEniTrunking = embedded('ecs-eni-trunking.json', (z) => schemas(z).EcsEniTrunking, ecsEniTrunkingJson);

export interface AwsvpcTaskLimit {
  tasks: number;
  /** How the limit was found, for messages. */
  basis: string;
}

/**
 * awsvpc tasks per container instance of an EC2 instance type: every task takes one ENI, and the
 * primary ENI is the instance's own. With ENI trunking (Linux only) ECS publishes per-type limits;
 * a type it does not list and that EC2 reports as trunking-capable has no known limit here.
 * Undefined when the facts do not tell.
 */
export function awsvpcTasksPerInstance(type: string, trunking: boolean): AwsvpcTaskLimit | undefined {
  const row = Object.hasOwn(ecsEniTrunking.types, type) ? ecsEniTrunking.types[type] : undefined;
  const it = instanceType(type);
  if (trunking) {
    if (row?.withTrunking !== undefined) return { tasks: row.withTrunking, basis: 'with ENI trunking, as ECS publishes it' };
    if (row || it?.trunking !== false) return undefined;
  }
  if (row) return { tasks: row.withoutTrunking, basis: 'without ENI trunking, as ECS publishes it' };
  const enis = it?.maxEnis ?? it?.defaultCardMaxEnis;
  if (enis === undefined) return undefined;
  return {
    tasks: Math.max(0, enis - 1),
    basis: `${enis} ENIs minus the primary${trunking ? '; ENI trunking is not supported on this type' : ''}`,
  };
}
