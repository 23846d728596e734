// The kspec grammar as a Chevrotain CstParser. One instance is built at load time and reused
// (`parser.input = tokens`). The CST is shared by the AST builder (src/syntax) and the formatter.
//
// Binary expressions are parsed flat (`operand (op operand)*`) and precedence is applied by the
// AST builder: the CST stays shallow (parsing a 10,000-line spec must be fast) and the formatter
// sees operators exactly as written. Elsewhere a choice either has a sub-rule per alternative or
// is told apart by a distinct token, so a CST consumer can see which alternative matched from the
// child's key alone.
import type { CstNode, CstNodeLocation, TokenType } from 'chevrotain';
import { CstParser } from './chevrotain.js';
import * as t from './tokens.js';
import { parserErrorMessages } from './messages.js';

/** Tokens that can begin an expression; decides whether `[]` is "always" or the empty sequence. */
const expressionStarts = new Set<TokenType>([
  t.Identifier, t.IntLiteral, t.StringLiteral, t.True, t.False, t.LParen, t.LBracket, t.Box, t.LCurly,
  t.Bang, t.Minus, t.Diamond, t.If, t.Let, t.Match, t.Forall, t.Exists,
]);

/** After `[] x`, these show that `x` begins the next item (`x' = e`, `C = e`, `k: v`, `P => e`), not an operand. */
const itemContinuations = new Set<TokenType>([t.Equals, t.FatArrow, t.Colon]);

/**
 * Chevrotain starts every node location at NaN, so V8 would store the location fields of every
 * node (one shared object shape) as boxed doubles: six extra heap objects per node for garbage
 * collection to copy. One location of that shape (the same keys in the same order) holding
 * non-numbers keeps the fields tagged, where the integer offsets, lines and columns written later
 * take no allocation. This changes memory and speed only, never a value.
 */
({
  startOffset: null,
  startLine: null,
  startColumn: null,
  endOffset: null,
  endLine: null,
  endColumn: null,
}) satisfies Record<keyof CstNodeLocation, null>;

export class KspecParser extends CstParser {
  /**
   * True while parsing the value of `let x = value in body`: a top-level `in` there ends the
   * value instead of being membership. Brackets and `if ... then` reset it.
   */
  private letValue = false;

  /**
   * `skipValidations`: leave out Chevrotain's checks of the grammar itself (ambiguities, left
   * recursion, bad rules), which find mistakes in this file, never in the input.
   */
  constructor(options: { readonly skipValidations?: boolean } = {}) {
    super(t.allTokens, {
      recoveryEnabled: true,
      nodeLocationTracking: 'full',
      maxLookahead: 3,
      errorMessageProvider: parserErrorMessages,
      skipValidations: options.skipValidations ?? false,
    });
    this.performSelfAnalysis();
    const keys = [...Object.keys(this.getGAstProductions()), ...t.allTokens.map((token) => token.name)];
    const clash = keys.find((key) => key in Object.prototype);
    if (clash !== undefined) throw new Error(`grammar name \`${clash}\` clashes with a property of Object.prototype`);
  }

  /** Chevrotain's tree-building state, used by `cstInvocationStateUpdate` below. */
  private declare readonly CST_STACK: CstNode[];
  private declare readonly setInitialNodeLocation: (node: CstNode) => void;

  /**
   * Replaces Chevrotain's node creation (called on entering a rule), which makes `children` with
   * `Object.create(null)` (V8 keeps such an object as a hash table, about three times the size of
   * a plain object and slower to read) and adds `location` after the node exists (which puts it
   * outside the object). A spec of 10,000 lines has 90,000 nodes. A plain object is as good as
   * long as no key is named like a property of `Object.prototype` (the constructor checks rule
   * and token names; the labels, `typeArgument`, `result` and `Decreases`, are not).
   */
  protected cstInvocationStateUpdate(ruleName: string): void {
    const node: CstNode = { name: ruleName, children: {}, location: undefined };
    this.setInitialNodeLocation(node);
    this.CST_STACK.push(node);
  }

  override reset(): void {
    super.reset();
    this.letValue = false;
  }

  private withLetValue(value: boolean, parse: () => void): void {
    const saved = this.letValue;
    this.letValue = value;
    try {
      parse();
    } finally {
      this.letValue = saved;
    }
  }

  private isAlways(): boolean {
    const next = this.LA(2).tokenType;
    if (!expressionStarts.has(next)) return false;
    if (next !== t.Identifier) return true;
    if (this.isExtendStart(2)) return false;
    const after = this.LA(3).tokenType;
    if (itemContinuations.has(after)) return false;
    return !(after === t.Prime && this.LA(4).tokenType === t.Equals);
  }

