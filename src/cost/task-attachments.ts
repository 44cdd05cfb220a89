import { type Pricer } from './component.js';
import { publicIpv4Component, volumeComponents, type Volume } from './ec2.js';
import type { Resource } from '../plan/model.js';
import type { CostComponent } from '../report/schema.js';

/**
 * What an ECS service attaches to each of its tasks beside their compute: the Amazon EBS volume
 * ECS creates per task from `volume_configuration.managed_ebs_volume` (Fargate and EC2), and the
 * public IPv4 address of each Fargate task with `assign_public_ip = true`. Values come from the
 * one reading: a volume type left out reads as the type EC2 CreateVolume uses (the provider
 * facts), a size left out is the snapshot's (not in the plan, so not priced).
 */
export interface TaskAttachments {
  /** The EBS volume each task gets, when the plan sizes and types it. */
  volume?: Volume;
  /** A public IPv4 address per Fargate task: yes, no, or known only after apply. */
  publicIpv4: 'on' | 'off' | 'unknown';
  /** Something is known only after apply, so the figures are unknown (why). */
  unknown: string[];
  notes: string[];
}

export function taskAttachments(svc: Resource): TaskAttachments {
  const out: TaskAttachments = { volume: undefined, publicIpv4: 'off', unknown: [], notes: [] };
  const ip = svc.current.bool(['network_configuration', 0, 'assign_public_ip']);
  if (ip.state === 'unknown') {
    out.publicIpv4 = 'unknown';
    out.unknown.push('network_configuration.assign_public_ip is known only after apply');
  } else if (ip.state === 'known' && ip.value) out.publicIpv4 = 'on';

  const vc = svc.current.list('volume_configuration');
  if (vc.state === 'unknown') {
    out.unknown.push('volume_configuration is known only after apply');
    return out;
  }
  if (vc.state !== 'known' || vc.value.length === 0) return out;
  if (svc.current.hasSensitive('volume_configuration')) {
    out.unknown.push('its volume_configuration is marked sensitive, so the task volume cost is not shown');
    return out;
  }
  const ebs = svc.current.at(['volume_configuration', 0, 'managed_ebs_volume', 0]);
  const size = ebs.num('size_in_gb');
  const type = ebs.str('volume_type');
  const iops = ebs.num('iops');
  const tp = ebs.num('throughput');
  const late = (
    [
      ['size_in_gb', size],
      ['volume_type', type],
      ['iops', iops],
      ['throughput', tp],
    ] as const
  ).filter(([, r]) => r.state === 'unknown');
  if (late.length > 0) {
    out.unknown.push(`the task volume's ${late.map(([k]) => k).join(', ')} ${late.length > 1 ? 'are' : 'is'} known only after apply`);
    return out;
  }
  if (size.state !== 'known') {
    const snapshot = ebs.str('snapshot_id');
    out.notes.push(
      snapshot.state === 'known' || snapshot.state === 'unknown'
        ? "the EBS volume of each task sets no size_in_gb, so it takes its snapshot's size: not in the plan, not priced"
        : 'the EBS volume of each task sets neither size_in_gb nor snapshot_id, which AWS rejects: not priced',
    );
    return out;
  }
  if (type.state !== 'known' || type.value === '') {
    out.notes.push(`the EBS volume of each task (${size.value} GB) has no volume type: not priced`);
    return out;
  }
  out.volume = {
    type: type.value,
    sizeGiB: size.value,
    ...(iops.state === 'known' ? { iops: iops.value } : {}),
    ...(tp.state === 'known' ? { throughput: tp.value } : {}),
    label: 'task volume',
  };
  if (type.origin === 'aws-default')
    out.notes.push(`the EBS volume of each task sets no volume_type: ${type.value}, ${type.fact?.unset?.note ?? 'the AWS default'}`);
  return out;
}

/** The task volumes of n tasks (Fargate or EC2). */
export function taskVolumeComponents(p: Pricer, a: TaskAttachments, tasks: number): CostComponent[] {
  return a.volume ? volumeComponents(p, a.volume, tasks) : [];
}

/** The public IPv4 addresses of n Fargate tasks. */
export function taskPublicIpv4Components(p: Pricer, a: TaskAttachments, fargateTasks: number): CostComponent[] {
  if (a.publicIpv4 === 'on') return [publicIpv4Component(p, fargateTasks)];
  if (a.publicIpv4 === 'unknown')
    return [publicIpv4Component(p, null, 'whether the tasks get a public IPv4 address is known only after apply')];
  return [];
}
