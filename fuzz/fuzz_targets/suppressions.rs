//! Suppression comments, in both syntaxes, for a block spanning any part of the text.
#![no_main]

use souverain::source::{FileId, Span};

libfuzzer_sys::fuzz_target!(|input: (u16, u16, &str)| {
    let (a, b, text) = input;
    let len = text.len();
    let (start, end) = (a as usize % (len + 1), b as usize % (len + 1));
    let block = Span::new(FileId(0), start.min(end)..start.max(end));
    for json in [false, true] {
        let _ = souverain::suppress::block_suppressions(FileId(0), text, block, json);
    }
});
