// Must-reject temporal proofs: test/fixtures/kernel/rules.kspec.
import { describeFixture } from './temporal-fixture.js';

describeFixture('rules.kspec');
