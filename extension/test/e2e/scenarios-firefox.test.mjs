// The scenario list (scenarios.mjs) in Debian's firefox-esr, the extension installed as a temporary add-on.

import { launchFirefox } from './firefox.mjs';
import { defineScenarios } from './scenarios.mjs';

defineScenarios({ name: 'firefox', launch: launchFirefox });
