// The dialog side of Office dialog messaging (DialogApi 1.2): messages the pane sends with
// messageChild. Replies go through messageParent (message-auth-parent.ts).
export function listenToDialogParent(handler: (message: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    Office.context.ui.addHandlerAsync(
      Office.EventType.DialogParentMessageReceived,
      (arg) => {
        const { message, origin } = arg as { message?: unknown; origin?: unknown };
        // Only the add-in's own pane may talk to its dialog; newer hosts say where a message came from.
        if (typeof origin === 'string' && origin !== window.location.origin) return;
        if (typeof message === 'string') handler(message);
      },
      (result) => {
        if (result.status === Office.AsyncResultStatus.Succeeded) resolve();
        else reject(new Error(result.error?.message ?? 'Outlook cannot pass messages to this window.'));
      },
    );
  });
}
