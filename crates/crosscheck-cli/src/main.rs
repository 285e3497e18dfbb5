//! The `crosscheck` command line.
fn main() {}
