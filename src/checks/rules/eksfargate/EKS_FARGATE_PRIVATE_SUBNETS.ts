import type { AnalysisContext } from '../../../engine/context.js';
import type { Resource } from '../../../plan/model.js';
import type { Path } from '../../../plan/values.js';
import { show } from '../../show.js';
import type { Rule, RuleResult } from '../../types.js';
import { isNew, knownStr, live } from '../resolve.js';

const DEFAULT_ROUTE = '0.0.0.0/0';

interface Subnet {
  label: string;
  path: string;
  id?: string;
  res?: Resource;
}

type Verdict = { kind: 'public'; table: Resource; via: string } | { kind: 'private' } | { kind: 'unknown' };

export const EKS_FARGATE_PRIVATE_SUBNETS: Rule = {
  id: 'EKS_FARGATE_PRIVATE_SUBNETS',
  severity: 'error',
  title: 'Fargate profile subnets must be private',
  types: ['aws_eks_fargate_profile'],
  reads: ['aws_internet_gateway', 'aws_route', 'aws_route_table', 'aws_route_table_association', 'aws_subnet'],
  check(r, ctx) {
    // EKS checks the subnets when it creates the profile; they cannot change afterwards.
    if (!isNew(r)) return [];
    const out: RuleResult[] = [];
    const unverified: string[] = [];
    for (const s of subnetsOf(r, ctx)) {
      const v = verdict(s, ctx);
      if (v.kind === 'public') {
        out.push({
          path: s.path,
          message: `subnet ${s.label} is public: its route table ${v.table.address} sends ${DEFAULT_ROUTE} to an internet gateway (${v.via}); EKS rejects the profile ("Subnet … provided in Fargate Profile is not a private subnet"). Use private subnets that reach the internet through a NAT gateway`,
        });
      } else if (v.kind === 'unknown') unverified.push(s.label);
    }
    if (unverified.length > 0) {
      out.push({
        severity: 'info',
        path: 'subnet_ids',
        message: `could not confirm from this plan that ${unverified.join(', ')} ${unverified.length === 1 ? 'is' : 'are'} private (no route table association with known routes for ${unverified.length === 1 ? 'it' : 'them'}); EKS accepts only private subnets, with no ${DEFAULT_ROUTE} route to an internet gateway`,
      });
    }
    return out;
  },
};

/** The profile's subnets: by position when their IDs are known, else the aws_subnet resources it references. */
function subnetsOf(r: Resource, ctx: AnalysisContext): Subnet[] {
  const l = r.current.list('subnet_ids');
  if (l.state === 'absent') return [];
  const out: Subnet[] = [];
  const n = l.state === 'known' ? l.value.length : 0;
  const edges = ctx.graph.edgesOf(r, 'subnet');
  for (let i = 0; i < n; i++) {
    const id = r.current.str(['subnet_ids', i]);
    if (id.state !== 'known') continue;
    const res = edges.find((e) => e.via === 'value' && e.path?.[1] === i)?.to;
    out.push({ label: show(id), path: `subnet_ids[${i}]`, id: id.value, res });
  }
  for (const e of edges) {
    if (e.via !== 'reference' || out.some((o) => o.res === e.to)) continue;
    out.push({ label: e.to.address, path: 'subnet_ids', id: knownStr(e.to, 'id'), res: e.to });
  }
  return out;
}

function verdict(s: Subnet, ctx: AnalysisContext): Verdict {
  const assoc = live(ctx, 'aws_route_table_association').filter(
    (a) => (s.id !== undefined && knownStr(a, 'subnet_id') === s.id) || (s.res !== undefined && ctx.graph.out(a, 'subnet').includes(s.res)),
  );
  // Without an explicit association the subnet uses the VPC's main route table, which the plan does not show.
  if (assoc.length !== 1) return { kind: 'unknown' };
  const tables = ctx.graph.out(assoc[0]!, 'route-table');
  if (tables.length !== 1) return { kind: 'unknown' };
  return tableVerdict(tables[0]!, ctx);
}

/** Does the route table send the default route to an internet gateway? Inline `route` blocks and aws_route resources. */
function tableVerdict(table: Resource, ctx: AnalysisContext): Verdict {
  let undecided = false;
  const routes = table.current.list('route');
  // The whole set of inline routes is known only after apply: which of them goes where cannot be told.
  if (routes.state === 'unknown') undecided = true;
  const n = routes.state === 'known' ? routes.value.length : 0;
  for (let i = 0; i < n; i++) {
    const g = igw(table, ctx, ['route', i, 'cidr_block'], ['route', i, 'gateway_id']);
    if (g === undefined) undecided = true;
    else if (g !== false) return { kind: 'public', table, via: g };
  }
  for (const route of live(ctx, 'aws_route')) {
    if (!ctx.graph.out(route, 'route-table').includes(table)) continue;
    const g = igw(route, ctx, ['destination_cidr_block'], ['gateway_id']);
    if (g === undefined) undecided = true;
    else if (g !== false) return { kind: 'public', table, via: `${route.address}, ${g}` };
  }
  return undecided ? { kind: 'unknown' } : { kind: 'private' };
}

/**
 * Whether one route sends the default route to an internet gateway: the gateway shown, false
 * when not, undefined when unknown. An unknown gateway ID counts when it links to an
 * aws_internet_gateway of this plan.
 */
function igw(r: Resource, ctx: AnalysisContext, cidrPath: Path, gwPath: Path): string | false | undefined {
  const cidr = r.current.str(cidrPath);
  if (cidr.state === 'unknown') return undefined;
  if (cidr.state !== 'known' || cidr.value !== DEFAULT_ROUTE) return false;
  const gw = r.current.str(gwPath);
  if (gw.state === 'known') return gw.value.startsWith('igw-') ? show(gw) : false;
  if (gw.state === 'absent') return false;
  const linked = ctx.graph.edgesOf(r, 'internet-gateway').find((e) => e.path?.join('.') === gwPath.join('.'));
  return linked ? linked.to.address : undefined;
}
