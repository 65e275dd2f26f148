// LinkedIn's places the extension goes to or recognises by URL, outside the screens themselves: the
// invitation manager (where the Sent-list runner works, sent.js runs and the worker's job tab must stay)
// and the sign-in pages a signed-out tab is sent to. Everything else of LinkedIn's is recognised by what
// the page shows. Code outside sites/ reaches these through sites/index.js (sentList.url, …).

/** HOSTS are LinkedIn's hostnames the modules run on (the manifest covers every subdomain of their domain). */
export const HOSTS = ['www.linkedin.com', 'linkedin.com'];

/** SENT_URL is the Sent invitations list the worker opens for a scan or a withdrawal job. */
export const SENT_URL = 'https://www.linkedin.com/mynetwork/invitation-manager/sent/';

/** MANAGER_MATCHES are the invitation manager's match patterns (manifest content_scripts for sent.js, tabs.query). */
export const MANAGER_MATCHES = ['https://www.linkedin.com/mynetwork/invitation-manager/*', 'https://www.linkedin.com/inbox/invitations/*'];

/** MANAGER_PAGE matches a URL of the invitation manager (where sent.js runs). */
export const MANAGER_PAGE = /^https:\/\/www\.linkedin\.com\/(?:mynetwork\/invitation-manager|inbox\/invitations)(?:[/?#]|$)/;

/** MANAGER_PATH and SENT_PATH match the paths of the invitation manager and of its Sent list. */
export const MANAGER_PATH = /^\/(?:mynetwork\/invitation-manager|inbox\/invitations)/i;
export const SENT_PATH = /^\/(?:mynetwork\/invitation-manager\/sent|inbox\/invitations\/sent)/i;

/** onSentList tells a URL on the path SENT_URL opens (the runner loads it afresh when elsewhere). */
export function onSentList(href) {
  return new URL(href).pathname.startsWith('/mynetwork/invitation-manager/sent');
}

/** SIGN_IN_PATH matches the paths of LinkedIn's sign-in, checkpoint and sign-up pages. */
export const SIGN_IN_PATH = /^\/(?:login|uas\/login|checkpoint|authwall|signup)/i;

/** isSignInUrl tells a URL of LinkedIn's sign-in pages (a job's tab redirected there has been signed out). */
export function isSignInUrl(url) {
  let u;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  return u.protocol === 'https:' && (u.hostname === 'www.linkedin.com' || u.hostname === 'linkedin.com') && SIGN_IN_PATH.test(u.pathname);
}

/** SETTINGS are LinkedIn's own settings the options page's advisor links to (who may invite you, synced contacts). */
export const SETTINGS = {
  invitations: 'https://www.linkedin.com/mypreferences/d/categories/privacy',
  synced: 'https://www.linkedin.com/mynetwork/settings/manage-syncing/',
};

/** SENT_LIST is where the Sent-list runner works, for code outside sites/ (through sites/index.js). */
export const SENT_LIST = { url: SENT_URL, matches: MANAGER_MATCHES, page: MANAGER_PAGE, onSentList, isSignInUrl };
