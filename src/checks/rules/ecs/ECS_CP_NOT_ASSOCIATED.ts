import type { AnalysisContext } from '../../../engine/context.js';
import { kindOfProvider } from '../../../plan/ecs.js';
import type { Resource } from '../../../plan/model.js';
import { literal } from '../../show.js';
import type { Rule, RuleResult } from '../../types.js';
import { clusterOf, strategyEntries, strategyPath, type StrategyEntry } from './util.js';

interface Associated {
  names: Set<string>;
  /** The attribute that holds the list, for messages; '' when there is none. */
  source: string;
  sensitive: boolean;
}

/** The capacity provider names a resource's `capacity_providers` list holds; undefined when unknown. */
function listOf(r: Resource): Associated | undefined {
  const l = r.current.list('capacity_providers');
  if (l.state === 'unknown' || r.current.hasUnknown('capacity_providers')) return undefined;
  const names = l.state === 'known' ? l.value.filter((x): x is string => typeof x === 'string') : [];
  const source = l.state === 'known' ? `${r.address}.capacity_providers` : '';
  return { names: new Set(names), source, sensitive: l.sensitive || r.current.hasSensitive('capacity_providers') };
}

/**
 * The providers associated with a cluster in this plan: its aws_ecs_cluster_capacity_providers,
 * or the cluster's own `capacity_providers` (older provider versions). A new cluster with neither
 * has none; an existing one may have been given providers outside this configuration, so then
 * nothing is known.
 */
function associatedWith(cluster: Resource, ctx: AnalysisContext): Associated | undefined {
  const ccps = ctx.graph.out(cluster, 'cluster-capacity-providers').filter((c) => c.action !== 'delete');
  if (ccps.length > 1) return undefined;
  if (ccps.length === 1) return listOf(ccps[0]!);
  const own = listOf(cluster);
  if (!own || own.names.size > 0) return own;
  return cluster.action === 'create' ? own : undefined;
}

/**
 * The Managed Instances providers of a cluster: a provider created with `managed_instances_provider`
 * and `cluster` is available in that cluster only, without PutClusterCapacityProviders (ECS API
 * CreateCapacityProvider `cluster`).
 */
function managedInstancesOf(cluster: Resource, ctx: AnalysisContext): Set<string> {
  const names = new Set<string>();
  for (const cp of ctx.graph.in(cluster, 'cluster', 'aws_ecs_capacity_provider')) {
    const n = cp.current.str('name');
    if (n.state === 'known' && kindOfProvider(cp) === 'managed-instances') names.add(n.value);
  }
  return names;
}

function missing(entries: StrategyEntry[], assoc: Associated, attr: string, owner: string): RuleResult[] {
  const listed = assoc.names.size === 0 ? 'none' : assoc.sensitive ? '(sensitive)' : [...assoc.names].map((n) => literal(n)).join(', ');
  const fix = assoc.source ? `add it to ${assoc.source}` : 'associate it with an aws_ecs_cluster_capacity_providers resource';
  return entries
    .filter((e) => !assoc.names.has(e.capacityProvider))
    .map((e) => ({
      path: strategyPath(attr, e, 'capacity_provider'),
      message: `capacity provider ${e.label} is not associated with ${owner} (associated: ${listed}); ECS rejects a strategy naming a provider the cluster does not have, so ${fix}`,
    }));
}

export const ECS_CP_NOT_ASSOCIATED: Rule = {
  id: 'ECS_CP_NOT_ASSOCIATED',
  severity: 'error',
  title: 'Capacity providers in a strategy are associated with the cluster',
  types: ['aws_ecs_service', 'aws_ecs_cluster_capacity_providers', 'aws_ecs_cluster'],
  reads: ['aws_ecs_capacity_provider'],
  check(r, ctx) {
    if (r.type === 'aws_ecs_service') {
      const entries = strategyEntries(r, 'capacity_provider_strategy');
      const cluster = clusterOf(r, ctx);
      if (!entries?.length || !cluster) return [];
      const assoc = associatedWith(cluster, ctx);
      const managed = managedInstancesOf(cluster, ctx);
      const rest = entries.filter((e) => !managed.has(e.capacityProvider));
      return assoc ? missing(rest, assoc, 'capacity_provider_strategy', `cluster ${cluster.address}`) : [];
    }
    // The default strategy of a cluster may only name providers in the same resource's list.
    if (r.type === 'aws_ecs_cluster' && r.current.get('capacity_providers').state === 'absent') return [];
    const all = strategyEntries(r, 'default_capacity_provider_strategy');
    const own = listOf(r);
    if (!all?.length || !own) return [];
    const cluster = r.type === 'aws_ecs_cluster' ? r : clusterOf(r, ctx);
    const managed = cluster ? managedInstancesOf(cluster, ctx) : new Set<string>();
    const entries = all.filter((e) => !managed.has(e.capacityProvider));
    return missing(
      entries,
      { ...own, source: `capacity_providers` },
      'default_capacity_provider_strategy',
      "this resource's capacity_providers",
    );
  },
};
