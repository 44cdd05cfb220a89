import { instanceType } from '../../../aws/facts.js';
import { eksAmiType, type AmiType } from '../../../aws/facts-eks.js';
import { show } from '../../show.js';
import type { Rule, RuleResult } from '../../types.js';
import {
  amiAlternatives,
  instanceAccelerator,
  instanceTypeLabel,
  knownString,
  launchTemplateOf,
  nodeGroupInstanceTypes,
  orList,
  type Accelerator,
  type InstanceTypeRef,
} from './util.js';

const DRIVER: Record<'nvidia' | 'neuron', string> = { nvidia: 'NVIDIA GPU', neuron: 'AWS Neuron (Inferentia/Trainium)' };

/**
 * Accelerated AMI types (`*_GPU`, `*_NVIDIA`, `*_NEURON`) belong on instance types with that
 * accelerator, and accelerator instance types on an AMI type with its drivers: otherwise the
 * nodes pay for hardware or an AMI they cannot use. Also warns on a launch template whose IMDS
 * hop limit is 1, which keeps pods from reaching IMDSv2 (EKS recommends 2).
 */
export const EKS_AMI_ACCEL: Rule = {
  id: 'EKS_AMI_ACCEL',
  severity: 'warning',
  title: 'Node group AMI type must fit the instance accelerators',
  types: ['aws_eks_node_group'],
  reads: ['aws_launch_template'],
  check(ng, ctx) {
    const out: RuleResult[] = [];
    const ami = knownString(ng.current, 'ami_type');
    const amiInfo = ami && eksAmiType(ami.value);
    const its = nodeGroupInstanceTypes(ng, ctx);
    if (ami && amiInfo && amiInfo.arch !== null && amiInfo.family !== 'WINDOWS' && its) {
      for (const t of its.types) {
        // A type of the wrong architecture is EKS_AMI_ARCH's finding.
        if (instanceType(t.name)?.arch !== amiInfo.arch) continue;
        const acc = instanceAccelerator(t.name);
        if (acc === undefined) continue;
        const msg = mismatch(amiInfo, show(ami.lookup), t, acc);
        if (msg) out.push({ path: t.resource === ng ? t.path : 'launch_template[0]', message: msg });
      }
    }
    const lt = launchTemplateOf(ng, ctx);
    const hop = lt?.current.num('metadata_options[0].http_put_response_hop_limit');
    if (lt && hop?.state === 'known' && hop.value === 1) {
      out.push({
        path: 'launch_template[0]',
        message: `launch template ${lt.address} sets metadata_options.http_put_response_hop_limit ${show(hop)}: pods cannot reach IMDSv2 through the extra network hop, so SDKs in pods lose the node's credentials and region; EKS recommends a hop limit of 2 (this conflicts with checkov CKV_AWS_341)`,
      });
    }
    return out;
  },
};

function mismatch(ami: AmiType, amiShown: string, t: InstanceTypeRef, acc: Accelerator | null): string | undefined {
  const type = instanceTypeLabel(t);
  if (ami.accelerator && acc !== ami.accelerator) {
    const std = amiAlternatives(ami, (a) => a.arch === ami.arch && a.accelerator === null);
    return `ami_type ${amiShown} carries ${DRIVER[ami.accelerator]} drivers, but instance type ${type} has no ${DRIVER[ami.accelerator]} accelerator: use an instance type with ${DRIVER[ami.accelerator]} accelerators${std.length ? `, or a standard AMI type (${orList(std)})` : ''}`;
  }
  if (!ami.accelerator && (acc === 'nvidia' || acc === 'neuron')) {
    const accel = amiAlternatives(ami, (a) => a.arch === ami.arch && a.accelerator === acc);
    const other = amiAlternatives({ ...ami, family: 'AL2023' }, (a) => a.arch === ami.arch && a.accelerator === acc);
    const alts = accel.length ? accel : other;
    return `instance type ${type} has ${DRIVER[acc]} accelerators, but ami_type ${amiShown} has no ${DRIVER[acc]} drivers, so pods cannot use them${alts.length ? `: use ${orList(alts)}` : ''}`;
  }
  return undefined;
}
