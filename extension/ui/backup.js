// Options: export the whole history as JSON or CSV, and import such a file (checked row by row; all or nothing).

import { i18n } from '../shared/i18n.js';
import { send } from '../shared/messaging.js';
import { el } from '../shared/el.js';
import { say } from './ui-util.js';
import { MAX_IMPORT_BYTES, megabytes } from '../background/exportimport.js';

/** renderBackup builds the export/import section. */
export function renderBackup(root) {
  const status = el('span', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const exportAs = (format) => async () => {
    const res = await send('history.export', { format }, 60000);
    if (res.error) return say(status, res.error.message, false);
    const url = URL.createObjectURL(new Blob([res.ok.text], { type: res.ok.mime }));
    const a = el('a', { href: url, download: res.ok.filename });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    say(status, i18n.t('backup_exported', { count: res.ok.count, file: res.ok.filename }), true);
  };
  const file = el('input', { type: 'file', id: 'import-file', accept: '.json,.csv,application/json,text/csv' });
  file.addEventListener('change', async () => {
    const f = file.files?.[0];
    if (!f) return;
    if (f.size > MAX_IMPORT_BYTES) {
      file.value = '';
      return say(status, i18n.t('backup_import_too_large', { file: f.name, size: megabytes(f.size), max: megabytes(MAX_IMPORT_BYTES) }), false);
    }
    const text = await f.text();
    const res = await send('history.import', { text, format: /\.csv$/i.test(f.name) ? 'csv' : /\.json$/i.test(f.name) ? 'json' : undefined }, 60000);
    file.value = '';
    if (res.error) return say(status, i18n.t('backup_import_failed', { message: res.error.message }), false);
    const rules = res.ok.rules ? ` ${i18n.t('backup_imported_rules', { rules: res.ok.rules })}` : '';
    say(status, i18n.t('backup_imported', { batches: res.ok.batches, invitations: res.ok.invitations, skipped: res.ok.skipped }) + rules, true);
  });
  root.append(
    el(
      'section',
      { id: 'backup', 'aria-labelledby': 'backup-title' },
      el('h2', { id: 'backup-title', text: i18n.t('backup_title') }),
      el('p', { class: 'help', text: i18n.t('backup_intro') }),
      el(
        'div',
        { class: 'inline-actions' },
        el('button', { type: 'button', class: 'secondary', text: i18n.t('backup_export_json'), on: { click: exportAs('json') } }),
        el('button', { type: 'button', class: 'secondary', text: i18n.t('backup_export_csv'), on: { click: exportAs('csv') } }),
      ),
      el('div', { class: 'field wide' }, el('label', { for: 'import-file', text: i18n.t('backup_import') }), file),
      status,
    ),
  );
}
