/** A listener's registration: dispose() stops the calls. vscode.Disposable has the same shape. */
export interface Subscription {
  dispose(): void;
}

/** Subscribes a listener; the shape of vscode.Event, so views can take either. */
export type Listen<T> = (listener: (value: T) => unknown, thisArgs?: unknown, disposables?: Subscription[]) => Subscription;

/** A small typed event emitter for code that must not depend on vscode (vscode.EventEmitter's shape). */
export class Emitter<T> {
  private listeners: Array<(value: T) => unknown> = [];

  readonly event: Listen<T> = (listener, thisArgs, disposables) => {
    const bound = thisArgs === undefined ? listener : listener.bind(thisArgs);
    this.listeners.push(bound);
    const subscription = { dispose: () => { this.listeners = this.listeners.filter((candidate) => candidate !== bound); } };
    disposables?.push(subscription);
    return subscription;
  };

  /** Calls every listener; one that throws does not keep the others from being called. */
  fire(value: T): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(value);
      } catch {
        // A listener's failure is its own; the event still reaches the others.
      }
    }
  }

  dispose(): void {
    this.listeners = [];
  }
}
