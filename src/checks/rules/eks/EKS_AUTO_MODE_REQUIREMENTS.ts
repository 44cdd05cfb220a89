import { autoModeCompute, eksAutoMode } from '../../../aws/facts-eks.js';
import type { Reading } from '../../../plan/read.js';
import { show } from '../../show.js';
import type { Rule, RuleResult } from '../../types.js';
import { kubeVersion, knownVersion, minorsBetween } from './util.js';

const POOLS = 'compute_config[0].node_pools';
const ROLE = 'compute_config[0].node_role_arn';
const AUTH = 'access_config[0].authentication_mode';

/**
 * What EKS requires of a cluster with EKS Auto Mode compute enabled (src/aws/data/eks-auto-mode.json,
 * each from the EKS user guide or the API's own error):
 * - a new cluster must set `bootstrap_self_managed_addons = false` (error);
 * - built-in node pools need a node role, and a node role needs node pools (error);
 * - the authentication mode must allow access entries: API or API_AND_CONFIG_MAP (warning: the
 *   guide says Auto Mode requires access entries; the API's error text was not found);
 * - Kubernetes 1.29 or later (warning, same reason).
 * Values known only after apply are not judged.
 */
export const EKS_AUTO_MODE_REQUIREMENTS: Rule = {
  id: 'EKS_AUTO_MODE_REQUIREMENTS',
  severity: 'error',
  title: 'EKS Auto Mode cluster settings AWS requires',
  types: ['aws_eks_cluster'],
  reads: [],
  check(cluster) {
    if (cluster.action === 'delete' || autoModeCompute(cluster.current) !== true) return [];
    const out: RuleResult[] = [];
    const created = cluster.action === 'create' || cluster.action === 'replace';

    const bootstrap = cluster.current.bool('bootstrap_self_managed_addons');
    if (created && bootstrap.state === 'known' && bootstrap.value && !bootstrap.sensitive) {
      const shown = bootstrap.origin === 'plan' ? 'true (the provider default when it is not set)' : show(bootstrap);
      out.push({
        path: 'bootstrap_self_managed_addons',
        message: `bootstrap_self_managed_addons is ${shown} on a new cluster with EKS Auto Mode: EKS rejects it ("${eksAutoMode.bootstrapSelfManagedAddons.awsError}"); set bootstrap_self_managed_addons = false`,
      });
    }

    const pools = hasValue(cluster.current.list(POOLS));
    const role = hasValue(cluster.current.str(ROLE));
    if (pools === true && role === false) {
      out.push({
        path: 'compute_config[0].node_role_arn',
        message: `compute_config.node_pools lists built-in node pools but node_role_arn is not set: EKS rejects it ("${eksAutoMode.nodeRoleWithNodePools.awsErrorNoRole}"); set node_role_arn to the node IAM role for Auto Mode nodes`,
      });
    } else if (pools === false && role === true) {
      out.push({
        path: 'compute_config[0].node_pools',
        message: `compute_config.node_role_arn is set but node_pools is empty: EKS rejects it ("${eksAutoMode.nodeRoleWithNodePools.awsErrorNoPools}"); list the built-in node pools (general-purpose, system) or leave node_role_arn unset`,
      });
    }

    const auth = cluster.current.str(AUTH);
    const allowed = eksAutoMode.authenticationModes.allowed;
    if (auth.state === 'known' && !auth.sensitive && !allowed.includes(auth.value)) {
      out.push({
        path: AUTH,
        severity: 'warning',
        message: `authentication_mode is ${show(auth)}: EKS Auto Mode requires EKS access entries, which need authentication_mode ${allowed.join(' or ')} (EKS user guide, automode-get-started-cli)`,
      });
    }

    const v = knownVersion(cluster.current);
    const min = kubeVersion(eksAutoMode.minKubernetesVersion.version)!;
    if (v && !v.lookup.sensitive && minorsBetween(v.version, min) > 0) {
      out.push({
        path: 'version',
        severity: 'warning',
        message: `Kubernetes ${show(v.lookup)}: EKS Auto Mode requires Kubernetes ${eksAutoMode.minKubernetesVersion.version} or later (EKS user guide, create-auto)`,
      });
    }
    return out;
  },
};

/** true: set to a non-empty value (or an expression known after apply); false: not set or empty; undefined: cannot tell. */
function hasValue(r: Reading<unknown>): boolean | undefined {
  if (r.sensitive) return undefined;
  if (r.state === 'unknown') return r.reason === 'expression' ? true : undefined;
  if (r.state === 'absent') return false;
  const v = r.value;
  return !(v === '' || v === null || (Array.isArray(v) && v.length === 0));
}
