//! The global allocator of the `crosscheck` and `bench` binaries.
//!
//! Extraction allocates about 47 times per claim (words, tokens, names,
//! keys), so the allocator's fast path is part of its cost. The binaries
//! use mimalloc. The `mimalloc` crate's `GlobalAlloc` asks
//! `mi_malloc_aligned` for every block, even for the alignments of 16
//! bytes or less that every `malloc` block has anyway; mimalloc's aligned
//! path serves blocks of up to 1 KiB from its small-block pages, but over
//! 1 KiB (a sentence's words or tokens) it takes a generic path that
//! over-allocates and realigns. [`Allocator`] asks plain `mi_malloc` and
//! `mi_realloc` where the layout's alignment is one `malloc` already
//! guarantees, and the aligned calls only otherwise: 2 % fewer instructions
//! for extraction (docs/benchmarks.md, hot spot 2i).
//!
//! This is the workspace's one crate with `unsafe` code: the
//! `GlobalAlloc` impl, each call a direct forward to mimalloc.

use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

use libmimalloc_sys as mi;

/// The alignment of every `mi_malloc` block of at least as many bytes
/// (`MI_MAX_ALIGN_SIZE`, `malloc`'s `max_align_t`): mimalloc rounds the
/// sizes of its small blocks to 16 bytes from 16 bytes up, so that they
/// stay aligned to it.
const PLAIN_ALIGN: usize = 16;

/// Whether a block of `size` bytes aligned to `align` may come from plain
/// `mi_malloc`: the alignment is one every block has, and no larger than the
/// size (a block of fewer than 16 bytes is aligned only to its size class,
/// 8 bytes for an 8-byte block). The test `std`'s own `System` allocator
/// makes before it calls `malloc`.
fn plain(size: usize, align: usize) -> bool {
    align <= PLAIN_ALIGN && align <= size
}

/// mimalloc as the global allocator, asked for plain blocks wherever the
/// layout allows (see the crate documentation).
#[derive(Debug, Clone, Copy, Default)]
pub struct Allocator;

// SAFETY: every method forwards to mimalloc, whose blocks satisfy the
// layout asked: plain calls only where `plain` holds (mimalloc's blocks are
// aligned to 16 bytes, or to their size class below that), aligned calls
// otherwise; every block, however made, is freed by `mi_free`.
#[allow(unsafe_code)]
unsafe impl GlobalAlloc for Allocator {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if plain(layout.size(), layout.align()) {
            // SAFETY: `GlobalAlloc::alloc`'s caller guarantees a non-zero size.
            unsafe { mi::mi_malloc(layout.size()).cast() }
        } else {
            // SAFETY: as above; `Layout` guarantees a power-of-two alignment.
            unsafe { mi::mi_malloc_aligned(layout.size(), layout.align()).cast() }
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if plain(layout.size(), layout.align()) {
            // SAFETY: as in `alloc`.
            unsafe { mi::mi_zalloc(layout.size()).cast() }
        } else {
            // SAFETY: as in `alloc`.
            unsafe { mi::mi_zalloc_aligned(layout.size(), layout.align()).cast() }
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        // SAFETY: the caller passes a block of this allocator, which mimalloc made.
        unsafe { mi::mi_free(ptr.cast::<c_void>()) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if plain(new_size, layout.align()) {
            // SAFETY: `ptr` is a block of this allocator; `new_size` is non-zero.
            unsafe { mi::mi_realloc(ptr.cast::<c_void>(), new_size).cast() }
        } else {
            // SAFETY: as above; the alignment is the block's own.
            unsafe { mi::mi_realloc_aligned(ptr.cast::<c_void>(), new_size, layout.align()).cast() }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Writes `k % 251` to each of the first `n` bytes at `p`.
    ///
    /// # Safety
    /// `p` must be valid for `n` bytes of writes.
    #[allow(unsafe_code)]
    unsafe fn fill(p: *mut u8, n: usize) {
        for k in 0..n {
            // SAFETY: the caller's.
            unsafe { *p.add(k) = (k % 251) as u8 };
        }
    }

    /// Whether the first `n` bytes at `p` are what [`fill`] wrote.
    ///
    /// # Safety
    /// `p` must be valid for `n` bytes of reads.
    #[allow(unsafe_code)]
    unsafe fn filled(p: *const u8, n: usize) -> bool {
        // SAFETY: the caller's.
        (0..n).all(|k| unsafe { *p.add(k) } == (k % 251) as u8)
    }

    /// Every block is aligned as asked, holds what was written to it, keeps
    /// it when grown and then shrunk, and comes zeroed when asked, on the
    /// plain and the aligned paths and on both sides of 1 KiB.
    #[test]
    #[allow(unsafe_code)]
    fn blocks_are_aligned_and_keep_their_bytes() -> Result<(), std::alloc::LayoutError> {
        let a = Allocator;
        for align in [1, 2, 4, 8, 16, 32, 64, 4096] {
            for size in [1, 3, 8, 15, 16, 17, 100, 1024, 1025, 5000, 70_000] {
                let layout = Layout::from_size_align(size, align)?;
                let grown = Layout::from_size_align(size * 3, align)?;
                let shrunk = (size / 2).max(1);
                // SAFETY: non-zero sizes; each block is used within its size
                // and freed once, with the layout it has.
                unsafe {
                    let p = a.alloc(layout);
                    assert!(!p.is_null() && (p as usize).is_multiple_of(align), "size {size}, align {align}");
                    fill(p, size);
                    let q = a.realloc(p, layout, grown.size());
                    assert!(!q.is_null() && (q as usize).is_multiple_of(align), "grown, size {size}, align {align}");
                    assert!(filled(q, size), "grown, size {size}, align {align}");
                    fill(q, grown.size());
                    let r = a.realloc(q, grown, shrunk);
                    assert!(!r.is_null() && (r as usize).is_multiple_of(align), "shrunk, size {size}, align {align}");
                    assert!(filled(r, shrunk), "shrunk, size {size}, align {align}");
                    a.dealloc(r, Layout::from_size_align(shrunk, align)?);
                    let z = a.alloc_zeroed(layout);
                    assert!(!z.is_null() && (z as usize).is_multiple_of(align), "zeroed, size {size}, align {align}");
                    assert!((0..size).all(|k| *z.add(k) == 0), "zeroed, size {size}, align {align}");
                    a.dealloc(z, layout);
                }
            }
        }
        Ok(())
    }
}