  private isContextual(word: string): boolean {
    const token = this.LA(1);
    return token.tokenType === t.Identifier && token.image === word;
  }

  /** `chain {` or `chain within` ahead: a chain proof rather than a justification named `chain`. */
  private isChainStart(): boolean {
    if (!this.isContextual('chain')) return false;
    const next = this.LA(2);
    return next.tokenType === t.LCurly || (next.tokenType === t.Identifier && next.image === 'within');
  }

  /**
   * `extend a.b {` from the k-th token on: an extension block, the next declaration. No expression
   * has a name followed by a name, so after `[]` this cannot be an operand.
   */
  private isExtendStart(k: number): boolean {
    const word = this.LA(k);
    if (word.tokenType !== t.Identifier || word.image !== 'extend' || this.LA(k + 1).tokenType !== t.Identifier) return false;
    let i = k + 2;
    while (this.LA(i).tokenType === t.Dot && this.LA(i + 1).tokenType === t.Identifier) i += 2;
    return this.LA(i).tokenType === t.LCurly;
  }

  /** `Path |=` ahead: the theorem names the machine it is about. */
  private isMachineTarget(): boolean {
    let k = 1;
    if (this.LA(k).tokenType !== t.Identifier) return false;
    k++;
    while (this.LA(k).tokenType === t.Dot && this.LA(k + 1).tokenType === t.Identifier) k += 2;
    return this.LA(k).tokenType === t.Satisfies;
  }

  // -------------------------------------------------------------------------------------------
  // Module structure

  public readonly module = this.RULE('module', () => {
    this.SUBRULE(this.moduleHeader);
    this.MANY(() => {
      this.OR([{ ALT: () => this.SUBRULE(this.importDecl) }, { ALT: () => this.CONSUME(t.Semicolon) }]);
    });
    this.MANY2({
      // of the names, only `extend` starts a declaration: error recovery skips any other one
      GATE: () => this.LA(1).tokenType !== t.Identifier || this.isContextual('extend'),
      DEF: () => {
        this.OR2([{ ALT: () => this.SUBRULE(this.declaration) }, { ALT: () => this.CONSUME2(t.Semicolon) }]);
      },
    });
  });

  public readonly moduleHeader = this.RULE('moduleHeader', () => {
    this.CONSUME(t.Module);
    this.SUBRULE(this.path);
  });

  public readonly importDecl = this.RULE('importDecl', () => {
    this.CONSUME(t.Import);
    this.SUBRULE(this.path);
    this.OPTION(() => {
      this.CONSUME(t.As);
      this.CONSUME(t.Identifier);
    });
  });

  public readonly path = this.RULE('path', () => {
    this.CONSUME(t.Identifier);
    this.MANY(() => {
      this.CONSUME(t.Dot);
      this.CONSUME2(t.Identifier);
    });
  });

  private readonly declarationAlternatives = [
    { ALT: () => this.SUBRULE(this.enumDecl) },
    { ALT: () => this.SUBRULE(this.recordDecl) },
    { ALT: () => this.SUBRULE(this.typeDecl) },
    { ALT: () => this.SUBRULE(this.constDecl) },
    { ALT: () => this.SUBRULE(this.assumeDecl) },
    { ALT: () => this.SUBRULE(this.defDecl) },
    { ALT: () => this.SUBRULE(this.machineDecl) },
    { ALT: () => this.SUBRULE(this.theoremDecl) },
    { ALT: () => this.SUBRULE(this.modelDecl) },
    { ALT: () => this.SUBRULE(this.instanceDecl) },
    { GATE: () => this.isContextual('extend'), ALT: () => this.SUBRULE(this.extendDecl) },
  ];

  public readonly declaration = this.RULE('declaration', () => {
    this.OR(this.declarationAlternatives);
  });

  // -------------------------------------------------------------------------------------------
  // Declarations

  public readonly enumDecl = this.RULE('enumDecl', () => {
    this.CONSUME(t.Enum);
    this.CONSUME(t.Identifier);
    this.CONSUME(t.LCurly);
    this.MANY(() => {
      this.SUBRULE(this.ctorDecl);
      this.OPTION(() => this.SUBRULE(this.separator));
    });
    this.CONSUME(t.RCurly);
  });

  /** `,` or `;` between items; newlines separate them too (they are not tokens). */
  public readonly separator = this.RULE('separator', () => {
    this.OR([{ ALT: () => this.CONSUME(t.Comma) }, { ALT: () => this.CONSUME(t.Semicolon) }]);
  });

