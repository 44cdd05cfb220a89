import { instanceType } from '../../../aws/facts.js';
import { eksAmiType } from '../../../aws/facts-eks.js';
import { show } from '../../show.js';
import type { Rule, RuleResult } from '../../types.js';
import { amiAlternatives, instanceTypeLabel, knownString, nodeGroupInstanceTypes, orList } from './util.js';

/**
 * A managed node group's instance types must have the CPU architecture of its AMI type: Graviton
 * (arm64) types need an `*ARM_64*` AMI type, x86_64 types an x86 one. EKS rejects the node group
 * at apply ("[t4g.small] is not a valid instance type for requested amiType AL2_x86_64").
 * Architectures come from the shipped instance-type facts, never from the type's name.
 */
export const EKS_AMI_ARCH: Rule = {
  id: 'EKS_AMI_ARCH',
  severity: 'error',
  title: 'Node group instance types must match the AMI type architecture',
  types: ['aws_eks_node_group'],
  reads: ['aws_launch_template'],
  check(ng, ctx) {
    const ami = knownString(ng.current, 'ami_type');
    const amiInfo = ami && eksAmiType(ami.value);
    if (!ami || !amiInfo || amiInfo.arch === null) return [];
    const its = nodeGroupInstanceTypes(ng, ctx);
    if (!its) return [];
    const out: RuleResult[] = [];
    for (const t of its.types) {
      const arch = instanceType(t.name)?.arch;
      if (!arch || arch === amiInfo.arch) continue;
      const alts = amiAlternatives(amiInfo, (a) => a.arch === arch && a.accelerator === amiInfo.accelerator);
      const fix = alts.length
        ? `use an ${arch} AMI type (${orList(alts)}) or ${amiInfo.arch} instance types`
        : `no ${amiInfo.family} AMI type of this kind exists for ${arch}; use ${amiInfo.arch} instance types`;
      out.push({
        path: t.resource === ng ? t.path : 'launch_template[0]',
        message: `instance type ${instanceTypeLabel(t)} is ${arch}, but ami_type ${show(ami.lookup)} is an ${amiInfo.arch} AMI: EKS rejects the node group ("is not a valid instance type for requested amiType"); ${fix}`,
      });
    }
    return out;
  },
};
