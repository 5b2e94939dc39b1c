/**
 * The whole book as one PDF: `npm run pdf` (tools/pdf/) writes it into the
 * build under this name, and the cover links to it.
 */
export const BOOK_PDF_FILE = 'rust-for-python-developers.pdf';

/** The most the PDF may weigh: a reader downloads it whole. */
export const BOOK_PDF_MAX_BYTES = 20 * 1024 * 1024;
