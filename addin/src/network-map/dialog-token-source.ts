// The dialog's access token: handed over by the pane with what to show, asked for again (one
// request at a time) when the API said it expired. The dialog never signs in by itself.
export interface DialogTokenSource {
  getAccessToken(): Promise<string>;
  /** After a 401: the next call asks the pane. */
  clear(): void;
  /** The pane's answer: a token, or why there is none. */
  receiveToken(token: string): void;
  receiveFailure(message: string): void;
}

export function createDialogTokenSource(options: { requestToken: () => void }): DialogTokenSource {
  let token: string | null = null;
  let waiting: { resolve: (token: string) => void; reject: (error: Error) => void }[] = [];
  return {
    getAccessToken() {
      if (token !== null) return Promise.resolve(token);
      return new Promise((resolve, reject) => {
        waiting.push({ resolve, reject });
        if (waiting.length === 1) options.requestToken();
      });
    },
    clear() {
      token = null;
    },
    receiveToken(next) {
      token = next;
      const answered = waiting;
      waiting = [];
      for (const waiter of answered) waiter.resolve(next);
    },
    receiveFailure(message) {
      const answered = waiting;
      waiting = [];
      for (const waiter of answered) waiter.reject(new Error(message));
    },
  };
}
