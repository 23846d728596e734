// Must-reject temporal proofs: test/fixtures/kernel/lemmas_use.kspec.
import { describeFixture } from './temporal-fixture.js';

describeFixture('lemmas_use.kspec');