  public readonly ctorDecl = this.RULE('ctorDecl', () => {
    this.CONSUME(t.Identifier);
    this.OPTION(() => {
      this.CONSUME(t.LParen);
      this.SUBRULE(this.paramList);
      this.CONSUME(t.RParen);
    });
  });

  public readonly paramList = this.RULE('paramList', () => {
    this.MANY_SEP({ SEP: t.Comma, DEF: () => this.SUBRULE(this.param) });
  });

  public readonly param = this.RULE('param', () => {
    this.CONSUME(t.Identifier);
    this.CONSUME(t.Colon);
    this.SUBRULE(this.type);
  });

  public readonly recordDecl = this.RULE('recordDecl', () => {
    this.CONSUME(t.Record);
    this.CONSUME(t.Identifier);
    this.CONSUME(t.LCurly);
    this.MANY(() => {
      this.SUBRULE(this.param);
      this.OPTION(() => this.SUBRULE(this.separator));
    });
    this.CONSUME(t.RCurly);
  });

  public readonly typeDecl = this.RULE('typeDecl', () => {
    this.CONSUME(t.Type);
    this.CONSUME(t.Identifier);
    this.OPTION(() => {
      this.CONSUME(t.Equals);
      this.SUBRULE(this.type);
    });
  });

  public readonly constDecl = this.RULE('constDecl', () => {
    this.CONSUME(t.Const);
    this.CONSUME(t.Identifier);
    this.CONSUME(t.Colon);
    this.SUBRULE(this.type);
  });

  public readonly assumeDecl = this.RULE('assumeDecl', () => {
    this.CONSUME(t.Assume);
    this.OPTION({
      GATE: () => this.LA(2).tokenType === t.Colon,
      DEF: () => {
        this.CONSUME(t.Identifier);
        this.CONSUME(t.Colon);
      },
    });
    this.SUBRULE(this.expression);
  });

  public readonly defDecl = this.RULE('defDecl', () => {
    this.CONSUME(t.Def);
    this.CONSUME(t.Identifier);
    this.OPTION(() => {
      this.CONSUME(t.LParen);
      this.SUBRULE(this.paramList);
      this.CONSUME(t.RParen);
    });
    this.CONSUME(t.Colon);
    this.SUBRULE(this.type);
    this.OPTION2({ GATE: () => this.isContextual('decreases'), DEF: () => this.SUBRULE(this.decreasesClause) });
    this.OPTION3(() => {
      this.CONSUME(t.Equals);
      this.SUBRULE(this.expression);
    });
  });

  /** `decreases e`; `decreases` is contextual (an Identifier whose image the caller checked). */
  public readonly decreasesClause = this.RULE('decreasesClause', () => {
    this.CONSUME(t.Identifier, { LABEL: 'Decreases' });
    this.SUBRULE(this.expression);
  });

  /**
   * `extend M { def ... }`: state-level defs of a machine declared elsewhere, declared in this
   * module. `extend` is contextual: elsewhere it is an ordinary name.
   */
  public readonly extendDecl = this.RULE('extendDecl', () => {
    this.CONSUME(t.Identifier, { LABEL: 'Extend' });
    this.SUBRULE(this.path);
    this.CONSUME(t.LCurly);
    this.MANY(() => {
      this.SUBRULE(this.defDecl);
      this.OPTION(() => this.CONSUME(t.Semicolon));
    });
    this.CONSUME(t.RCurly);
  });

  public readonly machineDecl = this.RULE('machineDecl', () => {
    this.CONSUME(t.Machine);
    this.CONSUME(t.Identifier);
    this.CONSUME(t.LCurly);
    this.MANY(() => {
      this.SUBRULE(this.machineItem);
      this.OPTION(() => this.CONSUME(t.Semicolon));
    });
    this.CONSUME(t.RCurly);
  });

  private readonly machineItemAlternatives = [
    { ALT: () => this.SUBRULE(this.varDecl) },
    { ALT: () => this.SUBRULE(this.initDecl) },
    { ALT: () => this.SUBRULE(this.actionDecl) },
    { ALT: () => this.SUBRULE(this.fairDecl) },
    { ALT: () => this.SUBRULE(this.defDecl) },
  ];

  public readonly machineItem = this.RULE('machineItem', () => {
    this.OR(this.machineItemAlternatives);
  });

  public readonly varDecl = this.RULE('varDecl', () => {
    this.CONSUME(t.Var);
    this.CONSUME(t.Identifier);
    this.CONSUME(t.Colon);
    this.SUBRULE(this.type);
  });

  public readonly initDecl = this.RULE('initDecl', () => {
    this.CONSUME(t.Init);
    this.CONSUME(t.LCurly);
    this.withLetValue(false, () => this.SUBRULE(this.expression));
    this.CONSUME(t.RCurly);
  });

