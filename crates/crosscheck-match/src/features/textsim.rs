//! Allocation-free string measures over symbol slices, exact replacements
//! for the `strsim` calls and the dynamic-programming LCS the features were
//! defined with (same integers, same floating-point expressions):
//!
//! - [`Masks`]: per-symbol match bit-vectors of a pattern, reused between
//!   pairs (symbols below a dense limit by table, others by sorted list);
//! - [`lcs`]: longest common subsequence, Hyyrö's bit-parallel algorithm
//!   (O(n·⌈m/64⌉)), after stripping the common prefix and suffix;
//! - [`levenshtein`]: Myers/Hyyrö bit-parallel edit distance, block-wise;
//! - [`jaro_winkler_ascii`]: `strsim::jaro_winkler` on ASCII bytes with the
//!   greedy match found through per-character position lists (O(n + m)).
//!
//! All are checked against straightforward implementations in the tests.

/// "No entry" in index tables.
pub(crate) const NONE: u32 = u32::MAX;

/// Match bit-vectors of one pattern: bit `i` of word `i / 64` of a
/// symbol's row is set when `pattern[i]` is that symbol.
#[derive(Debug, Default)]
pub(crate) struct Masks {
    /// Words per row: ⌈pattern length / 64⌉.
    words: usize,
    /// Symbols below this have a row in `dense`.
    dense_limit: usize,
    /// Rows of the dense symbols, `dense_limit × words`.
    dense: Vec<u64>,
    /// Dense symbols whose rows are set (cleared on the next build).
    touched: Vec<u32>,
    /// Other symbols, sorted, with their rows in `sparse`.
    sparse_keys: Vec<u32>,
    sparse: Vec<u64>,
    /// A row of zeros.
    zeros: Vec<u64>,
}

impl Masks {
    /// Rebuilds the rows for `pattern`; symbols below `dense_limit` use the
    /// table. Reuses the buffers of the previous build.
    pub(crate) fn build(&mut self, pattern: &[u32], dense_limit: usize) {
        let words = pattern.len().div_ceil(64).max(1);
        if words != self.words || dense_limit != self.dense_limit {
            self.words = words;
            self.dense_limit = dense_limit;
            self.dense.clear();
            self.dense.resize(dense_limit * words, 0);
            self.touched.clear();
            self.zeros.clear();
            self.zeros.resize(words, 0);
        } else {
            for &s in &self.touched {
                let s = s as usize * words;
                self.dense[s..s + words].fill(0);
            }
            self.touched.clear();
        }
        self.sparse_keys.clear();
        self.sparse.clear();
        for &s in pattern {
            if (s as usize) >= dense_limit && self.sparse_keys.binary_search(&s).is_err() {
                let at = self.sparse_keys.binary_search(&s).unwrap_or_else(|e| e);
                self.sparse_keys.insert(at, s);
            }
        }
        self.sparse.resize(self.sparse_keys.len() * words, 0);
        for (i, &s) in pattern.iter().enumerate() {
            let bit = 1u64 << (i % 64);
            if (s as usize) < dense_limit {
                let row = s as usize * words;
                if self.dense[row..row + words].iter().all(|w| *w == 0) {
                    self.touched.push(s);
                }
                self.dense[row + i / 64] |= bit;
            } else if let Ok(k) = self.sparse_keys.binary_search(&s) {
                self.sparse[k * words + i / 64] |= bit;
            }
        }
    }

    /// The row of `s`, or `None` when the pattern lacks it.
    fn row(&self, s: u32) -> Option<&[u64]> {
        let w = self.words;
        if (s as usize) < self.dense_limit {
            Some(&self.dense[s as usize * w..(s as usize + 1) * w])
        } else {
            self.sparse_keys.binary_search(&s).ok().map(|k| &self.sparse[k * w..(k + 1) * w])
        }
    }
}

