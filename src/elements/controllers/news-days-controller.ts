import type { ReactiveController } from 'lit';
import { startOfMonth, type DayKey } from '../../format/calendar.js';
import { newsDays } from '../../feed/days.js';
import type { Feed } from '../../feed/types.js';
import { memoizeLast } from '../memo.js';
import { FeedController, type FeedHost } from './feed-controller.js';

export interface NewsDays {
  /** Items per day with news. */
  days: Map<DayKey, number>;
  /** The same days, oldest first. */
  sorted: DayKey[];
}

/**
 * The days a calendar marks: which days of the feed have news, in the display
 * zone (the feed is optional: without one, no day is marked). When the
 * calendar shows a month older than the loaded pages reach, the feed's next
 * page is fetched so that month's days get marked too, until a page adds
 * nothing.
 */
export class NewsDaysController implements ReactiveController {
  /** The feed itself: its state (error, loading) and retry. */
  readonly feed: FeedController;
  /** Counted once per feed and zone. Items without a date belong to no day. */
  private readonly daysOf = memoizeLast((feed: Feed, zone: string): NewsDays => {
    const days = newsDays(feed.items, zone);
    return { days, sorted: [...days.keys()].sort() };
  });
  /** A feed whose older pages stopped adding items: do not ask again. */
  private exhausted: Feed | null = null;

  constructor(
    host: FeedHost,
    private readonly options: {
      /** The display zone days are counted in. */
      zone: () => string;
      /** The day whose month the calendar shows, or null while no calendar is shown. */
      shown: () => DayKey | null;
    },
  ) {
    this.feed = new FeedController(host, { optional: true });
    host.addController(this);
  }

  /** Days with news, or null while there is no feed to tell. */
  get news(): NewsDays | null {
    const feed = this.feed.state.feed;
    return feed ? this.daysOf(feed, this.options.zone()) : null;
  }

  hostUpdated() {
    // After this update, not during it: loading sets state that renders again.
    queueMicrotask(() => this.loadOlderIfShown());
  }

  private loadOlderIfShown() {
    const { feed, hasMore, loadingMore } = this.feed.state;
    if (!feed || !hasMore || loadingMore || this.exhausted === feed) return;
    const shown = this.options.shown();
    if (!shown) return;
    const oldest = this.news?.sorted[0];
    if (oldest && startOfMonth(shown) >= oldest) return;
    void this.feed.loadMore().then((added) => {
      if (!added) this.exhausted = this.feed.state.feed;
    });
  }
}
