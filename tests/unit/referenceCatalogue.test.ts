import {describe, test} from 'node:test';
import assert from 'node:assert/strict';

import {isReferenceUrl, lookupReference} from '../../src/data/referenceCatalogue';

describe('reference catalogue', () => {
  test('a real page and anchor pass, with titles from the catalogue', () => {
    const result = lookupReference(
      'https://doc.rust-lang.org/book/ch04-01-what-is-ownership.html#the-stack-and-the-heap',
    );
    assert.deepEqual(result, {
      ok: true,
      reference: {
        book: 'The Rust Programming Language',
        pageTitle: 'What is Ownership?',
        sectionTitle: 'The Stack and the Heap',
      },
    });
  });
  test('a Rustlings exercise topic passes', () => {
    const result = lookupReference('https://github.com/rust-lang/rustlings/tree/main/exercises/06_move_semantics');
    assert.equal(result.ok, true);
  });
  test('an unknown page fails and names the closest real page', () => {
    const result = lookupReference('https://doc.rust-lang.org/rust-by-example/scope/moves.html');
    assert.equal(result.ok, false);
    assert.match(
      result.message,
      /closest real page: https:\/\/doc\.rust-lang\.org\/rust-by-example\/scope\/move\.html$/,
    );
  });
  test('an unknown anchor fails and names the closest real anchor', () => {
    const result = lookupReference('https://doc.rust-lang.org/book/ch03-01-variables-and-mutability.html#shadow');
    assert.equal(result.ok, false);
    assert.match(result.message, /closest real anchor: .*#shadowing$/);
  });
  test('an anchor on a page without headings fails', () => {
    const result = lookupReference('https://github.com/rust-lang/rustlings/tree/main/exercises/08_enums#readme');
    assert.equal(result.ok, false);
  });
  test('only links into the three books are reference links', () => {
    assert.equal(isReferenceUrl('https://doc.rust-lang.org/stable/book/ch01-00-getting-started.html'), true);
    assert.equal(isReferenceUrl('https://doc.rust-lang.org/std/vec/struct.Vec.html'), false);
    assert.equal(isReferenceUrl('https://play.rust-lang.org/'), false);
  });
  test('section titles are the headings the book prints, inline code in backticks', () => {
    const result = lookupReference('https://doc.rust-lang.org/book/ch06-01-defining-an-enum.html#the-option-enum');
    assert.deepEqual(result.ok && result.reference.sectionTitle, 'The `Option` Enum');
  });
  test('an old id a page keeps for old links fails, naming the heading to link to', () => {
    const result = lookupReference('https://doc.rust-lang.org/book/ch03-01-variables-and-mutability.html#constants');
    assert.equal(result.ok, false);
    assert.match(
      result.message,
      /#constants is an old id "Variables and Mutability" keeps for old links, not one of its headings; link to the heading itself, such as .*#declaring-constants \("Declaring Constants"\)$/,
    );
  });
});
