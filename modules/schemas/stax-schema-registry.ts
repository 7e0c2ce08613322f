import { Construct } from "constructs";
import { TerraformProvider } from "cdktf";
import { SchemasRegistry } from "@cdktf/provider-aws/lib/schemas-registry";
import { SchemasSchema } from "@cdktf/provider-aws/lib/schemas-schema";
import { catalogueEntry } from "../events/catalogue";
import { fail, isUnresolved } from "../private/errors";
import { physicalName } from "../private/naming";
import { checkName, SCHEMA_REGISTRY_NAME, checkTags, checkPropKeys } from "../private/validation";
import { catalogueSchemas, type CatalogueSchema } from "./catalogue-schemas";

/** Longest registry name EventBridge accepts. */
export const MAX_SCHEMA_REGISTRY_NAME_LENGTH = 64;
/** Longest schema name EventBridge accepts. */
export const MAX_SCHEMA_NAME_LENGTH = 385;
/** Longest schema content EventBridge accepts, in characters (counted here as UTF-8 bytes, which is stricter). */
export const MAX_SCHEMA_CONTENT_LENGTH = 100_000;
/** Longest description of a registry or a schema EventBridge accepts. */
export const MAX_SCHEMA_DESCRIPTION_LENGTH = 256;

const SCHEMA_NAME = /^[A-Za-z][.\-_A-Za-z0-9@]*$/;

/** Properties of a {@link StaxSchemaRegistry}. */
export interface StaxSchemaRegistryProps {
  /**
   * Name of the registry (at most 64 letters, digits, '.', '-' or '_'); unique per account and region.
   * @default - derived from the construct path, stable and unique in the stack
   */
  readonly registryName?: string;
  /** Description of the registry (at most 256 characters). @default "JSON Schemas of the Stax events (stax-events-cdktf catalogue)" */
  readonly description?: string;
  /**
   * The `detail-type`s to publish, each one catalogued (e.g. `Security: UserAuthenticationEvent`).
   * @default - every catalogued event type
   */
  readonly detailTypes?: readonly string[];
  /** Provider (account and region) of the registry. @default - the stack's default provider */
  readonly provider?: TerraformProvider;
  /** Tags on the registry and its schemas. @default - no tags */
  readonly tags?: { readonly [key: string]: string };
}

/**
 * An EventBridge schema registry holding the JSON Schema (type `JSONSchemaDraft4`) of every
 * catalogued Stax event type, one schema per `detail-type`, each with the catalogue's
 * description. Schema names are the detail-type with its separator replaced
 * (`Security: UserAuthenticationEvent` → `Security.UserAuthenticationEvent`). Names, descriptions
 * and content sizes are checked against the service limits at synth.
 *
 * @example
 * ```ts
 * new StaxSchemaRegistry(this, "StaxSchemas"); // every catalogued type
 * new StaxSchemaRegistry(this, "LoginSchemas", { detailTypes: ["Security: UserAuthenticationEvent"] });
 * ```
 */
export class StaxSchemaRegistry extends Construct {
  /** Name of the registry. */
  public readonly registryName: string;
  /** ARN of the registry. */
  public readonly registryArn: string;
  /** The registry resource. */
  public readonly registry: SchemasRegistry;
  /** The schema resources, keyed by `detail-type`, in catalogue order. */
  public readonly schemas: { readonly [detailType: string]: SchemasSchema };

