import { randomBytes } from 'crypto';

export interface TokenRecord {
  token: string;
  clientId: string;
  orgUuid: string;
  scopes: string[];
  issuedAt: number;
  expiresAt: number;
  revoked: boolean;
}

export type TokenState = 'valid' | 'unknown' | 'expired' | 'revoked';

/** Upper bound on remembered tokens, so a long benchmark cannot grow memory without limit. */
const MAX_TOKENS = 50_000;

/** Opaque bearer tokens, like the STS issues; nothing about the caller can be read from one. */
export class TokenStore {
  private tokens = new Map<string, TokenRecord>();

  constructor(private readonly now: () => number) {}

  issue(clientId: string, orgUuid: string, scopes: string[], ttlSeconds: number): TokenRecord {
    const issuedAt = this.now();
    const rec: TokenRecord = {
      token: randomBytes(24).toString('hex'),
      clientId,
      orgUuid,
      scopes,
      issuedAt,
      expiresAt: issuedAt + ttlSeconds * 1000,
      revoked: false,
    };
    if (this.tokens.size >= MAX_TOKENS) {
      const oldest = this.tokens.keys().next().value;
      if (oldest !== undefined) {
        this.tokens.delete(oldest);
      }
    }
    this.tokens.set(rec.token, rec);
    return rec;
  }

  check(token: string): { state: TokenState; record?: TokenRecord } {
    const record = this.tokens.get(token);
    if (!record) {
      return { state: 'unknown' };
    }
    if (record.revoked) {
      return { state: 'revoked', record };
    }
    if (this.now() >= record.expiresAt) {
      return { state: 'expired', record };
    }
    return { state: 'valid', record };
  }

  /** RFC 7009: only the owning client may revoke; anything else is silently ignored. */
  revoke(token: string, clientId: string): void {
    const rec = this.tokens.get(token);
    if (rec && rec.clientId === clientId) {
      rec.revoked = true;
    }
  }

  revokeAll(): void {
    for (const rec of this.tokens.values()) {
      rec.revoked = true;
    }
  }

  all(): string[] {
    return [...this.tokens.keys()];
  }
}
