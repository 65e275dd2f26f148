// XING's places the extension links to by URL (its screens are recognised by what the page shows).

/** HOSTS are XING's hostnames the modules run on (the manifest covers every subdomain of their domain). */
export const HOSTS = ['www.xing.com', 'xing.com'];

/** SETTINGS are XING's own settings the options page's advisor links to. */
export const SETTINGS = {
  notifications: 'https://www.xing.com/settings/notifications',
};
