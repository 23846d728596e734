export const KERNEL_CODES = {
  KSP150: 'temporal step not decided: its propositional tableau exceeds the size budget',
  KSP151: 'temporal step not decided: the propositional decision procedure ran out of time',
  KSP152: 'internal error in the propositional temporal decision procedure (the step is not proved)',
  KSP153: 'a fact given to a rule cannot be used there (another machine, schematic, or not an invariant)',
  KSP154: 'the rule needs a theorem about a machine',
  KSP155: 'the fairness a WF1/SF1 step needs is not declared by the machine',
  KSP156: 'the step given to `by rank` does not have the required shape',
  KSP157: 'the goal does not follow from the facts in propositional temporal logic',
  KSP158: "the lemma's conclusion is not the goal",
  KSP159: 'the proof rests on a lemma or theorem that is not proved',
  KSP160: 'a proof step or fact cannot be used here (unknown, failed, or used before it is proved)',
  KSP161: '∀-introduction does not give the goal',
} as const;
