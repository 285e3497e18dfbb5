//! cargo-fuzz target `segment`: the body is `crosscheck_fuzz::segment`, which CI
//! also runs on seeds and saved findings (crates/crosscheck-fuzz).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| crosscheck_fuzz::check("segment", data));
