import { IConstruct } from "constructs";

const registries = new WeakMap<IConstruct, Map<string, Map<string, unknown>>>();

/**
 * A map shared by the whole app (the root of `scope`'s tree) under `kind`: what the library must
 * know across stacks, e.g. the one policy of each resource or the rule names used on each bus.
 */
export function appRegistry<T>(scope: IConstruct, kind: string): Map<string, T> {
  const root = scope.node.root;
  let byKind = registries.get(root);
  if (!byKind) {
    byKind = new Map();
    registries.set(root, byKind);
  }
  let registry = byKind.get(kind);
  if (!registry) {
    registry = new Map();
    byKind.set(kind, registry);
  }
  return registry as Map<string, T>;
}
