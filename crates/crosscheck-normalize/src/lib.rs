//! Normalisation of quantities, durations, dates, entity names and roles
//! into comparable values.
//!
//! Outlets state one fact in many forms — "a 90-minute call", "nearly an hour
//! and a half", "almost 90 minutes". The matcher must see through form, so
//! this crate turns each form into a *value* that can be compared: an
//! [`Interval`](crosscheck_core::value::Interval) in a base unit, a resolved
//! [`DateValue`](crosscheck_core::value::DateValue), a canonical entity key,
//! a [`Role`](crosscheck_core::value::Role).
//!
//! Like the normaliser chains of Meilisearch's charabia, the work is an
//! ordered list of small stages, each in its own module and each doing one
//! job:
//!
//! 1. [`fold`] — Unicode folding: NFKD, lowercase, accents stripped, curly
//!    quotes and dashes made ASCII. Idempotent. Used by every later stage.
//! 2. `tokens` — tokenisation with byte offsets into the caller's text, so
//!    every range reported later is a range of original bytes on char
//!    boundaries.
//! 3. [`numbers`] — numbers in digits and words. Cardinal/ordinal word runs
//!    are evaluated by `text2num`; this stage adds what it lacks: digit
//!    grouping, multipliers ("10k", "1.5 million", "$2bn"), "trillion",
//!    "point" decimals, fractions ("two-thirds", "a fifth", "3/4", "½"),
//!    mixed numbers ("two and a half"), "X over Y", signs.
//! 4. [`durations`] — durations in seconds: "90-minute", "an hour and a
//!    half", "half a day", "2 years, 3 months", "1 hour thirty".
//! 5. [`dates`] — explicit and relative dates resolved against the
//!    publication date ([`DateContext`]), with the rule recorded.
//! 6. [`quantities`] — the scanner [`find_quantities`]: hedges and vague
//!    amounts from the [`hedges`] tables ("nearly", "more than", "hundreds of
//!    thousands"), ranges ("3-4 hours", "between 20 and 30"), money,
//!    percentages and units; plus [`compatible`] and [`parse_quantity`].
//! 7. [`entities`] — entity keys through transliteration folding and an alias
//!    table of countries and organisations; [`same_entity`] with guards for
//!    persons (given names, Jr./Sr.) and distinguishing tokens.
//! 8. [`roles`] — titles before names ([`parse_role`], [`roles_conflict`]).
//!
//! All hedge tolerances and vague-amount intervals are data in [`hedges`]
//! (mirrored in `docs/normalisation.md`). [`suites`] runs the external
//! Recognizers-Text and Duckling test suites from `../shared/corpora`.
//!
//! No function here panics on any input: the scanner is property-tested on
//! arbitrary strings, and every reported range lies on char boundaries.

pub mod ascii;
pub mod dates;
pub mod durations;
pub mod entities;
pub mod fold;
pub mod hedges;
pub mod negation;
pub mod numbers;
pub mod quantities;
pub mod roles;
pub mod suites;
mod tokens;
pub mod wordmap;

pub use dates::DateContext;
pub use entities::{entity_key, key_for, person_key, same_entity, same_person};
pub use fold::fold;
pub use tokens::{Fnv, FnvBuildHasher, StrBuildHasher};
pub use wordmap::WordMap;
pub use numbers::{find_numbers, parse_number_text};
pub use quantities::{compatible, find_quantities, parse_quantity, Compatibility, Found};
pub use roles::{is_singular_office, parse_role, roles_conflict};
