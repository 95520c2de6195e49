// Reading the app's own OpenAPI document: which routes take a JSON body, what fields and types it has,
// and which query parameters a route requires — so the generated tests follow the zod schemas.
export interface JsonSchema {
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
}

export interface OpenApiOperation {
  parameters?: { name: string; in: string; required?: boolean; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

export interface OpenApiDoc {
  paths: Record<string, Record<string, OpenApiOperation>>;
}

export const openApiPath = (url: string) => url.replaceAll(/:(\w+)/g, '{$1}');

export function operationOf(doc: OpenApiDoc, method: string, url: string): OpenApiOperation | undefined {
  return doc.paths[openApiPath(url)]?.[method.toLowerCase()];
}

export function jsonBodySchema(op: OpenApiOperation | undefined): JsonSchema | undefined {
  return op?.requestBody?.content?.['application/json']?.schema;
}

/** A valid sample of a schema: the first enum value, the minimum, a uuid from `ids` by field name. */
export function sampleValue(schema: JsonSchema, name: string, ids: Record<string, string>): unknown {
  if (schema.enum) return schema.enum[0];
  const type = [schema.type].flat()[0] ?? (schema.anyOf ?? schema.oneOf)?.[0]?.type;
  if (type === 'integer' || type === 'number') return schema.minimum ?? 1;
  if (type === 'boolean') return false;
  if (type === 'array') return [];
  if (schema.format === 'uuid' || /Ids?$/.test(name)) return ids[name.replace(/s$/, '')] ?? ids[name] ?? '';
  return 'x'.repeat(Math.max(1, schema.minLength ?? 1));
}

/** The route's required query parameters as a query string ("" when none). */
export function requiredQuery(op: OpenApiOperation | undefined, ids: Record<string, string>): string {
  const required = (op?.parameters ?? []).filter((p) => p.in === 'query' && p.required);
  if (required.length === 0) return '';
  const params = new URLSearchParams();
  // integers count up from their minimum, so a range (from/to) is a proper one
  required.forEach((p, i) => {
    const value = sampleValue(p.schema ?? {}, p.name, ids);
    params.set(p.name, String(typeof value === 'number' ? value + i : value));
  });
  return `?${params}`;
}
