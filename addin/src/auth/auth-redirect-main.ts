// Entry of auth-redirect.html: MSAL v5's redirect bridge. Entra sends the sign-in response
// here; the bridge hands it back to the page that started the redirect (auth-dialog.html).
// Served without Cross-Origin-Opener-Policy, which would cut that hand-over.
import { broadcastResponseToMainFrame } from '@azure/msal-browser/redirect-bridge';

broadcastResponseToMainFrame().catch(() => {
  document.body.textContent = 'Sign-in could not finish. Close this window and try again.';
});
