// Retrying a search that failed because the service did not answer: after 2, 4, 8 … 30 s,
// with a countdown ("Retrying in 4 s") and a button to retry at once.

import { h } from './dom.js';
import { format, t } from './i18n.js';

const FIRST_S = 2;
const LONGEST_S = 30;

/** `run()` retries. */
export function create_retry(run) {
  let render = () => {};
  let attempt = 0;
  let timer = null;
  let left = 0;

  function tick() {
    if (left <= 0) {
      stop_timer();
      run();
      return;
    }
    render(line());
    left -= 1;
  }

  function line() {
    return [h('span', { class: 'retry-countdown' }, t('retrying_in', { count: left, n: format.number(left) })), ' ',
      h('button', { type: 'button', class: 'secondary', dataset: { focusKey: 'retry-now' },
        onclick: () => {
          stop_timer();
          run();
        } }, t('retry_now'))];
  }

  function stop_timer() {
    clearInterval(timer);
    timer = null;
  }

  return {
    /**
     * Schedules the next retry, each one waiting twice as long as the last (at most 30 s);
     * `show(nodes)` shows the countdown line and the retry-now button, every second.
     */
    schedule_with(show) {
      stop_timer();
      render = show;
      left = Math.min(LONGEST_S, FIRST_S * 2 ** attempt);
      attempt += 1;
      tick();
      timer = setInterval(tick, 1000);
    },
    /** The service answered: the next failure starts again from 2 s. */
    reset() {
      stop_timer();
      attempt = 0;
    },
    stop: stop_timer,
  };
}
