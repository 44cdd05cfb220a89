import { z } from 'zod';

/** The `cost` section of .container-plan-check.yml (see README). */
export const CostConfigSchema = z
  .object({
    /** Estimated Spot discount, percent off on-demand (default 70). */
    spotDiscountPercent: z.number().min(0).max(100).optional(),
  })
  .strict();
export type CostConfig = z.infer<typeof CostConfigSchema>;
