//! Plain data types that flow between crosscheck's stages.
//!
//! crosscheck is a pipeline: text → claims → matches → graph → report. Every
//! stage lives in its own crate and talks to the next one only through the
//! types defined here. They are deliberately *plain*: structs and enums with
//! public fields, `serde` derives, no behaviour beyond small invariant-keeping
//! constructors. A stage may be rewritten wholesale as long as it keeps
//! producing these values. The one piece of shared logic is [`rng`], a
//! tiny deterministic generator that crates at every level of the pipeline
//! need and that therefore can live nowhere further down.
//!
//! The central invariant is about offsets. A [`Span`] always indexes the
//! **original bytes of the article file**, never a cleaned or decoded copy.
//! Stages that transform text (HTML extraction, furniture removal,
//! re-joining of hard-wrapped lines) keep an offset map so that whatever they
//! find can be reported against what the user actually has on disk.
//!
//! Module map:
//! - [`span`]: byte spans and their checks.
//! - [`article`]: an article as ingested, with how its metadata was inferred.
//! - [`claim`]: atomic claims with attribution, entities and quantities.
//! - [`value`]: normalised values (intervals, dates, canonical keys) that the
//!   normaliser attaches to entities and quantities.
//! - [`report`]: the corroboration report (clusters, edges, disputes,
//!   derivations) that later stages fill in and the report crate renders.
//! - [`diagnostic`]: recoverable problems collected on the way.
//! - [`rng`]: SplitMix64, the workspace's one seeded random generator.

pub mod article;
pub mod claim;
pub mod diagnostic;
pub mod report;
pub mod rng;
pub mod span;
pub mod value;

pub use article::{Article, ArticleId, Credit, CreditKind, Format, Inferred, Source};
pub use claim::{Attribution, AttributionMode, Claim, ClaimId, ClaimKind, Entity, EntityKind, Quantity, QuantityKind};
pub use diagnostic::{Diagnostic, Severity};
pub use report::{
    Cluster, ClusterId, ClusterStatus, Derivation, Dispute, DisputeKind, DisputeSide, Edge, EdgeKind, FeatureMap, Occurrence,
    Report, SCHEMA_VERSION,
};
pub use rng::SplitMix64;
pub use span::Span;
pub use value::{DateValue, Interval, Role, Unit};
