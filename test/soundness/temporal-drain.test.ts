// Must-reject uses of the drain rule (`by drain(progress)`): test/fixtures/kernel/drain.kspec.
import { describeFixture } from './temporal-fixture.js';

describeFixture('drain.kspec');