  public readonly actionDecl = this.RULE('actionDecl', () => {
    this.CONSUME(t.Action);
    this.CONSUME(t.Identifier);
    this.OPTION(() => {
      this.CONSUME(t.LParen);
      this.MANY_SEP({ SEP: t.Comma, DEF: () => this.SUBRULE(this.actionParam) });
      this.CONSUME(t.RParen);
    });
    this.CONSUME(t.LCurly);
    this.MANY(() => {
      this.SUBRULE(this.actionItem);
      this.OPTION2(() => this.CONSUME(t.Semicolon));
    });
    this.CONSUME(t.RCurly);
  });

  /** `k: Int in 0..LIMIT`, `j in S`, `z: T` */
  public readonly actionParam = this.RULE('actionParam', () => {
    this.CONSUME(t.Identifier);
    this.OPTION(() => {
      this.CONSUME(t.Colon);
      this.SUBRULE(this.type);
    });
    this.OPTION2(() => {
      this.CONSUME(t.In);
      this.SUBRULE(this.expression);
    });
  });

  public readonly actionItem = this.RULE('actionItem', () => {
    this.OR([{ ALT: () => this.SUBRULE(this.requireStmt) }, { ALT: () => this.SUBRULE(this.assignStmt) }]);
  });

  public readonly requireStmt = this.RULE('requireStmt', () => {
    this.CONSUME(t.Require);
    this.SUBRULE(this.expression);
  });

  public readonly assignStmt = this.RULE('assignStmt', () => {
    this.CONSUME(t.Identifier);
    this.CONSUME(t.Prime);
    this.CONSUME(t.Equals);
    this.SUBRULE(this.expression);
  });

  public readonly fairDecl = this.RULE('fairDecl', () => {
    this.CONSUME(t.Fair);
    this.OR([{ ALT: () => this.CONSUME(t.Weak) }, { ALT: () => this.CONSUME(t.Strong) }]);
    this.CONSUME(t.Identifier);
    this.OPTION(() => this.SUBRULE(this.argumentList));
  });

  /**
   * `( a, *, b )`: call arguments, where `*` means "every value" (wildcardArg). Children
   * `expression[]` and `Star[]`; merge by offset when both occur.
   */
  public readonly argumentList = this.RULE('argumentList', () => {
    this.CONSUME(t.LParen);
    this.withLetValue(false, () => {
      this.MANY_SEP({
        SEP: t.Comma,
        DEF: () => this.OR([{ ALT: () => this.CONSUME(t.Star) }, { ALT: () => this.SUBRULE(this.expression) }]),
      });
    });
    this.CONSUME(t.RParen);
  });

  public readonly theoremDecl = this.RULE('theoremDecl', () => {
    this.OR([{ ALT: () => this.CONSUME(t.Theorem) }, { ALT: () => this.CONSUME(t.Lemma) }]);
    this.CONSUME(t.Identifier);
    this.OPTION(() => {
      this.CONSUME(t.LParen);
      this.SUBRULE(this.paramList);
      this.CONSUME(t.RParen);
    });
    this.CONSUME(t.Colon);
    this.OPTION2({ GATE: () => this.isMachineTarget(), DEF: () => this.SUBRULE(this.machineTarget) });
    this.SUBRULE(this.expression);
    this.OPTION3(() => this.SUBRULE(this.proof));
  });

  /** `M |=` */
  public readonly machineTarget = this.RULE('machineTarget', () => {
    this.SUBRULE(this.path);
    this.CONSUME(t.Satisfies);
  });

  /** `proof by J`, `proof { ... }`, or (after `have`) just `by J` */
  public readonly proof = this.RULE('proof', () => {
    this.OR({
      ERR_MSG: '`by` or `proof`',
      DEF: [
        {
          ALT: () => {
            this.CONSUME(t.Proof);
            this.OR2({
              ERR_MSG: '`by` or a proof block `{ have ... qed ... }`',
              DEF: [{ ALT: () => this.SUBRULE(this.byProof) }, { ALT: () => this.SUBRULE(this.stepsProof) }],
            });
          },
        },
        { ALT: () => this.SUBRULE2(this.byProof) },
      ],
    });
  });

  public readonly byProof = this.RULE('byProof', () => {
    this.CONSUME(t.By);
    this.OR([
      { GATE: () => this.isChainStart(), ALT: () => this.SUBRULE(this.chainProof) },
      { ALT: () => this.SUBRULE(this.justification) },
    ]);
  });

