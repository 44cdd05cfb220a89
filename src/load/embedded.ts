import type { z } from 'zod';

/**
 * Data files shipped inside the bundle (facts, prices). Their zod schema is their type; they are
 * validated against it by the test suite (tests/data/embedded.test.ts walks this registry), not
 * at every start, which keeps validation of a few thousand rows off the start-up path. The
 * schemas hold no defaults or transforms, so the validated and the raw data are the same.
 * Data a user supplies (config, price files) is always validated when read.
 *
 * A schema is made by a function that is given zod (`Zod`): the modules that embed data import
 * zod's types only, so that zod is not loaded at start; the test passes it in.
 */
export interface EmbeddedData {
  name: string;
  /** Made when called, with the zod the caller passes: building the schemas at start would cost a small run much of its time. */
  schema: (zod: Zod) => z.ZodType;
  data: unknown;
}

/** zod's namespace, as `import { z } from 'zod'` gives it. */
export type Zod = typeof z;

export const EMBEDDED: EmbeddedData[] = [];

export function embedded<S extends z.ZodType>(name: string, schema: (zod: Zod) => S, data: unknown): z.infer<S> {
  EMBEDDED.push({ name, schema, data });
  return data as z.infer<S>;
}
