import { z } from 'zod';
import type { ModuleCall, ConfigModule } from './schema.js';

/**
 * The plan's zod schemas (the types in schema.ts are theirs). load.ts loads this module, and zod,
 * only when a plain check does not pass: the schemas then decide and name the problem (a plan
 * that passes the plain checks never needs them; loading zod and building them costs start-up time).
 */
function buildPlanSchemas() {
  const Step = z.union([z.string(), z.number()]);

  const ImportingSchema = z.looseObject({
    id: z.string().optional(),
    unknown: z.boolean().optional(),
  });

  const ChangeSchema = z.looseObject({
    actions: z.array(z.string()).min(1, 'needs at least one action'),
    before: z.unknown().optional(),
    after: z.unknown().optional(),
    after_unknown: z.unknown().optional(),
    before_sensitive: z.unknown().optional(),
    after_sensitive: z.unknown().optional(),
    replace_paths: z.array(z.array(Step)).nullish(),
    importing: ImportingSchema.nullish(),
  });

  const ResourceChangeSchema = z.looseObject({
    address: z.string(),
    previous_address: z.string().optional(),
    module_address: z.string().optional(),
    mode: z.string().default('managed'),
    type: z.string(),
    name: z.string(),
    index: z.union([z.number(), z.string()]).nullish(),
    provider_name: z.string().optional(),
    deposed: z.string().optional(),
    action_reason: z.string().optional(),
    change: ChangeSchema,
  });

  /**
   * The fields every resource change must have. Changes of types this tool does not model are
   * checked against this lighter schema only: they are never read past their address and type.
   */
  const ResourceChangeHeaderSchema = z.object({
    address: z.string(),
    type: z.string(),
    name: z.string(),
    change: z.object({ actions: z.array(z.string()).min(1, 'needs at least one action') }),
  });

  const ConfigResourceSchema = z.looseObject({
    address: z.string(),
    mode: z.string().optional(),
    type: z.string(),
    name: z.string(),
    provider_config_key: z.string().optional(),
    expressions: z.record(z.string(), z.unknown()).optional(),
    count_expression: z.unknown().optional(),
    for_each_expression: z.unknown().optional(),
  });

  const ConfigModuleSchema: z.ZodType<ConfigModule> = z.lazy(() =>
    z.looseObject({
      resources: z.array(ConfigResourceSchema).optional(),
      module_calls: z.record(z.string(), ModuleCallSchema).optional(),
      outputs: z.record(z.string(), z.looseObject({ expression: z.unknown().optional(), sensitive: z.boolean().optional() })).optional(),
      variables: z.record(z.string(), z.looseObject({ default: z.unknown().optional(), sensitive: z.boolean().optional() })).optional(),
    }),
  );

  const ModuleCallSchema: z.ZodType<ModuleCall> = z.lazy(() =>
    z.looseObject({
      source: z.string().optional(),
      expressions: z.record(z.string(), z.unknown()).optional(),
      count_expression: z.unknown().optional(),
      for_each_expression: z.unknown().optional(),
      module: ConfigModuleSchema.optional(),
    }),
  );

  const ProviderConfigSchema = z.looseObject({
    name: z.string().optional(),
    full_name: z.string().optional(),
    alias: z.string().optional(),
    module_address: z.string().optional(),
    expressions: z.record(z.string(), z.unknown()).optional(),
  });

  const ConfigurationSchema = z.looseObject({
    provider_config: z.record(z.string(), ProviderConfigSchema).optional(),
    root_module: ConfigModuleSchema.optional(),
  });

  const VariablesSchema = z.record(z.string(), z.looseObject({ value: z.unknown().optional() }));

  /** The top level of a plan, without `resource_changes` (validated one by one, see load.ts). */
  const PlanHeaderSchema = z.looseObject({
    format_version: z.string(),
    terraform_version: z.string().optional(),
    variables: VariablesSchema.optional(),
    planned_values: z.unknown().optional(),
    prior_state: z.unknown().optional(),
    configuration: ConfigurationSchema.optional(),
    resource_drift: z.array(z.unknown()).optional(),
    errored: z.boolean().optional(),
    applyable: z.boolean().optional(),
    complete: z.boolean().optional(),
    timestamp: z.string().optional(),
    /** Checked one by one with the resource changes (see load.ts). */
    deferred_changes: z.unknown().optional(),
  });

  const DeferredChangeSchema = z.looseObject({
    reason: z.string().optional(),
    resource_change: z.unknown(),
  });
  return {
    ImportingSchema,
    ChangeSchema,
    ResourceChangeSchema,
    ResourceChangeHeaderSchema,
    ConfigResourceSchema,
    ConfigModuleSchema,
    ModuleCallSchema,
    ProviderConfigSchema,
    ConfigurationSchema,
    VariablesSchema,
    PlanHeaderSchema,
    DeferredChangeSchema,
  };
}

export type PlanSchemas = ReturnType<typeof buildPlanSchemas>;
let built: PlanSchemas | undefined;

/** The schemas, built once. */
export function planSchemas(): PlanSchemas {
  return (built ??= buildPlanSchemas());
}
