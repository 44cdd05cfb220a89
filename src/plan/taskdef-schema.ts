import { z } from 'zod';

/**
 * A container definition's schema (`aws_ecs_task_definition`'s `container_definitions`): what the
 * rules read of a container, and its type. The plan read does not run it: `readContainer`
 * (src/plan/taskdef.ts) reads a definition exactly as it would, in plain code, and a property test
 * (tests/fuzz/container-parser.test.ts) checks the two against each other. Built once, on first use.
 */
function buildContainerSchema() {
  const n = z.number().nullish().catch(undefined);
  const s = z.string().nullish().catch(undefined);
  const b = z.boolean().nullish().catch(undefined);

  const ContainerSchema = z.looseObject({
    name: s,
    image: s,
    cpu: n,
    memory: n,
    memoryReservation: n,
    essential: b,
    privileged: b,
    disableNetworking: b,
    links: z.array(z.unknown()).nullish().catch(undefined),
    dnsServers: z.array(z.unknown()).nullish().catch(undefined),
    dnsSearchDomains: z.array(z.unknown()).nullish().catch(undefined),
    dockerSecurityOptions: z.array(z.unknown()).nullish().catch(undefined),
    extraHosts: z.array(z.unknown()).nullish().catch(undefined),
    portMappings: z
      .array(z.looseObject({ containerPort: n, hostPort: n, protocol: s }))
      .nullish()
      .catch(undefined),
    logConfiguration: z
      .looseObject({ logDriver: s, options: z.record(z.string(), z.unknown()).nullish().catch(undefined) })
      .nullish()
      .catch(undefined),
    secrets: z.array(z.unknown()).nullish().catch(undefined),
    repositoryCredentials: z.unknown().optional(),
    resourceRequirements: z
      .array(z.looseObject({ type: s, value: s }))
      .nullish()
      .catch(undefined),
    linuxParameters: z
      .looseObject({
        capabilities: z
          .looseObject({ add: z.array(z.string()).nullish().catch(undefined), drop: z.array(z.string()).nullish().catch(undefined) })
          .nullish()
          .catch(undefined),
        devices: z.array(z.unknown()).nullish().catch(undefined),
        sharedMemorySize: n,
        tmpfs: z.array(z.unknown()).nullish().catch(undefined),
        maxSwap: n,
        swappiness: n,
        initProcessEnabled: b,
      })
      .nullish()
      .catch(undefined),
  });
  return ContainerSchema;
}
let containerSchemaBuilt: ReturnType<typeof buildContainerSchema> | undefined;
export function containerSchema(): ReturnType<typeof buildContainerSchema> {
  return (containerSchemaBuilt ??= buildContainerSchema());
}
export type Container = z.infer<ReturnType<typeof buildContainerSchema>>;
