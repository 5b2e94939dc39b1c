import type {ReactNode} from 'react';
import Link from '@docusaurus/Link';
import Heading from '@theme/Heading';
import Layout from '@theme/Layout';

import BookContents from '@site/src/components/BookContents';
import {BOOK_PDF_FILE} from '@site/src/data/bookPdf';
import styles from './index.module.css';

/** The book's cover: who it is for, what the reader will be able to do, and where to start. */
export default function Cover(): ReactNode {
  return (
    <Layout
      title="Rust for Python Developers"
      description="A book for Python data engineers, data scientists and analysts who need a mature Python job to run faster in Rust — every sample compiled, run and checked.">
      <main>
        <header className={styles.cover}>
          <div className="container">
            <Heading as="h1" className={styles.title}>
              Rust for Python Developers
            </Heading>
            <p className={styles.subtitle}>
              The Rust a Python data person needs to make a mature job fast — and what happens under the hood on the
              way.
            </p>
            <Link className="button button--primary button--lg" to="/foundations/welcome">
              Start reading
            </Link>
            <p className={styles.download}>
              {/* pathname:// keeps the base URL but leaves the router out: the PDF is a file, not a page. */}
              Or take it with you:{' '}
              <Link to={`pathname:///${BOOK_PDF_FILE}`} target="_self" type="application/pdf">
                the whole book as one PDF
              </Link>
              , for printing or reading on paper.
            </p>
          </div>
        </header>
        <div className="container margin-vert--lg">
          <div className={styles.columns}>
            <section>
              <Heading as="h2">Who this book is for</Heading>
              <p>
                You write Python for a living: ETL pipelines, data science, analytics. You have a job that works and
                that people rely on, and now it has to run faster than Python will let it. You know Python well; you
                don&apos;t need a computer-science degree to read on.
              </p>
            </section>
            <section>
              <Heading as="h2">What you will be able to do</Heading>
              <ul>
                <li>Read and write everyday Rust, starting each idea from the Python you already know.</li>
                <li>
                  Explain what CPython and rustc do with your code: bytecode, machine code, stack, heap, ownership.
                </li>
                <li>
                  Port a real Python job to Rust, prove the output is byte for byte the same, and measure the gain.
                </li>
              </ul>
            </section>
            <section>
              <Heading as="h2">The running example</Heading>
              <p>
                A command-line ETL job that reads orders from a CSV file, validates and transforms each row, and writes
                Protobuf messages. You read the mature Python version, port it to Rust step by step, and benchmark both
                on a million rows.
              </p>
            </section>
          </div>
          <section className={styles.trust}>
            <Heading as="h2">Every sample is real</Heading>
            <p>
              Each Python sample in this book runs under CPython 3.11 and each Rust sample compiles with rustc 1.95; the
              output printed under a sample is its real output, and a sample that shows a compiler error fails with
              exactly that error code. The book&apos;s test suite checks all of them on every change.
            </p>
          </section>
          <section>
            <Heading as="h2">Contents</Heading>
            <BookContents partHeading="h3" />
          </section>
        </div>
      </main>
    </Layout>
  );
}
