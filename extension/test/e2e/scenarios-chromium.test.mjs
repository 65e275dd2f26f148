// The scenario list (scenarios.mjs) in Debian's Chromium, the extension loaded unpacked.

import { launch } from './harness.mjs';
import { defineScenarios } from './scenarios.mjs';

defineScenarios({ name: 'chromium', launch });
