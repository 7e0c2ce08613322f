import { Construct } from "constructs";
import { fail } from "../private/errors";

/**
 * Every bus-to-bus forwarding declared in one app, as edges between static bus ARNs, so a
 * forwarder whose destination forwards (directly or through other buses) back to one of its
 * sources is refused. EventBridge would not loop forever (it does not pass on events it received
 * from another bus), but such a configuration silently drops events and is always a mistake.
 */
const graphs = new WeakMap<Construct, Map<string, Set<string>>>();

/** Records `sources → destination` for the app of `scope`, failing if that closes a loop. */
export function addForwarding(scope: Construct, sources: readonly string[], destination: string): void {
  const root = scope.node.root;
  const graph = graphs.get(root) ?? new Map<string, Set<string>>();
  graphs.set(root, graph);
  const path = pathBetween(graph, destination, new Set(sources));
  if (path) {
    const route = path.length > 1 ? `${path.join(" → ")}, and '${path[path.length - 1]}'` : `'${destination}'`;
    fail(
      scope,
      `forwarding to '${destination}' would loop: ${route} is a source bus of this forwarder. Forward to a custom bus that forwards nothing (SecurityEventCollector), or remove the region that closes the loop.`,
    );
  }
  for (const source of sources) {
    const targets = graph.get(source) ?? new Set<string>();
    targets.add(destination);
    graph.set(source, targets);
  }
}

/** A path of buses from `start` to one of `goals` along recorded forwardings, if there is one. */
function pathBetween(graph: Map<string, Set<string>>, start: string, goals: Set<string>): string[] | undefined {
  const previous = new Map<string, string | undefined>([[start, undefined]]);
  const queue = [start];
  while (queue.length > 0) {
    const bus = queue.shift() as string;
    if (goals.has(bus)) {
      const path: string[] = [];
      for (let at: string | undefined = bus; at !== undefined; at = previous.get(at)) path.unshift(at);
      return path;
    }
    for (const next of graph.get(bus) ?? []) {
      if (!previous.has(next)) {
        previous.set(next, bus);
        queue.push(next);
      }
    }
  }
  return undefined;
}
