//! The corroboration graph: clusters, statuses, disputes and derivations on petgraph.
