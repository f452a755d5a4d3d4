import { $, h } from './dom.js';
import { formatTime } from './format.js';

/** The chat log and composer, plus the Chat/Files tabs with an unread counter. */
export function bindChatPanel(chat) {
  const log = $('[data-testid="chat-log"]');
  const input = $('[data-testid="chat-input"]');
  const unread = $('[data-unread]');
  let unreadCount = 0;

  const tabs = [...document.querySelectorAll('[data-tab]')];
  const select = (name) => {
    for (const t of tabs) t.setAttribute('aria-selected', String(t.dataset.tab === name));
    for (const p of document.querySelectorAll('[data-panel]')) p.hidden = p.dataset.panel !== name;
    if (name === 'chat') {
      unreadCount = 0;
      unread.hidden = true;
    }
  };
  for (const t of tabs) t.addEventListener('click', () => select(t.dataset.tab));

  $('[data-testid="chat-form"]').addEventListener('submit', (e) => {
    e.preventDefault();
    if (chat.send(input.value)) input.value = '';
  });

  chat.on('message', (m) => {
    const atBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 40;
    log.append(
      h(
        'li',
        { class: m.self ? 'msg self' : 'msg', dataset: { testid: 'chat-message', from: m.from ?? '' } },
        h('div', { class: 'meta' }, h('span', { class: 'who' }, m.self ? 'You' : m.name), h('time', {}, formatTime(m.ts))),
        h('div', { class: 'text' }, m.text),
      ),
    );
    if (atBottom || m.self) log.scrollTop = log.scrollHeight;
    if (!m.self && $('[data-panel="chat"]').hidden) {
      unreadCount++;
      unread.textContent = String(unreadCount);
      unread.hidden = false;
    }
  });
}
