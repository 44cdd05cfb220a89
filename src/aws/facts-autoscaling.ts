import type { z } from 'zod';
import appAutoscalingJson from './data/appautoscaling.json' with { type: 'json' };
import { embedded, type Zod } from '../load/embedded.js';

/**
 * Application Auto Scaling facts for ECS services (src/aws/data/appautoscaling.json, which records
 * its sources and date): the scalable dimension, the resource ID format and the predefined
 * target-tracking metrics.
 */

/** The data files' schemas, made only when the test suite checks the data against them, with the zod it passes (never at start). */
function schemas(z: Zod) {
  const Metric = z.object({ name: z.string(), unit: z.enum(['percent', 'count']), needsResourceLabel: z.boolean() });

  const AppAutoscaling = z.object({
    _meta: z.object({ lastVerified: z.string(), version: z.number() }).loose(),
    ecs: z.object({
      serviceNamespace: z.string(),
      scalableDimension: z.string(),
      resourceIdPattern: z.string(),
      predefinedMetrics: z.array(Metric).min(1),
    }),
  });
  return { Metric, AppAutoscaling };
}
type Schemas = ReturnType<typeof schemas>;

export type PredefinedMetric = z.infer<Schemas['Metric']>;

export const appAutoscaling = embedded('appautoscaling.json', (z) => schemas(z).AppAutoscaling, appAutoscalingJson);

export const ECS_RESOURCE_ID = new RegExp(appAutoscaling.ecs.resourceIdPattern);

export function ecsPredefinedMetric(name: string): PredefinedMetric | undefined {
  return appAutoscaling.ecs.predefinedMetrics.find((m) => m.name === name);
}
