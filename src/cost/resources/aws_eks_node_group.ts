import {
  countText,
  emptyEstimate,
  Pricer,
  readCount,
  scaled,
  sensitiveNote,
  sumMonthly,
  type Counts,
  type Estimator,
} from '../component.js';
import {
  capacityBlockUnpriced,
  fleetComponents,
  readTemplate,
  SENSITIVE_INSTANCE_TYPE,
  subnetDecidesNote,
  type FleetSpec,
  type Market,
  type Template,
  type Volume,
} from '../ec2.js';
import { amiPlatform, AMI_UNKNOWN } from '../ami.js';
import { awsDefault } from '../../plan/provider-facts.js';
import { eksAmiType } from '../../aws/facts-eks.js';
import type { Resource } from '../../plan/model.js';
import { usd } from '../../report/format.js';

/**
 * `aws_eks_node_group`: instances × the EC2 price of the instance type, plus each instance's
 * root volume (`disk_size` or its default, or the launch template's block devices).
 * `capacity_type = SPOT` is priced at the estimated Spot discount. The point figure uses the
 * first of several `instance_types`; the range uses the cheapest at min_size and the dearest at
 * max_size. Windows nodes (ami_type WINDOWS_*, or a launch template whose AMI is known to be
 * Windows) are priced at the Windows rate.
 */
export const estimateEksNodeGroup: Estimator = (ng, env) => {
  const p = new Pricer(env, ng.region);
  const linked = env.graph.one(ng, 'launch-template');
  const lt = linked ? readTemplate(linked) : undefined;
  const types = instanceTypes(ng, lt);
  if (types.state !== 'known') return emptyEstimate({ notes: [types.why] });
  const ami = ng.current.str('ami_type');
  // A custom AMI (in the launch template) tells its own platform, when the plan holds it.
  const custom = linked ? amiPlatform(env.graph, linked) : undefined;
  if (custom?.os === 'licensed')
    return emptyEstimate({ unpriced: [{ item: 'Nodes (licensed software in the AMI)', reason: `${linked!.address}: ${custom.why}` }] });
  const os = (ami.state === 'known' && eksAmiType(ami.value)?.family === 'WINDOWS') || custom?.os === 'windows' ? 'windows' : 'linux';
  const osNote = custom?.os === 'windows' ? `Windows (${custom.why})` : undefined;
  const ct = ng.current.str('capacity_type');
  if (ct.state === 'unknown')
    return emptyEstimate({ notes: ['capacity_type is known only after apply, so on-demand or Spot pricing is unknown'] });
  if ((ct.state === 'known' && !ct.sensitive && ct.value.toUpperCase() === 'CAPACITY_BLOCK') || lt?.capacityBlock) {
    return emptyEstimate({ unpriced: [capacityBlockUnpriced('capacity_type CAPACITY_BLOCK')] });
  }
  const market: Market =
    ct.state === 'known' && ct.value.toUpperCase() === 'SPOT' ? { spot: true, discountPercent: env.spotDiscountPercent } : { spot: false };

  const notes: string[] = [];
  let volumes: Volume[];
  let spec: Omit<FleetSpec, 'volumes'> = { tenancy: 'shared', monitoring: 'off', os };
  if (lt && custom?.os === 'unknown' && linked!.current.get('image_id').state !== 'absent') notes.push(AMI_UNKNOWN);
  if (lt) {
    if (lt.volumes.state === 'unknown') return emptyEstimate({ notes: [lt.volumes.why] });
    if (lt.tenancy === 'unknown' || lt.tenancy === 'host') {
      return emptyEstimate({
        notes: [
          `${lt.address}: tenancy ${lt.tenancy === 'host' ? 'host (Dedicated Hosts are billed per host, whatever runs on them)' : 'is known only after apply'}: the instance price is unknown`,
        ],
      });
    }
    volumes = lt.volumes.volumes;
    spec = {
      tenancy: lt.tenancy,
      monitoring: lt.monitoring,
      os,
      ...(osNote ? { osNote } : {}),
      publicIpv4: lt.publicIpv4,
      ebsOptimized: lt.ebsOptimized,
    };
    notes.push(...lt.volumes.notes, ...lt.notes);
    if (lt.publicIpv4 === 'on') notes.push(`${lt.address} associates a public IPv4 address with each node`);
    if (lt.publicIpv4 === 'subnet') notes.push(subnetDecidesNote(lt.address));
    if (lt.tenancy === 'dedicated') notes.push(`${lt.address}: dedicated tenancy, priced at the Dedicated Instance rate`);
  } else {
    notes.push(subnetDecidesNote('the node group (no launch template)'));
    // disk_size reads as EKS's default when left out, or as absent when a launch template decides.
    const d = ng.current.num('disk_size');
    if (d.state === 'unknown') return emptyEstimate({ notes: ['disk_size is known only after apply'] });
    if (d.sensitive) return emptyEstimate({ notes: ['disk_size is marked sensitive, so the cost is not shown'] });
    if (d.state === 'known') {
      const disk = DISK_TYPE;
      volumes = disk ? [{ type: disk, sizeGiB: d.value, label: 'root volume' }] : [];
      if (d.origin === 'aws-default') notes.push(`disk_size not set: EKS gives each node a ${d.value} GB root volume, priced as ${disk}`);
    } else {
      volumes = [];
      notes.push(
        `its launch_template block is set but the launch template is not in this plan: the disk (set in the launch template) is not priced`,
      );
    }
  }

  const counts = scalingCounts(ng);
  notes.push(...(counts.problems ?? []));
  if (counts.sensitive) notes.push(sensitiveNote('scaling_config'));
  const fleet = (type: string, n: number) => fleetComponents(p, type, { ...spec, volumes }, n, market);
  const first = types.value[0]!;
  const est = scaled(counts, (n) => fleet(first, n));
  if (types.value.length > 1) {
    const perInstance = types.value.map((t) => ({ t, m: sumMonthly(fleet(t, 1)) }));
    if (perInstance.every((x) => x.m !== null)) {
      const sorted = [...perInstance].sort((a, b) => a.m! - b.m!);
      const cheap = sorted[0]!;
      const dear = sorted.at(-1)!;
      est.min = counts.min === null ? null : sumMonthly(fleet(cheap.t, counts.min));
      est.max = counts.max === null ? null : sumMonthly(fleet(dear.t, counts.max));
      notes.push(
        `instance_types lists ${types.value.length} types, ${usd(cheap.m)}–${usd(dear.m)} per node-month (${cheap.t}..${dear.t}); the first, ${first}, is used for the figure, the cheapest at min_size and the dearest at max_size for the range`,
      );
    } else {
      est.min = null;
      est.max = null;
    }
  }
  if (market.spot) notes.push(`Spot is estimated at ${env.spotDiscountPercent}% off on-demand (Spot prices vary)`);
  const disk = volumes.map((v) => `${v.sizeGiB} GB ${v.type}`).join(' + ');
  return {
    ...est,
    description: `${countText(counts.point, counts.sensitive)} × ${first}${market.spot ? ' Spot' : ''}${disk ? ` + ${disk}` : ''}`,
    unpriced: p.unpriced,
    notes,
    advice: [],
  };
};

