import type { z } from 'zod';
import ebsOptimizedJson from './data/ebs-optimized.json' with { type: 'json' };
import eksVersionsJson from './data/eks-versions.json' with { type: 'json' };
import fargateSizesJson from './data/fargate-sizes.json' with { type: 'json' };
import instanceTypesJson from './data/instance-types.json' with { type: 'json' };
import { embedded, type Zod } from '../load/embedded.js';

/**
 * AWS facts shipped as versioned data files under src/aws/data (each records its sources and date):
 * EC2 instance types, the EKS version calendar, and the Fargate size tables. Rules and estimators
 * read facts from here, never from literals or name patterns.
 */

/** The data files' schemas, made only when the test suite checks the data against them, with the zod it passes (never at start). */
function schemas(z: Zod) {
  const InstanceType = z.object({
    arch: z.enum(['x86_64', 'arm64']).optional(),
    vcpu: z.number().optional(),
    memoryMiB: z.number().optional(),
    maxEnis: z.number().optional(),
    defaultCardMaxEnis: z.number().optional(),
    ipv4PerEni: z.number().optional(),
    trunking: z.boolean().optional(),
    branchEnis: z.number().optional(),
    eksMaxPods: z.number().optional(),
    eksMaxPodsNodeadm: z.number().optional(),
    bareMetal: z.boolean().optional(),
    status: z.string().optional(),
    gpu: z
      .object({
        count: z.number().nullish(),
        manufacturer: z.string().nullish(),
        model: z.string().nullish(),
        fractional: z.boolean().optional(),
      })
      .optional(),
    accelerator: z.object({ kind: z.string().nullish(), name: z.string().nullish(), count: z.number().nullish() }).optional(),
    macOS: z.boolean().optional(),
  });

  const InstanceTypes = z.object({
    _meta: z.object({ dataDate: z.string(), version: z.number() }).loose(),
    types: z.record(z.string(), InstanceType),
  });

  const EksVersion = z.object({
    version: z.string(),
    eksRelease: z.string().optional(),
    endOfStandardSupport: z.string(),
    endOfExtendedSupport: z.string(),
    source: z.string().optional(),
  });

  const EksVersions = z.object({
    _meta: z.object({ lastVerified: z.string(), version: z.number() }).loose(),
    versions: z.array(EksVersion),
    al2AmiDeprecation: z
      .object({
        lastKubernetesVersionWithEksAl2Amis: z.string(),
        firstKubernetesVersionWithoutEksAl2Amis: z.string(),
        eksAl2AmiEndOfSupport: z.string(),
      })
      .loose(),
  });

  const SizeRow = z.object({ cpu: z.number(), memoryMiB: z.array(z.number()) });

  const FargateSizes = z.object({
    _meta: z.object({ lastVerified: z.string(), version: z.number() }).loose(),
    ecs: z.object({ rows: z.array(SizeRow.extend({ os: z.enum(['linux', 'windows']) })) }).loose(),
    eks: z
      .object({
        rows: z.array(SizeRow),
        memoryOverheadMiB: z.number(),
        defaultPod: z.object({ cpu: z.number(), memoryMiB: z.number() }),
        ephemeralStorageGiB: z.object({ default: z.number(), max: z.number() }),
      })
      .loose(),
  });

  /** The instance types on which EBS optimization is optional and billed per hour when turned on. */
  const EbsOptimized = z.object({
    _meta: z.object({ retrieved: z.string(), version: z.number(), source: z.object({ url: z.string() }).loose() }).loose(),
    optional: z.array(z.string()),
  });
  return { InstanceType, InstanceTypes, EksVersion, EksVersions, SizeRow, FargateSizes, EbsOptimized };
}
type Schemas = ReturnType<typeof schemas>;

export type InstanceType = z.infer<Schemas['InstanceType']>;

export type EksVersion = z.infer<Schemas['EksVersion']>;

export const instanceTypes = embedded('instance-types.json', (z) => schemas(z).InstanceTypes, instanceTypesJson);
export const ebsOptimized = embedded('ebs-optimized.json', (z) => schemas(z).EbsOptimized, ebsOptimizedJson);
export const eksVersions = embedded('eks-versions.json', (z) => schemas(z).EksVersions, eksVersionsJson);
export const fargateSizes = embedded('fargate-sizes.json', (z) => schemas(z).FargateSizes, fargateSizesJson);

export function instanceType(name: string): InstanceType | undefined {
  return Object.hasOwn(instanceTypes.types, name) ? instanceTypes.types[name] : undefined;
}

/** EBS optimization is optional on the type, with an hourly fee when turned on; on every other type it is included or not offered. */
export function ebsOptimizationOptional(type: string): boolean {
  return ebsOptimized.optional.includes(type);
}

export function eksVersion(v: string): EksVersion | undefined {
  return eksVersions.versions.find((x) => x.version === v);
}

export type SupportPhase = 'standard' | 'extended' | 'unsupported' | 'unknown-version';

/** The support phase of an EKS version on a date (YYYY-MM-DD). End dates are the last day of the phase's end. */
export function eksSupportPhase(v: string, asOf: string): { phase: SupportPhase; info?: EksVersion } {
  const info = eksVersion(v);
  if (!info) return { phase: 'unknown-version' };
  if (asOf < info.endOfStandardSupport) return { phase: 'standard', info };
  if (asOf < info.endOfExtendedSupport) return { phase: 'extended', info };
  return { phase: 'unsupported', info };
}
