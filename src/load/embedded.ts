import type { z } from 'zod';

/**
 * Data files shipped inside the bundle (facts, prices). Their zod schema is their type; they are
 * validated against it by the test suite (tests/data/embedded.test.ts walks this registry), not
 * at every start, which keeps validation of a few thousand rows off the start-up path. The
 * schemas hold no defaults or transforms, so the validated and the raw data are the same.
 * Data a user supplies (config, price files) is always validated when read.
 */
export interface EmbeddedData {
  name: string;
  /** Made when called: building the schemas at start would cost a small run much of its time. */
  schema: () => z.ZodType;
  data: unknown;
}

export const EMBEDDED: EmbeddedData[] = [];

export function embedded<S extends z.ZodType>(name: string, schema: S | (() => S), data: unknown): z.infer<S> {
  EMBEDDED.push({ name, schema: typeof schema === 'function' ? schema : () => schema, data });
  return data as z.infer<S>;
}
