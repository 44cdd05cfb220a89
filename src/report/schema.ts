import { z } from 'zod';
import { SCHEMA_VERSION } from '../engine/version.js';

/**
 * The JSON report: a public, versioned contract (see README "JSON report"). The zod schemas are
 * the types. Adding optional fields keeps schemaVersion 1; removing or changing one bumps it.
 */
export { SCHEMA_VERSION };

export const Severity = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof Severity>;

export const ActionSchema = z.enum(['create', 'update', 'replace', 'delete', 'no-op', 'read', 'forget']);

export const ReportResource = z.object({
  address: z.string(),
  type: z.string(),
  action: ActionSchema,
  importing: z.boolean().optional(),
  /** `(known after apply)` when `regionUnknown`. */
  region: z.string(),
  regionSource: z.enum(['resource', 'provider', 'option', 'default']).optional(),
  /** The resource's own `region` is set from a value known only after apply. */
  regionUnknown: z.boolean().optional(),
  /** A change Terraform deferred to a later plan (`deferred_changes`): checked and priced from what the plan shows. */
  deferred: z.boolean().optional(),
  module: z.string().optional(),
  file: z.string().nullable().optional(),
  line: z.number().nullable().optional(),
});
export type ReportResource = z.infer<typeof ReportResource>;

export const Finding = z.object({
  rule: z.string(),
  severity: Severity,
  title: z.string().optional(),
  address: z.string(),
  message: z.string(),
  /** Attribute path relative to the resource, e.g. `capacity_provider_strategy[0].base`. */
  path: z.string().nullable(),
  file: z.string().nullable(),
  line: z.number().nullable(),
  /** The resource is not changed by this plan: reported, never gating. */
  existing: z.boolean(),
  suppressed: z.boolean(),
  suppressionReason: z.string().optional(),
  docs: z.string().optional(),
});
export type Finding = z.infer<typeof Finding>;

export const CostComponent = z.object({
  name: z.string(),
  unit: z.string(),
  /** Quantity per month (hours, GB-months …). null when unknown, or when derived from a sensitive value. */
  quantity: z.number().nullable(),
  /** The quantity is derived from a value the plan marks sensitive: it is not shown (quantity is null). */
  quantitySensitive: z.boolean().optional(),
  unitPrice: z.number().nullable(),
  monthly: z.number().nullable(),
  priceSource: z.string().optional(),
  note: z.string().optional(),
});
export type CostComponent = z.infer<typeof CostComponent>;

export const Unpriced = z.object({ item: z.string(), reason: z.string(), fix: z.string().optional() });
export type Unpriced = z.infer<typeof Unpriced>;

export const ResourceCost = z.object({
  address: z.string(),
  type: z.string(),
  action: ActionSchema,
  description: z.string().optional(),
  /** null means unknown (an unknown count, an unpriced item): never read as 0. */
  monthlyBefore: z.number().nullable(),
  monthlyAfter: z.number().nullable(),
  monthlyDelta: z.number().nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  components: z.array(CostComponent),
  beforeComponents: z.array(CostComponent).optional(),
  unpriced: z.array(Unpriced),
  usageBased: z.boolean().optional(),
  /** A change Terraform deferred to a later plan. */
  deferred: z.boolean().optional(),
  notes: z.array(z.string()).optional(),
  advice: z.array(z.string()).optional(),
});
export type ResourceCost = z.infer<typeof ResourceCost>;

export const CostTotals = z.object({
  currency: z.literal('USD'),
  monthlyBefore: z.number().nullable(),
  monthlyAfter: z.number().nullable(),
  monthlyDelta: z.number().nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  snapshotDate: z.string(),
  /** The plan is incomplete (`complete: false`): a later plan may change more, so the totals are partial. */
  partial: z.boolean().optional(),
  /** Where the prices used came from: "AWS Price List API, <date>", "snapshot <date>", "price file". */
  priceOrigins: z.array(z.string()).optional(),
  /** Why the prices come from where they do (the snapshot, with no AWS credentials for live prices). */
  priceNotes: z.array(z.string()).optional(),
});

export const PlanCost = CostTotals.extend({ resources: z.array(ResourceCost), notes: z.array(z.string()).optional() });
export type PlanCost = z.infer<typeof PlanCost>;

export const PlanReport = z.object({
  path: z.string(),
  /** Stack label for multi-stack reports (defaults to the plan path). */
  name: z.string().optional(),
  terraformVersion: z.string().nullable(),
  formatVersion: z.string().nullable(),
  error: z.string().nullable(),
  /**
   * Why the plan itself cannot be applied (`errored: true`; `applyable: false` while it changes
   * resources): one line each. The plan is still analysed; these fail the gate.
   */
  planErrors: z.array(z.string()).optional(),
  /** The changes Terraform deferred to a later plan (`deferred_changes`, Terraform 1.9+), of any type. */
  deferredChanges: z.array(z.object({ address: z.string(), type: z.string(), reason: z.string() })).optional(),
  notes: z.array(z.string()).optional(),
  resources: z.array(ReportResource),
  findings: z.array(Finding),
  cost: PlanCost.nullable(),
});
export type PlanReport = z.infer<typeof PlanReport>;

/** `warnings`: what the gate could not check but was told not to fail on (unpriced: warn). */
export const Gate = z.object({ passed: z.boolean(), reasons: z.array(z.string()), warnings: z.array(z.string()).optional() });
export type Gate = z.infer<typeof Gate>;

export const Report = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  tool: z.object({ name: z.literal('container-plan-check'), version: z.string() }).optional(),
  asOf: z.string(),
  plans: z.array(PlanReport),
  cost: CostTotals.nullable().optional(),
  gate: Gate,
  warnings: z.array(z.string()).optional(),
});
export type Report = z.infer<typeof Report>;
