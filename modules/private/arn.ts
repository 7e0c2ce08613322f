import { isUnresolved } from "./errors";

/** The parts of an ARN: `arn:<partition>:<service>:<region>:<account>:<resource>`. */
export interface ArnParts {
  readonly partition: string;
  readonly service: string;
  readonly region: string;
  readonly account: string;
  readonly resource: string;
}

const ARN = /^arn:(aws[a-z-]*):([a-z0-9-]+):([a-z0-9-]*):(\d{12}|):(.+)$/;

/**
 * Checks that `arn` is an ARN of `service` whose resource part matches `resource`, and returns
 * its parts; a token passes unchecked (undefined). Otherwise throws
 * `"<where>: '<arn>' is not <what> ARN; expected '<expected>'."`.
 */
export function checkArn(
  where: string,
  arn: string,
  spec: { readonly service: string; readonly resource: RegExp; readonly what: string; readonly expected: string },
): ArnParts | undefined {
  if (isUnresolved(arn)) return undefined;
  const match = ARN.exec(arn);
  if (!match || match[2] !== spec.service || !match[3] || !match[4] || !spec.resource.test(match[5])) {
    throw new Error(`${where}: '${arn}' is not ${spec.what} ARN; expected '${spec.expected}'.`);
  }
  const [, partition, service, region, account, resource] = match;
  return { partition, service, region, account, resource };
}
