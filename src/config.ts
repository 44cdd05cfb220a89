import { z } from 'zod';
import { CostConfigSchema } from './cost/config-schema.js';

/**
 * `.container-plan-check.yml`, validated with zod. Sections: `rules` (severity per rule, or off),
 * `ignore` (rule + address glob + required reason), `cost` (see src/cost/config-schema.ts).
 */
export const ToolConfigSchema = z
  .object({
    rules: z.record(z.string(), z.enum(['error', 'warning', 'info', 'off'])).optional(),
    ignore: z
      .array(
        z
          .object({
            rule: z.string(),
            address: z.string().default('*'),
            reason: z.string().min(1, 'a reason is required'),
          })
          .strict(),
      )
      .optional(),
    cost: CostConfigSchema.optional(),
  })
  .strict();
export type ToolConfig = z.infer<typeof ToolConfigSchema>;
