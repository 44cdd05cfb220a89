import type { z } from 'zod';
import addonVersionsJson from './data/eks-addon-versions.json' with { type: 'json' };
import amiTypesJson from './data/eks-ami-types.json' with { type: 'json' };
import autoModeJson from './data/eks-auto-mode.json' with { type: 'json' };
import { embedded, type Zod } from '../load/embedded.js';
import type { Attributes } from '../plan/read.js';

/**
 * EKS facts beyond the version calendar (src/aws/facts.ts), each a versioned data file under
 * src/aws/data recording its sources and date: node group AMI types and add-on versions by
 * Kubernetes version. The control-plane prices (standard and extended support) are read from the
 * run's prices (eksControlPlaneHourly in src/aws/price-terms.ts).
 */

/** The data files' schemas, made only when the test suite checks the data against them, with the zod it passes (never at start). */
function schemas(z: Zod) {
  const Meta = z.object({ lastVerified: z.string(), version: z.number() }).loose();

  const AmiType = z.object({
    arch: z.enum(['x86_64', 'arm64']).nullable(),
    accelerator: z.enum(['nvidia', 'neuron']).nullable(),
    family: z.enum(['AL2', 'AL2023', 'BOTTLEROCKET', 'WINDOWS', 'CUSTOM']),
    source: z.string(),
  });

  const AmiTypes = z.object({ _meta: Meta, types: z.record(z.string(), AmiType) });

  const Addon = z.object({
    minClusterVersion: z.string().optional(),
    minClusterVersionSource: z.string().optional(),
    /** `kubernetes-minor`: the add-on's `v1.N.…` version must be built for the cluster's minor N. */
    versionRule: z.literal('kubernetes-minor').optional(),
    versionRuleSource: z.string().optional(),
    /** Add-on version the EKS user guide lists as latest, by Kubernetes version. */
    documented: z.record(z.string(), z.object({ addonVersion: z.string(), source: z.string() })),
  });

  const AddonVersions = z.object({ _meta: Meta, addons: z.record(z.string(), Addon) });

  const Sourced = z.object({ source: z.string() }).loose();

  /** What EKS Auto Mode requires (src/aws/data/eks-auto-mode.json), each with its source. */
  const AutoMode = z.object({
    _meta: Meta,
    consistent: Sourced.extend({ awsError: z.string() }),
    bootstrapSelfManagedAddons: Sourced.extend({ awsError: z.string() }),
    nodeRoleWithNodePools: Sourced.extend({ awsErrorNoRole: z.string(), awsErrorNoPools: z.string() }),
    authenticationModes: Sourced.extend({ allowed: z.array(z.string()) }),
    minKubernetesVersion: Sourced.extend({ version: z.string() }),
    /** Per add-on: the minimum version by Kubernetes minor (`any`: whatever the minor). */
    addonsWhenEnablingOnExistingCluster: Sourced.extend({ minimum: z.record(z.string(), z.record(z.string(), z.string())) }),
  });
  return { Meta, AmiType, AmiTypes, Addon, AddonVersions, Sourced, AutoMode };
}
type Schemas = ReturnType<typeof schemas>;

export type AmiType = z.infer<Schemas['AmiType']>;

export type EksAddonFacts = z.infer<Schemas['Addon']>;

export const eksAmiTypes = embedded('eks-ami-types.json', (z) => schemas(z).AmiTypes, amiTypesJson);
export const eksAddonVersions = embedded('eks-addon-versions.json', (z) => schemas(z).AddonVersions, addonVersionsJson);

export const eksAutoMode = embedded('eks-auto-mode.json', (z) => schemas(z).AutoMode, autoModeJson);

export function eksAmiType(name: string): AmiType | undefined {
  return Object.hasOwn(eksAmiTypes.types, name) ? eksAmiTypes.types[name] : undefined;
}

export function eksAddon(name: string): EksAddonFacts | undefined {
  return Object.hasOwn(eksAddonVersions.addons, name) ? eksAddonVersions.addons[name] : undefined;
}

/**
 * Days before the end of standard support from which EKS_UPGRADE_POLICY warns (default 90):
 * long enough to plan and test a minor-version upgrade before charges or a forced upgrade start.
 */
export const EKS_UPGRADE_WARN_DAYS = 90;

/** The three EKS Auto Mode capabilities of an `aws_eks_cluster`, by the attribute that enables each. */
export const AUTO_MODE_CAPABILITIES = [
  { name: 'compute', path: 'compute_config[0].enabled' },
  { name: 'block storage', path: 'storage_config[0].block_storage[0].enabled' },
  { name: 'load balancing', path: 'kubernetes_network_config[0].elastic_load_balancing[0].enabled' },
] as const;

/**
 * Whether EKS Auto Mode compute is on for one side of a cluster: true or false when the reading
 * is known (unset reads as the provider's `enabled = false`), undefined when known only after apply.
 */
export function autoModeCompute(values: Attributes): boolean | undefined {
  const r = values.bool(AUTO_MODE_CAPABILITIES[0].path);
  if (r.state === 'known') return r.value;
  return r.state === 'absent' ? false : undefined;
}
