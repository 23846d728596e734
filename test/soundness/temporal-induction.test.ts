// Must-reject uses of the induction rule (`by rank` without arguments): test/fixtures/kernel/induction.kspec.
import { describeFixture } from './temporal-fixture.js';

describeFixture('induction.kspec');
