import type { AnalysisContext } from '../../../engine/context.js';
import type { Resource } from '../../../plan/model.js';
import type { Rule, RuleResult } from '../../types.js';
import { live } from '../resolve.js';

/** The service principal Fargate uses to assume the pod execution role (EKS user guide `pod-execution-role`). */
const PRINCIPAL = 'eks-fargate-pods.amazonaws.com';
/** The AWS managed policy the EKS user guide attaches to the pod execution role. */
const POLICY = 'AmazonEKSFargatePodExecutionRolePolicy';

export const EKS_FARGATE_POD_ROLE: Rule = {
  id: 'EKS_FARGATE_POD_ROLE',
  severity: 'error',
  title: 'Fargate profile pod execution role',
  types: ['aws_eks_fargate_profile'],
  reads: ['aws_iam_role', 'aws_iam_role_policy_attachment'],
  check(r, ctx) {
    const arn = r.current.str('pod_execution_role_arn');
    if (arn.state === 'absent' || (arn.state === 'known' && arn.value === '')) {
      return [
        {
          path: 'pod_execution_role_arn',
          message: `pod_execution_role_arn is required: set it to an IAM role that trusts ${PRINCIPAL} and has ${POLICY} attached`,
        },
      ];
    }
    const role = findRole(r, ctx);
    if (!role) return [];
    const out: RuleResult[] = [];
    const trust = trusts(role);
    if (trust === false) {
      out.push({
        path: 'pod_execution_role_arn',
        message: `the pod execution role ${role.address} does not let ${PRINCIPAL} assume it (assume_role_policy has no Allow statement for sts:AssumeRole with that service principal); EKS rejects the profile`,
      });
    }
    const attached = attachesPolicy(role, ctx);
    if (attached === false) {
      out.push({
        severity: 'warning',
        path: 'pod_execution_role_arn',
        message: `the pod execution role ${role.address} has no ${POLICY} attached in this plan; without it Fargate cannot pull images from ECR. Attach arn:aws:iam::aws:policy/${POLICY} with aws_iam_role_policy_attachment`,
      });
    }
    return out;
  },
};

/** The aws_iam_role the profile names (by ARN, role name or configuration reference). */
function findRole(profile: Resource, ctx: AnalysisContext): Resource | undefined {
  return ctx.graph.one(profile, 'iam-role');
}

/** Whether the role's trust policy allows the Fargate pods principal; undefined when it cannot be read. */
function trusts(role: Resource): boolean | undefined {
  const p = role.current.str('assume_role_policy');
  if (p.state !== 'known') return undefined;
  let doc: unknown;
  try {
    doc = JSON.parse(p.value);
  } catch {
    return undefined;
  }
  const st = (doc as { Statement?: unknown })?.Statement;
  const statements = Array.isArray(st) ? st : st ? [st] : [];
  return statements.some((s) => {
    if (!s || typeof s !== 'object') return false;
    const o = s as Record<string, unknown>;
    if (o.Effect !== 'Allow') return false;
    if (!list(o.Action).some((a) => ['sts:AssumeRole', 'sts:*', '*'].includes(a))) return false;
    const pr = o.Principal;
    if (pr === '*') return true;
    return !!pr && typeof pr === 'object' && list((pr as Record<string, unknown>).Service).includes(PRINCIPAL);
  });
}

const list = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : [];

/** Whether the plan attaches the managed policy to the role; undefined when a policy ARN is unknown. */
function attachesPolicy(role: Resource, ctx: AnalysisContext): boolean | undefined {
  const isPolicy = (a: string) => a.endsWith(`:policy/${POLICY}`);
  const managed = role.current.list('managed_policy_arns');
  if (managed.state === 'known' && managed.value.some((a) => typeof a === 'string' && isPolicy(a))) return true;
  // Policies the configuration gives as an expression known only after apply (or that cannot be told) may include it.
  if (managed.state === 'unknown' && managed.reason !== 'computed') return undefined;
  const attachments = ctx.graph.in(role, 'iam-role', 'aws_iam_role_policy_attachment');
  let undecided = false;
  for (const att of live(ctx, 'aws_iam_role_policy_attachment')) {
    if (!attachments.includes(att)) continue;
    const pa = att.current.str('policy_arn');
    if (pa.state === 'known' && isPolicy(pa.value)) return true;
    if (pa.state === 'unknown') undecided = true;
  }
  return undecided ? undefined : false;
}
