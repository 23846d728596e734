// Proved obligations, remembered on disk. The key is sha256 of (sha256 of the exact SMT text, the
// solver's name, its version), so a changed obligation or another solver build is proved again. Only
// `unsat` is stored. Each entry repeats its key and the hash of the text; an entry whose content
// does not match what is looked up (edited, truncated, copied under another name) is ignored.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256 } from './obligations.js';

interface Entry {
  readonly format: 1;
  readonly key: string;
  readonly smtHash: string;
  readonly solver: string;
  readonly version: string;
  readonly status: 'unsat';
}

export class ProofCache {
  /** hashes of texts already found proved by this instance (the kernel and the vacuity planning ask about the same texts) */
  private readonly provedHashes = new Set<string>();

  constructor(
    readonly dir: string,
    private readonly solverName: string,
    private readonly solverVersion: string,
  ) {}

  key(smt: string): string {
    return this.keyOfHash(sha256(smt));
  }

  /** the key of the text whose sha256 is `smtHash` (one pass over the text serves as its hash and its key) */
  private keyOfHash(smtHash: string): string {
    return sha256(`${smtHash}\u0000${this.solverName}\u0000${this.solverVersion}`);
  }

  private path(key: string): string {
    return join(this.dir, key.slice(0, 2), `${key}.json`);
  }

  /**
   * true only for an intact entry saying this exact text was unsat on this exact solver;
   * `smtHash` is sha256 of `smt` when the caller has it already
   */
  isProved(smt: string, smtHash?: string): boolean {
    const hash = smtHash ?? sha256(smt);
    if (this.provedHashes.has(hash)) return true;
    const key = this.keyOfHash(hash);
    let entry: Partial<Entry>;
    try {
      entry = JSON.parse(readFileSync(this.path(key), 'utf8')) as Partial<Entry>;
    } catch {
      return false;
    }
    const intact =
      entry.format === 1 &&
      entry.key === key &&
      entry.smtHash === hash &&
      entry.solver === this.solverName &&
      entry.version === this.solverVersion &&
      entry.status === 'unsat';
    if (intact) this.provedHashes.add(hash);
    return intact;
  }

  recordProved(smt: string): void {
    const smtHash = sha256(smt);
    const key = this.keyOfHash(smtHash);
    const entry: Entry = { format: 1, key, smtHash, solver: this.solverName, version: this.solverVersion, status: 'unsat' };
    const file = this.path(key);
    try {
      mkdirSync(join(this.dir, key.slice(0, 2)), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify(entry));
      renameSync(tmp, file);
    } catch {
      // a cache that cannot be written only costs time on the next run
    }
  }
}
