import { Construct } from "constructs";
import { checkArn } from "../private/arn";
import { checkAccountId, fail, isUnresolved } from "../private/errors";
import { checkRegion, eventBusArn } from "./regions";
import { jsonKind } from "../private/messages";

/**
 * The bus forwarded events go to, in another region and/or account. A `SecurityEventCollector`
 * is one; so is `{ accountId, region, eventBusName }` describing any bus; or pass its ARN.
 */
export interface ForwardingDestination {
  /** 12-digit id of the account the bus is in. */
  readonly accountId: string;
  /** Region of the bus (a commercial region code). */
  readonly region: string;
  /** Name of the bus. */
  readonly eventBusName: string;
  /**
   * ARN of the bus; a reference to the bus resource when it is in the same app, so Terraform
   * orders the forwarding after the bus.
   * @default - built from accountId, region and eventBusName
   */
  readonly eventBusArn?: string;
}

/** Something that knows which bus it is, as a forwarding destination (e.g. a `SecurityEventCollector`). */
export interface IForwardingDestination {
  /** The bus, with account, region and name known at synth time. */
  readonly forwardingDestination: ForwardingDestination;
  /**
   * Whether the bus's policy lets senders of `account` (or, with `organization`, every account of
   * the organisation) put events on it; forwarders are refused when it does not.
   * @default - not known, not checked
   */
  admitsPutEvents?(sender: { readonly accountId?: string; readonly organization?: boolean }): boolean;
}

/** A destination whose parts have been checked, with the ARN in both forms. */
export interface ResolvedDestination {
  /** 12-digit id of the account the bus is in. */
  readonly accountId: string;
  /** Region of the bus. */
  readonly region: string;
  /** Name of the bus. */
  readonly eventBusName: string;
  /** ARN to put in targets and policies (may be a reference to the bus resource). */
  readonly eventBusArn: string;
  /** ARN spelled out from the parts: used to compare buses at synth time. */
  readonly staticArn: string;
}

const BUS_NAME = /^[/.\-_A-Za-z0-9]{1,256}$/;

/** Checks a destination given as an ARN or as parts, and resolves it. */
export function resolveDestination(
  scope: Construct,
  destination: ForwardingDestination | IForwardingDestination | string,
): ResolvedDestination {
  let parts: ForwardingDestination;
  if (destination === null || (typeof destination !== "string" && typeof destination !== "object"))
    fail(
      scope,
      `destination is ${jsonKind(destination)}; pass a SecurityEventCollector, { accountId, region, eventBusName }, or the bus ARN.`,
    );
  if (typeof destination !== "string" && "forwardingDestination" in destination) {
    parts = destination.forwardingDestination;
  } else if (typeof destination === "string") {
    const arn = checkArn(`${scope.node.path}: destination`, destination, {
      service: "events",
      resource: /^event-bus\/[/.\-_A-Za-z0-9]+$/,
      what: "an event bus",
      expected: "arn:aws:events:<region>:<12-digit account>:event-bus/<name>",
    });
    if (!arn)
      fail(
        scope,
        "destination is a reference; pass the bus as { accountId, region, eventBusName, eventBusArn } so it can be checked at synth time.",
      );
    if (arn.partition !== "aws")
      fail(
        scope,
        `destination '${destination}' is in partition '${arn.partition}'; forwarding supports the commercial partition ('aws') only.`,
      );
    parts = { region: arn.region, accountId: arn.account, eventBusName: arn.resource.slice("event-bus/".length) };
  } else {
    parts = destination;
  }
  checkAccountId(scope, "destination account id", parts.accountId);
  checkRegion(scope, "destination region", parts.region);
  if (isUnresolved(parts.accountId) || isUnresolved(parts.region) || isUnresolved(parts.eventBusName)) {
    fail(
      scope,
      "destination account id, region and bus name must be known at synth time (not references), so loops can be refused. Pass literal values.",
    );
  }
  if (!BUS_NAME.test(parts.eventBusName)) {
    fail(
      scope,
      `destination bus name '${parts.eventBusName}' is not valid; use 1-256 letters, digits, '.', '-', '_' or '/'.`,
    );
  }
  const staticArn = eventBusArn(parts.region, parts.accountId, parts.eventBusName);
  if (parts.eventBusArn !== undefined && !isUnresolved(parts.eventBusArn) && parts.eventBusArn !== staticArn) {
    fail(
      scope,
      `destination eventBusArn '${parts.eventBusArn}' disagrees with its parts (account '${parts.accountId}', region '${parts.region}', bus '${parts.eventBusName}', i.e. '${staticArn}'); the target would use one bus and the loop and policy checks the other. Make them name the same bus, or leave eventBusArn out.`,
    );
  }
  return { ...parts, staticArn, eventBusArn: parts.eventBusArn ?? staticArn };
}

/**
 * Fails when the destination's bus policy admits no events from the sender (a collector that
 * lists neither the account nor an organisation): every forwarded event would be refused.
 */
export function checkDestinationAdmits(
  scope: Construct,
  destination: ForwardingDestination | IForwardingDestination | string,
  sender: { readonly accountId?: string; readonly organization?: boolean },
): void {
  if (typeof destination !== "object" || !("admitsPutEvents" in destination)) return;
  if (typeof destination.admitsPutEvents !== "function" || destination.admitsPutEvents(sender)) return;
  const where = destination instanceof Construct ? `'${destination.node.path}'` : "the destination";
  const fix = sender.organization
    ? "Set organizationId on the collector (the AWS Organizations id, 'o-…') so the accounts of the OUs may put events"
    : `Add '${sender.accountId}' to the collector's allowedAccountIds, or set its organizationId`;
  fail(
    scope,
    `${where} admits no events from ${sender.organization ? "the organisation's accounts" : `account '${sender.accountId}'`}: its bus policy lists neither ${sender.organization ? "an organisation" : "that account nor an organisation"}, so EventBridge would refuse every forwarded event. ${fix}.`,
  );
}
