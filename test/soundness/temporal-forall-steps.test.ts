// ∀-introduction at the theorem level (steps naming the theorem's own forall variable): test/fixtures/kernel/forall_steps.kspec.
import { describeFixture } from './temporal-fixture.js';

describeFixture('forall_steps.kspec');
