// Obligations of every kind kproof produces, with the verdict both back ends must give.
export interface CorpusEntry {
  readonly name: string;
  readonly smt: string;
  readonly expect: 'sat' | 'unsat';
}

const OPT = `(declare-datatypes ((|Opt<Int>| 0)) (((|Opt<Int>:None|) (|Opt<Int>:Some| (|Opt<Int>:val| Int)))))`;

export const CORPUS: readonly CorpusEntry[] = [
  { name: 'lia unsat', expect: 'unsat', smt: '(declare-const x Int) (assert (> x 3)) (assert (< x 2))' },
  { name: 'lia sat', expect: 'sat', smt: '(declare-const x Int) (assert (> x 3)) (assert (< x 5))' },
  {
    name: 'counter invariant preserved',
    expect: 'unsat',
    smt: '(declare-const n Int) (declare-const n2 Int) (declare-const L Int) (assert (and (<= 0 n) (<= n L))) (assert (< n L)) (assert (= n2 (+ n 1))) (assert (not (and (<= 0 n2) (<= n2 L))))',
  },
  {
    name: 'euclidean division',
    expect: 'unsat',
    smt: '(assert (not (and (= (div (- 7) 2) (- 4)) (= (mod (- 7) 2) 1) (= (div 7 (- 2)) (- 3)) (= (mod 7 (- 2)) 1))))',
  },
  {
    name: 'datatype record and enum',
    expect: 'unsat',
    smt: `(declare-datatypes ((|E:m.Mode| 0) (|R:m.S| 0)) (((|E:m.Mode:c:Up|) (|E:m.Mode:c:Down| (|E:m.Mode:c:Down:why| Int))) ((|R:m.S:mk| (|R:m.S:f:mode| |E:m.Mode|) (|R:m.S:f:n| Int)))))
(declare-const s |R:m.S|)
(assert ((_ is |E:m.Mode:c:Down|) (|R:m.S:f:mode| s)))
(assert (= (|R:m.S:f:mode| s) |E:m.Mode:c:Up|))`,
  },
  {
    name: 'recursive datatype',
    expect: 'sat',
    smt: `(declare-datatypes ((|E:m.L| 0)) (((|E:m.L:c:Nil|) (|E:m.L:c:Cons| (|E:m.L:c:Cons:h| Int) (|E:m.L:c:Cons:t| |E:m.L|)))))
(declare-const l |E:m.L|) (assert ((_ is |E:m.L:c:Cons|) (|E:m.L:c:Cons:t| l)))`,
  },
  {
    name: 'array map store',
    expect: 'unsat',
    smt: `${OPT} (declare-const m (Array Int |Opt<Int>|)) (declare-const k Int)
(assert (not (= (select (store m k (|Opt<Int>:Some| 3)) k) (|Opt<Int>:Some| 3))))`,
  },
  {
    name: 'array map sat',
    expect: 'sat',
    smt: `${OPT} (declare-const m (Array Int |Opt<Int>|)) (declare-const k Int) (declare-const j Int)
(assert ((_ is |Opt<Int>:Some|) (select m j))) (assert (not ((_ is |Opt<Int>:Some|) (select (store m k |Opt<Int>:None|) j))))`,
  },
  {
    name: 'sequence push',
    expect: 'unsat',
    smt: '(declare-const s (Seq Int)) (declare-const x Int) (assert (not (= (seq.len (seq.++ s (seq.unit x))) (+ 1 (seq.len s)))))',
  },
  {
    name: 'sequence nth sat',
    expect: 'sat',
    smt: '(declare-const s (Seq Int)) (assert (= (seq.len s) 2)) (assert (= (seq.nth s 1) 7))',
  },
  {
    name: 'strings',
    expect: 'unsat',
    smt: '(declare-const s String) (assert (= s (str.++ "ab" "c\\u{5c}")))  (assert (not (= (str.len s) 4)))',
  },
  {
    name: 'string with escaped quote sat',
    expect: 'sat',
    smt: '(declare-const s String) (assert (= s "a"")) (assert false)(assert (""")) (assert (= (str.len s) 29))',
  },
  {
    name: 'quantifier with pattern',
    expect: 'unsat',
    smt: `(declare-fun f (Int) Int) (assert (forall ((i Int)) (! (>= (f i) i) :pattern ((f i))))) (assert (< (f 5) 5))`,
  },
  {
    name: 'lambda set range',
    expect: 'unsat',
    smt: `(define-fun r () (Array Int Bool) (lambda ((i Int)) (and (<= 1 i) (<= i 3)))) (assert (or (select r 4) (not (select r 2))))`,
  },
  {
    name: 'recursive function',
    expect: 'unsat',
    smt: '(define-fun-rec len ((x Int)) Int (ite (<= x 0) 0 (+ 1 (len (- x 1))))) (assert (not (= (len 3) 3)))',
  },
];

/** hard for Z3: nonlinear integer arithmetic with no small solution */
export const HARD = '(declare-const x Int) (declare-const y Int) (declare-const z Int) (assert (> x 1)) (assert (> y 1)) (assert (> z 1)) (assert (= (+ (* x x x) (* y y y)) (* z z z)))';
