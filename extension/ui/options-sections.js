// The options page's sections after the policy, one module each: sync with the user's server (sync.js),
// the buttons the user taught (taught.js), backup: export/import (backup.js), the settings advisor
// (advisor.js). Imported by options.js (one bundle for the page).

import { renderSync } from './sync.js';
import { renderBackup } from './backup.js';
import { renderAdvisor } from './advisor.js';
import { renderTaught } from './taught.js';

const root = document.getElementById('extra-sections');
if (root) {
  renderSync(root).catch((err) => console.error('Invite Guard: sync section', err));
  renderTaught(root).catch((err) => console.error('Invite Guard: taught buttons section', err));
  renderBackup(root);
  renderAdvisor(root);
}
