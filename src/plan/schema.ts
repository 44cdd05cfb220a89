import type { z } from 'zod';
import type { PlanSchemas } from './plan-schemas.js';

/**
 * Schemas for the JSON written by `terraform show -json` / `tofu show -json`.
 * They are open where Terraform's own format is open: unknown keys are kept and ignored, and the
 * sets of `actions` and `action_reason` values are not closed, since new ones appear in new
 * releases. Values (`before`, `after`, masks) are arbitrary JSON and are read through
 * `Values` (values.ts), never through these schemas.
 */

export const SUPPORTED_FORMAT_MAJOR = [0, 1] as const;

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
