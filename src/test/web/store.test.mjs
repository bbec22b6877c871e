// The SDK's ordered store on its own: duplicates dropped, gaps reported, contiguous position kept, items replaced.
import assert from "node:assert/strict";
import { test } from "node:test";
import { OrderedStream } from "../../../target/classes/META-INF/resources/sdk/store.js";

test("a stream starts at the first position it sees, drops what it holds and reports gaps until they fill", () => {
  const stream = new OrderedStream();
  assert.equal(stream.known, false);
  assert.equal(stream.add(5, "e"), "added");
  assert.equal(stream.last, 5);
  assert.equal(stream.add(5, "e again"), "duplicate");
  assert.equal(stream.add(8, "h"), "gap");
  assert.equal(stream.last, 5, "the gap keeps the contiguous position");
  assert.equal(stream.add(6, "f"), "added", "nothing before 6 is missing");
  assert.equal(stream.last, 6);
  assert.equal(stream.add(7, "g"), "added");
  assert.equal(stream.last, 8);
  assert.deepEqual(stream.list(), ["e", "f", "g", "h"]);
  assert.equal(stream.add(8, "h again"), "duplicate");
});

test("an item before the start that arrives later was in flight: it is kept once, and opens no gap", () => {
  const stream = new OrderedStream();
  assert.equal(stream.add(2, "own send, acked first"), "added");
  assert.equal(stream.add(1, "fanned out from another node"), "added");
  assert.equal(stream.add(1, "again"), "duplicate");
  assert.equal(stream.last, 2);
  assert.deepEqual(stream.list(), ["fanned out from another node", "own send, acked first"]);
});

test("a stream that starts from a known position treats everything after it as new", () => {
  const stream = new OrderedStream(10, true);
  assert.equal(stream.add(12, "l"), "gap");
  assert.equal(stream.add(11, "k"), "added");
  assert.equal(stream.last, 12);
  assert.equal(stream.add(10, "j"), "duplicate");
});

test("an item held can be replaced in place; one not held is not added by a replacement", () => {
  const stream = new OrderedStream();
  stream.add(1, "dose: 1 tablet");
  assert.equal(stream.replace(1, () => "dose: 2 tablets"), true);
  assert.equal(stream.replace(2, () => "never sent"), false);
  assert.deepEqual(stream.list(), ["dose: 2 tablets"]);
  assert.equal(stream.last, 1);
});