  /**
   * `chain [within C] { J0 (~> W by J)* }`: a leads-to chain through waypoints W, each link with
   * its justification. `chain` and `within` are contextual: elsewhere they are ordinary names.
   */
  public readonly chainProof = this.RULE('chainProof', () => {
    this.CONSUME(t.Identifier, { LABEL: 'Chain' });
    this.OPTION({
      GATE: () => this.isContextual('within'),
      DEF: () => {
        this.CONSUME2(t.Identifier, { LABEL: 'Within' });
        this.SUBRULE(this.expression);
      },
    });
    this.CONSUME(t.LCurly);
    this.SUBRULE(this.justification);
    this.MANY(() => this.SUBRULE(this.chainWaypoint));
    this.CONSUME(t.RCurly);
  });

  public readonly chainWaypoint = this.RULE('chainWaypoint', () => {
    this.CONSUME(t.LeadsTo);
    this.SUBRULE(this.expression);
    this.CONSUME(t.By);
    this.SUBRULE(this.justification);
  });

  public readonly justification = this.RULE('justification', () => {
    this.SUBRULE(this.path);
    this.OPTION(() => this.SUBRULE(this.argumentList));
    this.OPTION2(() => {
      this.CONSUME(t.Using);
      this.AT_LEAST_ONE_SEP({ SEP: t.Comma, DEF: () => this.SUBRULE2(this.path) });
    });
  });

  public readonly stepsProof = this.RULE('stepsProof', () => {
    this.CONSUME(t.LCurly);
    this.MANY(() => {
      this.SUBRULE(this.haveStep);
      this.OPTION(() => this.CONSUME(t.Semicolon));
    });
    this.SUBRULE(this.qedStep);
    this.OPTION2(() => this.CONSUME2(t.Semicolon));
    this.CONSUME(t.RCurly);
  });

  public readonly haveStep = this.RULE('haveStep', () => {
    this.CONSUME(t.Have);
    this.CONSUME(t.Identifier);
    this.CONSUME(t.Colon);
    this.SUBRULE(this.expression);
    this.SUBRULE(this.proof);
  });

  public readonly qedStep = this.RULE('qedStep', () => {
    this.CONSUME(t.Qed);
    this.CONSUME(t.By);
    this.SUBRULE(this.justification);
  });

  public readonly modelDecl = this.RULE('modelDecl', () => {
    this.CONSUME(t.Model);
    this.CONSUME(t.Identifier);
    this.CONSUME(t.Of);
    this.SUBRULE(this.path);
    this.CONSUME(t.LCurly);
    this.MANY(() => {
      this.OR([
        { ALT: () => this.SUBRULE(this.modelBinding) },
        { ALT: () => this.SUBRULE(this.modelProperty) },
        { ALT: () => this.SUBRULE(this.modelCheck) },
      ]);
      this.OPTION(() => this.CONSUME(t.Semicolon));
    });
    this.CONSUME(t.RCurly);
  });

  public readonly modelBinding = this.RULE('modelBinding', () => {
    this.CONSUME(t.Identifier);
    this.CONSUME(t.Equals);
    this.SUBRULE(this.expression);
  });

  /** `check NAME: F`: a property only the model checker checks (a claim about the bounded model, not a theorem) */
  public readonly modelProperty = this.RULE('modelProperty', () => {
    this.CONSUME(t.Check);
    this.CONSUME(t.Identifier);
    this.CONSUME(t.Colon);
    this.SUBRULE(this.expression);
  });

  public readonly modelCheck = this.RULE('modelCheck', () => {
    this.CONSUME(t.Check);
    this.AT_LEAST_ONE_SEP({ SEP: t.Comma, DEF: () => this.SUBRULE(this.path) });
  });

  public readonly instanceDecl = this.RULE('instanceDecl', () => {
    this.CONSUME(t.Instance);
    this.CONSUME(t.Identifier);
    this.CONSUME(t.Equals);
    this.SUBRULE(this.path);
    this.CONSUME(t.LCurly);
    this.MANY(() => {
      this.OR([
        { ALT: () => this.SUBRULE(this.instanceType) },
        { ALT: () => this.SUBRULE(this.instanceDef) },
        { ALT: () => this.SUBRULE(this.instanceConst) },
      ]);
      this.OPTION(() => this.SUBRULE(this.separator));
    });
    this.CONSUME(t.RCurly);
  });

  public readonly instanceType = this.RULE('instanceType', () => {
    this.CONSUME(t.Type);
    this.CONSUME(t.Identifier);
    this.CONSUME(t.Equals);
    this.SUBRULE(this.type);
  });

  public readonly instanceDef = this.RULE('instanceDef', () => {
    this.CONSUME(t.Def);
    this.CONSUME(t.Identifier);
    this.CONSUME(t.Equals);
    this.SUBRULE(this.path);
  });