  constructor(scope: Construct, id: string, props: StaxSchemaRegistryProps = {}) {
    super(scope, id);
    checkPropKeys(this, props, {
      registryName: true,
      description: true,
      detailTypes: true,
      provider: true,
      tags: true,
    });
    this.registryName =
      props.registryName ??
      physicalName(this, { maxLength: MAX_SCHEMA_REGISTRY_NAME_LENGTH, illegal: /[^.\-_A-Za-z0-9]/g });
    checkName(this, "registryName", this.registryName, SCHEMA_REGISTRY_NAME);
    checkTags(this, "tags", props.tags);
    const description = props.description ?? "JSON Schemas of the Stax events (stax-events-cdktf catalogue)";
    if (!isUnresolved(description) && description.length > MAX_SCHEMA_DESCRIPTION_LENGTH) {
      fail(
        this,
        `description is ${description.length} characters; EventBridge allows ${MAX_SCHEMA_DESCRIPTION_LENGTH} for a registry. Pass a shorter description.`,
      );
    }

    this.registry = new SchemasRegistry(this, "Registry", {
      provider: props.provider,
      name: this.registryName,
      description,
      tags: props.tags,
    });
    this.registryArn = this.registry.arn;

    const schemas: Record<string, SchemasSchema> = {};
    const byName = new Map<string, string>();
    for (const entry of this.selected(props.detailTypes)) {
      const name = StaxSchemaRegistry.schemaName(entry.detailType);
      const clash = byName.get(name);
      if (clash !== undefined) {
        fail(this, `detail-types '${clash}' and '${entry.detailType}' both map to the schema name '${name}'.`);
      }
      byName.set(name, entry.detailType);
      schemas[entry.detailType] = new SchemasSchema(this, name, {
        provider: props.provider,
        name,
        registryName: this.registry.name,
        type: "JSONSchemaDraft4",
        description: shorten(entry.description, MAX_SCHEMA_DESCRIPTION_LENGTH),
        content: this.content(entry),
        tags: props.tags,
      });
    }
    this.schemas = schemas;
  }

  /**
   * The schema name of a `detail-type`: runs of characters EventBridge does not allow in schema
   * names (anything but letters, digits, '.', '-', '_' and '@') become a single '.'.
   */
  public static schemaName(detailType: string): string {
    return detailType.replace(/[^.\-_A-Za-z0-9@]+/g, ".");
  }

  private selected(detailTypes: readonly string[] | undefined): readonly CatalogueSchema[] {
    const all = catalogueSchemas();
    if (detailTypes === undefined) return all;
    if (!Array.isArray(detailTypes)) {
      const wrap = typeof detailTypes === "string" ? `; wrap it in a list: ['${detailTypes}']` : "; pass a list";
      fail(this, `detailTypes is ${typeof detailTypes === "string" ? "text" : `a ${typeof detailTypes}`}${wrap}.`);
    }
    if (detailTypes.length === 0) {
      fail(this, "detailTypes is empty; leave it out to publish every catalogued type, or name at least one.");
    }
    return detailTypes.map((detailType, index) => {
      if (detailTypes.indexOf(detailType) !== index) {
        fail(this, `detailTypes lists '${detailType}' twice; list each detail-type once.`);
      }
      try {
        catalogueEntry(`detailTypes[${index}]`, detailType); // the catalogue's lookup, with its hint for an event name
      } catch (e) {
        fail(this, (e as Error).message);
      }
      return all.find((e) => e.detailType === detailType) as CatalogueSchema;
    });
  }

  private content(entry: CatalogueSchema): string {
    const content = JSON.stringify(entry.schema);
    const size = Buffer.byteLength(content, "utf8");
    if (size > MAX_SCHEMA_CONTENT_LENGTH) {
      fail(
        this,
        `the schema of '${entry.detailType}' is ${size} bytes; EventBridge accepts at most ${MAX_SCHEMA_CONTENT_LENGTH}. Leave this type out with detailTypes.`,
      );
    }
    const name = StaxSchemaRegistry.schemaName(entry.detailType);
    if (name.length > MAX_SCHEMA_NAME_LENGTH || !SCHEMA_NAME.test(name)) {
      fail(
        this,
        `schema name '${name}' (from detail-type '${entry.detailType}') is not valid; EventBridge allows up to ${MAX_SCHEMA_NAME_LENGTH} letters, digits, '.', '-', '_' and '@', starting with a letter.`,
      );
    }
    return content;
  }
}

/** `text` cut at a word boundary to fit `max` characters, ending in an ellipsis when cut. */
function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}