/// Length of the common prefix and of the common suffix (not overlapping).
fn affixes(x: &[u32], y: &[u32]) -> (usize, usize) {
    let pre = x.iter().zip(y).take_while(|(a, b)| a == b).count();
    let (xr, yr) = (&x[pre..], &y[pre..]);
    let suf = xr.iter().rev().zip(yr.iter().rev()).take_while(|(a, b)| a == b).count();
    (pre, suf)
}

/// Length of the longest common subsequence of `x` and `y`.
pub(crate) fn lcs(x: &[u32], y: &[u32], dense_limit: usize, masks: &mut Masks, state: &mut Vec<u64>) -> usize {
    let (pre, suf) = affixes(x, y);
    let (x, y) = (&x[pre..x.len() - suf], &y[pre..y.len() - suf]);
    if x.is_empty() || y.is_empty() {
        return pre + suf;
    }
    // The shorter side is the pattern (fewer words per column).
    let (pat, text) = if x.len() <= y.len() { (x, y) } else { (y, x) };
    masks.build(pat, dense_limit);
    let words = masks.words;
    state.clear();
    state.resize(words, !0u64);
    for &c in text {
        let Some(row) = masks.row(c) else { continue };
        let mut carry = 0u64;
        for (s, &m) in state.iter_mut().zip(row) {
            let u = *s & m;
            let (sum, c1) = s.overflowing_add(u);
            let (sum, c2) = sum.overflowing_add(carry);
            carry = u64::from(c1 | c2);
            *s = sum | (*s - u);
        }
    }
    let common: usize = state.iter().map(|s| (!s).count_ones() as usize).sum();
    pre + suf + common
}

/// Levenshtein distance of `x` and `y` (unit costs).
pub(crate) fn levenshtein(x: &[u32], y: &[u32], dense_limit: usize, masks: &mut Masks, state: &mut Vec<u64>) -> usize {
    let (pre, suf) = affixes(x, y);
    let (x, y) = (&x[pre..x.len() - suf], &y[pre..y.len() - suf]);
    if x.is_empty() || y.is_empty() {
        return x.len().max(y.len());
    }
    let (pat, text) = if x.len() <= y.len() { (x, y) } else { (y, x) };
    masks.build(pat, dense_limit);
    let words = masks.words;
    let m = pat.len();
    let last = 1u64 << ((m - 1) % 64);
    // state = [VP_0, VN_0, VP_1, VN_1, …]
    state.clear();
    for _ in 0..words {
        state.push(!0u64);
        state.push(0);
    }
    let mut score = m;
    for &c in text {
        let row = masks.row(c).unwrap_or(&masks.zeros);
        let (mut hp_carry, mut hn_carry) = (1u64, 0u64);
        for (w, &pm) in row.iter().enumerate() {
            let (vp, vn) = (state[2 * w], state[2 * w + 1]);
            let x = pm | hn_carry;
            let d0 = (((x & vp).wrapping_add(vp)) ^ vp) | x | vn;
            let mut hp = vn | !(d0 | vp);
            let mut hn = d0 & vp;
            let (hp_in, hn_in) = (hp_carry, hn_carry);
            if w + 1 < words {
                hp_carry = hp >> 63;
                hn_carry = hn >> 63;
            } else {
                hp_carry = u64::from(hp & last != 0);
                hn_carry = u64::from(hn & last != 0);
            }
            hp = (hp << 1) | hp_in;
            hn = (hn << 1) | hn_in;
            state[2 * w] = hn | !(d0 | hp);
            state[2 * w + 1] = hp & d0;
        }
        score = score + hp_carry as usize - hn_carry as usize;
    }
    score
}

/// Buffers for [`jaro_winkler_ascii`].
#[derive(Debug, Default)]
pub(crate) struct JaroScratch {
    next: Vec<u32>,
    a_flags: Vec<bool>,
    b_flags: Vec<bool>,
}