/** The volume type of the disk EKS creates from disk_size: that of a new EBS volume with no type given. */
const DISK_TYPE = awsDefault('aws_launch_template', 'block_device_mappings.*.ebs.*.volume_type')?.value as string | undefined;

type Types = { state: 'known'; value: string[] } | { state: 'unknown'; why: string };

/** `instance_types` (EKS's default when neither it nor a launch template is set), else the launch template's `instance_type`. */
function instanceTypes(ng: Resource, lt: Template | undefined): Types {
  const l = ng.current.list('instance_types');
  // Left unset, the reading gives EKS's default, or nothing when the launch template decides.
  if (l.state === 'unknown' || ng.current.hasUnknown('instance_types')) {
    return { state: 'unknown', why: 'instance_types is known only after apply' };
  }
  if (ng.current.hasSensitive('instance_types')) return { state: 'unknown', why: SENSITIVE_INSTANCE_TYPE };
  const listed = l.state === 'known' ? l.value.filter((x): x is string => typeof x === 'string' && x !== '') : [];
  if (listed.length > 0) return { state: 'known', value: listed };
  if (lt) {
    const t = lt.instanceType;
    if (t.state === 'known') return { state: 'known', value: [t.value] };
    if (t.state === 'unknown') return { state: 'unknown', why: `${lt.address}: instance_type is known only after apply` };
    if (t.state === 'sensitive') return { state: 'unknown', why: SENSITIVE_INSTANCE_TYPE };
    return { state: 'unknown', why: `neither instance_types nor ${lt.address} sets an instance type` };
  }
  return {
    state: 'unknown',
    why: 'its launch_template block is set but the launch template is not in this plan, and instance_types is not set: the instance type is unknown',
  };
}

function scalingCounts(ng: Resource): Counts {
  const out: Counts = { point: null, min: null, max: null };
  if (ng.current.hasSensitive('scaling_config')) out.sensitive = true;
  const n = (a: string) => readCount(ng.current, ['scaling_config', 0, a], `scaling_config.${a}`, out);
  const point = n('desired_size');
  const min = n('min_size');
  const max = n('max_size');
  return { ...out, point, min, max };
}

estimateEksNodeGroup.reads = ['aws_launch_template', 'aws_ami linked', 'aws_ami_copy linked', 'aws_ssm_parameter linked'];
