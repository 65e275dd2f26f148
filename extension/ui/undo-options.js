// The options page's undo sections (issue 5): sync with the user's server, export/import, the settings
// advisor; and the buttons the user taught (issue 9). Imported by options.js (one bundle for the page).

import { renderSync } from './sync.js';
import { renderBackup } from './backup.js';
import { renderAdvisor } from './advisor.js';
import { renderTaught } from './taught.js';

const root = document.getElementById('undo-sections');
if (root) {
  renderSync(root).catch((err) => console.error('Invite Guard: sync section', err));
  renderTaught(root).catch((err) => console.error('Invite Guard: taught buttons section', err));
  renderBackup(root);
  renderAdvisor(root);
}