/// `strsim::jaro_winkler` of two ASCII byte strings, same arithmetic.
pub(crate) fn jaro_winkler_ascii(a: &[u8], b: &[u8], s: &mut JaroScratch) -> f64 {
    let sim = jaro_ascii(a, b, s);
    if sim > 0.7 {
        let prefix_length = a.iter().take(4).zip(b).take_while(|(x, y)| x == y).count();
        sim + 0.1 * prefix_length as f64 * (1.0 - sim)
    } else {
        sim
    }
}

/// `strsim::jaro` of two ASCII byte strings. Each character of `a` takes
/// the first unmatched equal character of `b` inside the window, as in
/// strsim; the candidates of one character are found through a list of its
/// positions in `b` with a pointer that only moves forward (the window's
/// lower bound only rises and matched positions are always the pointer's).
fn jaro_ascii(a: &[u8], b: &[u8], s: &mut JaroScratch) -> f64 {
    let (a_len, b_len) = (a.len(), b.len());
    if a_len == 0 && b_len == 0 {
        return 1.0;
    } else if a_len == 0 || b_len == 0 {
        return 0.0;
    }
    let range = (a_len.max(b_len) / 2).saturating_sub(1);
    s.a_flags.clear();
    s.a_flags.resize(a_len, false);
    s.b_flags.clear();
    s.b_flags.resize(b_len, false);
    let mut matches = 0usize;
    if b_len <= 24 {
        // Short strings (stems): the direct scan is cheaper than the lists.
        for (i, &c) in a.iter().enumerate() {
            let lo = i.saturating_sub(range);
            let hi = b_len.min(i + range + 1);
            for (j, &bj) in b.iter().enumerate().take(hi).skip(lo) {
                if bj == c && !s.b_flags[j] {
                    s.a_flags[i] = true;
                    s.b_flags[j] = true;
                    matches += 1;
                    break;
                }
            }
        }
    } else {
        let mut head = [NONE; 128];
        s.next.clear();
        s.next.resize(b_len, NONE);
        for j in (0..b_len).rev() {
            let c = (b[j] & 0x7f) as usize;
            s.next[j] = head[c];
            head[c] = j as u32;
        }
        for (i, &c) in a.iter().enumerate() {
            let lo = i.saturating_sub(range);
            let hi = b_len.min(i + range + 1);
            let c = (c & 0x7f) as usize;
            let mut p = head[c];
            while p != NONE && (p as usize) < lo {
                p = s.next[p as usize];
            }
            if p != NONE && (p as usize) < hi {
                s.a_flags[i] = true;
                s.b_flags[p as usize] = true;
                matches += 1;
                p = s.next[p as usize];
            }
            head[c] = p;
        }
    }
    if matches == 0 {
        return 0.0;
    }
    let mut transpositions = 0usize;
    let mut j = 0usize;
    for (i, &ca) in a.iter().enumerate() {
        if s.a_flags[i] {
            while !s.b_flags[j] {
                j += 1;
            }
            if ca != b[j] {
                transpositions += 1;
            }
            j += 1;
        }
    }
    transpositions /= 2;
    ((matches as f64 / a_len as f64) + (matches as f64 / b_len as f64) + ((matches - transpositions) as f64 / matches as f64))
        / 3.0
}

#[cfg(test)]
mod tests {
    use super::*;

    use crosscheck_core::SplitMix64;

    /// A reproducible random string of at most `max_len` bytes of `alphabet`.
    fn random_string(rng: &mut SplitMix64, max_len: usize, alphabet: &[u8]) -> Vec<u8> {
        let n = (rng.next_u64() % (max_len as u64 + 1)) as usize;
        (0..n).map(|_| alphabet[(rng.next_u64() % alphabet.len() as u64) as usize]).collect()
    }

    fn dp_lcs(x: &[u32], y: &[u32]) -> usize {
        let mut prev = vec![0usize; y.len() + 1];
        let mut cur = vec![0usize; y.len() + 1];
        for xi in x {
            for (j, yj) in y.iter().enumerate() {
                cur[j + 1] = if xi == yj { prev[j] + 1 } else { prev[j + 1].max(cur[j]) };
            }
            std::mem::swap(&mut prev, &mut cur);
        }
        prev[y.len()]
    }

