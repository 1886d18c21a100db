// Types for import.meta.env in the add-in (Vite replaces these at build time).
/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** "msal" to get tokens through MSAL nested app authentication; anything else means the local dev issuer. */
  readonly VITE_CROSSWALK_AUTH?: string;
  /** The add-in's Entra app registration (client id); required with VITE_CROSSWALK_AUTH=msal. */
  readonly VITE_CROSSWALK_CLIENT_ID?: string;
  /** worldwide (default, also GCC) | gcc-high | dod: picks the sign-in authority. */
  readonly VITE_CROSSWALK_CLOUD?: string;
  /** The API scope to ask for; defaults to api://<client id>/access_as_user. */
  readonly VITE_CROSSWALK_API_SCOPE?: string;
  /** Base URL of the Crosswalk API; defaults to "/api" on the page's own origin. */
  readonly VITE_CROSSWALK_API_BASE?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
