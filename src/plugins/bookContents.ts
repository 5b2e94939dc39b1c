/**
 * Publishes the book's table of contents (part titles, chapter titles and
 * links, in reading order) as this plugin's global data, for the cover page
 * and the 404 page. Takes the docs plugin's loaded content; gives
 * BookContents (src/data/bookParts.ts). Chapter titles come from the chapters'
 * front matter, so the contents can never drift from the sidebar.
 */
import type {LoadedContent} from '@docusaurus/plugin-content-docs';
import type {Plugin} from '@docusaurus/types';

import {BOOK_PARTS, type BookContents} from '../data/bookParts';

export const BOOK_CONTENTS_PLUGIN = 'book-contents';

export default function bookContentsPlugin(): Plugin {
  return {
    name: BOOK_CONTENTS_PLUGIN,
    allContentLoaded({allContent, actions}) {
      const docs = allContent['docusaurus-plugin-content-docs']?.default as LoadedContent | undefined;
      const version = docs?.loadedVersions[0];
      if (!version) {
        throw new Error(`${BOOK_CONTENTS_PLUGIN}: the docs plugin loaded no version; check the preset's docs options`);
      }
      const contents: BookContents = {
        parts: BOOK_PARTS.map((part) => ({
          label: part.label,
          chapters: version.docs
            .filter((doc) => doc.sourceDirName === part.dirName && !doc.unlisted)
            .sort((a, b) => (a.sidebarPosition ?? 0) - (b.sidebarPosition ?? 0))
            .map((doc) => ({title: doc.title, permalink: doc.permalink})),
        })),
      };
      actions.setGlobalData(contents);
    },
  };
}