    fn syms(s: &[u8]) -> Vec<u32> {
        s.iter().map(|&b| u32::from(b)).collect()
    }

    #[test]
    fn bit_parallel_lcs_and_levenshtein_equal_the_textbook_ones() {
        let mut rng = SplitMix64::new(7);
        let (mut masks, mut state) = (Masks::default(), Vec::new());
        let alphabets: [&[u8]; 3] = [b"ab", b"abcd ", b"abcdefghijklmnopqrstuvwxyz "];
        for round in 0..6000 {
            let alpha = alphabets[round % 3];
            let max = [5, 70, 200][(round / 3) % 3];
            let (x, y) = (random_string(&mut rng, max, alpha), random_string(&mut rng, max, alpha));
            let (xs, ys) = (syms(&x), syms(&y));
            let (xa, ya) = (String::from_utf8_lossy(&x).into_owned(), String::from_utf8_lossy(&y).into_owned());
            assert_eq!(lcs(&xs, &ys, 128, &mut masks, &mut state), dp_lcs(&xs, &ys), "lcs {xa:?} {ya:?}");
            assert_eq!(levenshtein(&xs, &ys, 128, &mut masks, &mut state), strsim::levenshtein(&xa, &ya), "lev {xa:?} {ya:?}");
            // The same through the sparse rows (symbols above the dense limit).
            let (xw, yw): (Vec<u32>, Vec<u32>) = (xs.iter().map(|s| s + 1000).collect(), ys.iter().map(|s| s + 1000).collect());
            assert_eq!(lcs(&xw, &yw, 128, &mut masks, &mut state), dp_lcs(&xs, &ys));
            assert_eq!(levenshtein(&xw, &yw, 128, &mut masks, &mut state), strsim::levenshtein(&xa, &ya));
        }
    }

    #[test]
    fn long_strings_cross_many_words() {
        let mut rng = SplitMix64::new(11);
        let (mut masks, mut state) = (Masks::default(), Vec::new());
        for _ in 0..300 {
            let x = random_string(&mut rng, 400, b"abc");
            let mut y = x.clone();
            for _ in 0..(rng.next_u64() % 40) {
                let at = (rng.next_u64() % (y.len() as u64 + 1)) as usize;
                match rng.next_u64() % 3 {
                    0 => y.insert(at, b'a'),
                    1 if at < y.len() => {
                        y.remove(at);
                    }
                    _ if at < y.len() => y[at] = b'c',
                    _ => {}
                }
            }
            let (xs, ys) = (syms(&x), syms(&y));
            let (xa, ya) = (String::from_utf8_lossy(&x).into_owned(), String::from_utf8_lossy(&y).into_owned());
            assert_eq!(levenshtein(&xs, &ys, 128, &mut masks, &mut state), strsim::levenshtein(&xa, &ya));
            assert_eq!(lcs(&xs, &ys, 128, &mut masks, &mut state), dp_lcs(&xs, &ys));
        }
    }

    #[test]
    fn jaro_winkler_equals_strsim_bit_for_bit() {
        let mut rng = SplitMix64::new(3);
        let mut s = JaroScratch::default();
        for round in 0..20000 {
            let alpha: &[u8] = if round % 2 == 0 { b"abcde " } else { b"etaoinshrdlu " };
            let max = [6, 20, 40, 160][round % 4];
            let (x, y) = (random_string(&mut rng, max, alpha), random_string(&mut rng, max, alpha));
            let (xa, ya) = (String::from_utf8_lossy(&x).into_owned(), String::from_utf8_lossy(&y).into_owned());
            let want = strsim::jaro_winkler(&xa, &ya);
            let got = jaro_winkler_ascii(&x, &y, &mut s);
            assert_eq!(got.to_bits(), want.to_bits(), "{xa:?} {ya:?}: {got} vs {want}");
        }
    }
}
