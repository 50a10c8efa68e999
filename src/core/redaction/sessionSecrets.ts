/**
 * The exact secrets of the sessions of this extension host (secret access keys, session tokens, request
 * signatures), registered once credentials resolve and once a request is signed. Redaction removes them
 * wherever they appear, whatever surrounds them: that is what makes a bare secret in a message recognisable
 * without guessing from the shape of words.
 */
export class SessionSecrets {
  private readonly secrets = new Set<string>();

  /** Shorter values could be ordinary words: they are not kept (real keys, tokens and signatures are longer). */
  static readonly MIN_LENGTH = 12;

  constructor(private readonly capacity = 256) {}

  register(...values: ReadonlyArray<string | undefined>): void {
    for (const value of values) {
      if (!value || value.length < SessionSecrets.MIN_LENGTH) continue;
      for (const form of new Set([value, encodeURIComponent(value)])) {
        this.secrets.delete(form);
        this.secrets.add(form);
      }
    }
    // The oldest go first: signatures are new with every request, keys and tokens are registered again on use.
    for (const oldest of this.secrets) {
      if (this.secrets.size <= this.capacity) break;
      this.secrets.delete(oldest);
    }
  }

  /** Longest first, so a secret that contains another is removed whole. */
  list(): string[] {
    return [...this.secrets].sort((a, b) => b.length - a.length);
  }

  clear(): void {
    this.secrets.clear();
  }
}

/** The registry every log line and message of this extension host is redacted against. */
export const sessionSecrets = new SessionSecrets();
