// Must-reject uses of the PTL abstraction's rigid atoms and nested instances: test/fixtures/kernel/ptl_rigid.kspec.
import { describeFixture } from './temporal-fixture.js';

describeFixture('ptl_rigid.kspec');
