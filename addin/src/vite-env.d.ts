// Types for import.meta.env in the add-in (Vite replaces these at build time).
/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** "msal" to get tokens through MSAL nested app authentication; anything else means the local dev issuer. */
  readonly VITE_CROSSWALK_AUTH?: string;
  /** Base URL of the Crosswalk API; defaults to "/api" on the page's own origin. */
  readonly VITE_CROSSWALK_API_BASE?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
