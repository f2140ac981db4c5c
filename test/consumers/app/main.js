// A developer's app: every element from the package root, and the data layer from bantin/feed.
import 'bantin';
import { FeedStore } from 'bantin/feed';

// The app reads the same feed the elements show (one request: the store is per feed URL).
FeedStore.for('/feed.json').subscribe((state) => {
  if (state.feed) document.title = `${state.feed.items.length} tin`;
});
