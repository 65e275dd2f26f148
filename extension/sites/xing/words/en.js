// English words of XING's contact requests (sites/xing/words/concepts.js says what each is for).

export default {
  request: ['contact request', 'contact requests', 'request to connect', 'add (?:as )?(?:a )?contact'],
  sends: ['send(?: (?:a |the )?(?:contact )?request)?', 'add (?:as )?(?:a )?contact'],
  titleName: ['^(?:send\\s+)?(?:a\\s+)?contact\\s+request\\s+to\\s+(.+)$', '^(?:add|connect\\s+with)\\s+(.+?)(?:\\s+as\\s+(?:a\\s+)?contact)?$'],
};
