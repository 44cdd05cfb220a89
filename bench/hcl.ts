/**
 * How long the --tf-dir sources take: generates a tree of 500 `.tf` files (400 with ECS and
 * autoscaling resources, 100 with network resources), then times loading hcl2-parser, parsing
 * every file whole with it (for reference), and what the tool does: line-scan every file and
 * parse only the lifecycle blocks of the analysed resource types.
 *
 *   npx tsx bench/hcl.ts [FILES]
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { validatePlan } from '../src/plan/load.js';
import { buildModel } from '../src/plan/model.js';
import { TYPE_TABLES } from '../src/engine/reads.js';
import { parserLoads } from '../src/sources/hcl.js';
import { SourceTree } from '../src/sources/tree.js';

const FILES = Number(process.argv[2] ?? 500);
const dir = mkdtempSync(join(tmpdir(), 'cpc-bench-hcl-'));

function ecsFile(i: number): string {
  return `
# service ${i}
resource "aws_ecs_task_definition" "svc_${i}" {
  family                   = "svc-${i}"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 512
  memory                   = 1024
  container_definitions = jsonencode([{
    name         = "app"
    image        = "\${var.registry}/svc-${i}:\${var.tag}"
    portMappings = [{ containerPort = 8080 }]
    environment  = [for k, v in var.env : { name = k, value = v }]
  }])
}

resource "aws_ecs_service" "svc_${i}" {
  name            = "svc-${i}"
  cluster         = aws_ecs_cluster.main.id
  task_definition = aws_ecs_task_definition.svc_${i}.arn
  desired_count   = 2
  launch_type     = "FARGATE"
  network_configuration {
    subnets         = var.private_subnets
    security_groups = [aws_security_group.svc.id]
  }
  dynamic "load_balancer" {
    for_each = var.with_lb ? [1] : []
    content {
      target_group_arn = var.tg_arn
      container_name   = "app"
      container_port   = 8080
    }
  }
  lifecycle {
    ignore_changes = [desired_count]
  }
}

resource "aws_appautoscaling_target" "svc_${i}" {
  max_capacity       = 10
  min_capacity       = 2
  resource_id        = "service/\${aws_ecs_cluster.main.name}/\${aws_ecs_service.svc_${i}.name}"
  scalable_dimension = "ecs:service:DesiredCount"
  service_namespace  = "ecs"
}
`;
}

function networkFile(i: number): string {
  return `
resource "aws_subnet" "net_${i}" {
  vpc_id     = var.vpc_id
  cidr_block = cidrsubnet(var.cidr, 8, ${i % 250})
  tags       = merge(var.tags, { Name = "net-${i}" })
}
`;
}

const addresses: { type: string; name: string }[] = [];
for (let i = 0; i < FILES; i++) {
  const network = i % 5 === 4;
  writeFileSync(join(dir, `f${String(i).padStart(4, '0')}.tf`), network ? networkFile(i) : ecsFile(i));
  if (network) addresses.push({ type: 'aws_subnet', name: `net_${i}` });
  else
    for (const type of ['aws_ecs_task_definition', 'aws_ecs_service', 'aws_appautoscaling_target'])
      addresses.push({ type, name: `svc_${i}` });
}
mkdirSync(join(dir, 'modules'), { recursive: true });

const plan = validatePlan('bench.json', {
  format_version: '1.2',
  terraform_version: '1.9.8',
  resource_changes: addresses.map(({ type, name }) => ({
    address: `${type}.${name}`,
    mode: 'managed',
    type,
    name,
    provider_name: 'registry.terraform.io/hashicorp/aws',
    change: { actions: ['create'], before: null, after: { name }, after_unknown: {}, before_sensitive: false, after_sensitive: {} },
  })),
  configuration: {
    root_module: {
      resources: addresses.map(({ type, name }) => ({
        address: `${type}.${name}`,
        mode: 'managed',
        type,
        name,
        provider_config_key: 'aws',
        schema_version: 0,
      })),
    },
  },
});
const model = buildModel(plan, { types: TYPE_TABLES });

const ms = (t: number) => `${(performance.now() - t).toFixed(0)} ms`;
let t = performance.now();
const hcl = ((await import('hcl2-parser')) as { default: { parseToString(s: string): [string, unknown] } }).default;
console.log(`hcl2-parser load: ${ms(t)}`);

t = performance.now();
const files = readdirSync(dir).filter((f) => f.endsWith('.tf'));
for (const f of files) if (hcl.parseToString(readFileSync(join(dir, f), 'utf8'))[1]) throw new Error(`${f} does not parse`);
console.log(`hcl2-parser, ${files.length} files parsed whole: ${ms(t)}`);

t = performance.now();
const sources = await new SourceTree(dir, () => true).forPlan(model, join(dir, 'plan.json'));
console.log(
  `container-plan-check sources, ${files.length} files line-scanned, lifecycle blocks parsed: ${ms(t)} (parser loads: ${parserLoads()})`,
);

const located = model.resources.filter((r) => sources.locate(r)).length;
const withIgnore = model.resources.filter((r) => {
  const ic = sources.ignoreChanges(r);
  return Array.isArray(ic) && ic.includes('desired_count');
}).length;
console.log(
  `located ${located}/${model.resources.length}; ignore_changes [desired_count] on ${withIgnore} services; warnings: ${sources.warnings.length}`,
);
rmSync(dir, { recursive: true, force: true });
