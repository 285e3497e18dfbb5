//! Normalisation of quantities, durations, dates, entity names and roles into comparable values.
mod tokens;
pub mod fold;
pub mod hedges;
pub mod numbers;
pub use fold::fold;
pub mod durations;
pub mod dates;
pub mod quantities;
pub use dates::DateContext;
pub use quantities::{compatible, find_quantities, parse_quantity, Compatibility, Found};
pub mod suites;
pub mod entities;
pub mod roles;
pub use entities::{entity_key, same_entity, same_person};
pub use roles::{parse_role, roles_conflict};
