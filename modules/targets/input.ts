import { RuleTargetConfig } from "../rule/target";

/** The input fields of a target block. */
export type TargetInputConfig = Pick<RuleTargetConfig, "input" | "inputPath" | "inputTransformer">;

/**
 * What a target receives: the whole event (the default), a constant, or one part of the event.
 */
export abstract class RuleTargetInput {
  /** A constant JSON value instead of the event. */
  public static fromObject(value: unknown): RuleTargetInput {
    return new ConstantInput(JSON.stringify(value));
  }

  /** A constant text instead of the event (sent as a JSON string). */
  public static fromText(text: string): RuleTargetInput {
    return new ConstantInput(JSON.stringify(text));
  }

  /** One part of the event, selected by a JSONPath such as `$.detail`. */
  public static fromEventPath(path: string): RuleTargetInput {
    if (!/^\$(\.[A-Za-z0-9_-]+|\[\d+\])*$/.test(path)) {
      throw new Error(`RuleTargetInput.fromEventPath: '${path}' is not a JSON path EventBridge accepts; use '$' followed by '.field' or '[index]' parts, e.g. '$.detail.email'.`);
    }
    return new PathInput(path);
  }

  /** The input fields for the target block. */
  public abstract bind(): TargetInputConfig;
}

class ConstantInput extends RuleTargetInput {
  constructor(private readonly json: string) {
    super();
  }
  public bind(): TargetInputConfig {
    return { input: this.json };
  }
}

class PathInput extends RuleTargetInput {
  constructor(private readonly path: string) {
    super();
  }
  public bind(): TargetInputConfig {
    return { inputPath: this.path };
  }
}
