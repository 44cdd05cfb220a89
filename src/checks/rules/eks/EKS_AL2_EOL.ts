import { eksVersions } from '../../../aws/facts.js';
import { eksAmiType } from '../../../aws/facts-eks.js';
import { show } from '../../show.js';
import type { Rule } from '../../types.js';
import { amiAlternatives, kubeVersion, knownString, minorsBetween, nodeGroupVersion, orList } from './util.js';

/**
 * Amazon Linux 2 node AMIs: EKS released AL2 AMIs up to Kubernetes 1.32 only, so an `AL2_*`
 * node group on 1.33+ cannot be created or updated; on any version AL2 EKS AMIs are past their
 * end of support (2025-11-26: no new AMIs, patches or fixes). Facts: src/aws/data/eks-versions.json
 * `al2AmiDeprecation`, from the EKS user guide's AL2 AMI deprecation FAQs.
 */
export const EKS_AL2_EOL: Rule = {
  id: 'EKS_AL2_EOL',
  severity: 'error',
  title: 'Amazon Linux 2 node AMIs are end of life',
  types: ['aws_eks_node_group'],
  reads: ['aws_eks_cluster'],
  check(ng, ctx) {
    const ami = knownString(ng.current, 'ami_type');
    const amiInfo = ami && eksAmiType(ami.value);
    if (!ami || !amiInfo || amiInfo.family !== 'AL2') return [];
    const facts = eksVersions.al2AmiDeprecation;
    const alts = [
      ...amiAlternatives({ ...amiInfo, family: 'AL2023' }, (a) => a.arch === amiInfo.arch && a.accelerator === amiInfo.accelerator),
      ...amiAlternatives(
        { ...amiInfo, family: 'BOTTLEROCKET' },
        (a) => a.arch === amiInfo.arch && a.accelerator === amiInfo.accelerator,
      ).slice(0, 1),
    ];
    const fix = alts.length ? `migrate to ${orList(alts)}` : 'migrate to AL2023 or Bottlerocket';
    const v = nodeGroupVersion(ng, ctx);
    const firstWithout = kubeVersion(facts.firstKubernetesVersionWithoutEksAl2Amis)!;
    if (v && minorsBetween(firstWithout, v.version) >= 0) {
      return [
        {
          path: 'ami_type',
          message: `ami_type ${show(ami.lookup)} on Kubernetes ${show(v.lookup)}: EKS publishes no Amazon Linux 2 AMIs after Kubernetes ${facts.lastKubernetesVersionWithEksAl2Amis}, so the node group fails at apply; ${fix}`,
        },
      ];
    }
    const reached = ctx.options.asOf >= facts.eksAl2AmiEndOfSupport ? 'reached' : 'reaches';
    return [
      {
        path: 'ami_type',
        severity: 'warning',
        message: `ami_type ${show(ami.lookup)}: EKS Amazon Linux 2 AMIs ${reached} end of support on ${facts.eksAl2AmiEndOfSupport} (no new AMIs, patches or fixes; Kubernetes ${facts.lastKubernetesVersionWithEksAl2Amis} is the last version with AL2 AMIs); ${fix}`,
      },
    ];
  },
};
