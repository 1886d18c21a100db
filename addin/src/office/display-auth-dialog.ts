// Opens an Office dialog on one of the add-in's own pages and resolves with the first message
// that page sends back (Office.context.ui.messageParent), then closes the dialog. Used for
// sign-in where the host cannot broker it. Failures carry an MSAL-style errorCode so the
// caller classifies them the same way as MSAL's.
export class AuthDialogFailure extends Error {
  readonly errorCode: 'user_cancelled' | 'popup_window_error' | 'dialog_failed';

  constructor(errorCode: AuthDialogFailure['errorCode'], detail: string) {
    super(detail);
    this.name = 'AuthDialogFailure';
    this.errorCode = errorCode;
  }
}

// Office's dialog error codes (https://learn.microsoft.com/office/dev/add-ins/develop/dialog-handle-errors-events).
const DIALOG_CLOSED_BY_USER = 12006;
const POPUP_BLOCKED = 12009;

export function displayAuthDialog(options: { url: string; widthPercent?: number; heightPercent?: number }): Promise<string> {
  return new Promise((resolve, reject) => {
    Office.context.ui.displayDialogAsync(
      options.url,
      { width: options.widthPercent ?? 40, height: options.heightPercent ?? 60, displayInIframe: false },
      (result) => {
        if (result.status !== Office.AsyncResultStatus.Succeeded) {
          const code = result.error?.code;
          reject(new AuthDialogFailure(code === POPUP_BLOCKED ? 'popup_window_error' : 'dialog_failed', `dialog did not open (${code})`));
          return;
        }
        const dialog = result.value;
        dialog.addEventHandler(Office.EventType.DialogMessageReceived, (arg) => {
          const { message, origin } = arg as { message?: unknown; origin?: unknown };
          // Only our own pages may answer; newer hosts say where a message came from.
          if (typeof origin === 'string' && origin !== window.location.origin) return;
          dialog.close();
          resolve(typeof message === 'string' ? message : '');
        });
        dialog.addEventHandler(Office.EventType.DialogEventReceived, (arg) => {
          const code = (arg as { error?: unknown }).error;
          reject(new AuthDialogFailure(code === DIALOG_CLOSED_BY_USER ? 'user_cancelled' : 'dialog_failed', `dialog event ${String(code)}`));
        });
      },
    );
  });
}
