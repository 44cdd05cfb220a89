import { z } from 'zod';
import { cpuMillicores, memoryMiB } from '../plan/eksfargate.js';

/** A Kubernetes quantity read with the shared parser; the message says what is expected. */
const quantity = <T extends z.ZodType<number | string>>(input: T, parse: (q: unknown) => number | undefined, what: string) =>
  input.transform((v, ctx) => {
    const n = parse(v);
    if (n === undefined || n <= 0) {
      ctx.addIssue({ code: 'custom', message: `expected ${what}` });
      return z.NEVER;
    }
    return n;
  });

/** Pods declared for an EKS Fargate profile: how many run, with their summed container requests. */
export const FargatePodsSchema = z
  .object({
    namespace: z.string().min(1),
    count: z.number().int().nonnegative(),
    /** The pod's CPU request (sum of its containers'), in millicores once parsed: `0.5`, `"500m"`. */
    cpu: quantity(z.union([z.number(), z.string()]), cpuMillicores, 'a CPU request such as 0.5 or "500m"').optional(),
    /** The pod's memory request (sum of its containers'), in MiB once parsed: `"512Mi"`, `"1Gi"`. */
    memory: quantity(z.string(), memoryMiB, 'a memory request such as "512Mi" or "1Gi"').optional(),
  })
  .strict();

/** The `cost` section of .container-plan-check.yml (see README). */
export const CostSettingsSchema = z
  .object({
    /** Estimated Spot discount, percent off on-demand (default: the snapshot's estimate, 70). */
    spotDiscountPercent: z.number().min(0).max(100).optional(),
    /** Negotiated discount (EDP, private pricing), percent off every price. */
    edpDiscountPercent: z.number().min(0).max(100).optional(),
    /** What an unknown monthly delta does to a cost limit (max-increase…): fail (default), warn or ignore. */
    unpriced: z.enum(['fail', 'warn', 'ignore']).optional(),
    /** A price file in the snapshot's schema, merged over the embedded snapshot. */
    priceFile: z.string().min(1).optional(),
    /**
     * Pods that run on each EKS Fargate profile, keyed by the profile's resource address or its
     * `fargate_profile_name`. Without them a profile is shown as usage-based, with no figure.
     */
    eksFargatePods: z.record(z.string(), z.array(FargatePodsSchema)).optional(),
  })
  .strict();
export type CostSettings = z.infer<typeof CostSettingsSchema>;
