//! Normalisation of quantities, durations, dates, entity names and roles into comparable values.
mod tokens;
pub mod fold;
pub mod hedges;
pub mod numbers;
pub use fold::fold;
pub mod durations;
