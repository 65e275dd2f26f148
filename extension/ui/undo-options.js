// The options page's undo sections (issue 5): sync with the user's server, export/import, the settings
// advisor. A separate bundle so the policy editor (options.js) stays as it is.

import { renderSync } from './sync.js';
import { renderBackup } from './backup.js';
import { renderAdvisor } from './advisor.js';

const root = document.getElementById('undo-sections');
if (root) {
  renderSync(root).catch((err) => console.error('Invite Guard: sync section', err));
  renderBackup(root);
  renderAdvisor(root);
}
