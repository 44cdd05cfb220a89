import { z } from 'zod';

/**
 * Schemas for the JSON written by `terraform show -json` / `tofu show -json`.
 * They are open where Terraform's own format is open: unknown keys are kept and ignored, and the
 * sets of `actions` and `action_reason` values are not closed, since new ones appear in new
 * releases. Values (`before`, `after`, masks) are arbitrary JSON and are read through
 * `Values` (values.ts), never through these schemas.
 */

export const SUPPORTED_FORMAT_MAJOR = [0, 1] as const;

/**
 * The schemas, built on first use (a plan that passes the plain checks in load.ts never needs
 * them; building them costs start-up time).
 */
function buildSchemas() {
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

type PlanSchemas = ReturnType<typeof buildSchemas>;
let built: PlanSchemas | undefined;

/** The plan's zod schemas (built once, on first use). */
export function planSchemas(): PlanSchemas {
  return (built ??= buildSchemas());
}

export type PlanChange = z.infer<PlanSchemas['ChangeSchema']>;
export type PlanResourceChange = z.infer<PlanSchemas['ResourceChangeSchema']>;
export type ProviderConfig = z.infer<PlanSchemas['ProviderConfigSchema']>;
export type Configuration = z.infer<PlanSchemas['ConfigurationSchema']>;
export type PlanHeader = z.infer<PlanSchemas['PlanHeaderSchema']>;

/** An expression in `configuration`: `{constant_value}` or `{references}`; nested blocks are arrays. */
export type Expressions = Record<string, unknown>;

export interface ConfigResource {
  address: string;
  mode?: string;
  type: string;
  name: string;
  provider_config_key?: string;
  expressions?: Expressions;
  count_expression?: unknown;
  for_each_expression?: unknown;
}

export interface ConfigModule {
  resources?: ConfigResource[];
  module_calls?: Record<string, ModuleCall>;
  outputs?: Record<string, { expression?: unknown; sensitive?: boolean }>;
  variables?: Record<string, { default?: unknown; sensitive?: boolean }>;
}

export interface ModuleCall {
  source?: string;
  expressions?: Expressions;
  count_expression?: unknown;
  for_each_expression?: unknown;
  module?: ConfigModule;
}

/**
 * `deferred_changes[]` (Terraform 1.9+): a change Terraform could not plan yet, with why
 * (`instance_count_unknown`, `resource_config_unknown`, `provider_config_unknown`,
 * `deferred_prereq`, `absent_prereq`, `unknown`; kept open). An instance whose key is not known
 * yet has `index_unknown: true` and an address ending in `[*]`.
 */
export interface DeferredChange {
  reason: string;
  resource_change: PlanResourceChange;
}

export interface Plan extends PlanHeader {
  resource_changes: PlanResourceChange[];
  deferred_changes?: DeferredChange[];
  /** The data sources read while planning (from `prior_state`), of the types a reader declares, as `no-op` changes (see load.ts). */
  prior_data_sources?: PlanResourceChange[];
}
