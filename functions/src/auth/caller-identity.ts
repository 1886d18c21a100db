// Who is calling the API, as established from a verified access token. Handlers authorize
// and scope every query with this, never with anything the request body claims.
export interface CallerIdentity {
  /** The caller's Entra tenant (tid); every data access is filtered by it. */
  tenantId: string;
  /** The caller's immutable object id (oid) in that tenant. */
  objectId: string;
  /** Lower-cased preferred_username (or upn / email); for display and mailbox lookup, not for authorization. */
  userPrincipalName: string;
  name: string | null;
  /** Delegated scopes (scp), split on spaces. */
  scopes: string[];
  /** App roles assigned to the caller. */
  roles: string[];
}
