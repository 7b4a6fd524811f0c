import type { z } from 'zod';

type Def = z.ZodType['_zod']['def'] & {
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
};

/**
 * A copy of an input schema for a REST route, sharing no definition with the original.
 * trpc-to-openapi makes query strings usable by switching `coerce` on, in place, in every number
 * and boolean of a route's input (so `"false"` would parse as `true`); on a shared schema that
 * would loosen the tRPC procedures that use it too. Object, array and wrapper definitions are
 * copied down to the leaves; checks and refinements are kept as they are.
 */
export function restInput<T extends z.ZodType>(schema: T): T {
  const def = schema._zod.def as Def;
  const copy: Def = { ...def };
  if (def.type === 'object' && def.shape) {
    copy.shape = Object.fromEntries(
      Object.entries(def.shape).map(([key, value]) => [key, restInput(value)]),
    );
  }
  if (def.element) copy.element = restInput(def.element);
  if (def.innerType) copy.innerType = restInput(def.innerType);
  return schema.clone(copy as T['_zod']['def']) as T;
}
