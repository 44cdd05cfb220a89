import type { z } from 'zod';
import fargateTaskRulesJson from './data/fargate-task-rules.json' with { type: 'json' };
import { embedded, type Zod } from '../load/embedded.js';

/**
 * What ECS accepts in a task definition on Fargate beyond the size table (src/aws/data/fargate-task-rules.json,
 * with its sources and date): platform-version thresholds, ephemeral storage range, parameters
 * Fargate rejects, allowed Linux capabilities and log drivers.
 */

/** The data files' schemas, made only when the test suite checks the data against them, with the zod it passes (never at start). */
function schemas(z: Zod) {
  const FargateTaskRules = z.object({
    _meta: z.object({ lastVerified: z.string(), version: z.number() }).loose(),
    linuxPlatform: z.object({ minimumVersion: z.string(), cpuFrom: z.number(), neededBy: z.array(z.string()) }),
    ephemeralStorageGiB: z.object({ default: z.number(), min: z.number(), max: z.number() }),
    windowsArchitectures: z.array(z.string()),
    pidModes: z.array(z.string()),
    unsupportedContainerParameters: z.array(z.string()),
    unsupportedResourceRequirements: z.array(z.string()),
    unsupportedTaskBlocks: z.array(z.string()),
    unsupportedTaskAttributes: z.array(z.string()),
    linuxParameters: z.object({ allowedCapabilities: z.array(z.string()), unsupported: z.array(z.string()) }),
    logDrivers: z.array(z.string()),
    awslogsRequiredOptions: z.array(z.string()),
    /** Baseline EBS performance of a Fargate task by its vCPU (source: ebs-fargate-performance-limits). */
    ebsBaseline: z.object({
      smallTaskMaxVcpu: z.number(),
      smallTaskVolumeTypes: z.array(z.string()),
      byVcpu: z.array(z.object({ vcpu: z.number(), iops: z.number(), throughputMiBps: z.number() })),
    }),
  });
  return { FargateTaskRules };
}
type Schemas = ReturnType<typeof schemas>;

export type FargateTaskRules = z.infer<Schemas['FargateTaskRules']>;

export const fargateTaskRules: FargateTaskRules = embedded(
  'fargate-task-rules.json',
  (z) => schemas(z).FargateTaskRules,
  fargateTaskRulesJson,
);