  public readonly instanceConst = this.RULE('instanceConst', () => {
    this.CONSUME(t.Const);
    this.CONSUME(t.Identifier);
    this.CONSUME(t.Equals);
    this.SUBRULE(this.expression);
  });

  // -------------------------------------------------------------------------------------------
  // Types

  /**
   * `Int`, `m.T`, `Seq<T>`, `Map<K, V>`, `(A, B)`, `A -> B` (right-associative; `(A, B) -> C` takes
   * the parenthesised types as parameters). A named type's path is inlined (`Identifier`/`Dot`
   * tokens) to keep the CST small; its arguments are labelled `typeArgument`, an arrow's result `result`.
   */
  public readonly type = this.RULE('type', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(t.Identifier);
          this.MANY(() => {
            this.CONSUME(t.Dot);
            this.CONSUME2(t.Identifier);
          });
          this.OPTION(() => {
            this.CONSUME(t.Less);
            this.AT_LEAST_ONE_SEP({ SEP: t.Comma, DEF: () => this.SUBRULE(this.type, { LABEL: 'typeArgument' }) });
            this.CONSUME(t.Greater);
          });
        },
      },
      { ALT: () => this.SUBRULE(this.tupleType) },
    ]);
    this.OPTION2(() => {
      this.CONSUME(t.Arrow);
      this.SUBRULE2(this.type, { LABEL: 'result' });
    });
  });

  /** `(A, B)`, `(A)` (just A), or `()` / `(A, B)` before `->` */
  public readonly tupleType = this.RULE('tupleType', () => {
    this.CONSUME(t.LParen);
    this.MANY_SEP({ SEP: t.Comma, DEF: () => this.SUBRULE(this.type) });
    this.CONSUME(t.RParen);
  });

  // -------------------------------------------------------------------------------------------
  // Expressions

  /**
   * A flat chain `operand (BinaryOperator operand)*`; the AST builder applies precedence.
   * Children: `operand[]` and `BinaryOperator[]` (every binary operator, including `in` and `is`;
   * read `.image`), alternating. For `e is C` the right operand is `C` (a constructor path).
   */
  public readonly expression = this.RULE('expression', () => {
    this.SUBRULE(this.operand);
    this.MANY(this.binaryTail);
  });

  private readonly binaryTail = {
    GATE: () => !(this.letValue && this.LA(1).tokenType === t.In),
    DEF: () => {
      this.CONSUME(t.BinaryOperator);
      this.SUBRULE2(this.operand);
    },
  };

  private readonly primaryAlternatives = [
    {
      // `Map {` starts a map literal. Checking that here, instead of in a gated alternative of its
      // own, keeps this choice LL(1): Chevrotain then picks the alternative with one table lookup.
      ALT: () => {
        this.CONSUME(t.Identifier);
        this.OPTION(this.mapLiteral);
      },
    },
    { ALT: () => this.CONSUME(t.IntLiteral) },
    { ALT: () => this.CONSUME(t.StringLiteral) },
    { ALT: () => this.CONSUME(t.True) },
    { ALT: () => this.CONSUME(t.False) },
    { ALT: () => this.CONSUME(t.Box) },
    { ALT: () => this.SUBRULE(this.parenExpression) },
    { ALT: () => this.SUBRULE(this.seqExpression) },
    { ALT: () => this.SUBRULE(this.braceExpression) },
    { ALT: () => this.SUBRULE(this.ifExpression) },
    { ALT: () => this.SUBRULE(this.letExpression) },
    { ALT: () => this.SUBRULE(this.matchExpression) },
    { ALT: () => this.SUBRULE(this.quantifierExpression) },
  ];

  /**
   * Prefix operators, one primary, then postfix operators, all in one rule to keep the CST shallow
   * (this is the most frequent node). The prefix tokens (key `PrefixOperator`) and the
   * `postfixOperator` nodes are each in source order. The primary is exactly one of: `Identifier`
   * (followed by a `mapExpression` `{ ... }` when it is `Map`), `IntLiteral`, `StringLiteral`,
   * `True`, `False`, `Box` (the empty sequence), parenExpression, seqExpression, braceExpression,
   * ifExpression, letExpression, matchExpression or quantifierExpression.
   */
  public readonly operand = this.RULE('operand', () => {
    this.MANY(this.prefixRepetition);
    this.OR(this.primaryChoice);
    this.MANY2(this.postfixRepetition);
  });

  private readonly prefixRepetition = {
    GATE: () => this.LA(1).tokenType !== t.Box || this.isAlways(),
    DEF: () => this.CONSUME(t.PrefixOperator),
  };

  private readonly mapLiteral = {
    GATE: () => this.LA(1).tokenType === t.LCurly && this.LA(0).image === 'Map',
    DEF: () => this.SUBRULE(this.mapExpression),
  };

  private readonly primaryChoice = { DEF: this.primaryAlternatives, ERR_MSG: 'an expression' };

  /** `{` continues an operand only as a record literal, `R { f: ... }` */
  private readonly postfixRepetition = {
    GATE: () =>
      this.LA(1).tokenType !== t.LCurly || (this.LA(2).tokenType === t.Identifier && this.LA(3).tokenType === t.Colon),
    DEF: () => this.SUBRULE(this.postfixOperator),
  };

  private readonly postfixAlternatives = [
    {
      ALT: () => {
        this.CONSUME(t.Dot);
        this.OR2([{ ALT: () => this.CONSUME(t.Identifier) }, { ALT: () => this.CONSUME(t.IntLiteral) }]);
      },
    },
    { ALT: () => this.SUBRULE(this.argumentList) },
    {
      ALT: () => {
        this.CONSUME(t.LBracket);
        this.withLetValue(false, () => this.SUBRULE(this.expression));
        this.CONSUME(t.RBracket);
      },
    },
    { ALT: () => this.CONSUME(t.Prime) },
    {
      ALT: () => {
        this.CONSUME(t.LCurly);
        this.SUBRULE(this.fieldInits);
        this.CONSUME(t.RCurly);
      },
    },
  ];

  /**
   * One suffix, told apart by its first child: `Dot` (`.f`, `.0`), `argumentList` (a call),
   * `LBracket` (`[i]`), `Prime` (`'`), or `LCurly` (a record literal `R { f: 1 }`).
   */
  public readonly postfixOperator = this.RULE('postfixOperator', () => {
    this.OR(this.postfixAlternatives);
  });

  /** `f: e, g: e` (commas optional between lines) */
  public readonly fieldInits = this.RULE('fieldInits', () => {
    this.withLetValue(false, () => {
      this.AT_LEAST_ONE(() => {
        this.SUBRULE(this.fieldInit);
        this.OPTION(() => this.CONSUME(t.Comma));
      });
    });
  });

  public readonly fieldInit = this.RULE('fieldInit', () => {
    this.CONSUME(t.Identifier);
    this.CONSUME(t.Colon);
    this.SUBRULE(this.expression);
  });

  /** `(e)`, or a tuple `(a, b)` */
  public readonly parenExpression = this.RULE('parenExpression', () => {
    this.CONSUME(t.LParen);
    this.withLetValue(false, () => {
      this.AT_LEAST_ONE_SEP({ SEP: t.Comma, DEF: () => this.SUBRULE(this.expression) });
    });
    this.CONSUME(t.RParen);
  });

  /** `[a, b]`, `[ ]` */
  public readonly seqExpression = this.RULE('seqExpression', () => {
    this.CONSUME(t.LBracket);
    this.withLetValue(false, () => {
      this.MANY_SEP({ SEP: t.Comma, DEF: () => this.SUBRULE(this.expression) });
    });
    this.CONSUME(t.RBracket);
  });

  /** `{}`, `{a, b}`, `{ x in S where P }`, `{ e for x in S }`, `{ e with f: v }` */
  public readonly braceExpression = this.RULE('braceExpression', () => {
    this.CONSUME(t.LCurly);
    this.withLetValue(false, () => {
      this.OPTION(() => {
        this.SUBRULE(this.expression);
        this.OR([
          { ALT: () => this.SUBRULE(this.filterTail) },
          { ALT: () => this.SUBRULE(this.imageTail) },
          { ALT: () => this.SUBRULE(this.withTail) },
          { ALT: () => this.SUBRULE(this.setTail) },
        ]);
      });
    });
    this.CONSUME(t.RCurly);
  });

  public readonly filterTail = this.RULE('filterTail', () => {
    this.CONSUME(t.Where);
    this.SUBRULE(this.expression);
  });

  public readonly imageTail = this.RULE('imageTail', () => {
    this.CONSUME(t.For);
    this.SUBRULE(this.binderList);
  });

  public readonly withTail = this.RULE('withTail', () => {
    this.CONSUME(t.With);
    this.SUBRULE(this.fieldInits);
  });

  /** the rest of a set literal after its first element (possibly nothing) */
  public readonly setTail = this.RULE('setTail', () => {
    this.MANY(() => {
      this.CONSUME(t.Comma);
      this.SUBRULE(this.expression);
    });
  });

  /** the `{}`, `{ k: v, ... }` or `{ x in S => e }` after `Map` */
  public readonly mapExpression = this.RULE('mapExpression', () => {
    this.CONSUME(t.LCurly);
    this.withLetValue(false, () => {
      this.OPTION(() => {
        this.SUBRULE(this.expression);
        this.OR([{ ALT: () => this.SUBRULE(this.mapEntriesTail) }, { ALT: () => this.SUBRULE(this.mapComprehensionTail) }]);
      });
    });
    this.CONSUME(t.RCurly);
  });

  /** `: v` for the first key, then `, k: v` ... */
  public readonly mapEntriesTail = this.RULE('mapEntriesTail', () => {
    this.CONSUME(t.Colon);
    this.SUBRULE(this.expression);
    this.MANY(() => {
      this.CONSUME(t.Comma);
      this.SUBRULE(this.mapEntry);
    });
  });

  public readonly mapEntry = this.RULE('mapEntry', () => {
    this.SUBRULE(this.expression);
    this.CONSUME(t.Colon);
    this.SUBRULE2(this.expression);
  });

  public readonly mapComprehensionTail = this.RULE('mapComprehensionTail', () => {
    this.CONSUME(t.FatArrow);
    this.SUBRULE(this.expression);
  });

  public readonly ifExpression = this.RULE('ifExpression', () => {
    this.CONSUME(t.If);
    this.withLetValue(false, () => {
      this.SUBRULE(this.expression);
      this.CONSUME(t.Then);
      this.SUBRULE2(this.expression);
    });
    this.CONSUME(t.Else);
    this.SUBRULE3(this.expression);
  });

  public readonly letExpression = this.RULE('letExpression', () => {
    this.CONSUME(t.Let);
    this.CONSUME(t.Identifier);
    this.OPTION(() => {
      this.CONSUME(t.Colon);
      this.SUBRULE(this.type);
    });
    this.CONSUME(t.Equals);
    this.withLetValue(true, () => this.SUBRULE(this.expression));
    this.CONSUME(t.In);
    this.SUBRULE2(this.expression);
  });

  public readonly matchExpression = this.RULE('matchExpression', () => {
    this.CONSUME(t.Match);
    this.SUBRULE(this.expression);
    this.CONSUME(t.LCurly);
    this.withLetValue(false, () => {
      this.MANY(() => {
        this.SUBRULE(this.matchArm);
        this.OPTION(() => this.SUBRULE(this.separator));
      });
    });
    this.CONSUME(t.RCurly);
  });

  public readonly matchArm = this.RULE('matchArm', () => {
    this.SUBRULE(this.pattern);
    this.CONSUME(t.FatArrow);
    this.SUBRULE(this.expression);
  });

  /** `_`, `C`, `C(x, _)`, `m.C(x)` */
  public readonly pattern = this.RULE('pattern', () => {
    this.SUBRULE(this.path);
    this.OPTION(() => {
      this.CONSUME(t.LParen);
      this.MANY_SEP({ SEP: t.Comma, DEF: () => this.CONSUME(t.Identifier) });
      this.CONSUME(t.RParen);
    });
  });

  public readonly quantifierExpression = this.RULE('quantifierExpression', () => {
    this.OR([{ ALT: () => this.CONSUME(t.Forall) }, { ALT: () => this.CONSUME(t.Exists) }]);
    this.SUBRULE(this.binderList);
    this.CONSUME(t.DoubleColon);
    this.SUBRULE(this.expression);
  });

  /** `x: T`, `x, y in S`, `x in S, y: T` */
  public readonly binderList = this.RULE('binderList', () => {
    this.AT_LEAST_ONE_SEP({ SEP: t.Comma, DEF: () => this.SUBRULE(this.binderGroup) });
  });

  public readonly binderGroup = this.RULE('binderGroup', () => {
    this.CONSUME(t.Identifier);
    this.MANY(() => {
      this.CONSUME(t.Comma);
      this.CONSUME2(t.Identifier);
    });
    this.OR([
      {
        ALT: () => {
          this.CONSUME(t.Colon);
          this.SUBRULE(this.type);
          this.OPTION(() => {
            this.CONSUME(t.In);
            this.SUBRULE(this.expression);
          });
        },
      },
      {
        ALT: () => {
          this.CONSUME2(t.In);
          this.SUBRULE2(this.expression);
        },
      },
    ]);
  });
}

/**
 * The one parser instance; set `input` before calling a rule. It is built on every start of
 * `kproof`, so without the grammar's validations; test/syntax/grammar.test.ts runs them.
 */
export const kspecParser = new KspecParser({ skipValidations: true });

/** The grammar's productions, for railroad diagrams. */
export function serializedProductions(): ReturnType<KspecParser['getSerializedGastProductions']> {
  return kspecParser.getSerializedGastProductions();
}

