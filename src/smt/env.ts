// What an expression is encoded relative to, and the one error the encoder reports.
import type { QName } from '../ir/index.js';
import type { Span } from '../diagnostics/index.js';

export type Polarity = 'pos' | 'neg' | 'both';

export interface Env {
  /** the state an unprimed variable is read in (0 = current, 1 = next) */
  readonly state: number;
  /** where the formula sits relative to the goal: 'pos' in the goal, 'neg' in a hypothesis */
  readonly polarity: Polarity;
  /** inside a def body: that machine's variables are the def's extra parameters */
  readonly defMachine?: QName;
}

/** A construct that has no sound first-order encoding here; the obligation is not sent. */
export class Unencodable extends Error {
  constructor(
    message: string,
    readonly span: Span,
  ) {
    super(message);
  }
}
