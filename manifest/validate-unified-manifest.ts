// Offline JSON-schema validation of the unified manifest. The schema object is always passed
// explicitly: without it, AppManifestUtils would fetch the schema named by $schema.
import { AppManifestUtils } from '@microsoft/app-manifest';
import { loadBundledSchema } from './unified-manifest-schema.ts';

type ValidateArgs = Parameters<typeof AppManifestUtils.validateAgainstSchema>;

/** Returns the schema errors (empty when valid) for a parsed unified manifest. */
export async function validateUnifiedManifest(manifest: unknown, schema: Record<string, unknown> = loadBundledSchema()): Promise<string[]> {
  // The library's types describe its own manifest classes; a plain parsed object is what it validates.
  return AppManifestUtils.validateAgainstSchema(manifest as ValidateArgs[0], schema as unknown as NonNullable<ValidateArgs[1]>);
}
