import { Construct } from "constructs";
import { TerraformProvider } from "cdktf";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { policyDocument, serviceTrustPolicy } from "./iam";
import { physicalName } from "./naming";

/** Options of {@link ServiceRole}. */
export interface ServiceRoleProps {
  /** Service that assumes the role. @default "events.amazonaws.com" */
  readonly service?: string;
  /** Account whose resources may assume it (`aws:SourceAccount`). @default - not checked (then sourceArns must be given) */
  readonly sourceAccount?: string;
  /** Resources that may assume it (`aws:SourceArn`). @default - any in sourceAccount */
  readonly sourceArns?: readonly string[];
  /** The only actions the role allows (no wildcards). */
  readonly actions: readonly string[];
  /** The named resources those actions are allowed on. */
  readonly resources: readonly string[];
  /** Provider of the role. @default - the stack's default provider */
  readonly provider?: TerraformProvider;
}

/**
 * A least-privilege role for a service (EventBridge by default): trust scoped to the source
 * account and/or ARNs, one inline policy allowing only the named actions on the named resources.
 */
export class ServiceRole extends Construct {
  /** ARN of the role. */
  public readonly roleArn: string;
  /** The role resource. */
  public readonly role: IamRole;

  constructor(scope: Construct, id: string, props: ServiceRoleProps) {
    super(scope, id);
    for (const action of props.actions) {
      if (action.includes("*")) throw new Error(`${this.node.path}: action '${action}' has a wildcard; name the actions.`);
    }
    this.role = new IamRole(this, "Role", {
      provider: props.provider,
      name: physicalName(this, { maxLength: 64, illegal: /[^A-Za-z0-9+=,.@_-]/g }),
      assumeRolePolicy: serviceTrustPolicy({
        service: props.service ?? "events.amazonaws.com",
        sourceAccount: props.sourceAccount,
        sourceArns: props.sourceArns,
      }),
    });
    new IamRolePolicy(this, "Policy", {
      provider: props.provider,
      name: "least-privilege",
      role: this.role.id,
      policy: policyDocument([{ Effect: "Allow", Action: [...props.actions], Resource: [...props.resources] }]),
    });
    this.roleArn = this.role.arn;
  }
}
