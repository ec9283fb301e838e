// jsdom has no layout: CodeMirror measures text ranges, which jsdom's Range cannot. Empty rectangles
// are enough for the editor to render and take changes in the tests.
if (typeof Range !== 'undefined') {
  const empty = () => ({ x: 0, y: 0, top: 0, left: 0, bottom: 0, right: 0, width: 0, height: 0, toJSON() {} });
  if (!Range.prototype.getClientRects) Range.prototype.getClientRects = () => ({ length: 0, item: () => null, [Symbol.iterator]: [][Symbol.iterator] });
  if (!Range.prototype.getBoundingClientRect) Range.prototype.getBoundingClientRect = empty;
}

// findBy… and waitFor default to 1 s; on a loaded build machine the editor's lazily loaded chunk can
// take longer to appear, so every wait gets 10 s (each test still has the 40 s testTimeout).
import { configure } from '@testing-library/react';

configure({ asyncUtilTimeout: 10000 });
