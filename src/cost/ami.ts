import amiPlatformsJson from '../aws/data/ami-platforms.json' with { type: 'json' };
import { embedded, type Zod } from '../load/embedded.js';
import type { ResourceGraph } from '../plan/graph.js';
import type { Resource } from '../plan/model.js';

/**
 * The platform of the AMI a launch template or launch configuration starts its instances from,
 * as far as the plan tells it: through the graph's `ami` edges of its `image_id` (to a
 * `data.aws_ami`, an `aws_ami` / `aws_ami_copy`, or a `data.aws_ssm_parameter` holding an AWS
 * public AMI parameter), or an `image_id` written as `resolve:ssm:<parameter>`. The facts are in
 * src/aws/data/ami-platforms.json.
 */
const amiPlatforms = (z: Zod) =>
  z.object({
    _meta: z.object({ retrieved: z.string(), version: z.number(), sources: z.array(z.object({ url: z.string() }).loose()) }).loose(),
    platformDetails: z.record(z.string(), z.enum(['linux', 'windows'])),
    ssmParameters: z.array(z.object({ prefix: z.string(), platform: z.enum(['linux', 'windows', 'by-name']) })),
    windowsNames: z.array(z.string()),
    sqlServerMarker: z.string(),
  });

const facts = embedded('ami-platforms.json', amiPlatforms, amiPlatformsJson);

/**
 * - `linux`: billed at the Linux/UNIX rate;
 * - `windows`: billed at the Windows rate (licence included); `why` says how it is known;
 * - `licensed`: software billed with the instance at its own rate (SQL Server, RHEL …), not priced;
 * - `unknown`: the plan does not tell (no AMI source linked, or its platform known only after apply).
 */
export type AmiPlatform = { os: 'linux' } | { os: 'windows'; why: string } | { os: 'licensed'; why: string } | { os: 'unknown' };

const UNKNOWN: AmiPlatform = { os: 'unknown' };

/** The note on instances whose AMI platform the plan does not tell. */
export const AMI_UNKNOWN = "priced as Linux: the AMI's platform is not in the plan";

/** The platform of `template`'s AMI; several linked sources must agree. */
export function amiPlatform(graph: ResourceGraph, template: Resource): AmiPlatform {
  const image = template.current.str('image_id');
  if (image.state === 'known' && !image.sensitive && image.value.startsWith(RESOLVE_SSM)) {
    return fromParameter(image.value.slice(RESOLVE_SSM.length), `${template.address} image_id resolve:ssm`);
  }
  const sources = graph.out(template, 'ami');
  if (sources.length === 0) return UNKNOWN;
  const each = sources.map(platformOf);
  const first = each[0]!;
  return each.every((p) => p.os === first.os) ? first : UNKNOWN;
}

const RESOLVE_SSM = 'resolve:ssm:';

function platformOf(source: Resource): AmiPlatform {
  const where = source.address;
  if (source.type === 'aws_ssm_parameter') {
    const name = source.current.str('name');
    if (name.state !== 'known' || name.sensitive) return UNKNOWN;
    return fromParameter(name.value, `AMI parameter ${where}`);
  }
  const details = source.current.str('platform_details');
  const platform = source.current.str('platform');
  if (details.sensitive || platform.sensitive) return UNKNOWN;
  if (details.state === 'known' && details.value !== '') {
    const os = Object.hasOwn(facts.platformDetails, details.value) ? facts.platformDetails[details.value] : undefined;
    if (os === 'linux') return { os: 'linux' };
    if (os === 'windows') return { os: 'windows', why: `AMI ${where}: platform_details "${details.value}"` };
    return {
      os: 'licensed',
      why: `AMI ${where} has platform_details "${details.value}": the software it carries is billed with each instance at a rate this tool does not price`,
    };
  }
  // Without platform_details (older provider versions), `platform` tells Windows from the rest only.
  if (platform.state === 'known' && platform.value.toLowerCase() === 'windows') {
    return {
      os: 'windows',
      why: `AMI ${where}: platform "windows" (its platform_details are not in the plan: an AMI with SQL Server costs more)`,
    };
  }
  return UNKNOWN;
}

/** An AWS public parameter's platform, by its name (an ARN, a `:version` or `/image_id` suffix is allowed). */
function fromParameter(raw: string, where: string): AmiPlatform {
  const at = raw.indexOf('/aws/service/');
  if (at === -1) return UNKNOWN;
  const name = raw.slice(at).replace(/:\d+$/, '');
  const rule = facts.ssmParameters.find((p) => name.startsWith(p.prefix));
  if (!rule) return UNKNOWN;
  if (rule.platform === 'linux') return { os: 'linux' };
  const named = `${where} ("${name}")`;
  if (rule.platform === 'windows') return { os: 'windows', why: `${named}: a Windows public AMI parameter` };
  const image = name.slice(rule.prefix.length).split('/')[0]!;
  if (!facts.windowsNames.some((w) => image.startsWith(w))) return UNKNOWN;
  if (image.includes(facts.sqlServerMarker)) {
    return {
      os: 'licensed',
      why: `${named} names a Windows AMI with SQL Server: the SQL Server licence is billed with each instance at a rate this tool does not price`,
    };
  }
  return { os: 'windows', why: `${named}: a Windows public AMI parameter` };
}
