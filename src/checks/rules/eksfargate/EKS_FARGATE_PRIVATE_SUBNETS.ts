import type { AnalysisContext } from '../../../context.js';
import type { Resource } from '../../../plan/model.js';
import type { Path } from '../../../plan/values.js';
import { show } from '../../show.js';
import type { Rule, RuleResult } from '../../types.js';
import { byValue, isNew, knownStr, live, referenced } from '../resolve.js';

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
  for (let i = 0; i < n; i++) {
    const id = r.current.str(['subnet_ids', i]);
    if (id.state !== 'known') continue;
    out.push({ label: show(id), path: `subnet_ids[${i}]`, id: id.value, res: byValue(ctx, 'aws_subnet', ['id'], id.value)[0] });
  }
  if (l.state === 'unknown' || r.current.hasUnknown('subnet_ids')) {
    for (const s of referenced(ctx, r, ['subnet_ids'], ['aws_subnet'])) {
      if (out.some((o) => o.res === s)) continue;
      out.push({ label: s.address, path: 'subnet_ids', id: knownStr(s, 'id'), res: s });
    }
  }
  return out;
}

function verdict(s: Subnet, ctx: AnalysisContext): Verdict {
  const assoc = live(ctx, 'aws_route_table_association').filter(
    (a) => (s.id !== undefined && knownStr(a, 'subnet_id') === s.id) || (s.res !== undefined && referenced(ctx, a, ['subnet_id'], ['aws_subnet']).includes(s.res)),
  );
  // Without an explicit association the subnet uses the VPC's main route table, which the plan does not show.
  if (assoc.length !== 1) return { kind: 'unknown' };
  const a = assoc[0]!;
  const rt = knownStr(a, 'route_table_id');
  const tables = rt !== undefined ? byValue(ctx, 'aws_route_table', ['id'], rt) : referenced(ctx, a, ['route_table_id'], ['aws_route_table']);
  if (tables.length !== 1) return { kind: 'unknown' };
  return tableVerdict(tables[0]!, ctx);
}

/** Does the route table send the default route to an internet gateway? Inline `route` blocks and aws_route resources. */
function tableVerdict(table: Resource, ctx: AnalysisContext): Verdict {
  let undecided = false;
  const routes = table.current.list('route');
  if (routes.state === 'unknown') {
    const fromConfig = configuredIgwRoute(table, ctx);
    if (fromConfig) return { kind: 'public', table, via: fromConfig };
    undecided = true;
  }
  const n = routes.state === 'known' ? routes.value.length : 0;
  for (let i = 0; i < n; i++) {
    const g = igw(table, ctx, ['route', i, 'cidr_block'], ['route', i, 'gateway_id'], [['route', i, 'gateway_id'], ['route']]);
    if (g === undefined) undecided = true;
    else if (g !== false) return { kind: 'public', table, via: g };
  }
  const tableId = knownStr(table, 'id');
  for (const route of live(ctx, 'aws_route')) {
    const onTable = (tableId !== undefined && knownStr(route, 'route_table_id') === tableId) || referenced(ctx, route, ['route_table_id'], ['aws_route_table']).includes(table);
    if (!onTable) continue;
    const g = igw(route, ctx, ['destination_cidr_block'], ['gateway_id'], [['gateway_id']]);
    if (g === undefined) undecided = true;
    else if (g !== false) return { kind: 'public', table, via: `${route.address}, ${g}` };
  }
  return undecided ? { kind: 'unknown' } : { kind: 'private' };
}

/** With the whole `route` set unknown: a configured `route` block with the default route to an aws_internet_gateway. */
function configuredIgwRoute(table: Resource, ctx: AnalysisContext): string | undefined {
  const blocks = ctx.model.config.expression(table.config, ['route']);
  if (!Array.isArray(blocks)) return undefined;
  for (let i = 0; i < blocks.length; i++) {
    const cidr = (blocks[i] as { cidr_block?: { constant_value?: unknown } } | null)?.cidr_block?.constant_value;
    if (cidr !== DEFAULT_ROUTE) continue;
    const ref = ctx.model.config.references(table.moduleConfigPath, table.config, ['route', i, 'gateway_id']).find((x) => x.type === 'aws_internet_gateway');
    if (ref) return ref.configAddress;
  }
  return undefined;
}

/**
 * Whether one route sends the default route to an internet gateway: the gateway shown, false
 * when not, undefined when unknown. An unknown gateway ID counts when the configuration refers
 * to an aws_internet_gateway.
 */
function igw(r: Resource, ctx: AnalysisContext, cidrPath: Path, gwPath: Path, refPaths: Path[]): string | false | undefined {
  const cidr = r.current.str(cidrPath);
  if (cidr.state === 'unknown') return undefined;
  if (cidr.state !== 'known' || cidr.value !== DEFAULT_ROUTE) return false;
  const gw = r.current.str(gwPath);
  if (gw.state === 'known') return gw.value.startsWith('igw-') ? show(gw) : false;
  if (gw.state === 'absent') return false;
  for (const p of refPaths) {
    const ref = ctx.model.config.references(r.moduleConfigPath, r.config, p).find((x) => x.type === 'aws_internet_gateway');
    if (ref) return ref.configAddress;
  }
  return undefined;
}
