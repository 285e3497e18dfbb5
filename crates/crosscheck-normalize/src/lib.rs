//! Normalisation of quantities, durations, dates, entity names and roles into comparable values.
