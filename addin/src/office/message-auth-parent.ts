// The dialog side of the sign-in dialog: hands its one message to the task pane that opened it.
/** Sends `text` to the opener, only to the add-in's own origin where the host supports saying so. */
export function messageAuthParent(text: string): void {
  try {
    Office.context.ui.messageParent(text, { targetOrigin: window.location.origin });
  } catch {
    // Hosts without DialogOrigin 1.1 take no options; the dialog opened on our own origin anyway.
    Office.context.ui.messageParent(text);
  }
}
