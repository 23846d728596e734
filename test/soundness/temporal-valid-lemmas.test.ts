// Must-reject temporal proofs: test/fixtures/kernel/valid_lemmas.kspec.
import { describeFixture } from './temporal-fixture.js';

describeFixture('valid_lemmas.kspec');
