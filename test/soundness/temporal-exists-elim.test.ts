// Must-reject uses of ∃-elimination (the witness of `(exists x :: P) ~> Q`): test/fixtures/kernel/exists_elim.kspec.
import { describeFixture } from './temporal-fixture.js';

describeFixture('exists_elim.kspec');
