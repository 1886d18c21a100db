// Whether the Office host brokers sign-in for the add-in (nested app authentication).
// Hosts without it (older Outlook builds) need the dialog sign-in instead.
/** True when the host supports the NestedAppAuth 1.1 requirement set; false when it does not or cannot say. */
export function supportsNestedAppAuth(): boolean {
  try {
    return Office.context.requirements.isSetSupported('NestedAppAuth', '1.1');
  } catch {
    return false;
  }
}
